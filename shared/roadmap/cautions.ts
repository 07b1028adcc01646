/**
 * "Before you act": what the team should know about the data before it acts
 * on the plan, plainly worded. Each check names the weakness the facilitators'
 * review found unremarked in earlier exports. Pure.
 */
import { holdWords, readHold } from '../domain/months.ts';
import { windowCaution } from './calendar.ts';
import { TARGET_MONTHS } from '../domain/canvas.ts';
import { monthOf, type SinceEarlier } from '../rules/baseline.ts';
import type { Caution, Horizon } from '../domain/types.ts';
import type { OrganisationKind } from '../domain/organisation.ts';
import * as copy from './copy.ts';
import { byAge, type BoardFacts, type DimensionFacts } from './facts.ts';
import { namesAnEnd, timeBarrierOf } from './time-barriers.ts';
import { FINANCIAL, PRIVATE, YOUNG } from './care-words.ts';

/** A practice card this many stages or more from the room's middle answer is worth a question. */
export const FAR_CARD = 2;
/** At most this many far cards are named; the rest are counted. */
const FAR_CARDS_NAMED = 2;

export function beforeYouAct(
  facts: BoardFacts,
  plan: {
    planned: ReadonlySet<string>;
    scheduled: readonly Horizon[];
    minAnswers: number;
    cap: number;
    /** The first horizon's room when a capacity barrier left it one fewer (calendar.ts): the number the plan keeps to there. */
    firstRoom?: { label: string; room: number } | null;
    /** The first horizon when a capacity barrier could not shrink it: what fills it (copy.ts). */
    firstFull?: copy.FirstFull | null;
    since?: SinceEarlier | null;
    /** The room's vote budget per person, the kind of organisation and who it serves (for the care a sector demands). */
    votesPerPerson?: number;
    kind?: OrganisationKind;
    serves?: string;
    organisation?: string;
    /** The plan's start day (yyyy-mm-dd), when it has one: a safety step is due 30 days after it. */
    startDay?: string | null;
    /** Whether the plan's item for a dimension has someone named or suggested on it (never in an anonymous room). */
    ownerOf?: (dimension: string) => boolean;
    /** The plan's start as a month count (shared/domain/months.ts), when it has one: a window over by then is not said. */
    startMonth?: number | null;
  },
): Caution[] {
  const out: Caution[] = [];
  const dims = facts.dims.filter((d) => d.first);
  if (dims.length === 0) return out;
  const mandate = thinMandate(facts, plan.votesPerPerson ?? 0);
  if (mandate) out.push({ kind: 'thin-mandate', dimensions: [], text: mandate });
  const keys = (list: readonly DimensionFacts[]) => list.map((d) => d.def.key);
  const names = (list: readonly DimensionFacts[]) => list.map((d) => d.def.name);

  // Dimensions without answers (for today or for the target) are left out of the plan: say so.
  const missing = dims.filter((d) => d.today.answers === 0 || d.wanted.answers === 0);
  if (missing.length === dims.length) {
    out.push({ kind: 'incomplete', dimensions: [], text: copy.nothingAssessedCaution() });
    return out;
  }
  if (missing.length > 0)
    out.push({ kind: 'incomplete', dimensions: keys(missing), text: copy.incompleteCaution(names(missing), dims.length) });

  // The care a sector demands comes before the plan's own weaknesses: it can stop a step outright.
  const electionNamed = facts.general.some((c) => timeBarrierOf(c.text) === 'election');
  if (plan.planned.size > 0) {
    const said = `${plan.serves ?? ''} ${plan.organisation ?? ''}`;
    for (const { text, blocks } of careLines(facts, plan.kind ?? 'other', said, electionNamed))
      out.push({ kind: 'care', dimensions: [], text: blocks === null ? text : `${text} ${careDue(blocks, plan, facts)}` });
  }

  const thin = dims.filter((d) => d.today.answers > 0 && d.today.answers < plan.minAnswers);
  if (thin.length > 0)
    out.push({ kind: 'few-answers', dimensions: keys(thin), text: copy.fewAnswersCaution(names(thin), plan.minAnswers) });

  // Splits the plan settles at the first meeting are one caution (one sentence each would repeat itself).
  const splits = dims.filter((x) => x.summary.disagreement);
  const settled = splits.filter((d) => plan.planned.has(d.def.key));
  if (settled.length === 1)
    out.push({ kind: 'split', dimensions: keys(settled), text: copy.splitCaution(settled[0]!.summary, true, facts.stageName) });
  if (settled.length > 1)
    out.push({
      kind: 'split',
      dimensions: keys(settled),
      text: copy.splitsCaution(
        settled.map((d) => d.summary),
        facts.stageName,
      ),
    });
  for (const d of splits.filter((x) => !plan.planned.has(x.def.key))) {
    out.push({ kind: 'split', dimensions: [d.def.key], text: copy.splitCaution(d.summary, false, facts.stageName) });
  }
  const splitTarget = dims.filter((x) => x.wanted.camps !== null && x.summary.target !== null);
  for (const d of splitTarget) {
    const words = copy.answersInWords({ counts: d.targetCounts, camps: d.wanted.camps ?? [] }, facts.stageName);
    out.push({
      kind: 'split-target',
      dimensions: [d.def.key],
      text: copy.splitTargetCaution(d.def.name, words, d.summary.target!, facts.stageName),
    });
  }

  const people = facts.people.length;
  if (facts.voters === 0 && people > 0) out.push({ kind: 'no-votes', dimensions: [], text: copy.noVotesCaution(people) });
  else if (facts.voters * 2 < people) out.push({ kind: 'few-votes', dimensions: [], text: copy.fewVotesCaution(facts.voters, people) });

  // Targets to question: below today, or one-way (a split target has its own caution already).
  const assessed = dims.filter((d) => d.today.answers > 0 && d.summary.target !== null && !splitTarget.includes(d));
  const below = assessed.filter((d) => d.summary.current !== null && d.summary.target! < d.summary.current);
  const oneWay = assessed.filter((d) => d.summary.target! <= 2 && !below.includes(d));
  if (below.length > 0) out.push({ kind: 'low-target', dimensions: keys(below), text: copy.belowTodayCaution(names(below)) });
  if (oneWay.length > 0) {
    out.push({
      kind: 'low-target',
      dimensions: keys(oneWay),
      text: copy.oneWayTargetCaution(
        names(oneWay),
        oneWay.some((d) => d.summary.target === 1),
        facts.stages[1]!,
      ),
    });
  }

  // Cards far from the room's own answer; not on a split dimension, whose split is already the story.
  const far = dims
    .filter((d) => d.summary.current !== null && !d.summary.disagreement)
    .flatMap((d) =>
      d.practice
        .filter((c) => Math.abs(c.stage! - d.summary.current!) >= FAR_CARD)
        .map((c) => ({ d, c, distance: Math.abs(c.stage! - d.summary.current!) })),
    )
    .sort(
      (a, b) =>
        b.distance - a.distance ||
        (facts.cardVotes.get(b.c.key) ?? 0) - (facts.cardVotes.get(a.c.key) ?? 0) ||
        a.d.index - b.d.index ||
        byAge(a.c, b.c),
    );
  if (far.length > 0) {
    const named = far.slice(0, FAR_CARDS_NAMED);
    out.push({
      kind: 'card-far',
      dimensions: [...new Set(named.map((x) => x.d.def.key))],
      text: copy.cardsFarCaution(
        named.map(({ d, c }) => ({ text: c.text, stage: c.stage!, name: d.def.name, current: d.summary.current! })),
        far.length - named.length,
        facts.stageName,
      ),
    });
  }

  const end = plan.scheduled.reduce((m, h) => Math.max(m, h.toMonth), 0);
  if (plan.scheduled.length > 0 && end < TARGET_MONTHS)
    out.push({ kind: 'short-horizons', dimensions: [], text: copy.shortHorizonsCaution(end, TARGET_MONTHS) });

  const at = new Map(plan.scheduled.map((h, i) => [h.id, i]));
  const holdsFrom = (c: (typeof facts.general)[number]) => (c.notBefore ? (at.get(c.notBefore) ?? 0) : 0);
  for (const c of facts.general.filter((x) => holdsFrom(x) > 0)) {
    out.push({ kind: 'held', dimensions: [], text: copy.heldCaution(c.text, plan.scheduled[holdsFrom(c)]!.label) });
  }
  // A general barrier's window holds public work: said once here, so the reader of the first page knows why it waits.
  for (const c of facts.general) {
    const w = readHold(c.hold);
    if (w && plan.startMonth != null && w.to >= plan.startMonth)
      out.push({
        kind: 'held',
        dimensions: [],
        text: windowCaution(c.text, holdWords(w), timeBarrierOf(c.text) === 'election', timeBarrierOf(c.text) === 'season'),
      });
  }
  // The rest of the general barriers (most votes first) hold nothing back by a date, but the plan must make room for them.
  // One with a time window is placed already (the work it blocks starts after it, and says so),
  // unless the plan has no start to count months from.
  const open = facts.general
    .filter((x) => holdsFrom(x) === 0 && (readHold(x.hold) === null || plan.startMonth == null))
    .sort((a, b) => (facts.cardVotes.get(b.key) ?? 0) - (facts.cardVotes.get(a.key) ?? 0) || byAge(a, b));
  if (open.length > 0 && plan.planned.size > 0)
    out.push({
      kind: 'whole-plan',
      dimensions: [],
      // At most two named, most votes first, each for what it is.
      text: copy.wholePlanCaution(
        open.slice(0, 2).map((c) => ({ text: c.text, time: timeBarrierOf(c.text), ends: namesAnEnd(c.text) })),
        plan.cap,
        plan.firstRoom ?? null,
        plan.firstFull ?? null,
      ),
    });

  // A re-run: earlier initiatives the room says stalled, whose stage is still not reached.
  if (plan.since) {
    const month = monthOf(plan.since.baseline.date);
    for (const o of plan.since.outcomes.filter((x) => x.mark.status === 'stalled' && x.reached !== true)) {
      const planned = plan.planned.has(o.initiative.dimension);
      out.push({
        kind: 'stalled',
        dimensions: [o.initiative.dimension],
        text: copy.stalledCaution(o.initiative.title, month, o.stillRaised, planned),
      });
    }
  }
  return out;
}

/** Fewer people than this, and the plan is a proposal to test rather than the room's mandate. */
export const THIN_ROOM = 5;

/**
 * Why the plan cannot yet speak for the organisation, or null: fewer than THIN_ROOM
 * people, fewer than half of those who joined answering, or fewer than half of the
 * room's vote budget cast (each person's votes, times the people): a few votes are not a mandate.
 */
function thinMandate(facts: BoardFacts, votesPerPerson: number): string | null {
  const people = facts.people.length;
  if (people === 0) return null;
  const budget = votesPerPerson * people;
  const reasons = [
    people < THIN_ROOM ? `only ${people === 1 ? 'one person' : `${people} people`} took part` : null,
    facts.answered * 2 < people ? `only ${facts.answered} of the ${people} who joined placed a marker` : null,
    budget > 0 && facts.voters > 0 && facts.totalVotes * 2 < budget
      ? `only ${facts.totalVotes} of the room's ${budget} votes were cast`
      : null,
  ].filter((x): x is string => x !== null);
  return reasons.length > 0 ? copy.thinMandateCaution(reasons) : null;
}

/**
 * The care a sector demands before public conversation starts, one line each, from
 * the kind of organisation and who it serves: never a detail nobody said.
 */
function careLines(
  facts: BoardFacts,
  kind: OrganisationKind,
  said: string,
  electionNamed: boolean,
): { text: string; blocks: string | null }[] {
  const all = facts.dims.flatMap((d) => [...d.practice, ...d.barriers]).concat(facts.general);
  const cards = all.map((c) => c.text).join(' ');
  // Each with the dimension whose public step it blocks: the quoted card's, or answering the public (Conversation).
  const lines: { text: string; blocks: string | null }[] = [];
  // The card that names a practice with young people, a private channel first (a chat app, a personal phone): the line quotes it.
  const withYoung = all
    .filter((c) => YOUNG.test(c.text))
    .sort((a, b) => Number(PRIVATE.test(b.text)) - Number(PRIVATE.test(a.text)) || byAge(a, b));
  if (withYoung.length > 0)
    lines.push({
      text: copy.safeguardingCaution(withYoung[0]!.text, PRIVATE.test(withYoung[0]!.text)),
      blocks: withYoung[0]!.dimension ?? 'community',
    });
  else if (YOUNG.test(said)) lines.push({ text: copy.safeguardingCaution(), blocks: 'community' });
  // A barrier that names the election period says the publicity rules itself (copy.wholePlanCaution).
  if (kind === 'public-body' && !electionNamed) lines.push({ text: copy.electionCaution(), blocks: null });
  // A regulated business: a company or a member-owned one (a building society) whose words name financial products.
  if ((kind === 'company' || kind === 'membership') && (FINANCIAL.test(said) || FINANCIAL.test(cards)))
    lines.push({ text: copy.financialCaution(), blocks: 'conversation' });
  return lines;
}

/**
 * Who answers for a safety step and by when: whoever owns the work it blocks in this plan, or
 * the facilitator names one at the first-30-days meeting (always so in an anonymous room); due
 * 30 days after the plan's start, before the first public step that waits for it.
 */
function careDue(blocks: string, plan: Parameters<typeof beforeYouAct>[1], facts: BoardFacts): string {
  // The role, not the name: a caution is stored with the plan, and a name there would outlive a switch to anonymous.
  const owned = plan.ownerOf?.(blocks) ?? false;
  const name = facts.dims.find((d) => d.def.key === blocks && d.first)?.def.name ?? null;
  const who = owned && name ? `whoever owns ${name} in this plan` : 'the facilitator names an owner at the first-30-days meeting';
  return copy.careDueWords(who, plan.startDay ? dayPlus30(plan.startDay) : null);
}

/** "2025-03-14" → "13 April 2025": thirty days on, from the day given (no clock). */
function dayPlus30(day: string): string | null {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + 30 * 86_400_000);
  return `${d.getUTCDate()} ${MONTH_WORDS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const MONTH_WORDS = [
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
];
