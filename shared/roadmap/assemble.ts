/**
 * The Roadmap object from ranked, placed work: each initiative with its title,
 * its reasons (one sentence says where it starts and why there), its first
 * step and suggested benchmark, in horizon order; the horizons in use; the
 * summaries; suggested owners; and "Before you act".
 */
import { KIND_WORDS, kindOf } from '../domain/organisation.ts';
import { STAGE_NOT_AGREED } from '../domain/canvas.ts';
import type { BoardState, EditableField, Horizon, Initiative, Roadmap } from '../domain/types.ts';
import type { SinceEarlier } from '../rules/baseline.ts';
import { capacitySentence, windowSentence, type Calendar } from './calendar.ts';
import { beforeYouAct } from './cautions.ts';
import * as copy from './copy.ts';
import type { BoardFacts } from './facts.ts';
import { suggestOwners } from './owners.ts';
import type { Placement, Slot } from './place.ts';
import type { Work } from './rank.ts';
import { rerunFor, sinceFrom } from './rerun.ts';
import { alignStepFor, baseStepFor, baselineCard, benchmarkFor, firstStepFor, pickEnd, todayWhy } from './team-words.ts';

/** What every initiative's texts read besides its own work and placement. */
interface Texts {
  facts: BoardFacts;
  serves: copy.OrgWords;
  minAnswers: number;
  since: SinceEarlier | null;
  /** Votes on each planned dimension, to say where one ranks. */
  votesOf: number[];
  /** A scheduled horizon's label by index; null for the waiting list. */
  label: (h: number) => string | null;
  /** No horizon, or no room in any: nothing can be scheduled. */
  noRoom: boolean;
  /** The waiting list's index. */
  U: number;
  openingId: string;
  cap: number;
  /** The first horizon's room under a capacity barrier (calendar.ts), when the plan keeps to it. */
  firstRoom: number | null;
  /** Enabling work the room's top vote pulled forward: its name, and the top vote's key. */
  pulled: { name: string; by: string; order: number }[];
  calendar: Calendar;
}

/** The organisation's words: who it serves as the facilitator said it, or its kind's word; what they do with it, from its kind. */
function orgWords(board: BoardState): copy.OrgWords {
  const words = KIND_WORDS[kindOf(board.settings.organisationKind)];
  const serves = String(board.settings.serves ?? '').trim() || words.serves;
  // Three people or fewer are the whole team in the room, not a leadership team with staff behind it.
  return board.participants.length <= 3 ? { serves, act: words.act, few: true } : { serves, act: words.act };
}

/** `cap` as generateRoadmap read it from the settings; `placements` in the order of `work`. */
export function assembleRoadmap(
  board: BoardState,
  facts: BoardFacts,
  { opening, scheduled, waiting }: { opening: Horizon; scheduled: Horizon[]; waiting: Horizon },
  work: readonly Work[],
  placements: readonly Placement[],
  cap: number,
  calendar: Calendar,
  firstRoom: number | null = null,
): Roadmap {
  const U = scheduled.length;
  const minAnswers = Math.max(1, Number.isFinite(board.settings.minAnswers) ? board.settings.minAnswers : 1);
  const since = board.baseline ? sinceFrom(board, facts) : null;
  const texts: Texts = {
    facts,
    serves: orgWords(board),
    minAnswers,
    since,
    votesOf: facts.dims.filter((d) => d.first).map((d) => d.summary.votes),
    label: (h) => (h < U ? scheduled[h]!.label : null),
    noRoom: U === 0 || cap === 0,
    U,
    openingId: opening.id,
    cap,
    firstRoom,
    // In the order they were placed, which is the order they are numbered in.
    pulled: work
      .flatMap((w, n) =>
        placements[n]!.pulledBy ? [{ name: w.d.def.name, by: placements[n]!.pulledBy!, order: placements[n]!.order }] : [],
      )
      .sort((a, b) => a.order - b.order),
    calendar,
  };

  // In the order the work was placed: what a piece of work needs comes before it.
  const placed = work
    .map((w, n) => ({ w, p: placements[n]! }))
    .sort((a, b) => a.p.order - b.p.order)
    .flatMap(({ w, p }) => initiativesOf(w, p, texts))
    .map((p, seq) => ({ ...p, seq }));
  // Within a horizon, work that waits for a first-30-days meeting comes after what can start at once,
  // so the first 30 days number their items without a gap (1, 2, 3, not 1, 2, 4).
  // Work that needs a dimension whose step waits in the same horizon waits with it, so it stays numbered after it.
  const needsOf = new Map(work.map((w) => [w.d.def.key, w.needs]));
  const afterMeeting = new Set<string>();
  for (const p of placed) {
    const i = p.initiative;
    const towards = i.kind === 'move' && i.fromStage === STAGE_NOT_AGREED;
    const after = (needsOf.get(i.dimension) ?? []).some((k) => afterMeeting.has(`${k}@${p.h}`));
    if (i.kind === 'move' && (towards || after)) afterMeeting.add(`${i.dimension}@${p.h}`);
  }
  const waits = (p: { h: number; initiative: Initiative }) =>
    Number(afterMeeting.has(`${p.initiative.dimension}@${p.h}`) && p.initiative.kind === 'move');
  const used = new Set(placed.map((p) => p.h));
  const horizons: Horizon[] = [...(used.has(-1) ? [opening] : []), ...scheduled, ...(used.has(U) ? [waiting] : [])];
  const idOf = (h: number) => (h === -1 ? opening.id : h === U ? waiting.id : scheduled[h]!.id);
  const initiatives = placed
    .sort((a, b) => a.h - b.h || waits(a) - waits(b) || a.seq - b.seq)
    .map((p) => inFieldOrder({ ...p.initiative, horizon: idOf(p.h) }));
  suggestOwners(initiatives, facts, board.settings.anonymous === true);
  const firstFull = fullFirst(initiatives, scheduled, texts, calendar, facts);

  return {
    ...(calendar.day ? { start: calendar.day } : {}),
    ...(firstRoom !== null ? { firstRoom } : {}),
    horizons,
    initiatives,
    summaries: facts.dims.map((d) => d.summary),
    cautions: beforeYouAct(facts, {
      planned: new Set(initiatives.map((i) => i.dimension)),
      scheduled,
      minAnswers,
      cap,
      firstRoom: firstRoom === null || U === 0 ? null : { label: scheduled[0]!.label, room: firstRoom },
      firstFull,
      startDay: calendar.day,
      ownerOf: (key) => ownerOn(initiatives, key, board.settings.anonymous === true),
      since,
      votesPerPerson: Number.isFinite(board.settings.votesPerPerson) ? board.settings.votesPerPerson : 0,
      kind: kindOf(board.settings.organisationKind),
      serves: texts.serves.serves,
      organisation: board.organisation,
      startMonth: calendar.day ? calendar.month : null,
    }),
  };
}

/**
 * A dimension's initiatives, each with the horizon it goes in (-1: the opening block):
 * where the room disagrees, a meeting to agree where we stand, then a move "towards"
 * the target; otherwise a move from today, in one or two steps.
 */
function initiativesOf(w: Work, p: Placement, t: Texts): { h: number; initiative: Initiative }[] {
  const { d } = w;
  const { def, summary } = d;
  const { facts, serves, label, U } = t;
  const { stageName } = facts;
  const nameOf = (key: string) => facts.dims.find((x) => x.def.key === key && x.first)?.def.name ?? key;
  const lead: copy.Lead = w.group === 0 ? 'top' : w.group === 1 ? 'quick' : def.enabler ? 'groundwork' : null;
  const rank = t.votesOf.filter((v) => v > summary.votes).length;
  const joint = t.votesOf.filter((v) => v === summary.votes).length > 1;
  // The most-voted dimensions, when several share the top vote: each says it is a tie.
  const tied =
    lead === 'top' && joint ? facts.dims.filter((x) => x.first && x.summary.votes === summary.votes).map((x) => x.def.name) : undefined;
  // The most-voted dimension says so where it says when it starts.
  // The most-voted dimension and a quick win say their votes where they say when they start.
  const votes = w.group === 0 || lead === 'quick' ? [] : copy.votesSentence(summary.votes, rank, joint, facts.maxVotes);
  // When others voted and this did not, its placement says so; when nobody voted, Before you act says it once.
  const unvoted = summary.votes === 0 && facts.totalVotes > 0;
  const thin = summary.answers < t.minAnswers ? [copy.thinSentence(summary.answers)] : [];
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

  // Why it starts no earlier: barriers, or the groundwork this builds on.
  const floorWhy: copy.Floor =
    p.floor === null
      ? null
      : p.floor.kind === 'barrier'
        ? { kind: 'barrier', texts: w.held.by.map((c) => c.text), label: label(p.floor.h) ?? '' }
        : { kind: 'groundwork', label: label(p.floor.h), names: p.floor.needs.map(nameOf) };
  const pulledBy = p.pulledBy ? nameOf(p.pulledBy) : null;
  const withNeeds = w.group === 0 ? t.pulled.filter((x) => x.by === def.key).map((x) => x.name) : [];
  const placedWhy = (at: Slot, afterMeeting: boolean) =>
    timeWhy(at, copy.leadClause({ lead, votes: summary.votes, cast: facts.totalVotes, tied }), t, def.enabler) ??
    copy.placementSentence({
      label: label(at.h),
      lead,
      votes: summary.votes,
      cast: facts.totalVotes,
      floor: floorWhy,
      full: at.full,
      afterMeeting,
      noRoom: t.noRoom,
      pulledBy,
      pulledStep: t.pulled.filter((x) => x.by === p.pulledBy).findIndex((x) => x.order === p.order) + 1,
      withNeeds,
      over: at.over === true,
      cap: at.h === 0 && t.firstRoom !== null ? t.firstRoom : t.cap,
      tied,
      unvoted,
      byGap: facts.totalVotes === 0,
    });
  const rerun = rerunFor(t.since, def.key, stageName);
  const heldKeys = floorWhy?.kind === 'barrier' ? w.held.by.map((c) => c.key) : [];
  const inTheWay = d.barriers.filter((c) => !heldKeys.includes(c.key));
  const inTheWayWhy = inTheWay[0] ? [copy.inTheWaySentence(inTheWay[0].text)] : [];

  if (summary.disagreement) {
    const target = summary.target!;
    const from = summary.low!;
    const lowCard = pickEnd(d.practice, facts, 'low');
    const highCard = pickEnd(d.practice, facts, 'high');
    const evidence =
      lowCard && highCard && highCard.stage! - lowCard.stage! >= 2
        ? [copy.evidenceSentence({ text: lowCard.text, stage: lowCard.stage! }, { text: highCard.text, stage: highCard.stage! }, stageName)]
        : [];
    const step = firstStepFor(d, from, target, serves, facts, undefined, from);
    const today = todayWhy(d, summary.current, step.card, facts);
    const both = copy.bothCampsStep(
      lowCard?.text,
      highCard && highCard.key !== lowCard?.key ? highCard.text : undefined,
      stageName(from),
      baseStepFor(d, from, target, serves, facts),
    );
    return [
      {
        h: -1,
        initiative: {
          ...common,
          id: `${def.key}:align`,
          kind: 'align',
          title: copy.alignTitle(def.name),
          fromStage: STAGE_NOT_AGREED,
          toStage: target,
          step: 1,
          steps: 1,
          horizon: t.openingId,
          why: [copy.splitSentence(summary, stageName), ...evidence, copy.openingSentence()],
          firstStep: alignStepFor(d, serves),
          suggestedBenchmark: copy.alignBenchmark(def.name),
          heldBy: [],
        },
      },
      {
        h: p.first.h,
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
          why: [
            ...rerun.stalled,
            copy.towardsSentence(target, stageName),
            ...rerun.moved,
            ...votes,
            ...today,
            ...inTheWayWhy,
            placedWhy(p.first, true),
            ...thin,
          ],
          firstStep: rerun.step(both),
          suggestedBenchmark: copy.withBaseline(benchmarkFor(d, from, serves), baselineCard(d, from, step.card, facts)?.text),
          heldBy: heldKeys,
          ...startOf(p.first),
        },
      },
    ];
  }

  const from = summary.current!;
  const to = summary.target!;
  const { steps } = w;
  const mid = steps === 2 ? from + Math.ceil(summary.gap / 2) : to;
  // With a second step to come, the first does not take the step out of `mid`, which is the second's.
  const step = firstStepFor(d, from, mid, serves, facts, undefined, steps === 2 ? mid - 1 : mid);
  // The benchmark measures the step: its baseline is the card the step started from, or another about the step.
  const baseline = baselineCard(d, step.out, step.card, facts);
  const out: { h: number; initiative: Initiative }[] = [
    {
      h: p.first.h,
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
        why: [
          ...rerun.stalled,
          ...rerun.moved,
          ...(steps === 2 ? [copy.stepsSentence(summary.gap, steps)] : []),
          ...votes,
          ...inTheWayWhy,
          placedWhy(p.first, false),
          ...thin,
        ],
        firstStep: rerun.step(step.text),
        suggestedBenchmark: copy.withBaseline(benchmarkFor(d, step.out, serves), baseline?.text),
        heldBy: heldKeys,
        ...startOf(p.first),
      },
    },
  ];
  if (p.second) {
    const sentence =
      timeWhy(p.second, null, t, def.enabler) ??
      copy.placementSentence({
        label: label(p.second.h),
        lead: null,
        votes: summary.votes,
        cast: facts.totalVotes,
        floor: p.first.h < U ? { kind: 'step', label: label(p.first.h)! } : null,
        full: p.second.full,
        afterMeeting: false,
        noRoom: t.noRoom,
      });
    out.push({
      h: p.second.h,
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
        suggestedBenchmark: copy.withBaseline(benchmarkFor(d, mid, serves), undefined),
        heldBy: [],
        ...startOf(p.second),
      },
    });
  }
  return out;
}

/** The month a window moved it to, when one did. */
const startOf = (at: Slot): { startMonth?: number } => (at.window ? { startMonth: at.window.start } : {});

/** The sentence of work the calendar moved: a window, or a capacity barrier in the first horizon; null otherwise. */
function timeWhy(at: Slot, lead: string | null, t: Texts, enabler = false): string | null {
  const label = t.label(at.h);
  if (at.window && label !== null) {
    const { start, by, closed } = at.window;
    // Groundwork held by a general window: only because its step faces the public.
    const facing = enabler && by.some((b) => b.by.dimension === null);
    return windowSentence(lead, label, t.calendar.month + start, by, at.full, closed === null ? null : t.label(closed), facing);
  }
  if (at.squeezed) return capacitySentence(lead, t.label(0)!, label, t.cap, t.calendar.capacity);
  return null;
}

/** The fields in the order `Initiative` declares them, so a stored initiative reads top to bottom. */
function inFieldOrder(i: Initiative): Initiative {
  const { id, dimension, kind, title, fromStage, toStage, step, steps, horizon, why, firstStep, owner, benchmark } = i;
  const { suggestedOwners, suggestedBenchmark, cards, barriers, heldBy, priority, edited, startMonth } = i;
  return {
    id,
    dimension,
    kind,
    title,
    fromStage,
    toStage,
    step,
    steps,
    horizon,
    why,
    firstStep,
    owner,
    benchmark,
    suggestedOwners,
    suggestedBenchmark,
    cards,
    barriers,
    heldBy,
    ...(startMonth === undefined ? {} : { startMonth }),
    priority,
    edited,
  };
}

/**
 * A capacity barrier that could not shrink the first horizon (the top vote and the groundwork
 * it needs fill it): what fills it, named for the caution that asks the room what stops.
 */
function fullFirst(
  initiatives: readonly Initiative[],
  scheduled: readonly Horizon[],
  t: Texts,
  calendar: Calendar,
  facts: BoardFacts,
): copy.FirstFull | null {
  if (calendar.capacity.length === 0 || t.firstRoom !== null || t.cap < 2 || scheduled.length === 0) return null;
  const nameOf = (key: string) => facts.dims.find((x) => x.def.key === key && x.first)?.def.name ?? key;
  const keys = [...new Set(initiatives.filter((i) => i.horizon === scheduled[0]!.id).map((i) => i.dimension))];
  if (keys.length < 2) return null;
  const names = keys.map(nameOf);
  const groundwork = t.pulled.filter((p) => names.includes(p.name) && keys.includes(p.by));
  const top = groundwork.length > 0 ? nameOf(groundwork[0]!.by) : null;
  return {
    label: scheduled[0]!.label,
    next: scheduled[1]?.label ?? null,
    names,
    top,
    groundwork: groundwork.filter((p) => p.by === groundwork[0]!.by).map((p) => p.name),
  };
}

/** Whether the plan's first item for a dimension has an owner set or suggested; never in an anonymous room. */
function ownerOn(initiatives: readonly Initiative[], key: string, anonymous: boolean): boolean {
  if (anonymous) return false;
  const i = initiatives.find((x) => x.dimension === key);
  return i !== undefined && (i.owner.trim() !== '' || (i.suggestedOwners?.[0] ?? '') !== '');
}
