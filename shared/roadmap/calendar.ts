/**
 * The plan in time: the day it starts, and what the room said about months. A barrier's
 * time window (shared/domain/months.ts) keeps new work from starting inside it; a general
 * barrier about time or people ("nobody has time for this before the summer") leaves the
 * first horizon one place fewer. Months here are counted from the plan's start (0 = the
 * month it starts in), as horizons count them. Pure: the day is given, never read from a clock.
 */
import { dayExists, holdWords, monthName, monthOf, readHold, type HoldWindow } from '../domain/months.ts';
import type { BoardState, Card, Horizon } from '../domain/types.ts';
import { listNames } from '../domain/words.ts';
import { quote } from './copy.ts';
import type { DimensionFacts } from './facts.ts';

/** A window in the plan's months: no new work starts from `from` to `to` (both included). */
export interface Block {
  from: number;
  to: number;
  window: HoldWindow;
  by: Card;
}

export interface Calendar {
  /** The plan's start day (yyyy-mm-dd) and its month count; null when no day was given. */
  day: string | null;
  month: number;
  /**
   * The windows that hold back a dimension's new work out of stage `from`: its own barriers', and
   * the general ones' for public work. Groundwork (an enabling dimension: leadership, people, ways
   * of working) is work inside the organisation, which a general window ("the pre-election period
   * stops new public campaigns") does not stop, unless its step out of `from` faces the public
   * ("each leader answers residents in person on one of our channels"): then it waits too.
   */
  blocksOf: (d: DimensionFacts, from: number | null) => Block[];
  /** General barriers about time or people: the first horizon takes one fewer. */
  capacity: Card[];
}

/** The plan's start: the day the facilitator set, or the day it is generated (the workshop's day). */
export function planStartOf(board: BoardState, today: string | undefined): string | null {
  const set = board.settings.planStart;
  if (typeof set === 'string' && dayExists(set)) return set;
  return today && dayExists(today) ? today : null;
}

/**
 * Words that make a general barrier one about capacity (time, people, workload) in English,
 * German and French, as word beginnings; "busy season" counts ("busy").
 */
const CAPACITY = [
  'time',
  'capacity',
  'staff',
  'resourc',
  'workload',
  'busy',
  'stretched',
  'short-staffed',
  'bandwidth',
  'headcount',
  'zeit',
  'personalm',
  'kapazit',
  'ressourc',
  'ausgelastet',
  'auslastung',
  'temps',
  'personnel',
  'effectif',
  'surcharg',
  'capacit',
];

/** A general barrier about time or people. */
export function isCapacityBarrier(c: Card): boolean {
  if (c.kind !== 'barrier' || c.dimension !== null) return false;
  const words =
    c.text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[a-z-]+/g) ?? [];
  return words.some((w) => CAPACITY.some((stem) => w.startsWith(stem)));
}

export function readCalendar(board: BoardState, general: readonly Card[], first: Horizon | undefined, today?: string): Calendar {
  const day = planStartOf(board, today);
  const month = day ? monthOf(day)! : 0;
  const blocks = (cards: readonly Card[]): Block[] => {
    if (!day) return [];
    return cards.flatMap((c) => {
      const w = c.kind === 'barrier' ? readHold(c.hold) : null;
      if (!w) return [];
      const to = w.to - month;
      return to < 0 ? [] : [{ from: w.from === null ? -Infinity : w.from - month, to, window: w, by: c }];
    });
  };
  const generalBlocks = blocks(general);
  // A capacity barrier counts in the first horizon unless the room put it later (a "not before" or a window after it).
  const inFirst = (c: Card) => {
    if (c.notBefore && first && c.notBefore !== first.id) return false;
    const b = blocks([c])[0];
    return !b || !first || b.from < first.toMonth;
  };
  return {
    day,
    month,
    blocksOf: (d, from) => [...blocks(d.barriers), ...(d.def.enabler && !publicStep(d, from) ? [] : generalBlocks)],
    capacity: general.filter((c) => isCapacityBarrier(c) && inFirst(c)),
  };
}

/**
 * A step that has our people speak with those we serve in public ("answers {serves} in person on
 * one of our channels", "talks with {serves} in public"): a verb of speaking, then a public place,
 * in one clause. A guide "to speaking about work in public" or a map of "how a public reply gets
 * approved" stays inside. A small word list, as the rest of the calendar's.
 */
const PUBLIC_STEP =
  /\b(answers?|answering|talks? with|asks?|replies to|posts?|publish(?:es)?)\b[^.;:]*\b(in public|on (?:one of )?our channels?|on a social channel)\b/i;

export const facesPublic = (step: string): boolean => PUBLIC_STEP.test(step);

/** The dimension's step out of stage `from` faces the public (its playbook's words; a dimension without one: no). */
export function publicStep(d: DimensionFacts, from: number | null): boolean {
  const step = from === null ? undefined : d.playbook?.firstSteps[from - 1]?.text;
  return step !== undefined && facesPublic(step);
}

const blocked = (blocks: readonly Block[], m: number) => blocks.some((b) => b.from <= m && m <= b.to);

/**
 * The first month of horizon `h` that no window blocks, nor the month after it: new work gets its
 * first month clear, rather than starting a fortnight before the busy season and running across
 * it. Null when they block all of it.
 */
export function openMonth(h: Horizon, blocks: readonly Block[]): number | null {
  const last = Math.max(h.fromMonth, h.toMonth - 1);
  for (let m = Math.max(0, h.fromMonth); m <= last; m++) if (!blocked(blocks, m) && !blocked(blocks, m + 1)) return m;
  return null;
}

/** The windows that block a month from `from` up to (not including) `start`. */
export const blocksBefore = (blocks: readonly Block[], from: number, start: number): Block[] =>
  blocks.filter((b) => b.to >= from && b.from < start);

/**
 * The one sentence that says when work a window moved starts, and why: "It starts in Next, in
 * June 2025: “The pre-election period…” (from March to May 2025)." When it starts months after
 * the window is over, the window is not why it starts then: what it closed, and the horizons that
 * were full, are ("“…” keeps it out of Now, and Next is full, so it starts in Later").
 * `facing`: groundwork whose step faces the public, which a general window holds like public work.
 */
export function windowSentence(
  lead: string | null,
  label: string,
  month: number,
  by: readonly Block[],
  full: readonly string[] = [],
  closed: string | null = null,
  facing = false,
): string {
  const when = `${label}, in ${monthName(month, true)}`;
  const why = by.map((b) => `${quote(b.by.text)} (${holdWords(b.window)})`).join(' and ');
  const ended = Math.max(...by.map((b) => b.window.to));
  const face = facing ? 'its first step faces the public, and ' : '';
  if (month > ended + 1 && closed !== null) {
    const keeps = `${face}${why} ${by.length === 1 ? 'keeps' : 'keep'} it out of ${closed}${full.length > 0 ? `, and ${listNames(full)} ${full.length === 1 ? 'is' : 'are'} full` : ''}, so it starts in ${label}`;
    return lead ? `${lead}, but ${keeps}.` : `${keeps.charAt(0).toUpperCase()}${keeps.slice(1)}.`;
  }
  if (full.length > 0) {
    // Full horizons first, then the window that set the month: the order in which they moved it.
    const held = `${listNames(full)} ${full.length === 1 ? 'is' : 'are'} full, and ${face}${why} ${by.length === 1 ? 'holds' : 'hold'} it until ${by.length === 1 ? 'it is' : 'they are'} over, so it starts in ${when}`;
    return lead ? `${lead}, but ${held}.` : `${held.charAt(0).toUpperCase()}${held.slice(1)}.`;
  }
  if (facing) return `${lead ? `${lead}, but its` : 'Its'} first step faces the public, so it starts in ${when}: ${why}.`;
  return lead ? `${lead}, but it starts in ${when}: ${why}.` : `It starts in ${when}: ${why}.`;
}

/** A barrier's window in words for the list of barriers ("from March to May 2025"); '' without one. */
export function barrierWindowWords(c: { hold?: string | null }): string {
  const w = readHold(c.hold);
  return w ? holdWords(w) : '';
}

/** The sentence of the work a capacity barrier held back from the first horizon. */
export function capacitySentence(lead: string | null, first: string, label: string | null, cap: number, by: readonly Card[]): string {
  const why = `${by.map((c) => quote(c.text)).join(' and ')} ${by.length === 1 ? 'leaves' : 'leave'} ${first} room for ${cap - 1}, not ${cap}`;
  const then = label ? `it starts in ${label}` : 'it waits for a free slot';
  return lead ? `${lead}, but ${why}, so ${then}.` : `${why.charAt(0).toUpperCase()}${why.slice(1)}, so ${then}.`;
}

/** "Before you act", for a general barrier's window: public work waits, groundwork inside goes ahead. */
export function windowCaution(text: string, window: string, election = false, season = false): string {
  const when = window.startsWith('from') || window.startsWith('not') ? window : `in ${window}`;
  // An election period also binds what may be said in public: the publicity rules are named here, once.
  if (election)
    return `${quote(text)} is an election period: no new public work starts ${when}, and the groundwork inside goes ahead. Check the publicity rules for it before anything is said in public.`;
  if (season)
    return `${quote(text)} is the busy season: no new public work starts ${when}, nor in the month before it; what faces the public starts after it, while the groundwork inside goes ahead.`;
  return `${quote(text)} holds new public work ${when}: what faces the public starts after it, while the groundwork inside goes ahead.`;
}
