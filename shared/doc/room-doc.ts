/**
 * The documents a screen receives, and how a screen reads them into one
 * RoomBoard. Both are written only by the server (server/rooms/projection.ts),
 * derived from the room's authoritative state for a class of recipient, so
 * what they hold is exactly what the privacy table allows:
 *
 * `room` (everyone: phones, the projector, the console):
 * - `meta`: title, organisation, phase, settings, timer, revealed, locked, dimensions;
 * - `cards`: public id -> PackedCard (a PublicCardValue in short keys), revealed cards only;
 * - `stats`: counts (RoomStats fields, and `answers:<dimension>`);
 * - `dists`: dimension -> Histogram, once the room may see it;
 * - `votes`: target -> total, once the room may see them;
 * - `people`: opaque id -> { name, joinedAt }, named workshops only;
 * - the roadmap, field by field (shared/doc/roadmap-doc.ts);
 * - `baseline` (a re-run only): `info` -> { title, organisation, date, names } of the
 *   earlier workshop, `initiatives` -> EarlierInitiativeView[] with what the room says
 *   became of each;
 * - `then` (a re-run only): dimension -> the earlier room's Histogram, once Assess is
 *   revealed and only where enough people answered then.
 *
 * `console` (facilitator connections only):
 * - `cards`: public id -> PackedCard for cards not revealed yet (no author);
 * - `people`: participant id -> { name, joinedAt, removed, answered?, cards? };
 * - `aside`: public id -> PackedCard (no author) for cards the facilitator set aside;
 * - `volunteers`: initiative id -> ConsoleVolunteer[], who said "I'll take this".
 *
 * Never in either: a participant id outside the console's people list, a Yjs
 * client id other than the server's, one person's marker values.
 */
import type * as Y from 'yjs';
import {
  readDimensions,
  readJoinsClosed,
  readLocked,
  readPhase,
  readRevealed,
  readSettings,
  readStages,
  readTimer,
  readWhatMoved,
} from './meta-doc.ts';
import { privateMaps, readMyCards, readMyMarkers, readMyVotes } from './private-doc.ts';
import { readRoadmap } from './roadmap-doc.ts';
import type {
  Volunteer,
  BaselineView,
  EarlierInitiativeView,
  Histogram,
  MyState,
  PersonView,
  PublicCard,
  PublicCardValue,
  RoomBoard,
  RoomStats,
} from '../domain/types.ts';

export const ROOM = {
  meta: 'meta',
  cards: 'cards',
  stats: 'stats',
  dists: 'dists',
  votes: 'votes',
  people: 'people',
  baseline: 'baseline',
  then: 'then',
} as const;

/** What `baseline.info` holds. */
export interface BaselineInfo {
  title: string;
  organisation: string;
  date: string;
  names: Record<string, string>;
}

export const CONSOLE = { cards: 'cards', people: 'people', aside: 'aside', volunteers: 'volunteers' } as const;

/** Someone who said "I'll take this" for an initiative, as the console lists them. */
export type ConsoleVolunteer = Volunteer;

/**
 * A card as the room and console documents hold it: a PublicCardValue in one-letter keys, with
 * its null fields left out and its kind as one letter. Every edit of a revealed card sends this
 * value to every screen in the room, so its keys are most of what an edit costs on the wire
 * beyond the text itself: 126 bytes of Yjs content for a typical card in full keys, 77 packed
 * (issue 14). `o` is the display order (PublicCardValue.order).
 */
export interface PackedCard {
  k: 'p' | 'b';
  t: string;
  d?: string;
  s?: number;
  n?: string;
  /** A barrier's time window. */
  w?: string;
  a?: string;
  o: number;
}

/** The packed form of a card; the same card always packs to the same keys in the same order. */
export function packCard(c: PublicCardValue): PackedCard {
  const out: PackedCard = { k: c.kind === 'practice' ? 'p' : 'b', t: c.text, o: c.order };
  if (c.dimension !== null) out.d = c.dimension;
  if (c.stage !== null) out.s = c.stage;
  if (c.notBefore !== null) out.n = c.notBefore;
  if (c.hold !== null) out.w = c.hold;
  if (c.author !== null) out.a = c.author;
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A card read back from a room or console document; null for anything that is not a packed card. */
export function unpackCard(v: unknown): PublicCardValue | null {
  if (!v || typeof v !== 'object') return null;
  const p = v as Record<string, unknown>;
  if ((p.k !== 'p' && p.k !== 'b') || typeof p.t !== 'string') return null;
  return {
    kind: p.k === 'p' ? 'practice' : 'barrier',
    text: p.t,
    dimension: str(p.d),
    stage: typeof p.s === 'number' ? p.s : null,
    notBefore: str(p.n),
    hold: str(p.w),
    author: str(p.a),
    order: typeof p.o === 'number' ? p.o : 0,
  };
}

/** Keys of the `stats` map: RoomStats' numbers, and one `answers:<dimension>` per dimension. */
export const STAT_KEYS = [
  'participants',
  'practiceCards',
  'barrierCards',
  'hiddenPractice',
  'hiddenBarriers',
  'peopleWithCards',
  'peopleAnswered',
  'peopleVoted',
] as const satisfies readonly (keyof RoomStats)[];
export const ANSWERS_PREFIX = 'answers:';

export interface ConsolePerson {
  name: string;
  joinedAt: number;
  removed: boolean;
  answered?: number;
  cards?: number;
}

export interface RoomPerson {
  name: string;
  joinedAt: number;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function readStats(room: Y.Doc): RoomStats {
  const map = room.getMap<number>(ROOM.stats);
  const stats = { answers: {} } as RoomStats;
  for (const key of STAT_KEYS) stats[key] = num(map.get(key));
  map.forEach((value, key) => {
    if (key.startsWith(ANSWERS_PREFIX)) stats.answers[key.slice(ANSWERS_PREFIX.length)] = num(value);
  });
  return stats;
}

function readCardsOf(doc: Y.Doc, hidden: boolean, out: PublicCard[], mine: ReadonlyMap<string, string>): void {
  doc.getMap<PackedCard>(ROOM.cards).forEach((packed, id) => {
    const value = unpackCard(packed);
    if (value) out.push({ ...value, id, hidden, mine: mine.has(id), localId: mine.get(id) ?? null });
  });
}

export interface ReadOptions {
  /** The facilitator's console doc, when this screen is a console that is not presenting. */
  console?: Y.Doc | null;
  /** This phone's own doc and participant id. */
  mine?: { doc: Y.Doc; participantId: string } | null;
}

/** Everything one screen may show, as plain data. */
export function readRoomBoard(room: Y.Doc, opts: ReadOptions = {}): RoomBoard {
  const meta = room.getMap<unknown>(ROOM.meta);
  const settings = readSettings(room);
  const cards: PublicCard[] = [];
  let me: MyState | null = null;
  const minePublic = new Map<string, string>();
  if (opts.mine) {
    const myCards = readMyCards(opts.mine.doc);
    const aside = privateMaps(opts.mine.doc).aside;
    for (const c of myCards) if (c.publicId) minePublic.set(c.publicId, c.id);
    const revealed = room.getMap<PackedCard>(ROOM.cards);
    // Own cards the room cannot see yet are still this phone's to show.
    for (const c of myCards) {
      if (c.publicId && revealed.has(c.publicId)) continue;
      cards.push({
        id: c.publicId ?? `local:${c.id}`,
        kind: c.kind,
        text: c.text,
        dimension: c.dimension,
        stage: c.stage,
        notBefore: c.kind === 'barrier' ? (c.notBefore ?? null) : null,
        hold: c.kind === 'barrier' ? (c.hold ?? null) : null,
        author: null,
        order: c.createdAt,
        hidden: true,
        mine: true,
        localId: c.id,
        ...(aside.has(c.id) ? { aside: true as const } : {}),
      });
    }
    const notBefore: Record<string, string> = {};
    for (const c of myCards) if (c.kind === 'barrier' && c.notBefore) notBefore[c.id] = c.notBefore;
    const offers = [...privateMaps(opts.mine.doc).offers.keys()];
    me = {
      participantId: opts.mine.participantId,
      markers: readMyMarkers(opts.mine.doc),
      votes: readMyVotes(opts.mine.doc),
      notBefore,
      offers,
    };
  }
  readCardsOf(room, false, cards, minePublic);
  if (opts.console) readCardsOf(opts.console, true, cards, minePublic);
  cards.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const dists: Record<string, Histogram> = {};
  room.getMap<Histogram>(ROOM.dists).forEach((h, dim) => {
    if (h && typeof h === 'object') dists[dim] = h;
  });
  const voteMap = room.getMap<number>(ROOM.votes);
  const votes = settings && meta.size ? readVotes(voteMap) : null;

  const people: PersonView[] = [];
  if (opts.console) {
    opts.console.getMap<ConsolePerson>(CONSOLE.people).forEach((p, id) => {
      people.push({ id, name: p.name, joinedAt: p.joinedAt, removed: p.removed, answered: p.answered ?? null, cards: p.cards ?? null });
    });
  } else {
    room.getMap<RoomPerson>(ROOM.people).forEach((p, id) => {
      people.push({ id, name: p.name, joinedAt: p.joinedAt, removed: false, answered: null, cards: null });
    });
  }
  people.sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));

  return {
    title: typeof meta.get('title') === 'string' ? (meta.get('title') as string) : '',
    organisation: typeof meta.get('organisation') === 'string' ? (meta.get('organisation') as string) : '',
    phase: readPhase(room),
    settings,
    timer: readTimer(room),
    revealed: readRevealed(room),
    locked: readLocked(room),
    joinsClosed: readJoinsClosed(room),
    dimensions: readDimensions(room),
    cards,
    stats: readStats(room),
    dists,
    votes,
    people,
    roadmap: readRoadmap(room),
    me,
    stages: readStages(room),
    baseline: readBaselineView(room),
    whatMoved: readWhatMoved(room),
  };
}

/** A re-run's baseline as the server let this screen see it; null for a first run. */
function readBaselineView(room: Y.Doc): BaselineView | null {
  const map = room.getMap<unknown>(ROOM.baseline);
  const info = map.get('info') as BaselineInfo | undefined;
  if (!info || typeof info !== 'object') return null;
  const list = map.get('initiatives');
  const then: Record<string, Histogram> = {};
  room.getMap<Histogram>(ROOM.then).forEach((h, dim) => {
    if (h && typeof h === 'object') then[dim] = h;
  });
  return {
    title: String(info.title ?? ''),
    organisation: String(info.organisation ?? ''),
    date: String(info.date ?? ''),
    names: info.names && typeof info.names === 'object' ? info.names : {},
    then,
    initiatives: Array.isArray(list) ? (list as EarlierInitiativeView[]) : [],
  };
}

/** Vote totals, or null while the room may not see them (the server writes none then). */
function readVotes(map: Y.Map<number>): Record<string, number> | null {
  if (map.get('@open') !== 1) return null;
  const out: Record<string, number> = {};
  map.forEach((n, target) => {
    if (target !== '@open' && typeof n === 'number' && n > 0) out[target] = n;
  });
  return out;
}
