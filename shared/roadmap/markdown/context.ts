/**
 * What every section of the export reads from the board and the roadmap, worked
 * out once: who counts, the cards and their votes, how stages are named, which
 * initiatives open the plan, and the few phrasings more than one section uses.
 */
import { STAGE_NOT_AGREED, stageNamer, type StageNamer } from '../../domain/canvas.ts';
import type { BoardState, Card, Horizon, Initiative, Participant, Roadmap } from '../../domain/types.ts';
import { byAge, readFacts } from '../facts.ts';
import { byVotesThenAge } from '../../rules/votes.ts';
import { isAddedByRoadmap, isOpeningBlock } from '../horizons.ts';
import { inline, normalise } from './escape.ts';
import { parseDay, type Day } from './file-name.ts';
import { addMonths } from './gantt.ts';
import { listNames } from '../../domain/words.ts';

export interface ExportContext {
  board: BoardState;
  roadmap: Roadmap;
  /** The export's day as given (yyyy-mm-dd); `date`, the day the plan starts (roadmap.start, or the export's day for a roadmap stored without one), read. */
  day: string;
  date: Day;
  stageName: StageNamer;
  /** A stage's name as the workshop calls it, escaped: a facilitator typed it in the template. */
  stage: (s: number) => string;
  /** A middle answer in a table: the stage's name and number, or "no answers". */
  stageCell: (s: number | null) => string;
  /** Participants who were not removed, in board order. */
  people: Participant[];
  /** Cards of participants who were not removed. */
  cards: Card[];
  /** Votes on a card, counted by the roadmap's own rule (shared/roadmap/facts.ts). */
  votesOn: (c: Card) => number;
  /** Dimension key -> name: the board's, then the roadmap's for dimensions the board no longer has. */
  dimName: Map<string, string>;
  /** The facilitator's horizons, without the two the roadmap adds. */
  scheduled: Horizon[];
  /** Ids of the opening block: its meetings are listed under First 30 days, not as a horizon. */
  opening: ReadonlySet<string>;
  /** The first scheduled horizon with something in it. */
  firstHorizon: Horizon | undefined;
  inHorizon: (h: Horizon) => Initiative[];
  /** Initiative id -> its number in the export, in roadmap order from 1. */
  numbered: Map<string, number>;
  /** The meetings of the opening block, and the first steps of the first horizon that can start beside them. */
  meeting: Initiative[];
  acts: Initiative[];
  /** "3. Title", as headings and lists name an initiative. */
  label: (i: Initiative) => string;
  /**
   * "Owner: Sam (confirmed)." / "Owner: Sam (suggested, not yet confirmed), with Ana." /
   * "Owner: to be named by the room." (nobody suggested, or the workshop ran anonymously).
   */
  ownerLine: (i: Initiative) => string;
  /** The day `months` after the export's day, in words: "14 June 2025". */
  dayAfter: (months: number) => string;
}

/** Fields added to initiatives after some roadmaps were stored: read with a default. */
export const suggestedOwners = (i: Initiative): string[] => (Array.isArray(i.suggestedOwners) ? i.suggestedOwners : []);
export const suggestedBenchmark = (i: Initiative): string => (typeof i.suggestedBenchmark === 'string' ? i.suggestedBenchmark : '');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayInWords = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/**
 * The owner line, with typed names escaped by `escape` (markdown's `inline`, or
 * the HTML report's): one wording for both. '' from `escape` counts as nothing typed.
 */
export function ownerWords(i: Initiative, anonymous: boolean, escape: (text: string) => string): string {
  if (normalise(i.owner)) return `Owner: ${escape(i.owner)} (${i.ownerConfirmed === true ? 'confirmed' : 'not yet confirmed'}).`;
  const [first, ...others] = suggestedOwners(i)
    .filter((n) => normalise(n))
    .map((n) => escape(n));
  if (!first || anonymous) return 'Owner: to be named by the room.';
  return `Owner: ${first} (suggested, not yet confirmed)${others.length > 0 ? `, with ${listNames(others)}` : ''}.`;
}

/** "a", "a or b", "a, b or c". */
export const orList = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

/** Throws AppError INVALID_VALUE when `day` is not yyyy-mm-dd. */
export function readExport(board: BoardState, roadmap: Roadmap, day: string): ExportContext {
  parseDay(day);
  // Dated horizons count from the plan's start; a roadmap stored before it had one counts from the export's day.
  const date = parseDay(typeof roadmap.start === 'string' ? roadmap.start : day);
  const stageName = stageNamer(board.stages);
  const stage = (s: number) => inline(stageName(s));
  const removed = new Set(board.participants.filter((p) => p.removed === true).map((p) => p.id));
  const dimName = new Map(board.dimensions.map((d) => [d.key, d.name]));
  for (const s of roadmap.summaries) if (!dimName.has(s.dimension)) dimName.set(s.dimension, s.name);
  const { cardVotes } = readFacts(board);
  const scheduled = roadmap.horizons.filter((h) => !isAddedByRoadmap(h));
  const opening = new Set(roadmap.horizons.filter(isOpeningBlock).map((h) => h.id));
  const firstHorizon = scheduled.find((h) => roadmap.initiatives.some((i) => i.horizon === h.id));
  const inHorizon = (h: Horizon) => roadmap.initiatives.filter((i) => i.horizon === h.id);
  const numbered = new Map(roadmap.initiatives.map((i, n) => [i.id, n + 1]));
  const meeting = roadmap.initiatives.filter((i) => opening.has(i.horizon));
  // What follows a meeting on a split dimension cannot start before the meeting has settled where we stand.
  const meetingOn = new Set(meeting.map((i) => i.dimension));
  // The roadmap numbers that work last in its horizon, and work that needs it after it: what comes
  // from the first such step on waits for the meeting too.
  const first = firstHorizon ? inHorizon(firstHorizon) : [];
  const waitsFrom = first.findIndex((i) => i.fromStage === STAGE_NOT_AGREED && meetingOn.has(i.dimension));
  const acts = waitsFrom === -1 ? first : first.slice(0, waitsFrom);
  return {
    board,
    roadmap,
    day,
    date,
    stageName,
    stage,
    stageCell: (s) => (s === null ? 'no answers' : `${stage(s)} (${s})`),
    people: board.participants.filter((p) => p.removed !== true),
    cards: board.cards.filter((c) => !removed.has(c.authorId)),
    votesOn: (c) => cardVotes.get(c.key) ?? 0,
    dimName,
    scheduled,
    opening,
    firstHorizon,
    inHorizon,
    numbered,
    meeting,
    acts,
    label: (i) => `${numbered.get(i.id)}. ${inline(i.title) || 'Untitled'}`,
    ownerLine: (i) => ownerWords(i, board.settings.anonymous, inline),
    dayAfter: (months) => dayInWords(addMonths(date, months)),
  };
}

/**
 * The barriers among `cards`, in the order every screen shows them (shared/rules/votes.ts):
 * most votes first, then the oldest first. The markdown and the report both list them so.
 */
export const barriersInOrder = (cards: readonly Card[], votesOn: (c: Card) => number): Card[] =>
  cards.filter((c) => c.kind === 'barrier').sort(byVotesThenAge(votesOn, byAge));
