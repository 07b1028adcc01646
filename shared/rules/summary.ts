/**
 * One rule for summarising a room's answers on one dimension, used by the
 * screens (client/lib/model.ts) and by the roadmap, so the board's "wide
 * spread" flag and the roadmap's "the room disagrees" can never differ.
 *
 * The input is a histogram, not the answers themselves: `counts[s - 1]` people
 * chose stage s. A screen that only receives per-dimension counts can call it.
 */
import type { Camp } from '../domain/types.ts';

export type { Camp };
import { STAGE_COUNT } from '../domain/canvas.ts';

/** The middle half of the answers covering this many stages means the room does not share a view. */
export const WIDE_SPREAD = 2;

export interface Summary {
  /** How many people answered. */
  answers: number;
  /**
   * The middle answer: for an even count the lower of the two middle ones, so
   * it is always a stage someone chose. Null with no answers, and when the room
   * falls into two camps: then no single stage speaks for it.
   */
  median: number | null;
  /** The middle half of the answers runs from `low` to `high` (null with no answers); see `summarise`. */
  low: number | null;
  high: number | null;
  /** high - low: how many stages the middle half covers, 0..4. */
  spread: number;
  /** Two camps at a distance, lower first; null when the answers do not fall that way. */
  camps: [Camp, Camp] | null;
  /** The room disagrees widely: the middle half covers two stages or more, or it falls into two camps. */
  wide: boolean;
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);

/** Counts per stage (index 0 = stage 1) of the answers that are whole stages 1..5; anything else is left out. */
export function histogram(stages: Iterable<number | null | undefined>): number[] {
  const counts = new Array<number>(STAGE_COUNT).fill(0);
  for (const s of stages) if (typeof s === 'number' && Number.isInteger(s) && s >= 1 && s <= STAGE_COUNT) counts[s - 1]!++;
  return counts;
}

/** The stage of the answer at `rank` (0-based) when the answers are sorted. */
function stageAt(counts: readonly number[], rank: number): number {
  let seen = 0;
  for (let s = 1; s <= counts.length; s++) {
    seen += counts[s - 1]!;
    if (rank < seen) return s;
  }
  return counts.length;
}

/**
 * Two camps: the answers split at a valley stage v into those below and those
 * above it, where
 * - each side holds at least 2 answers and at least a quarter of the room,
 * - each side sits on one stage or two neighbouring ones (a camp, not a scatter),
 * - the valley holds at most half as many answers as the smaller side.
 * The sides are then at least two stages apart. Of several valleys, the emptiest,
 * then the one that splits the room most evenly, then the lowest.
 * "4 say Broadcasting, 5 say Engaging" is two camps; one person at the far end is not.
 */
function findCamps(counts: readonly number[], answers: number): [Camp, Camp] | null {
  let best: { camps: [Camp, Camp]; between: number; imbalance: number } | null = null;
  for (let v = 2; v < counts.length; v++) {
    const below = occupied(counts, 1, v - 1);
    const above = occupied(counts, v + 1, counts.length);
    if (!below || !above) continue;
    const between = counts[v - 1]!;
    const smaller = Math.min(below.count, above.count);
    if (smaller < 2 || 4 * smaller < answers) continue;
    if (below.to - below.from > 1 || above.to - above.from > 1) continue;
    if (2 * between > smaller) continue;
    const imbalance = Math.abs(below.count - above.count);
    if (!best || between < best.between || (between === best.between && imbalance < best.imbalance)) {
      best = { camps: [below, above], between, imbalance };
    }
  }
  return best?.camps ?? null;
}

/** The answers between stages `from` and `to` (inclusive), trimmed to the stages someone chose; null if none. */
function occupied(counts: readonly number[], from: number, to: number): Camp | null {
  let lo = 0;
  let hi = 0;
  let n = 0;
  for (let s = from; s <= to; s++) {
    const c = counts[s - 1]!;
    if (c === 0) continue;
    if (lo === 0) lo = s;
    hi = s;
    n += c;
  }
  return n === 0 ? null : { from: lo, to: hi, count: n };
}

/**
 * Summarises one dimension's answers, given as counts per stage (`counts[0]` =
 * stage 1; entries that are not positive numbers count as 0, entries past
 * stage 5 are ignored).
 *
 * - median: the lower middle answer (see `Summary.median`), null for two camps.
 * - low / high: the answers at the ranks nearest (n-1)/4 and 3(n-1)/4 (0-based,
 *   halves rounded outwards), so two or three answers are read whole and from
 *   four up the outermost answer on each side is left out: one person at the
 *   far end does not divide a room of four or more, while [1, 3, 5] is wide.
 * - wide: at least two answers and (spread >= 2 or two camps).
 */
export function summarise(counts: readonly number[]): Summary {
  const clean = Array.from({ length: STAGE_COUNT }, (_, i) => count(counts[i]));
  const answers = clean.reduce((a, b) => a + b, 0);
  if (answers === 0) return { answers, median: null, low: null, high: null, spread: 0, camps: null, wide: false };
  const low = stageAt(clean, Math.ceil((answers - 1) / 4 - 0.5));
  const high = stageAt(clean, Math.floor((3 * (answers - 1)) / 4 + 0.5));
  const spread = high - low;
  const camps = answers >= 4 ? findCamps(clean, answers) : null;
  return {
    answers,
    median: camps ? null : stageAt(clean, Math.floor((answers - 1) / 2)),
    low,
    high,
    spread,
    camps,
    wide: answers >= 2 && (spread >= WIDE_SPREAD || camps !== null),
  };
}
