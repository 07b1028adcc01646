/**
 * Pure rules for what each view may show, and the numbers the board draws.
 * No Svelte here: these are the privacy rules, kept testable and in one place.
 */
import { PHASES, type Phase } from '../../shared/canvas.ts';
import type { BoardState, Card, DimensionDef, RevealState, Vote } from '../../shared/types.ts';

export type PrivatePart = keyof RevealState;

/**
 * True while the room must not see others' entries of a part: the facilitator
 * asked for privacy and has not revealed it yet. Moving the session past the
 * phase opens it, because the next phase works on it (votes need the cards).
 */
export function isHidden(board: BoardState, part: PrivatePart): boolean {
  if (!board.settings.privateUntilReveal || board.revealed[part]) return false;
  return PHASES.indexOf(board.phase) <= PHASES.indexOf(part as Phase);
}

const partOf = (card: Card): PrivatePart => (card.kind === 'barrier' ? 'prioritise' : 'map');

/** Cards a viewer may see: their own always, others' once their phase is open. Facilitators see all. */
export function visibleCards(board: BoardState, viewer: { participantId: string | null; facilitator?: boolean }): Card[] {
  if (viewer.facilitator) return board.cards;
  return board.cards.filter((c) => c.authorId === viewer.participantId || !isHidden(board, partOf(c)));
}

export interface Distribution {
  /** How many people put their current (index 0 = stage 1) and target marker on each stage. */
  current: number[];
  target: number[];
  answers: number;
  medianCurrent: number | null;
  medianTarget: number | null;
  /** Interquartile range of current markers, in stages. */
  spread: number;
  /** The room disagrees about where it stands: what to discuss first. */
  wide: boolean;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Wide when the middle half of the room spans two stages or more, or answers span four. */
export function distributions(board: BoardState, removed: ReadonlySet<string> = removedIds(board)): Map<string, Distribution> {
  const out = new Map<string, Distribution>();
  for (const d of board.dimensions) {
    out.set(d.key, { current: [0, 0, 0, 0, 0], target: [0, 0, 0, 0, 0], answers: 0, medianCurrent: null, medianTarget: null, spread: 0, wide: false });
  }
  const cur = new Map<string, number[]>();
  const tgt = new Map<string, number[]>();
  for (const m of board.markers) {
    const dist = out.get(m.dimension);
    if (!dist || removed.has(m.participantId)) continue;
    if (m.current !== null || m.target !== null) dist.answers++;
    if (m.current !== null && m.current >= 1 && m.current <= 5) {
      dist.current[m.current - 1]!++;
      (cur.get(m.dimension) ?? cur.set(m.dimension, []).get(m.dimension)!).push(m.current);
    }
    if (m.target !== null && m.target >= 1 && m.target <= 5) {
      dist.target[m.target - 1]!++;
      (tgt.get(m.dimension) ?? tgt.set(m.dimension, []).get(m.dimension)!).push(m.target);
    }
  }
  for (const [key, dist] of out) {
    const c = (cur.get(key) ?? []).sort((a, b) => a - b);
    dist.medianCurrent = median(c);
    dist.medianTarget = median(tgt.get(key) ?? []);
    if (c.length >= 2) {
      dist.spread = quantile(c, 0.75) - quantile(c, 0.25);
      dist.wide = dist.spread >= 2 || c[c.length - 1]! - c[0]! >= 4;
    }
  }
  return out;
}

export function removedIds(board: BoardState): Set<string> {
  return new Set(board.participants.filter((p) => p.removed).map((p) => p.id));
}

/** Distributions are shown to the room only with enough answers and once the phase is open. */
export function distributionVisible(board: BoardState, dist: Distribution | undefined): boolean {
  return !!dist && dist.answers >= board.settings.minAnswers && !isHidden(board, 'assess');
}

export function voteTotals(votes: Vote[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const v of votes) totals.set(v.target, (totals.get(v.target) ?? 0) + v.count);
  return totals;
}

export function myVotes(votes: Vote[], participantId: string | null): Map<string, number> {
  const mine = new Map<string, number>();
  for (const v of votes) if (v.participantId === participantId) mine.set(v.target, v.count);
  return mine;
}

/** Name of a card's author, or null when the workshop is anonymous. */
export function authorName(board: BoardState, card: Card): string | null {
  if (board.settings.anonymous) return null;
  return board.participants.find((p) => p.id === card.authorId)?.name ?? null;
}

export function dimensionName(dims: DimensionDef[], key: string | null): string {
  if (!key) return 'General';
  return dims.find((d) => d.key === key)?.name ?? key;
}

/** Cards grouped by `dimension/stage` cell. */
export function cardsByCell(cards: Card[]): Map<string, Card[]> {
  const cells = new Map<string, Card[]>();
  for (const c of cards) {
    if (c.kind !== 'practice' || !c.dimension || !c.stage) continue;
    const k = `${c.dimension}/${c.stage}`;
    (cells.get(k) ?? cells.set(k, []).get(k)!).push(c);
  }
  return cells;
}

/** A short random id for a card: url-safe, as the board's key rules require. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

export function formatMs(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}
