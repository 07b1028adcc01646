/**
 * Calendar months and a barrier's time window ("the regulator's quiet period from
 * October to November"), in one place: how a window is written in a card, read back,
 * and said in words. A month is a count of months since year 0 (`y * 12 + m - 1`), so
 * "after" is `>` and "the month after" is `+ 1`. Pure: no clock; the plan's start is
 * given by whoever calls.
 *
 * A window is written `from/to` (both yyyy-mm, both months blocked), or `/to` for "not
 * before" the month after `to`: blocked from the plan's start until `to` ends. One
 * form for both, so the roadmap reads one rule.
 */

/** A month, yyyy-mm. */
export const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A barrier's window as a card stores it: `2027-10/2027-11`, or `/2027-02` ("not before March 2027"). */
export const HOLD_WINDOW = /^(?:\d{4}-(?:0[1-9]|1[0-2]))?\/\d{4}-(?:0[1-9]|1[0-2])$/;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A window read: the first and last month blocked; `from` null: from the plan's start. */
export interface HoldWindow {
  from: number | null;
  to: number;
}

/** yyyy-mm (or the yyyy-mm of a yyyy-mm-dd) as a month count; null for anything else. */
export function monthOf(text: string): number | null {
  const m = YEAR_MONTH.exec(text.slice(0, 7));
  if (!m || (text.length !== 7 && !/^\d{4}-\d{2}-\d{2}$/.test(text))) return null;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** A month count as yyyy-mm. */
export const yearMonth = (month: number): string =>
  `${Math.floor(month / 12)}`.padStart(4, '0') + `-${`${(month % 12) + 1}`.padStart(2, '0')}`;

/** "October" (or "October 2027" with `year`). */
export const monthName = (month: number, year = false): string => `${MONTH_NAMES[month % 12]}${year ? ` ${Math.floor(month / 12)}` : ''}`;

/** A stored window read back; null when it is not one (absent, malformed, or ending before it starts). */
export function readHold(value: unknown): HoldWindow | null {
  if (typeof value !== 'string' || !HOLD_WINDOW.test(value)) return null;
  const [a, b] = value.split('/') as [string, string];
  const to = monthOf(b)!;
  const from = a ? monthOf(a)! : null;
  if (from !== null && from > to) return null;
  return { from, to };
}

/** A window as a card stores it. */
export const writeHold = (w: HoldWindow): string => `${w.from === null ? '' : yearMonth(w.from)}/${yearMonth(w.to)}`;

/** The same window, in the plan's words: "from October to November 2027", "October 2027", "not before March 2027". */
export function holdWords(w: HoldWindow): string {
  if (w.from === null) return `not before ${monthName(w.to + 1, true)}`;
  if (w.from === w.to) return monthName(w.to, true);
  const sameYear = Math.floor(w.from / 12) === Math.floor(w.to / 12);
  return `from ${monthName(w.from, !sameYear)} to ${monthName(w.to, true)}`;
}

/** True when `month` is blocked by `w`. */
export const holds = (w: HoldWindow, month: number): boolean => (w.from === null || w.from <= month) && month <= w.to;

/** True for a yyyy-mm-dd that exists (no 30 February). */
export function dayExists(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** The UTC day (yyyy-mm-dd) of an epoch time in ms, which the caller read from its clock. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A window beside a barrier: "blocked from October to November 2027", "blocked in May 2027", "not before March 2027". */
export function blockedWords(w: HoldWindow): string {
  if (w.from === null) return holdWords(w);
  return `blocked ${w.from === w.to ? 'in ' : ''}${holdWords(w)}`;
}
