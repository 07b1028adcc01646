/**
 * The migration roadmap, generated from the board: pure and deterministic (no
 * clock, no randomness, no I/O; the same board gives the same roadmap byte for
 * byte, whatever order its cards, markers, votes and participants arrive in).
 * The rules are spelled out on `generateRoadmap`.
 */
import { DEFAULT_SETTINGS } from '../doc/meta-doc.ts';
import { STAGE_NOT_AGREED, type StageNamer } from '../domain/canvas.ts';
import type { BoardState, Card, EditableField, Horizon, Initiative, Roadmap } from '../domain/types.ts';
import { monthOf, sinceEarlier, type SinceEarlier } from '../rules/baseline.ts';
import { beforeYouAct } from './cautions.ts';
import * as copy from './copy.ts';
import { byAge, readFacts, type BoardFacts, type DimensionFacts } from './facts.ts';
import { planHorizons } from './horizons.ts';


/** A gap of this many stages or more is split into two steps in successive horizons. */
export const STEPPED_GAP = 3;


const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentions = (text: string, cues: readonly string[]) => cues.some((cue) => new RegExp(`\\b${escapeRegExp(cue)}`, 'i').test(text));

interface Work {
  d: DimensionFacts;
  /** 0: the most-voted dimension(s); 1: quick wins; 2: groundwork (enablers); 3: the rest. */
  group: 0 | 1 | 2 | 3;
  priority: number;
  /** Earliest scheduled horizon its barriers allow (0 = no hold), and the barriers that set it. */
  held: { at: number; by: Card[] };
}

/**
 * Builds the migration roadmap from the board.
 *
 * Per dimension (`summaries`, in board order), by the one statistics rule
 * (`summarise`, shared/rules/summary.ts): today's and the target's middle answer,
 * the spread, two camps when the room falls into them (then no middle answer
 * is claimed), and `disagreement`, the same "wide" the board flags.
 * gap = target - today's middle, or, where the room disagrees, target - the
 * lower edge of the middle half.
 *
 * Initiatives, for each dimension with a gap (ids stable across regenerations):
 * - where the room disagrees, `${key}:align` ("agree where we stand") in the
 *   opening block, "First 30 days": a meeting, not a quarter, and uncapped;
 *   then `${key}:move` "towards" the target, which claims no starting stage
 *   (`fromStage` = STAGE_NOT_AGREED);
 * - otherwise `${key}:move` from today to the target, split into two steps
 *   (`${key}:move`, `${key}:move-2`) when the gap is STEPPED_GAP or more, the
 *   second in a later horizon than the first.
 *
 * Priority (0..100): round(60 * votes / most votes on any dimension + 10 * gap).
 * A quick win: an agreed gap of one stage with at least half the top votes.
 *
 * Sequencing, greedy in this order: the most-voted dimension(s), quick wins,
 * groundwork (the enabling dimensions), the rest; by priority, then board
 * order, within each. Each takes the earliest horizon with room (at most
 * `initiativeCap` each) not before its floor:
 * - its barriers' "not before" horizon (barriers on its dimension, and general ones);
 * - for the rest (not the most-voted, not quick wins, not groundwork): the
 *   horizon of the latest groundwork, so groundwork never comes after what depends on it;
 * - for a second step: after the first.
 * When groundwork is waiting to start, the most-voted dimension and quick wins
 * leave one place in the first horizon for it. What finds no room goes to the
 * uncapped waiting list, added last and only when needed.
 *
 * Each initiative quotes the team's cards in `why`, and says in exactly one
 * sentence where it starts and why there. The first step names a practice
 * card of the team's when one fits the step (see `firstStepFor`).
 * Suggested owners (not in anonymous workshops): up to two people who wrote
 * cards on the dimension or voted for it most, spread so nobody is suggested
 * for a third dimension while someone else who took part in it is not yet
 * suggested twice.
 * `cautions` lists what the team should know before acting (cautions.ts).
 */
export function generateRoadmap(board: BoardState): Roadmap {
  const facts = readFacts(board);
  const { stageName } = facts;
  const serves = String(board.settings.serves ?? '').trim() || DEFAULT_SETTINGS.serves;
  const { opening, scheduled, waiting } = planHorizons(board.settings.horizons ?? []);
  const U = scheduled.length; // the waiting list's index
  const rawCap = board.settings.initiativeCap;
  const cap = Number.isFinite(rawCap) ? Math.max(0, Math.floor(rawCap)) : 0;
  const minAnswers = Math.max(1, Number.isFinite(board.settings.minAnswers) ? board.settings.minAnswers : 1);
  const horizonAt = new Map(scheduled.map((h, i) => [h.id, i]));
  const { maxVotes } = facts;
  const since = board.baseline ? sinceFrom(board, facts) : null;

  // ---------------------------------------------------------------- what to plan, in what order
  const heldBy = (cards: readonly Card[]) => {
    let at = 0;
    let by: Card[] = [];
    for (const c of cards) {
      const h = c.notBefore ? horizonAt.get(c.notBefore) : undefined;
      if (h === undefined || h === 0) continue;
      if (h > at) [at, by] = [h, [c]];
      else if (h === at) by.push(c);
    }
    return { at, by: by.sort(byAge) };
  };
  const work: Work[] = facts.dims
    .filter((d) => d.first && d.summary.gap > 0)
    .map((d): Work => {
      const { votes, gap, disagreement } = d.summary;
      const top = maxVotes > 0 && votes === maxVotes;
      const quick = !disagreement && gap === 1 && votes > 0 && votes * 2 >= maxVotes;
      return {
        d,
        group: top ? 0 : quick ? 1 : d.def.enabler ? 2 : 3,
        priority: Math.round((maxVotes > 0 ? (60 * votes) / maxVotes : 0) + 10 * gap),
        held: heldBy([...d.barriers, ...facts.general]),
      };
    })
    .sort((a, b) => a.group - b.group || b.priority - a.priority || a.d.index - b.d.index);

  // Groundwork that could start at once keeps a place in the first horizon, unless some already landed there.
  const groundworkWaiting = work.some((w) => w.group === 2 && w.held.at === 0);
  let groundworkFirst = false;
  const votesOf = facts.dims.filter((d) => d.first).map((d) => d.summary.votes);

  // ---------------------------------------------------------------- placing
  const load = scheduled.map(() => 0);
  const groundworkAt: { name: string; h: number }[] = [];
  const label = (h: number) => (h < U ? scheduled[h]!.label : null);
  /**
   * The earliest horizon from `floor` with room, and the ones it passed over
   * because they were full. The first horizon's last place is kept for
   * groundwork while groundwork is waiting and none has landed there: it is
   * full once that groundwork is placed, which comes next in the order.
   */
  const place = (floor: number, lead: boolean, groundwork: boolean) => {
    const full: string[] = [];
    for (let h = floor; h < U; h++) {
      const kept = h === 0 && lead && !groundwork && groundworkWaiting && !groundworkFirst && cap >= 2 && load[0]! >= cap - 1;
      if (load[h]! < cap && !kept) {
        load[h]!++;
        if (h === 0 && groundwork) groundworkFirst = true;
        return { h, full };
      }
      full.push(scheduled[h]!.label);
    }
    return { h: U, full };
  };

  const placed: { initiative: Initiative; h: number; seq: number }[] = [];
  let seq = 0;
  for (const w of work) {
    const { d } = w;
    const { def, summary } = d;
    const lead: copy.Lead = w.group === 0 ? 'top' : w.group === 1 ? 'quick' : def.enabler ? 'groundwork' : null;
    const rank = votesOf.filter((v) => v > summary.votes).length;
    const joint = votesOf.filter((v) => v === summary.votes).length > 1;
    // The most-voted dimension says so where it says when it starts.
    const votes = w.group === 0 ? [] : [copy.votesSentence(summary.votes, rank, joint, maxVotes)];
    const thin = summary.answers < minAnswers ? [copy.thinSentence(summary.answers)] : [];
    const common = {
      dimension: def.key,
      owner: '',
      benchmark: '',
      suggestedOwners: [] as string[],
      cards: d.practice.map((c) => c.key),
      barriers: d.barriers.map((c) => c.key),
      priority: w.priority,
      edited: [] as EditableField[],
    };

    // The floor: barriers, or the groundwork this builds on.
    const ground = w.group === 3 && groundworkAt.length > 0 ? Math.max(...groundworkAt.map((g) => g.h)) : 0;
    const floor = Math.max(w.held.at, ground);
    const floorWhy: copy.Floor =
      floor === 0
        ? null
        : w.held.at >= ground
          ? { kind: 'barrier', texts: w.held.by.map((c) => c.text), label: label(floor) ?? '' }
          : { kind: 'groundwork', label: label(ground) };
    const placeWithReason = (afterMeeting: boolean) => {
      const at = place(floor, w.group <= 1, def.enabler);
      const sentence = copy.placementSentence({
        label: label(at.h),
        lead,
        votes: summary.votes,
        floor: floorWhy,
        full: at.full,
        afterMeeting,
        noRoom: U === 0 || cap === 0,
      });
      return { h: at.h, sentence };
    };
    const rerun = rerunFor(since, def.key, stageName);
    const heldKeys = floorWhy?.kind === 'barrier' ? w.held.by.map((c) => c.key) : [];
    const inTheWay = d.barriers.filter((c) => !heldKeys.includes(c.key));
    const inTheWayWhy = inTheWay[0] ? [copy.inTheWaySentence(inTheWay[0].text)] : [];

    let startsAt: number;
    if (summary.disagreement) {
      const target = summary.target!;
      const from = summary.low!;
      const lowCard = pickEnd(d.practice, facts, 'low');
      const highCard = pickEnd(d.practice, facts, 'high');
      const evidence =
        lowCard && highCard && highCard.stage! - lowCard.stage! >= 2
          ? [copy.evidenceSentence({ text: lowCard.text, stage: lowCard.stage! }, { text: highCard.text, stage: highCard.stage! }, stageName)]
          : [];
      placed.push({
        h: -1,
        seq: seq++,
        initiative: {
          ...common,
          id: `${def.key}:align`,
          kind: 'align',
          title: copy.alignTitle(def.name),
          fromStage: STAGE_NOT_AGREED,
          toStage: target,
          step: 1,
          steps: 1,
          horizon: opening.id,
          why: [copy.splitSentence(summary, stageName), ...evidence, copy.openingSentence()],
          firstStep: alignStepFor(d, serves),
          suggestedBenchmark: copy.alignBenchmark(def.name),
          heldBy: [],
        },
      });
      const step = firstStepFor(d, from, target, serves, facts);
      const today = todayWhy(d, summary.current, step.card, facts);
      const at = placeWithReason(true);
      startsAt = at.h;
      placed.push({
        h: at.h,
        seq: seq++,
        initiative: {
          ...common,
          id: `${def.key}:move`,
          kind: 'move',
          title: copy.towardsTitle(def.name, target, stageName),
          fromStage: STAGE_NOT_AGREED,
          toStage: target,
          step: 1,
          steps: 1,
          horizon: '',
          why: [...rerun.stalled, copy.towardsSentence(target, stageName), ...rerun.moved, ...votes, ...today, ...inTheWayWhy, at.sentence, ...thin],
          firstStep: copy.ifAgreedStep(stageName(from), rerun.step(step.text)),
          suggestedBenchmark: benchmarkFor(d, target, serves),
          heldBy: heldKeys,
        },
      });
    } else {
      const from = summary.current!;
      const to = summary.target!;
      const steps = summary.gap >= STEPPED_GAP ? 2 : 1;
      const mid = steps === 2 ? from + Math.ceil(summary.gap / 2) : to;
      const step = firstStepFor(d, from, mid, serves, facts);
      const today = todayWhy(d, from, step.card, facts);
      const first = placeWithReason(false);
      startsAt = first.h;
      placed.push({
        h: first.h,
        seq: seq++,
        initiative: {
          ...common,
          id: `${def.key}:move`,
          kind: 'move',
          title: copy.moveTitle(def.name, from, mid, 1, steps, stageName),
          fromStage: from,
          toStage: mid,
          step: 1,
          steps,
          horizon: '',
          why: [...rerun.stalled, ...rerun.moved, ...(steps === 2 ? [copy.stepsSentence(summary.gap, steps)] : []), ...votes, ...today, ...inTheWayWhy, first.sentence, ...thin],
          firstStep: rerun.step(step.text),
          suggestedBenchmark: benchmarkFor(d, mid, serves),
          heldBy: heldKeys,
        },
      });
      if (steps === 2) {
        const next = first.h < U ? place(first.h + 1, false, false) : { h: U, full: [] };
        const sentence = copy.placementSentence({
          label: label(next.h),
          lead: null,
          votes: summary.votes,
          floor: first.h < U ? { kind: 'step', label: label(first.h)! } : null,
          full: next.full,
          afterMeeting: false,
          noRoom: U === 0 || cap === 0,
        });
        placed.push({
          h: next.h,
          seq: seq++,
          initiative: {
            ...common,
            id: `${def.key}:move-2`,
            kind: 'move',
            title: copy.moveTitle(def.name, mid, to, 2, steps, stageName),
            fromStage: mid,
            toStage: to,
            step: 2,
            steps,
            horizon: '',
            why: [sentence],
            firstStep: firstStepFor(d, mid, to, serves, facts, step.card).text,
            suggestedBenchmark: benchmarkFor(d, to, serves),
            heldBy: [],
          },
        });
      }
    }
    if (def.enabler) groundworkAt.push({ name: def.name, h: startsAt });
  }

  // ---------------------------------------------------------------- assembling
  const used = new Set(placed.map((p) => p.h));
  const horizons: Horizon[] = [...(used.has(-1) ? [opening] : []), ...scheduled, ...(used.has(U) ? [waiting] : [])];
  const idOf = (h: number) => (h === -1 ? opening.id : h === U ? waiting.id : scheduled[h]!.id);
  const initiatives = placed.sort((a, b) => a.h - b.h || a.seq - b.seq).map((p) => inFieldOrder({ ...p.initiative, horizon: idOf(p.h) }));
  suggestOwners(initiatives, facts, board.settings.anonymous === true);

  return {
    horizons,
    initiatives,
    summaries: facts.dims.map((d) => d.summary),
    cautions: beforeYouAct(facts, { planned: new Set(initiatives.map((i) => i.dimension)), scheduled, minAnswers, cap, since }),
  };
}

// ------------------------------------------------------------------ a re-run

/** Then against now, from the board's baseline and the room's own words on the earlier plan. */
function sinceFrom(board: BoardState, facts: BoardFacts): SinceEarlier {
  const barriersNow = [
    ...facts.dims.filter((d) => d.first).flatMap((d) => d.barriers.map((c) => ({ text: c.text, dimension: d.def.key }))),
    ...facts.general.map((c) => ({ text: c.text, dimension: null })),
  ];
  return sinceEarlier(board.baseline!, facts.dims.filter((d) => d.first).map((d) => d.summary), board.earlier, barriersNow);
}

/**
 * What a re-run adds to a dimension's move: credit where the room moved it (or a plain word
 * where it slipped), and, where an earlier initiative on it stalled and the stage it aimed for
 * is still not reached, why it stalled, with a first step that deals with that first.
 */
function rerunFor(since: SinceEarlier | null, key: string, stageName: StageNamer): { stalled: string[]; moved: string[]; step: (text: string) => string } {
  const none = { stalled: [], moved: [], step: (text: string) => text };
  if (!since) return none;
  const month = monthOf(since.baseline.date);
  const d = since.dimensions.find((x) => x.dimension === key);
  const moved = d && d.moved !== null && d.moved !== 0 ? [copy.movedSentence(month, d.then.current!, d.now.current!, stageName)] : [];
  const stalled = since.outcomes.find((o) => o.initiative.dimension === key && o.mark.status === 'stalled' && o.reached !== true);
  if (!stalled) return { ...none, moved };
  return {
    stalled: [copy.stalledSentence(month, stalled.stillRaised)],
    moved,
    step: (text: string) => copy.afterStallStep(stalled.stillRaised, text),
  };
}

/** The fields in the order `Initiative` declares them, so a stored initiative reads top to bottom. */
function inFieldOrder(i: Initiative): Initiative {
  const { id, dimension, kind, title, fromStage, toStage, step, steps, horizon, why, firstStep, owner, benchmark } = i;
  const { suggestedOwners, suggestedBenchmark, cards, barriers, heldBy, priority, edited } = i;
  return { id, dimension, kind, title, fromStage, toStage, step, steps, horizon, why, firstStep, owner, benchmark, suggestedOwners, suggestedBenchmark, cards, barriers, heldBy, priority, edited };
}

// ------------------------------------------------------------------ the team's words

const votesOn = (c: Card, facts: BoardFacts) => facts.cardVotes.get(c.key) ?? 0;

/** The practice card at the low or high end of the dimension: most votes, then oldest, among those at that stage. */
function pickEnd(cards: readonly Card[], facts: BoardFacts, end: 'low' | 'high'): Card | undefined {
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
 * of the step's cues). A dimension the facilitator added has no playbook: its
 * step comes from its next descriptor, started from a card at today's stage.
 */
function firstStepFor(d: DimensionFacts, from: number, to: number, serves: string, facts: BoardFacts, skip?: Card): { text: string; card?: Card } {
  const stepOut = d.playbook?.firstSteps[from - 1];
  const base = stepOut ? copy.fill(stepOut.text, serves) : copy.customStep(d.def.name, to, d.def.descriptors[to - 1], facts.stageName);
  const cards = d.practice.filter((c) => c.key !== skip?.key);
  const card = stepOut ? pickCard(cards, from, facts, (c) => mentions(c.text, stepOut.cues)) : pickCard(cards, from, facts, (c) => c.stage === from);
  return card ? { text: copy.stepFromCard(card.text, card.stage! > from, base), card } : { text: base };
}

function alignStepFor(d: DimensionFacts, serves: string): string {
  return d.playbook ? copy.fill(d.playbook.align, serves) : copy.alignStep(d.def.name);
}

function benchmarkFor(d: DimensionFacts, to: number, serves: string): string {
  const known = d.playbook?.benchmarks[to - 2];
  return known ? copy.fill(known, serves) : copy.customBenchmark(d.def.name, serves);
}

/** "Today: “…” (and 3 more cards).": a card at today's stage, other than the one the first step quotes. */
function todayWhy(d: DimensionFacts, current: number | null, quoted: Card | undefined, facts: BoardFacts): string[] {
  const others = d.practice.filter((c) => c.key !== quoted?.key);
  const card = current === null ? undefined : pickCard(others, current, facts, () => true);
  return card ? [copy.todaySentence(card.text)] : [];
}

// ------------------------------------------------------------------ owners

/**
 * Up to two names per dimension, in roadmap order, from who wrote cards on it
 * or voted for it (votes spent plus cards written, most first). A person already
 * suggested for two dimensions comes after everyone who is not, and is only
 * ever the first name. The same names go on every initiative of a dimension.
 * Nobody in an anonymous workshop.
 */
function suggestOwners(initiatives: Initiative[], facts: BoardFacts, anonymous: boolean): void {
  if (anonymous) return;
  const byId = new Map(facts.people.map((p, i) => [p.id, { name: p.name.trim(), order: i }]));
  const load = new Map<string, number>();
  const chosen = new Map<string, string[]>();
  for (const i of initiatives) {
    let names = chosen.get(i.dimension);
    if (!names) {
      const d = facts.dims.find((x) => x.def.key === i.dimension && x.first)!;
      const busy = (id: string) => (load.get(id) ?? 0) >= 2;
      const ranked = [...d.involvement]
        .filter(([id, n]) => n > 0 && byId.has(id) && byId.get(id)!.name !== '')
        .sort(([a, na], [b, nb]) => Number(busy(a)) - Number(busy(b)) || nb - na || byId.get(a)!.order - byId.get(b)!.order)
        .map(([id]) => id);
      // The best placed person always; a second only if not already suggested twice.
      const picks = ranked.slice(0, 1).concat(ranked.slice(1, 2).filter((id) => !busy(id)));
      for (const id of picks) load.set(id, (load.get(id) ?? 0) + 1);
      names = picks.map((id) => byId.get(id)!.name);
      chosen.set(i.dimension, names);
    }
    i.suggestedOwners = [...names];
  }
}
