/**
 * The roadmap in the team's own words: first steps started from a practice card
 * the team wrote when one fits, the card that says where we stand today, the
 * cards at either end of a split room, and benchmarks from the model's playbook.
 */
import type { Card } from '../domain/types.ts';
import { needsSafeguarding } from './care-words.ts';
import * as copy from './copy.ts';
import { byAge, type BoardFacts, type DimensionFacts } from './facts.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentions = (text: string, cues: readonly string[]) => cues.some((cue) => new RegExp(`\\b${escapeRegExp(cue)}`, 'i').test(text));

const votesOn = (c: Card, facts: BoardFacts) => facts.cardVotes.get(c.key) ?? 0;

/** The practice card at the low or high end of the dimension: most votes, then oldest, among those at that stage. */
export function pickEnd(cards: readonly Card[], facts: BoardFacts, end: 'low' | 'high'): Card | undefined {
  const staged = cards.filter((c) => typeof c.stage === 'number');
  if (staged.length === 0) return undefined;
  const stages = staged.map((c) => c.stage!);
  const at = end === 'low' ? Math.min(...stages) : Math.max(...stages);
  return staged.filter((c) => c.stage === at).sort((a, b) => votesOn(b, facts) - votesOn(a, facts) || byAge(a, b))[0];
}

/**
 * The card that best describes where we start: at or below `from` first (a
 * practice to change), nearest to `from`, then most votes, then oldest.
 */
function pickCard(cards: readonly Card[], from: number, facts: BoardFacts, fits: (c: Card) => boolean): Card | undefined {
  return cards
    .filter((c) => typeof c.stage === 'number' && fits(c))
    .sort(
      (a, b) =>
        Number(a.stage! > from) - Number(b.stage! > from) ||
        Math.abs(a.stage! - from) - Math.abs(b.stage! - from) ||
        votesOn(b, facts) - votesOn(a, facts) ||
        byAge(a, b),
    )[0];
}

/**
 * The first step out of stage `from`: the dimension's own step (its model's playbook),
 * started from the team's practice card when one is about it (its text has one
 * of the step's cues). When no card is about it but a card at or below today's stage
 * is about a later step of the playbook, out of a stage no higher than `maxOut` (the
 * room's target, so at most one stage beyond it), that step is taken instead: it answers
 * what the room itself wrote. `out` is the stage the chosen step leads out of, so its
 * benchmark measures the same step. A dimension the facilitator added has no playbook:
 * its step comes from its next descriptor, started from a card at today's stage.
 */
export function firstStepFor(
  d: DimensionFacts,
  from: number,
  to: number,
  serves: copy.OrgWords,
  facts: BoardFacts,
  skip?: Card,
  maxOut: number = to,
): { text: string; card?: Card; out: number } {
  const cards = d.practice.filter((c) => c.key !== skip?.key);
  const today = d.playbook?.firstSteps[from - 1];
  let out = from;
  let card = today ? pickCard(cards, from, facts, (c) => mentions(c.text, today.cues)) : undefined;
  if (today && !card) {
    for (let s = from + 1; s <= maxOut && !card; s++) {
      const later = d.playbook?.firstSteps[s - 1];
      card = later ? pickCard(cards, from, facts, (c) => c.stage! <= from && mentions(c.text, later.cues)) : undefined;
      if (card) out = s;
    }
  }
  const stepOut = d.playbook?.firstSteps[out - 1];
  // The barrier the step answers: the dimension's most-voted one that no "not before" makes a matter of time.
  const barrier = d.barriers.find((c) => !c.notBefore)?.text;
  const base = stepOut
    ? copy.fill(stepOut.text, serves, undefined, barrier)
    : copy.customStep(d.def.name, to, d.def.descriptors[to - 1], facts.stageName);
  if (!stepOut) card = pickCard(cards, from, facts, (c) => c.stage === from);
  if (!card) return { text: base, out };
  // A card at today's stage goes where the step names it ("Replace “…” with a short guide"); a card above it is a bright spot to build on.
  const above = card.stage! > from;
  if (stepOut && !above && copy.hasCardSlot(stepOut.text)) return { text: copy.fill(stepOut.text, serves, card.text, barrier), card, out };
  return { text: copy.stepFromCard(card.text, above, base, needsSafeguarding(card.text, serves.serves)), card, out };
}

/** The model's step out of stage `from`, without a card: what either camp of a split room can take up. */
export function baseStepFor(d: DimensionFacts, from: number, to: number, serves: copy.OrgWords, facts: BoardFacts): string {
  const stepOut = d.playbook?.firstSteps[from - 1];
  return stepOut ? copy.fill(stepOut.text, serves) : copy.customStep(d.def.name, to, d.def.descriptors[to - 1], facts.stageName);
}

export function alignStepFor(d: DimensionFacts, serves: copy.OrgWords): string {
  return d.playbook ? copy.fill(d.playbook.align, serves) : copy.alignStep(d.def.name);
}

/** `{today|what to count}` at the end of a playbook benchmark: how to take today's figure when no card gives it. */
const TODAY_SLOT = /\s*\{today\|((?:[^{}]|\{[a-z]+\})*)\}\s*$/;

/**
 * The benchmark that measures the first step out of stage `from` (the model's benchmark
 * for reaching the next stage), so a step and its measure always come as a pair, with
 * what to count today when no card says it.
 */
export function benchmarkFor(d: DimensionFacts, from: number, serves: copy.OrgWords): { text: string; count?: string } {
  const known = d.playbook?.benchmarks[Math.max(0, from - 1)];
  if (!known) return { text: copy.customBenchmark(d.def.name, serves.serves) };
  const count = TODAY_SLOT.exec(known)?.[1];
  const text = copy.fill(known.replace(TODAY_SLOT, ''), serves);
  return count ? { text, count: copy.fill(count, serves) } : { text };
}

/** The cues of the step a benchmark out of stage `from` measures: a baseline card must be about the same thing. */
export const benchmarkCues = (d: DimensionFacts, from: number): readonly string[] | undefined => d.playbook?.firstSteps[from - 1]?.cues;

/**
 * The card a benchmark out of stage `from` starts from ("Today: “…”"): the card its step
 * started from, else a card about the step (one of its cues) nearest today's stage. Without a
 * playbook, a card at today's stage. None when no card is about what the benchmark measures.
 */
export function baselineCard(d: DimensionFacts, from: number, stepCard: Card | undefined, facts: BoardFacts): Card | undefined {
  const cues = benchmarkCues(d, from);
  if (!cues) return stepCard ?? pickCard(d.practice, from, facts, (c) => c.stage === from);
  if (stepCard && mentions(stepCard.text, cues)) return stepCard;
  return pickCard(d.practice, from, facts, (c) => c.stage! <= from && mentions(c.text, cues));
}

/** "Today: “…” (and 3 more cards).": a card at today's stage, other than the one the first step quotes. */
export function todayWhy(d: DimensionFacts, current: number | null, quoted: Card | undefined, facts: BoardFacts): string[] {
  const card = todayCard(d, current, quoted, facts);
  return card ? [copy.todaySentence(card.text)] : [];
}

/** A card at today's stage other than the one the first step quotes: the baseline its benchmark starts from. */
export function todayCard(d: DimensionFacts, current: number | null, quoted: Card | undefined, facts: BoardFacts): Card | undefined {
  const others = d.practice.filter((c) => c.key !== quoted?.key);
  return current === null ? undefined : pickCard(others, current, facts, () => true);
}
