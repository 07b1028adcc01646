/**
 * Finds a time window in a barrier's text ("the supplier contract runs to September",
 * "die Ruhephase von Oktober bis November", "jusqu'à Noël"), for the console to propose
 * in one tap before it generates the plan. Nothing is applied from here: the facilitator
 * says yes or not now. A small word list per language (English, German, French), not a
 * language model: month names, a few seasons and feasts, "until", "from ... to", "not
 * before", "after". What names no month ("the busy season", "we may be short of time")
 * finds nothing. Pure: the plan's start month is given, and names resolve to the next
 * such month on or after it.
 */
import { type HoldWindow } from '../domain/months.ts';

/** A named time: its first month (0 = January) and how many months it lasts. */
interface Term {
  first: number;
  len: number;
  /** Its token's index, and the year written after it (or null). */
  at: number;
  end: number;
  year: number | null;
  /** English "may" and "march" are verbs too: they count only after a keyword, before a year, or in a range. */
  weak: boolean;
}

const MONTH_WORDS: Record<string, number> = {};
const add = (month: number, ...words: string[]) => words.forEach((w) => (MONTH_WORDS[w] = month));
add(0, 'january', 'januar', 'janner', 'janvier');
add(1, 'february', 'februar', 'fevrier');
add(2, 'march', 'marz', 'maerz', 'mars');
add(3, 'april', 'avril');
add(4, 'may', 'mai');
add(5, 'june', 'juni', 'juin');
add(6, 'july', 'juli', 'juillet');
add(7, 'august', 'aout');
add(8, 'september', 'septembre');
add(9, 'october', 'oktober', 'octobre');
add(10, 'november', 'novembre');
add(11, 'december', 'dezember', 'decembre');

/** Seasons and feasts that name months: first month, length. "Busy season" is not one. */
const SEASONS: Record<string, [number, number]> = {
  spring: [2, 3],
  fruhling: [2, 3],
  printemps: [2, 3],
  summer: [5, 3],
  sommer: [5, 3],
  ete: [5, 3],
  autumn: [8, 3],
  herbst: [8, 3],
  automne: [8, 3],
  winter: [11, 3],
  hiver: [11, 3],
  christmas: [11, 1],
  weihnachten: [11, 1],
  noel: [11, 1],
};

/** Words that join two times into a range ("March to May", "von März bis Mai", "de mars à mai"). */
const RANGE_JOINS = new Set(['to', 'until', 'till', 'through', 'and', '-', 'bis', 'und', 'a', 'au', 'et', 'jusqu']);
/** Words between a keyword and its time that change nothing ("until the end of", "bis Ende", "jusqu'à la fin de"). */
const FILLERS = new Set([
  'the',
  'end',
  'of',
  'in',
  'a',
  'au',
  'en',
  'la',
  'fin',
  'de',
  'd',
  'l',
  'ende',
  'zum',
  'im',
  'des',
  'du',
  'late',
  'early',
  'this',
  'next',
]);
/** Blocked until the time ends. */
const UNTIL = new Set(['until', 'till', 'through', 'to', 'ends', 'bis', 'endet', 'jusqu', 'termine']);
/** Not before the time starts. */
const NOT_BEFORE = new Set(['ab', 'partir']);
/** Not before the time is over. */
const AFTER = new Set(['after', 'nach', 'apres']);
/** "before" that means "not before" when "not" goes before it. */
const BEFORE: Record<string, string> = { before: 'not', vor: 'nicht', avant: 'pas' };
/** Range starters: "from March to May", "between", "von", "zwischen", "de", "du", "entre". */
const FROM = new Set(['from', 'between', 'von', 'vom', 'zwischen', 'de', 'du', 'd', 'entre']);

const tokensOf = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .match(/[a-z]+|\d+|[-\u2013\u2014]/g)
    ?.map((t) => (t === '\u2013' || t === '\u2014' ? '-' : t)) ?? [];

function termsOf(tokens: readonly string[]): Term[] {
  const out: Term[] = [];
  tokens.forEach((t, at) => {
    const month = MONTH_WORDS[t];
    const season = SEASONS[t];
    if (month === undefined && !season) return;
    const next = tokens[at + 1];
    const year = next && /^\d{4}$/.test(next) ? Number(next) : null;
    const [first, len] = season ?? [month!, 1];
    out.push({ first, len, at, end: year === null ? at : at + 1, year, weak: t === 'may' || t === 'march' });
  });
  return out;
}

/** The first month of `term` on or after `start` (or in the year written), as a month count. */
function endOf(term: Term, start: number): number {
  const last = (term.first + term.len - 1) % 12;
  if (term.year !== null) return term.year * 12 + term.first + term.len - 1;
  let m = Math.floor(start / 12) * 12 + last;
  while (m < start) m += 12;
  return m;
}

/** The keyword before token `at`, skipping fillers, and the word before that keyword. */
function keywordBefore(tokens: readonly string[], at: number): { word: string; prior: string } {
  let i = at - 1;
  while (i >= 0 && FILLERS.has(tokens[i]!) && !UNTIL.has(tokens[i]!)) i--;
  // "a"/"au"/"en" after "jusqu" are fillers; "jusqu" itself is the keyword.
  return { word: tokens[i] ?? '', prior: tokens[i - 1] ?? '' };
}

/**
 * The window a barrier's text names, resolved from the plan's start month (a month count,
 * shared/domain/months.ts); null when it names none.
 */
export function findWindow(text: string, start: number): HoldWindow | null {
  const tokens = tokensOf(text);
  const terms = termsOf(tokens);
  for (let n = 0; n < terms.length; n++) {
    const a = terms[n]!;
    const b = terms[n + 1];
    const between = b ? tokens.slice(a.end + 1, b.at).filter((t) => !FILLERS.has(t) || t === 'a' || t === 'au') : [];
    const joined = b && between.length >= 1 && between.length <= 2 && between.every((t) => RANGE_JOINS.has(t));
    const kw = keywordBefore(tokens, a.at);
    if (joined) {
      // A range: the end resolves first, then its start is the latest such month not after it.
      const to = endOf(b, start);
      let from = a.year !== null ? a.year * 12 + a.first : to - ((((to - a.first) % 12) + 12) % 12);
      if (from > to) from -= 12;
      if (to - from >= 12) continue;
      return { from, to };
    }
    const keyed = UNTIL.has(kw.word) || NOT_BEFORE.has(kw.word) || AFTER.has(kw.word) || BEFORE[kw.word] === kw.prior || FROM.has(kw.word);
    const dated = a.year !== null || tokens[a.at - 1] === 'in' || tokens[a.at - 1] === 'of';
    if (a.weak && !keyed && !dated) continue;
    const to = endOf(a, start);
    const first = to - a.len + 1;
    // "Not until October": not before October.
    if (kw.word === 'until' && kw.prior === 'not') return first - 1 >= start ? { from: null, to: first - 1 } : null;
    if (UNTIL.has(kw.word)) return { from: null, to };
    if (AFTER.has(kw.word)) return { from: null, to };
    if (NOT_BEFORE.has(kw.word) || BEFORE[kw.word] === kw.prior) {
      // Not before a month that has started already holds nothing back.
      return first - 1 >= start ? { from: null, to: first - 1 } : null;
    }
    return { from: first, to };
  }
  return null;
}
