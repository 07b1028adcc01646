/**
 * The ledger: a room's authoritative state that is not any one person's own
 * document. It never leaves the server (no connection syncs it); what the room
 * sees of it goes through the projection (projection.ts). Stored like every
 * document: an append log plus compacted snapshots.
 *
 * Root maps:
 * - `meta`: title, organisation, phase, settings, timer, revealed, locked, dimensions (shared/doc/meta-doc.ts);
 * - `participants`: participant id -> LedgerParticipant;
 * - `votes`: `${participantId}/${target}` -> count (a budget over concurrent
 *   edits is kept by one writer: votes are commands);
 * - `cards`: `${participantId}/${cardId}` -> CardRegistration, the public id
 *   and display order each card goes by once revealed;
 * - the roadmap, field by field (shared/doc/roadmap-doc.ts);
 * - `model`: what the workshop's model holds beyond `meta` (which everyone
 *   receives): its `name`, `description` and `playbooks` (first steps and
 *   benchmarks by dimension key). Absent on workshops created before models
 *   were files: they read as the default canvas;
 * - `baseline`: a re-run's memory of the earlier workshop, one value under
 *   `value` (shared/domain/types.ts Baseline: aggregates only);
 * - `earlier`: earlier initiative id -> EarlierMark, what the room says became of it;
 * - `aside`: public card id -> when the facilitator set it aside (moderation): the card stays in
 *   its author's document and nowhere else (projection, fullBoard, votes);
 * - `volunteers`: `${participantId}/${initiativeId}` -> when they said "I'll take this".
 */
import type * as Y from 'yjs';
import type { DimensionPlaybook } from '../../shared/domain/canvas.ts';
import type { Baseline, EarlierMark, Participant } from '../../shared/domain/types.ts';

export const LEDGER = {
  participants: 'participants',
  votes: 'votes',
  cards: 'cards',
  model: 'model',
  baseline: 'baseline',
  earlier: 'earlier',
  aside: 'aside',
  volunteers: 'volunteers',
} as const;

export interface LedgerParticipant extends Participant {
  /** The opaque id the room's people list uses in a named workshop (never the participant id). */
  personId: string;
}

export interface CardRegistration {
  /** Random, not derived from the author or the card's own id. */
  id: string;
  /** When it was written (named workshops) or a random rank (anonymous): what screens sort by. */
  order: number;
}

const openMaps = (doc: Y.Doc) => ({
  participants: doc.getMap<LedgerParticipant>(LEDGER.participants),
  votes: doc.getMap<number>(LEDGER.votes),
  cards: doc.getMap<CardRegistration>(LEDGER.cards),
  model: doc.getMap<unknown>(LEDGER.model),
  baseline: doc.getMap<Baseline>(LEDGER.baseline),
  earlier: doc.getMap<EarlierMark>(LEDGER.earlier),
  aside: doc.getMap<number>(LEDGER.aside),
  volunteers: doc.getMap<number>(LEDGER.volunteers),
});
const opened = new WeakMap<Y.Doc, ReturnType<typeof openMaps>>();
/** The ledger's maps, looked up once per document (the projection asks on every flush). */
export const ledgerMaps = (doc: Y.Doc): ReturnType<typeof openMaps> => {
  let maps = opened.get(doc);
  if (!maps) opened.set(doc, (maps = openMaps(doc)));
  return maps;
};

/** What the ledger keeps of the model beyond `meta`; null fields on a workshop created before models were files. */
export interface StoredModel {
  name: string | null;
  description: string | null;
  playbooks: Record<string, DimensionPlaybook> | null;
}

export function readStoredModel(doc: Y.Doc): StoredModel {
  const m = ledgerMaps(doc).model;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const p = m.get('playbooks');
  return {
    name: str(m.get('name')),
    description: str(m.get('description')),
    playbooks: p && typeof p === 'object' ? (p as Record<string, DimensionPlaybook>) : null,
  };
}

export function writeStoredModel(
  doc: Y.Doc,
  model: { name: string; description: string; playbooks: Record<string, DimensionPlaybook> },
): void {
  const m = ledgerMaps(doc).model;
  m.set('name', model.name);
  m.set('description', model.description);
  m.set('playbooks', model.playbooks);
}

export const readBaseline = (doc: Y.Doc): Baseline | null => ledgerMaps(doc).baseline.get('value') ?? null;

/** What the room has said of each earlier initiative, by id. */
export function readEarlier(doc: Y.Doc): Record<string, EarlierMark> {
  // Ids are checked where they come in (never `__proto__`); readers still look up own keys only (shared/rules/baseline.ts earlierMark).
  const out: Record<string, EarlierMark> = {};
  ledgerMaps(doc).earlier.forEach((mark, id) => {
    if (mark && typeof mark === 'object') out[id] = { status: mark.status ?? null, benchmarkMet: mark.benchmarkMet ?? null };
  });
  return out;
}

const SEP = '/';
export const ownedKey = (participantId: string, rest: string): string => `${participantId}${SEP}${rest}`;

/** Splits `${participantId}/${rest}`; null when the key has no owner part. */
export function splitOwnedKey(key: string): { owner: string; rest: string } | null {
  const at = key.indexOf(SEP);
  if (at <= 0 || at === key.length - 1) return null;
  return { owner: key.slice(0, at), rest: key.slice(at + 1) };
}

/** Votes one participant has spent, by target. */
export function votesOf(doc: Y.Doc, participantId: string): Map<string, number> {
  const out = new Map<string, number>();
  const prefix = participantId + SEP;
  ledgerMaps(doc).votes.forEach((count, key) => {
    if (key.startsWith(prefix) && typeof count === 'number' && count > 0) out.set(key.slice(prefix.length), count);
  });
  return out;
}

/** Public ids of the cards the facilitator set aside. */
export function asideIds(doc: Y.Doc): Set<string> {
  return new Set(ledgerMaps(doc).aside.keys());
}

/** Who volunteered for each initiative, in the order they did: initiative id -> participant ids. */
export function volunteersByInitiative(doc: Y.Doc): Map<string, string[]> {
  const list: Array<{ owner: string; rest: string; at: number }> = [];
  ledgerMaps(doc).volunteers.forEach((at, key) => {
    const split = splitOwnedKey(key);
    if (split) list.push({ ...split, at: typeof at === 'number' ? at : 0 });
  });
  list.sort((a, b) => a.at - b.at || (a.owner < b.owner ? -1 : 1));
  const out = new Map<string, string[]>();
  for (const v of list) out.set(v.rest, [...(out.get(v.rest) ?? []), v.owner]);
  return out;
}
