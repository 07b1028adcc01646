/**
 * The room's figures: the counts every screen shows, the distributions of markers per
 * dimension, and the vote totals. Pure functions over what each present person adds
 * (their counts and markers) and the ledger's votes: no document is read or written here,
 * so what a screen would show is testable from plain values (tests/unit/figures.test.ts).
 */
import { ANSWERS_PREFIX, STAT_KEYS } from '../../shared/doc/room-doc.ts';
import { STAGE_COUNT } from '../../shared/domain/canvas.ts';
import type { Histogram, RoomStats } from '../../shared/domain/types.ts';
import { parseTarget } from '../../shared/rules/votes.ts';
import { distributionVisible, type RevealContext } from '../../shared/rules/visibility.ts';
import { splitOwnedKey } from './ledger.ts';

/** What one present person adds to the figures. */
export interface PersonFigures {
  practice: number;
  barrier: number;
  /** Of those, cards the room cannot see yet. */
  hiddenPractice: number;
  hiddenBarrier: number;
  /** Registered cards. */
  written: number;
  /** [dimension, current, target] of each answered dimension of the canvas; stages are 1..STAGE_COUNT. */
  markers: Array<[string, number | null, number | null]>;
}

/** The room's figures as the room document holds them: `stats` by key, and the distributions the room may see. */
export interface RoomFigures {
  stats: Map<string, number>;
  dists: Map<string, Histogram>;
}

/** No answers: one count per stage, all zero. */
export const emptyHistogram = (): Histogram => ({
  current: new Array<number>(STAGE_COUNT).fill(0),
  target: new Array<number>(STAGE_COUNT).fill(0),
  answers: 0,
});

/** Two people add the same to the figures: the same counts and the same markers, in the same order. */
export function sameFigures(a: PersonFigures | undefined, b: PersonFigures | undefined): boolean {
  if (!a || !b) return false;
  if (
    a.practice !== b.practice ||
    a.barrier !== b.barrier ||
    a.hiddenPractice !== b.hiddenPractice ||
    a.hiddenBarrier !== b.hiddenBarrier ||
    a.written !== b.written
  )
    return false;
  if (a.markers.length !== b.markers.length) return false;
  return a.markers.every((m, i) => {
    const o = b.markers[i]!;
    return m[0] === o[0] && m[1] === o[1] && m[2] === o[2];
  });
}

/**
 * One histogram per dimension of the canvas (in its order), empty where nobody answered: a
 * person's current and target stage each count once, and `answers` counts the people who set
 * either. Markers on a dimension not in `dimKeys` are left out.
 */
export function histograms(dimKeys: Iterable<string>, people: Iterable<PersonFigures>): Map<string, Histogram> {
  const hists = new Map<string, Histogram>();
  for (const key of dimKeys) hists.set(key, emptyHistogram());
  for (const p of people) {
    for (const [dim, cur, tgt] of p.markers) {
      const h = hists.get(dim);
      if (!h) continue;
      h.answers++;
      if (cur !== null) h.current[cur - 1]!++;
      if (tgt !== null) h.target[tgt - 1]!++;
    }
  }
  return hists;
}

/** The counts the room may always see (never who): `participants` present, `voters` of them with a live vote. */
export function roomStats(participants: number, people: Iterable<PersonFigures>, voters: number): Omit<RoomStats, 'answers'> {
  const stats: Omit<RoomStats, 'answers'> = {
    participants,
    practiceCards: 0,
    barrierCards: 0,
    hiddenPractice: 0,
    hiddenBarriers: 0,
    peopleWithCards: 0,
    peopleAnswered: 0,
    peopleVoted: voters,
  };
  for (const p of people) {
    stats.practiceCards += p.practice;
    stats.barrierCards += p.barrier;
    stats.hiddenPractice += p.hiddenPractice;
    stats.hiddenBarriers += p.hiddenBarrier;
    if (p.written > 0) stats.peopleWithCards++;
    if (p.markers.length > 0) stats.peopleAnswered++;
  }
  return stats;
}

/**
 * Everything the room's `stats` and `dists` maps hold: the counts, the answers per dimension
 * (always), and each dimension's distribution only where the room may see it (from Assess on,
 * once open, with at least `minAnswers` answers).
 */
export function roomFigures(
  ctx: RevealContext,
  dimKeys: Iterable<string>,
  participants: number,
  people: Iterable<PersonFigures>,
  voters: number,
): RoomFigures {
  const list = [...people];
  const hists = histograms(dimKeys, list);
  const counts = roomStats(participants, list, voters);
  const stats = new Map<string, number>();
  const dists = new Map<string, Histogram>();
  for (const key of STAT_KEYS) stats.set(key, counts[key]);
  for (const [dim, h] of hists) stats.set(ANSWERS_PREFIX + dim, h.answers);
  for (const [dim, h] of hists) if (distributionVisible(ctx, h.answers)) dists.set(dim, h);
  return { stats, dists };
}

/** Vote totals by target, and how many people they come from. */
export interface VoteTotals {
  totals: Map<string, number>;
  voters: number;
}

/**
 * Totals the ledger's votes (`${participantId}/${target}` -> count) on live targets only: from
 * people still present, on a dimension of the canvas or a card the room can see. A vote on
 * anything else (a removed person's, a card deleted or hidden again) counts for nothing.
 */
export function voteTotals(
  votes: Iterable<readonly [string, unknown]>,
  present: ReadonlySet<string>,
  dimKeys: ReadonlySet<string>,
  visibleCards: ReadonlySet<string>,
): VoteTotals {
  const totals = new Map<string, number>();
  const voters = new Set<string>();
  for (const [key, count] of votes) {
    const split = splitOwnedKey(key);
    if (!split || !present.has(split.owner) || typeof count !== 'number' || count <= 0) continue;
    const target = parseTarget(split.rest);
    const live = target !== null && (target.kind === 'dim' ? dimKeys.has(target.key) : visibleCards.has(target.id));
    if (!live) continue;
    voters.add(split.owner);
    totals.set(split.rest, (totals.get(split.rest) ?? 0) + count);
  }
  return { totals, voters: voters.size };
}
