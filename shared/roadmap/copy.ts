/**
 * Every sentence the roadmap writes, in one place, in plain words. Who the
 * organisation serves comes in as `serves` ("customers", "donors and
 * volunteers"); text people typed (cards, names, labels) is quoted as typed
 * and escaped later, by the export.
 *
 * Stages are named by the workshop's own names: every function that names one
 * takes the board's `StageNamer` (shared/domain/canvas.ts `stageNamer(board.stages)`).
 *
 * Placement sentences are the only ones that say when something starts
 * ("so it starts in Next", "waits for a free slot", "sits in the first 30
 * days"), and each initiative has exactly one, written from where it landed:
 * that is what keeps reasons from contradicting each other.
 */
import type { Stage, StageNamer } from '../domain/canvas.ts';
import type { Camp, DimensionSummary } from '../domain/types.ts';
import { listNames, plural } from '../domain/words.ts';
import type { TimeBarrier } from './time-barriers.ts';

const ORDINALS = ['most', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'] as const;
const STEP_WORDS = ['one', 'two', 'three', 'four', 'five'] as const;
/** A card quoted in a sentence keeps this many words at most; the appendix has it whole. */
const QUOTE_WORDS = 16;

/** Who the organisation serves ("residents") and what they do with it ("use our services"), as the roadmap says them. */
export interface OrgWords {
  serves: string;
  act: string;
  /** A room of three or fewer: the canvas's "each leader" and "the leadership team" become "each of us" and "the whole team". */
  few?: boolean;
}

/** The canvas's words for a leadership team, and what a room of a few people says instead. */
const FEW_WORDS: readonly [RegExp, string][] = [
  [/\bName one leader as owner\b/g, 'Name one of us as owner'],
  [/\bthe next four leadership meetings\b/g, 'our next four team meetings'],
  [/\bthen compare what they heard\b/g, 'then compare what we heard'],
  [/\bask each leader how often they\b/g, 'ask each of us how often we'],
  [/\bEach leader\b/g, 'Each of us'],
  [/\b(?:each|every) leader\b/g, 'each of us'],
  [/\bthe leaders review together\b/g, 'we review together'],
  [/\bleaders ask staff\b/g, 'we ask staff'],
  [/\bsigned by the leaders\b/g, 'agreed by all of us'],
  [/\bthe leadership team\b/g, 'the whole team'],
  [/^Leaders who\b/, 'Those of us who'],
];

/** `{card|words}` in a playbook step: where the team's card goes, and the words that stand in when no card fits. */
const CARD_SLOT = /\{card\|([^}]*)\}/g;

/** `[[… {barrier} …]]` in a playbook step: words said only when a barrier on the dimension stands in the step's way. */
const BARRIER_PART = /\[\[([^\]]*)\]\]/g;

/**
 * `{serves}` and `{act}` in a canvas text, replaced by the organisation's own words; `{card|words}`
 * by the team's card, quoted, or by its stand-in words when there is none; `[[… {barrier} …]]` by
 * its words with the barrier quoted, or by nothing when there is none.
 */
export const fill = (text: string, w: OrgWords, card?: string, barrier?: string): string =>
  text
    .replace(BARRIER_PART, (_, part: string) => (barrier === undefined ? '' : part.replace(/\{barrier\}/g, quote(barrier))))
    .replace(CARD_SLOT, (_, instead: string) => (card === undefined ? instead : quote(card)))
    .replace(/\{serves\}/g, w.serves)
    .replace(/\{act\}/g, w.act)
    .replace(/^[\s\S]*$/, (all) => (w.few ? FEW_WORDS.reduce((t, [from, to]) => t.replace(from, to), all) : all));

/** The step names the team's card in a place of its own (`{card|…}`) rather than after "Start with". */
export const hasCardSlot = (text: string): boolean => /\{card\|[^}]*\}/.test(text);

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Text someone typed, in curly quotes, cut to QUOTE_WORDS words; a trailing full stop is dropped. */
export function quote(text: string): string {
  const words = String(text ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const body = words.length > QUOTE_WORDS ? `${words.slice(0, QUOTE_WORDS).join(' ')}…` : words.join(' ').replace(/\.+$/, '');
  return `“${body}”`;
}

// ------------------------------------------------------------------- the room

/** "4 say Absent or Broadcasting, 1 says Experimenting and 3 say Engaging": the answers by camp, or by stage. */
export function answersInWords(s: Pick<DimensionSummary, 'counts' | 'camps'>, stageName: StageNamer): string {
  const groups: Camp[] = [];
  const [lower, upper] = s.camps;
  if (lower && upper) {
    groups.push(lower);
    for (let st = lower.to + 1; st < upper.from; st++)
      if ((s.counts[st - 1] ?? 0) > 0) groups.push({ from: st, to: st, count: s.counts[st - 1]! });
    groups.push(upper);
  } else {
    s.counts.forEach((n, i) => {
      if (n > 0) groups.push({ from: i + 1, to: i + 1, count: n });
    });
  }
  return listNames(
    groups.map((g) => {
      const where = g.from === g.to ? stageName(g.from) : `${stageName(g.from)} or ${stageName(g.to)}`;
      return `${g.count} ${g.count === 1 ? 'says' : 'say'} ${where}`;
    }),
  );
}

export const splitSentence = (s: DimensionSummary, stageName: StageNamer) =>
  s.camps.length === 2
    ? `The room is split into two camps on where we stand: ${answersInWords(s, stageName)}.`
    : `The room does not agree where we stand: ${answersInWords(s, stageName)}.`;

/** Cards at both ends of a disputed dimension: evidence for each side. */
export const evidenceSentence = (low: { text: string; stage: number }, high: { text: string; stage: number }, stageName: StageNamer) =>
  `The cards point both ways: ${quote(low.text)} (${stageName(low.stage)}) and ${quote(high.text)} (${stageName(high.stage)}).`;

export const towardsSentence = (target: number, stageName: StageNamer) =>
  `The room wants ${stageName(target)} but has not agreed where we start.`;

export const stepsSentence = (gap: number, steps: number) =>
  `A gap of ${plural(gap, 'stage')} is too far for one step, so the move comes in ${steps} steps.`;

/** "8 votes, the most in the room." / "6 votes, joint second." / none for no votes: the placement sentence says that. */
export function votesSentence(votes: number, rank: number, joint: boolean, maxVotes: number): string[] {
  if (votes === 0) return [];
  return [votesWords(votes, rank, joint, maxVotes)];
}

function votesWords(votes: number, rank: number, joint: boolean, maxVotes: number): string {
  if (rank >= ORDINALS.length) return `${plural(votes, 'vote')}; the most any dimension received was ${maxVotes}.`;
  if (rank === 0) return `${plural(votes, 'vote')}, ${joint ? 'joint most' : 'the most in the room'}.`;
  return `${plural(votes, 'vote')}, ${joint ? 'joint ' : ''}${ORDINALS[rank]}.`;
}

export const todaySentence = (text: string) => `Today: ${quote(text)}.`;

export const inTheWaySentence = (text: string) => `In the way: ${quote(text)}.`;

export const thinSentence = (answers: number) => `Only ${plural(answers, 'person', 'people')} placed a marker here.`;

// ------------------------------------------------------------------ placement

export type Lead = 'top' | 'quick' | 'groundwork' | null;

export type Floor =
  | { kind: 'barrier'; texts: string[]; label: string }
  | { kind: 'step'; label: string }
  | { kind: 'groundwork'; label: string | null; names: string[] }
  | null;

export interface PlacementFacts {
  /** Label of the horizon it landed in; null for the waiting list. */
  label: string | null;
  lead: Lead;
  /** The dimension's votes (for the most-voted one), and all the votes cast on dimensions and their cards. */
  votes: number;
  cast: number;
  /** What set its earliest horizon, when that is later than the first; null otherwise. */
  floor: Floor;
  /** Labels of the horizons it passed over because they were full (from its earliest horizon on). */
  full: string[];
  /** It follows the first-30-days meeting on a split dimension. */
  afterMeeting: boolean;
  /** No horizon can take anything (none set up, or a cap of 0). */
  noRoom: boolean;
  /** Nobody voted for it (said here, as the reason it comes no earlier, not as a sentence of its own). */
  unvoted?: boolean;
  /** Nobody in the room voted: the size of the gap decided. */
  byGap?: boolean;
  /** The room's top vote needs this first: its name (this one was placed ahead of its rank). */
  pulledBy?: string | null;
  /** Its place among the work that top vote needs first (1: step one). */
  pulledStep?: number;
  /** For the top vote: the enabling work it needs, started with it; and whether that went over the cap. */
  withNeeds?: string[];
  over?: boolean;
  cap?: number;
  /** For the top vote: every dimension that shares the most votes, when more than one does (a tie is called a tie). */
  tied?: string[];
}

/** "The room gave it the most votes (10 of the 33 cast)", or, for a tie, "Community and Giving share the most votes, 10 each of the 33 cast". */
const topWords = (p: Pick<PlacementFacts, 'votes' | 'cast' | 'tied'>) =>
  p.tied && p.tied.length > 1
    ? `${listNames(p.tied)} share the most votes, ${p.votes} each of the ${p.cast} cast`
    : `The room gave it the most votes (${p.votes} of the ${p.cast} cast)`;

/** "Now is full": the cap itself is explained once, in the plan's summary. */
const fullClause = (full: readonly string[]) =>
  full.length === 1
    ? `${full[0]} is full`
    : full.length === 2
      ? `${full[0]} and ${full[1]} are full`
      : `${full[0]} to ${full[full.length - 1]} are full`;

/** What leads the placement sentence: the top vote, a quick win, groundwork; null for the rest. */
export function leadClause(p: Pick<PlacementFacts, 'lead' | 'votes' | 'cast' | 'tied'>): string | null {
  return p.lead === 'top'
    ? topWords(p)
    : p.lead === 'quick'
      ? `A quick win (one stage to go, ${p.votes} of the ${p.cast} votes cast)`
      : p.lead === 'groundwork'
        ? 'It is groundwork the rest depends on'
        : null;
}

/** The one sentence that says when it starts, and why then. */
export function placementSentence(p: PlacementFacts): string {
  const lead =
    p.lead === 'top'
      ? topWords(p)
      : p.lead === 'quick'
        ? `A quick win (one stage to go, ${p.votes} of the ${p.cast} votes cast)`
        : p.lead === 'groundwork'
          ? p.unvoted
            ? 'Nobody voted for it, but it is groundwork the rest depends on'
            : 'It is groundwork the rest depends on'
          : p.unvoted
            ? 'Nobody voted for it'
            : null;
  // "Nobody voted for it, and Now is full": the reasons add up rather than oppose; after
  // "Nobody voted for it, but it is groundwork", a second "but" would not read: a new clause starts.
  const joiner = p.unvoted ? (p.lead === 'groundwork' ? ';' : 'and') : 'but';
  const meeting = p.afterMeeting ? ', after the first-30-days meeting' : '';

  if (p.label === null) {
    if (p.noRoom) return 'No horizon has room for it, so it waits until one is set up.';
    const parts = [lead, floorClause(p.floor), p.full.length > 0 ? fullClause(p.full) : null].filter((x): x is string => x !== null);
    if (parts.length === 0) return 'It waits for a free slot.';
    return `${joinClauses(parts, joiner)}, so it waits for a free slot.`;
  }
  const starts = `it starts in ${p.label}${meeting}`;
  const over = p.over ? `, one more than the ${p.cap} at a time the plan otherwise allows` : '';
  if (p.pulledBy)
    return `The room's top vote, ${p.pulledBy}, needs it first, so it starts in ${p.label}, as step ${STEP_WORDS[(p.pulledStep ?? 1) - 1] ?? p.pulledStep}${over}.`;
  if (p.lead === 'top' && p.withNeeds && p.withNeeds.length > 0) {
    return `${topWords(p)}, and it needs ${listNames(p.withNeeds)} first: it starts in ${p.label}, after ${p.withNeeds.length === 1 ? 'that step' : 'those steps'}${over}.`;
  }
  if (p.full.length > 0) {
    const parts = [lead, floorClause(p.floor), fullClause(p.full)].filter((x): x is string => x !== null);
    return `${joinClauses(parts, joiner)}, so ${starts}.`;
  }
  if (p.floor?.kind === 'barrier') {
    const why = listNames(p.floor.texts.map(quote));
    return lead ? `${lead}${joiner === ';' ? ';' : `, ${joiner}`} ${starts}: ${why}.` : `It starts in ${p.label}: ${why}${meeting}.`;
  }
  if (p.floor?.kind === 'step') return `It starts in ${p.label}, after step 1 in ${p.floor.label}.`;
  if (p.floor?.kind === 'groundwork') {
    const names = p.floor.names.length > 0 ? listNames(p.floor.names) : 'the groundwork it builds on';
    const unvoted = p.unvoted && p.lead !== 'groundwork' ? 'Nobody voted for it, and it' : 'It';
    return `${unvoted} starts in ${p.label}, once ${names} (needed first) ${p.floor.names.length > 1 ? 'are' : 'is'} under way${meeting}.`;
  }
  if (lead) return `${lead}, so ${starts}.`;
  if (p.byGap) return `With no votes cast, the size of its gap decides: it starts in ${p.label}${meeting}.`;
  return `It starts in ${p.label}${meeting}.`;
}

function floorClause(floor: Floor): string | null {
  if (!floor) return null;
  if (floor.kind === 'barrier')
    return `${listNames(floor.texts.map(quote))} ${floor.texts.length === 1 ? 'holds' : 'hold'} it until ${floor.label}`;
  if (floor.kind === 'step') return `step 1 runs in ${floor.label}`;
  const names = floor.names.length > 0 ? listNames(floor.names) : 'the groundwork';
  return floor.label
    ? `it needs ${names} first, in ${floor.label}`
    : `${names}, which it needs first, ${floor.names.length > 1 ? 'are' : 'is'} not scheduled yet`;
}

/** "A, and B, so" would read badly: the first clause leads, the others follow with "but" (or "and", when the lead is a reason too). */
function joinClauses(parts: readonly string[], joiner: 'but' | 'and' | ';' = 'but'): string {
  const [first, ...rest] = parts;
  const head = first!.charAt(0).toUpperCase() + first!.slice(1);
  if (rest.length === 0) return head;
  return `${head}${joiner === ';' ? ';' : `, ${joiner}`} ${rest.join(', and ')}`;
}

export const openingSentence = () => "An hour's conversation settles it, so it sits in the first 30 days.";

// ------------------------------------------------------------------ titles, steps, benchmarks

export const alignTitle = (name: string) => `${name}: agree where we stand`;
export const towardsTitle = (name: string, to: number, stageName: StageNamer) => `${name}: towards ${stageName(to)}`;
export function moveTitle(name: string, from: number, to: number, step: number, steps: number, stageName: StageNamer): string {
  const base = `${name}: from ${stageName(from)} to ${stageName(to)}`;
  return steps > 1 ? `${base} (step ${step} of ${steps})` : base;
}

/**
 * The team's own card, at or below where we stand, starts the step; one above it is a bright spot to build on.
 * `care`: the card is a practice with young people on a private channel, and nothing builds on it before safeguarding is agreed.
 */
export const stepFromCard = (card: string, above: boolean, step: string, care = false) =>
  care
    ? `Once safeguarding is agreed (see Before you act), ${above ? 'build on' : 'start with'} ${quote(card)}. ${step}`
    : `${above ? 'Build on' : 'Start with'} ${quote(card)}. ${step}`;

/**
 * One step both camps of a split room can take: look at each camp's evidence together,
 * keep what already works, and take the step out of the lower camp's stage where it still holds.
 */
export function bothCampsStep(low: string | undefined, high: string | undefined, lowStage: string, step: string): string {
  const look =
    low && high
      ? `put ${quote(low)} and ${quote(high)} side by side`
      : low
        ? `look at ${quote(low)} and at what the other camp points to`
        : "look at each camp's evidence together";
  return `Whichever camp is right, both can start here: ${look}, keep what already works, and where ${lowStage} still describes us, ${lowerFirst(step)}`;
}

/** A suggested benchmark with where it starts from: the team's own card when there is one, otherwise a count to take now. */
export const withBaseline = (benchmark: { text: string; count?: string }, card: string | undefined): string =>
  `${benchmark.text} Today: ${card ? quote(card) : (benchmark.count ?? 'count it in the first week, before anything changes')}.`;

export const alignStep = (name: string) =>
  `Ask each person for one concrete example of how ${name} works here today, compare the examples, and agree which stage they show.`;

/** A dimension the facilitator added has no playbook: aim one team at the descriptor of the stage this step reaches. */
export function customStep(name: string, to: number, aim: string | undefined, stageName: StageNamer): string {
  const text = aim?.trim().replace(/[.\s]+$/, '');
  return text
    ? `Pick one team and one month to bring ${name} to ${stageName(to)}, where ${lowerFirst(text)}. Then review together what changed.`
    : `Pick one team and one month to bring ${name} to ${stageName(to)}, then review together what changed.`;
}

export const alignBenchmark = (name: string) => `After the meeting, everyone places ${name} within one stage of the same answer.`;

export const customBenchmark = (name: string, serves: string) =>
  `One relationship measure for ${name}, tracked monthly (say, how many ${serves} get a personal answer).`;

// ------------------------------------------------------------------ before you act

export const nothingAssessedCaution = () =>
  'Nobody has assessed the canvas yet, so there is nothing to plan from: the first meeting should place today and the target on each dimension.';

export const thinMandateCaution = (reasons: readonly string[]) =>
  `The mandate is thin: ${listNames(reasons)}. Read this plan as a proposal to test with the wider team, not as what the organisation has decided.`;

/** Who answers for a safety step and by when: "Owner: …; due by 13 April 2025, before the first public step that waits for it." */
export const careDueWords = (who: string, day: string | null) =>
  `Owner: ${who}; due ${day ? `by ${day}` : 'at the first-30-days meeting'}, before the first public step that waits for it.`;

/** With the team's own card when one names the practice: that practice is where safeguarding starts. */
export const safeguardingCaution = (card?: string, privateChannel = false) =>
  card
    ? `${privateChannel ? 'Safeguarding comes first' : 'Safeguarding'}: ${quote(card)}. Agree safeguarding and consent (who may talk with young people, on which accounts and phones, and what is never posted) before that goes on and before any public conversation with them starts.`
    : 'Where young people are involved, agree safeguarding and consent (who may talk with them in public, how, and what is never posted) before any public conversation with them starts.';

export const electionCaution = () =>
  'As a public body, check the publicity rules for election periods before public conversation starts: what may and may not be said while an election is called.';

export const financialCaution = () =>
  'The rules on financial promotions apply to what is said in public about what we offer: agree what staff may and may not say before they answer.';

/** More missing dimensions than this, and First 30 days' agenda names them; the caution does not name them twice. */
const MISSING_NAMED = 3;

export const incompleteCaution = (missing: readonly string[], total: number) =>
  `The assessment is incomplete: ${missing.length} of ${plural(total, 'dimension')} ${missing.length === 1 ? 'has' : 'have'} no answers${missing.length > MISSING_NAMED ? ' yet (First 30 days lists them)' : ` (${listNames(missing)})`}. The plan covers only the ${total - missing.length} that ${total - missing.length === 1 ? 'was' : 'were'} assessed.`;

export const fewAnswersCaution = (names: readonly string[], min: number) =>
  `Fewer than ${plural(min, 'person', 'people')} answered on ${listNames(names)}: treat ${names.length === 1 ? 'that line' : 'those lines'} as a first guess.`;

export const splitCaution = (s: DimensionSummary, planned: boolean, stageName: StageNamer) =>
  `${s.camps.length === 2 ? `The room is split on ${s.name}` : `The room does not agree where ${s.name} stands`}: ${answersInWords(s, stageName)}. ${
    planned ? 'The plan picks no side until the first meeting has.' : 'There is no gap to close, but it is worth the conversation.'
  }`;

export const splitsCaution = (splits: readonly DimensionSummary[], stageName: StageNamer) =>
  `The room is split on ${plural(splits.length, 'dimension')}, and the plan picks no side until the first meeting has: ${splits
    .map((s) => `${s.name} (${answersInWords(s, stageName)})`)
    .join('; ')}.`;

export const splitTargetCaution = (name: string, words: string, target: number, stageName: StageNamer) =>
  `The room is split on where ${name} should go: ${words}. The plan aims for ${stageName(target)}, the nearer one; agree the ambition at the first meeting.`;

export const noVotesCaution = (people: number) =>
  `Nobody voted${people > 1 ? ` (${plural(people, 'person', 'people')} took part)` : ''}, so the order follows the size of each gap and the groundwork, not the room's priorities. A five-minute vote before you confirm the plan would fix that.`;

export const fewVotesCaution = (voters: number, people: number) =>
  `Only ${voters} of ${plural(people, 'person', 'people')} voted, so the order reflects what those ${voters} wanted first.`;

export const belowTodayCaution = (names: readonly string[]) =>
  `On ${listNames(names)} the room aims below where it puts us today. Is the step back deliberate?`;

/** Targets at stage 2 or below; `two` is the workshop's stage 2 ("Broadcasting", "one-way messages"). */
export const oneWayTargetCaution = (names: readonly string[], absent: boolean, two: Pick<Stage, 'name' | 'short'>) =>
  `On ${listNames(names)} the room aims for ${absent ? `${two.name} or less` : two.name}: ${two.short.trim() ? `${two.short.trim()}, still` : 'still'} an organisation that uses social media there. Is that the ambition?`;

/** Practice cards far from the room's answer: the first one or two named, the rest counted. */
export function cardsFarCaution(
  named: readonly { text: string; stage: number; name: string; current: number }[],
  more: number,
  stageName: StageNamer,
): string {
  const sentences = named.map(
    (c) => `${quote(c.text)} was placed at ${stageName(c.stage)}, while the room puts ${c.name} at ${stageName(c.current)}.`,
  );
  const up = named.some((c) => c.stage > c.current);
  const down = named.some((c) => c.stage < c.current);
  const ask = `Ask whether ${named.length === 1 ? 'it is an exception' : 'they are exceptions'} or a sign the room ${up && down ? 'misjudges' : up ? 'underrates' : 'overrates'} itself.`;
  return [...sentences, ask, ...(more > 0 ? [moreFarCards(more)] : [])].join(' ');
}

const moreFarCards = (n: number) => `${plural(n, 'more card')} ${n === 1 ? 'sits' : 'sit'} as far from the room's answer.`;

export const shortHorizonsCaution = (end: number, target: number) =>
  `The horizons end at month ${end}, but the targets are set for up to ${target} months out: add a horizon, or expect the last steps to slip.`;

/**
 * The first horizon a capacity barrier could not shrink: what fills it, in the plan's order,
 * the room's top vote among them and the groundwork it pulled in, and the horizon after it.
 */
export interface FirstFull {
  label: string;
  next: string | null;
  names: string[];
  top: string | null;
  groundwork: string[];
}

const allOf = (n: number) => (n === 2 ? 'both' : n <= 4 ? `all ${['three', 'four'][n - 3]}` : `all ${n}`);

/** "<top vote>, the room's top vote, needs <groundwork> first, and the plan keeps all three there" */
function fullWords(f: FirstFull): string {
  if (f.top && f.groundwork.length > 0)
    return `${f.top}, the room's top vote, needs ${listNames(f.groundwork)} first, and the plan keeps ${allOf(f.names.length)} there`;
  return `the plan keeps ${listNames(f.names)} there`;
}

/** Which piece waits if nothing stops: groundwork holds back the top vote with it, said plainly. */
function waitWords(f: FirstFull): string {
  const until = f.next ? `until ${f.next}` : 'until later';
  if (f.top && f.groundwork.length > 0) return `which groundwork waits ${until}; ${f.top} then waits with it`;
  return `which of them waits ${until}`;
}

/**
 * Barriers on the whole plan that hold nothing back by a date, each named for what it is:
 * an election period, a busy season, people's time (the article's "no time, too busy"),
 * a date the team is tied up until, or anything else in the way. Dates come only from the
 * team's own words, quoted.
 */
export function wholePlanCaution(
  barriers: readonly { text: string; time: TimeBarrier | null; ends: boolean }[],
  cap: number,
  firstRoom: { label: string; room: number } | null = null,
  full: FirstFull | null = null,
): string {
  const sentences = barriers.map(({ text, time, ends }) => {
    const q = quote(text);
    if (time === 'election')
      return `${q} is an election period: check the publicity rules for it before anything is said in public, start no new public campaign inside it, and give those weeks to work that needs no publicity (guides, sign-off rules, listening).`;
    if (time === 'season')
      return `${q} is the busy season: the people it takes cannot start new work then, so agree in the first 30 days which steps wait until it is over.`;
    // The number said is the one the plan keeps to: the first horizon's smaller room when the barrier took a place from it.
    if (time === 'capacity')
      return firstRoom
        ? `${q} is about people's time: it leaves ${firstRoom.label} room for ${plural(firstRoom.room, 'initiative')}, not ${cap}, and the plan keeps to that; agree in the first 30 days what stops to make room for them${ends ? ', or which steps wait until then' : ''}.`
        : full
          ? `${q} is about people's time, but ${full.label} cannot hold fewer: ${fullWords(full)}. At the first-30-days meeting, decide what the team stops to make room for ${allOf(full.names.length)}${ends ? ', which steps wait until then' : ''}, or ${waitWords(full)}.`
          : `${q} is about people's time: with ${plural(cap, 'initiative')} at a time, agree in the first 30 days what stops to make room${ends ? ', or which steps wait until then' : ''}.`;
    if (time === 'until') return `${q} ties people up until a date the room named: agree in the first 30 days which steps wait until then.`;
    return `In the way of the whole plan: ${q}. Agree in the first 30 days who deals with it, before any step depends on it.`;
  });
  return sentences.join(' ');
}

// ------------------------------------------------------------------ a re-run

/** "Since March 2025 the room moved it from Broadcasting to Experimenting: build on what worked." */
export function movedSentence(month: string, from: number, to: number, stageName: StageNamer): string {
  return to > from
    ? `Since ${month} the room moved it from ${stageName(from)} to ${stageName(to)}: build on what worked.`
    : `Since ${month} it slipped from ${stageName(from)} to ${stageName(to)}.`;
}

/** A stalled earlier initiative whose gap did not close, explained: what held it, if it is still there. */
export function stalledSentence(month: string, stillRaised: readonly string[]): string {
  if (stillRaised.length === 0)
    return `Stalled since ${month}, though none of the barriers raised then is raised now: ask what held it before trying again.`;
  const which =
    stillRaised.length === 1 ? `the barrier ${quote(stillRaised[0]!)} is` : `the barriers ${listNames(stillRaised.map(quote), 3)} are`;
  return `Stalled since ${month}: ${which} still raised.`;
}

/** The first step of a stalled initiative deals first with what stalled it, rather than repeating it. */
export function afterStallStep(stillRaised: readonly string[], step: string): string {
  return stillRaised.length > 0
    ? `Before trying again, agree what will stop ${listNames(stillRaised.map(quote), 2)} holding it up this time. ${step}`
    : `Before trying again, name what held it last time. ${step}`;
}

export const stalledCaution = (title: string, month: string, stillRaised: readonly string[], planned: boolean) =>
  `${quote(title)} stalled after ${month}${stillRaised.length > 0 ? ` and ${listNames(stillRaised.map(quote), 2)} ${stillRaised.length === 1 ? 'is' : 'are'} still raised` : ''}: ${
    planned
      ? 'agree what changes this time before the plan repeats it.'
      : 'the room no longer aims past where it stands, so say whether it is dropped.'
  }`;

export const heldCaution = (text: string, label: string) =>
  `${quote(text)} holds the whole plan until ${label}: nothing but the first-30-days meetings starts before then.`;
