/**
 * A re-run and its baseline, pure: what a new workshop remembers of the
 * earlier one (built from its archive by shared/schema/archive-baseline.ts),
 * and how the two compare
 * (`sinceEarlier`: per dimension then and now, what became of each earlier
 * initiative, which barriers are still raised). The roadmap generator and the
 * export read the comparison; the projection shows the room its distributions.
 * Zod-free.
 */
import { summarise } from './summary.ts';
import { cleanText } from '../domain/text.ts';
import { LIMITS } from '../domain/limits.ts';
import type { Baseline, BaselineDimension, DimensionSummary, EarlierInitiative, EarlierMark, EarlierStatus } from '../domain/types.ts';

export const EARLIER_STATUSES = ['done', 'under-way', 'stalled', 'dropped'] as const satisfies readonly EarlierStatus[];

/** How each status reads in a sentence. */
export const STATUS_WORDS: Record<EarlierStatus, string> = {
  done: 'done',
  'under-way': 'under way',
  stalled: 'stalled',
  dropped: 'dropped',
};

const NO_MARK: EarlierMark = { status: null, benchmarkMet: null };

/** What the room said of one earlier initiative (own keys only: "constructor" is a valid id). */
export function earlierMark(marks: Readonly<Record<string, EarlierMark>> | null | undefined, id: string): EarlierMark {
  const m = marks && Object.hasOwn(marks, id) ? marks[id] : undefined;
  return m ? { status: m.status ?? null, benchmarkMet: m.benchmarkMet ?? null } : { ...NO_MARK };
}

/** Text from a file someone uploaded, as the room will read it: cleaned, one line, capped. */
export const cleanLine = (text: unknown, max: number): string => cleanText(String(text ?? '').replace(/\s+/g, ' '), max);

/**
 * A baseline lives in the new workshop's ledger, under its 4 MB cap: barriers are kept once
 * each (case aside) and at most this many, and at most this many per earlier initiative.
 */
export const BASELINE_BARRIERS_MAX = 500;
export const BASELINE_BARRIERS_PER_INITIATIVE_MAX = 20;

/** Barrier texts compare by what a reader sees: case and spacing aside. */
export const sameBarrier = (a: string, b: string): boolean =>
  cleanLine(a, LIMITS.cardTextMax).toLocaleLowerCase() === cleanLine(b, LIMITS.cardTextMax).toLocaleLowerCase();

// ------------------------------------------------------------------ then and now

export interface DimensionThenNow {
  dimension: string;
  name: string;
  /** The middle answer then and now, for today and for the target; null with no answers (or two camps). */
  then: { current: number | null; target: number | null; answers: number };
  now: { current: number | null; target: number | null; answers: number };
  /** now.current - then.current, when both are known. */
  moved: number | null;
  /** The earlier workshop had it; this one's canvas does not. */
  dropped: boolean;
}

export interface EarlierOutcome {
  initiative: EarlierInitiative;
  mark: EarlierMark;
  /** Where the room puts the dimension today (its middle answer), or null. */
  nowStage: number | null;
  /** Today's middle answer reached the stage it aimed for: true / false; null when not known. */
  reached: boolean | null;
  /** Barriers raised against it then (on its dimension, or the whole plan) that are raised again today. */
  stillRaised: string[];
}

export interface SinceEarlier {
  baseline: Baseline;
  dimensions: DimensionThenNow[];
  outcomes: EarlierOutcome[];
}

/**
 * Then against now: today's side from the roadmap's summaries (the board as the plan read it),
 * what the room said of each earlier initiative, and the barriers raised today (texts with
 * their dimension, null for the whole plan). Dimensions in board order, then any the earlier
 * workshop had that this one dropped.
 */
export function sinceEarlier(
  baseline: Baseline,
  summaries: readonly DimensionSummary[],
  marks: Readonly<Record<string, EarlierMark>> | null | undefined,
  barriersNow: ReadonlyArray<{ text: string; dimension: string | null }>,
): SinceEarlier {
  const thenOf = new Map(baseline.dimensions.map((d) => [d.key, d]));
  const nowOf = new Map(summaries.map((s) => [s.dimension, s]));
  const keys = [...new Set([...summaries.map((s) => s.dimension), ...baseline.dimensions.map((d) => d.key)])];
  const dimensions = keys
    .filter((k) => thenOf.has(k))
    .map((key): DimensionThenNow => {
      const t = thenOf.get(key)!;
      const n = nowOf.get(key);
      const then = { current: summarise(t.current).median, target: summarise(t.target).median, answers: t.answers };
      const now = n ? { current: n.current, target: n.target, answers: n.answers } : { current: null, target: null, answers: 0 };
      return {
        dimension: key,
        name: n?.name ?? t.name,
        then,
        now,
        moved: then.current !== null && now.current !== null ? now.current - then.current : null,
        dropped: !n,
      };
    });
  const outcomes = baseline.initiatives.map((initiative): EarlierOutcome => {
    const nowStage = nowOf.get(initiative.dimension)?.current ?? null;
    const against = [
      ...initiative.barriers,
      ...baseline.barriers.filter((b) => b.dimension === null || b.dimension === initiative.dimension).map((b) => b.text),
    ];
    const raisedToday = barriersNow.filter((b) => b.dimension === null || b.dimension === initiative.dimension);
    const stillRaised = [...new Set(against)].filter((text) => raisedToday.some((b) => sameBarrier(b.text, text)));
    return {
      initiative,
      mark: earlierMark(marks, initiative.id),
      nowStage,
      reached: nowStage === null || initiative.toStage < 1 ? null : nowStage >= initiative.toStage,
      stillRaised,
    };
  });
  return { baseline, dimensions, outcomes };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2025" from yyyy-mm-dd (as typed, if it is not one). */
export function monthOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : date;
}

/** "14 March 2025" from yyyy-mm-dd (as typed, if it is not one). */
export function dayOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${Number(m[3])} ${name} ${m[1]}` : date;
}
