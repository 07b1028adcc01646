/**
 * What the board says about each dimension, counted once for the generator and
 * the "Before you act" checks: the room's answers (summarised by the one rule
 * in shared/rules/summary.ts), votes, practice cards, barriers, and who wrote or
 * voted on what (for suggested owners). Pure.
 *
 * What counts: markers, cards and votes of participants who were not removed;
 * cards and markers on dimensions the board has; stages that are whole numbers
 * 1..STAGE_COUNT; votes with a positive count. A vote on a practice card counts for the
 * card's dimension; a vote on a barrier ranks the barrier only (barriers have a
 * vote pool of their own, shared/rules/votes.ts); a vote on a removed person's card
 * counts for nothing.
 */
import { stageNamer, workshopStages, type Stage, type StageNamer } from '../domain/canvas.ts';
import { summarise, histogram, type Summary } from '../rules/summary.ts';
import { byVotesThenAge, parseTarget } from '../rules/votes.ts';
import type { BoardState, Card, DimensionDef, DimensionPlaybook, DimensionSummary, Participant } from '../domain/types.ts';
import { defaultPlaybook, playbookOf } from '../domain/workshop-model.ts';

export interface DimensionFacts {
  def: DimensionDef;
  /** The model's first steps and benchmarks for it (a board without its own: the default canvas's, by key). */
  playbook: DimensionPlaybook | undefined;
  /** Position on the board. */
  index: number;
  /** False for a repeated key in a hand-edited template: only the first one is planned. */
  first: boolean;
  /** Today's answers, and the targets, by the one rule in shared/rules/summary.ts. */
  today: Summary;
  wanted: Summary;
  /** Targets per stage, index 0 = stage 1. */
  targetCounts: number[];
  summary: DimensionSummary;
  /** Practice cards on the dimension, oldest first. */
  practice: Card[];
  /** Barriers on the dimension, most votes first, then oldest. */
  barriers: Card[];
  /** participant id -> votes spent on the dimension and its cards + cards written on it. */
  involvement: Map<string, number>;
}

export interface BoardFacts {
  dims: DimensionFacts[];
  /** Barriers on no dimension (or one the board does not have): they concern the whole plan. */
  general: Card[];
  /** Votes per card key. */
  cardVotes: ReadonlyMap<string, number>;
  /** The most votes any dimension received (0 when nobody voted). */
  maxVotes: number;
  /** People who were not removed, in joining order. */
  people: Participant[];
  /** How many of them spent at least one vote. */
  voters: number;
  /** Votes cast on dimensions and their practice cards (not on barriers). */
  totalVotes: number;
  /** How many of them placed at least one marker. */
  answered: number;
  /** The workshop's five stages (its own names, or the default ones), and the one way to name them. */
  stages: readonly Stage[];
  stageName: StageNamer;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const byAge = (a: Card, b: Card) => a.createdAt - b.createdAt || byString(a.key, b.key) || byString(a.text, b.text);

const isPositive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** The busier stage of the lower camp (the lower one on a tie): where a split room's nearer ambition lies. */
function nearerCamp(s: Summary, counts: readonly number[]): number | null {
  const camp = s.camps?.[0];
  if (!camp) return null;
  return (counts[camp.to - 1] ?? 0) > (counts[camp.from - 1] ?? 0) ? camp.to : camp.from;
}

export function readFacts(board: BoardState): BoardFacts {
  const removed = new Set(board.participants.filter((p) => p.removed === true).map((p) => p.id));
  const people = board.participants.filter((p) => p.removed !== true).sort((a, b) => a.joinedAt - b.joinedAt || byString(a.id, b.id));
  const dims = board.dimensions;
  const dimIndex = new Map<string, number>();
  dims.forEach((d, i) => {
    if (!dimIndex.has(d.key)) dimIndex.set(d.key, i);
  });

  const answeredBy = new Set<string>();
  const currents = dims.map(() => [] as number[]);
  const targets = dims.map(() => [] as number[]);
  for (const m of board.markers) {
    if (removed.has(m.participantId)) continue;
    const i = dimIndex.get(m.dimension);
    if (i === undefined) continue;
    answeredBy.add(m.participantId);
    currents[i]!.push(m.current as number);
    targets[i]!.push(m.target as number);
  }

  const involvement = dims.map(() => new Map<string, number>());
  const involve = (i: number, who: string, n: number) => involvement[i]!.set(who, (involvement[i]!.get(who) ?? 0) + n);
  const practice = dims.map(() => [] as Card[]);
  const barriers = dims.map(() => [] as Card[]);
  const general: Card[] = [];
  const cardDim = new Map<string, number>();
  for (const c of board.cards) {
    if (removed.has(c.authorId)) continue;
    const i = c.dimension === null ? undefined : dimIndex.get(c.dimension);
    if (i === undefined) {
      if (c.kind === 'barrier') general.push(c);
      continue;
    }
    cardDim.set(c.key, i);
    if (c.kind === 'barrier') barriers[i]!.push(c);
    else if (c.kind === 'practice') practice[i]!.push(c);
    involve(i, c.authorId, 1);
  }
  const generalKeys = new Set(general.map((c) => c.key));
  const barrierKeys = new Set(barriers.flat().map((c) => c.key));

  const votes = dims.map(() => 0);
  const cardVotes = new Map<string, number>();
  const voters = new Set<string>();
  for (const v of board.votes) {
    if (removed.has(v.participantId) || !isPositive(v.count)) continue;
    const t = parseTarget(String(v.target));
    if (!t) continue;
    if (t.kind === 'card') {
      if (!cardDim.has(t.id) && !generalKeys.has(t.id)) continue;
      cardVotes.set(t.id, (cardVotes.get(t.id) ?? 0) + v.count);
      voters.add(v.participantId);
      // Barrier votes come from a pool of their own (shared/rules/votes.ts): they rank the barriers, not the dimension.
      if (barrierKeys.has(t.id)) continue;
    }
    const i = t.kind === 'dim' ? dimIndex.get(t.key) : cardDim.get(t.id);
    if (i === undefined) continue;
    votes[i]! += v.count;
    voters.add(v.participantId);
    involve(i, v.participantId, v.count);
  }
  const maxVotes = Math.max(0, ...votes);
  const votesOn = (c: Card) => cardVotes.get(c.key) ?? 0;

  const out: DimensionFacts[] = dims.map((def, index) => {
    const counts = histogram(currents[index]!);
    const today = summarise(counts);
    const targetCounts = histogram(targets[index]!);
    const wanted = summarise(targetCounts);
    const target = wanted.median ?? nearerCamp(wanted, targetCounts);
    // Targets in two camps have no middle: the plan aims for the nearer camp, and says so (cautions.ts).
    // Where the room disagrees, the gap runs from the lower edge of the middle half: the most it may have to travel.
    const from = today.wide ? today.low : today.median;
    const gap = from !== null && target !== null && target > from ? target - from : 0;
    return {
      def,
      playbook: board.playbooks ? playbookOf(board.playbooks, def.key) : defaultPlaybook(def.key),
      index,
      first: dimIndex.get(def.key) === index,
      today,
      wanted,
      targetCounts,
      practice: practice[index]!.sort(byAge),
      barriers: barriers[index]!.sort(byVotesThenAge(votesOn, byAge)),
      involvement: involvement[index]!,
      summary: {
        dimension: def.key,
        name: def.name,
        current: today.median,
        target,
        gap,
        spread: today.spread,
        low: today.low,
        high: today.high,
        answers: today.answers,
        counts,
        camps: today.camps ?? [],
        votes: votes[index]!,
        cards: practice[index]!.length,
        barriers: barriers[index]!.length,
        disagreement: today.wide,
      },
    };
  });
  const stages = workshopStages(board.stages);
  return {
    dims: out,
    general: general.sort(byAge),
    cardVotes,
    maxVotes,
    people,
    voters: voters.size,
    totalVotes: votes.reduce((a, b) => a + b, 0),
    answered: answeredBy.size,
    stages,
    stageName: stageNamer(stages),
  };
}
