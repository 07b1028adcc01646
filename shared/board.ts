/**
 * The layout of a workshop's Y.Doc and typed read/write helpers used by both sides.
 *
 * Root types (all Y.Maps of plain JSON values, never nested Y types):
 * - `meta`: title, organisation, phase, settings, timer, revealed, locked,
 *   dimensions. Written only by the server (facilitator commands).
 * - `participants`: id -> Participant. Server only.
 * - `clients`: Yjs clientID (string) -> participant id or "@server". Server only;
 *   binds each writing client to one person so nobody writes as someone else.
 * - `cards`: `${participantId}/${cardId}` -> CardValue. A participant writes its own keys.
 * - `markers`: `${participantId}/${dimensionKey}` -> MarkerValue. Own keys only.
 * - `votes`: `${participantId}/${target}` -> count. Server only (vote commands),
 *   because a budget over concurrent edits is something only one writer can keep.
 * - `roadmap`: "current" -> Roadmap. Server only (roadmap commands).
 */
import * as Y from 'yjs';
import { DEFAULT_DIMENSIONS, PHASES, type Phase } from './canvas.ts';
import type {
  BoardState,
  Card,
  CardValue,
  DimensionDef,
  Marker,
  MarkerValue,
  Participant,
  RevealState,
  Roadmap,
  Settings,
  TimerState,
  Vote,
  VoteTarget,
} from './types.ts';

export const ROOT = {
  meta: 'meta',
  participants: 'participants',
  clients: 'clients',
  cards: 'cards',
  markers: 'markers',
  votes: 'votes',
  roadmap: 'roadmap',
} as const;

/** Roots a participant may write directly with Yjs updates (own keys only). */
export const PARTICIPANT_WRITABLE_ROOTS: ReadonlySet<string> = new Set([ROOT.cards, ROOT.markers]);

export const SERVER_CLIENT = '@server';
export const KEY_SEPARATOR = '/';

export const DEFAULT_SETTINGS: Settings = {
  votesPerPerson: 5,
  anonymous: false,
  privateUntilReveal: true,
  minAnswers: 3,
  horizons: [
    { id: 'now', label: 'Now', fromMonth: 0, toMonth: 3 },
    { id: 'next', label: 'Next', fromMonth: 3, toMonth: 6 },
    { id: 'later', label: 'Later', fromMonth: 6, toMonth: 12 },
  ],
  initiativeCap: 3,
  roadmapEditable: true,
};

export const IDLE_TIMER: TimerState = { status: 'idle', endsAt: null, remainingMs: 0 };
export const HIDDEN: RevealState = { map: false, assess: false, prioritise: false };

export function ownedKey(participantId: string, rest: string): string {
  return `${participantId}${KEY_SEPARATOR}${rest}`;
}

/** Splits `${participantId}/${rest}`; null when the key has no owner part. */
export function splitOwnedKey(key: string): { owner: string; rest: string } | null {
  const at = key.indexOf(KEY_SEPARATOR);
  if (at <= 0 || at === key.length - 1) return null;
  return { owner: key.slice(0, at), rest: key.slice(at + 1) };
}

export function defaultDimensions(): DimensionDef[] {
  return DEFAULT_DIMENSIONS.map((d) => ({
    key: d.key,
    name: d.name,
    left: d.left,
    right: d.right,
    descriptors: [...d.descriptors],
    prompts: [...d.prompts],
    enabler: d.enabler,
  }));
}

export const maps = (doc: Y.Doc) => ({
  meta: doc.getMap<unknown>(ROOT.meta),
  participants: doc.getMap<Participant>(ROOT.participants),
  clients: doc.getMap<string>(ROOT.clients),
  cards: doc.getMap<CardValue>(ROOT.cards),
  markers: doc.getMap<MarkerValue>(ROOT.markers),
  votes: doc.getMap<number>(ROOT.votes),
  roadmap: doc.getMap<Roadmap>(ROOT.roadmap),
});

export interface InitialBoard {
  title: string;
  organisation: string;
  dimensions: DimensionDef[];
  settings?: Partial<Settings>;
}

/** Writes a fresh board into an empty doc (server side, at creation). */
export function initBoard(doc: Y.Doc, init: InitialBoard): void {
  const m = maps(doc);
  doc.transact(() => {
    m.meta.set('title', init.title);
    m.meta.set('organisation', init.organisation);
    m.meta.set('phase', 'lobby' satisfies Phase);
    m.meta.set('settings', { ...DEFAULT_SETTINGS, ...init.settings });
    m.meta.set('timer', IDLE_TIMER);
    m.meta.set('revealed', HIDDEN);
    m.meta.set('locked', false);
    m.meta.set('dimensions', init.dimensions);
  });
}

function metaValue<T>(doc: Y.Doc, key: string, fallback: T): T {
  const v = maps(doc).meta.get(key);
  return v === undefined ? fallback : (v as T);
}

export function readPhase(doc: Y.Doc): Phase {
  const p = metaValue<string>(doc, 'phase', 'lobby');
  return (PHASES as readonly string[]).includes(p) ? (p as Phase) : 'lobby';
}
export const readSettings = (doc: Y.Doc): Settings => ({ ...DEFAULT_SETTINGS, ...metaValue<Partial<Settings>>(doc, 'settings', {}) });
export const readDimensions = (doc: Y.Doc): DimensionDef[] => metaValue<DimensionDef[]>(doc, 'dimensions', []);
export const readLocked = (doc: Y.Doc): boolean => metaValue<unknown>(doc, 'locked', false) === true;
export const readRevealed = (doc: Y.Doc): RevealState => ({ ...HIDDEN, ...metaValue<Partial<RevealState>>(doc, 'revealed', {}) });
export const readTimer = (doc: Y.Doc): TimerState => metaValue<TimerState>(doc, 'timer', IDLE_TIMER);

/**
 * Yjs hands out the same value object for an entry until it changes, so each
 * read returns the same Card/Marker object for an unchanged entry. Views keyed
 * on them then re-render only what changed (one card, not three hundred).
 */
const cardCache = new WeakMap<object, Card>();
const markerCache = new WeakMap<object, Marker>();

export function readCards(doc: Y.Doc): Card[] {
  const out: Card[] = [];
  maps(doc).cards.forEach((value, key) => {
    const cached = value && typeof value === 'object' ? cardCache.get(value) : undefined;
    if (cached && cached.key === key) return void out.push(cached);
    const k = splitOwnedKey(key);
    if (!k || !value || typeof value !== 'object') return;
    const card: Card = { ...value, key, id: k.rest, authorId: k.owner };
    cardCache.set(value, card);
    out.push(card);
  });
  // Stable order for every reader: oldest first, key as tie-break.
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function readMarkers(doc: Y.Doc): Marker[] {
  const out: Marker[] = [];
  maps(doc).markers.forEach((value, key) => {
    const cached = value && typeof value === 'object' ? markerCache.get(value) : undefined;
    if (cached) return void out.push(cached);
    const k = splitOwnedKey(key);
    if (!k || !value || typeof value !== 'object') return;
    const marker: Marker = { participantId: k.owner, dimension: k.rest, current: value.current ?? null, target: value.target ?? null };
    markerCache.set(value, marker);
    out.push(marker);
  });
  return out.sort((a, b) => (a.participantId + a.dimension < b.participantId + b.dimension ? -1 : 1));
}

export function readVotes(doc: Y.Doc): Vote[] {
  const out: Vote[] = [];
  maps(doc).votes.forEach((count, key) => {
    const k = splitOwnedKey(key);
    if (!k || typeof count !== 'number' || count <= 0) return;
    out.push({ participantId: k.owner, target: k.rest as VoteTarget, count });
  });
  return out.sort((a, b) => (a.participantId + a.target < b.participantId + b.target ? -1 : 1));
}

export function readParticipants(doc: Y.Doc): Participant[] {
  return [...maps(doc).participants.values()].sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
}

export function votesUsed(doc: Y.Doc, participantId: string): number {
  let used = 0;
  const prefix = participantId + KEY_SEPARATOR;
  maps(doc).votes.forEach((count, key) => {
    if (key.startsWith(prefix) && typeof count === 'number') used += count;
  });
  return used;
}

/** The whole board as plain data: what the roadmap, the export and the views read. */
export function readBoard(doc: Y.Doc): BoardState {
  return {
    title: metaValue(doc, 'title', ''),
    organisation: metaValue(doc, 'organisation', ''),
    phase: readPhase(doc),
    settings: readSettings(doc),
    timer: readTimer(doc),
    revealed: readRevealed(doc),
    locked: readLocked(doc),
    dimensions: readDimensions(doc),
    participants: readParticipants(doc),
    cards: readCards(doc),
    markers: readMarkers(doc),
    votes: readVotes(doc),
    roadmap: maps(doc).roadmap.get('current') ?? null,
  };
}

/** Client-side writers for a participant's own entries. */
export function putCard(doc: Y.Doc, participantId: string, cardId: string, value: CardValue): string {
  const key = ownedKey(participantId, cardId);
  maps(doc).cards.set(key, value);
  return key;
}

export function deleteCard(doc: Y.Doc, key: string): void {
  maps(doc).cards.delete(key);
}

export function putMarker(doc: Y.Doc, participantId: string, dimension: string, value: MarkerValue): void {
  maps(doc).markers.set(ownedKey(participantId, dimension), value);
}
