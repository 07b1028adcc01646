/**
 * The migration roadmap, generated from the board: pure and deterministic (no
 * clock, no randomness, no I/O; the same board gives the same roadmap byte for
 * byte, whatever order its cards, markers, votes and participants arrive in).
 * The rules are spelled out on `generateRoadmap`; a pipeline of four steps, one
 * file each: facts.ts counts the board, rank.ts says what to plan and in what
 * order, place.ts which horizon each goes in, assemble.ts writes the roadmap.
 */
import type { BoardState, Roadmap } from '../domain/types.ts';
import { assembleRoadmap } from './assemble.ts';
import { readCalendar } from './calendar.ts';
import { readFacts } from './facts.ts';
import { planHorizons } from './horizons.ts';
import { placeWithLessRoom, placeWork } from './place.ts';
import { rankWork } from './rank.ts';

export { STEPPED_GAP } from './rank.ts';

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
 * Suggested owners (not in anonymous workshops, owners.ts): one person who wrote
 * most cards on the dimension or voted for it (ties to the earliest card), and up
 * to two more "with"; spread in plan order so nobody is the suggestion on a third
 * initiative while someone else who took part in its dimension is free.
 * `cautions` lists what the team should know before acting (cautions.ts).
 *
 * The calendar (calendar.ts): the plan starts on `settings.planStart`, or on `today` (the
 * workshop's day, given by the caller: no clock here), and its months count from there.
 * No new work starts inside a time window of a barrier on its dimension or of a general
 * one: it starts in the first month after, in a later horizon when the window closes its
 * own, and says so. A general barrier about time or people leaves the first horizon one
 * place fewer (never below one), and the work it keeps out says so. Without a start day,
 * windows hold nothing.
 */
export function generateRoadmap(board: BoardState, today?: string): Roadmap {
  const facts = readFacts(board);
  const horizons = planHorizons(board.settings.horizons ?? []);
  const rawCap = board.settings.initiativeCap;
  const cap = Number.isFinite(rawCap) ? Math.max(0, Math.floor(rawCap)) : 0;
  const work = rankWork(facts, horizons.scheduled);
  const calendar = readCalendar(board, facts.general, horizons.scheduled[0], today);
  // The stage each step starts out of, as assemble.ts words it: a split room's move from the lower camp's edge.
  const blocks = (n: number, step: 1 | 2) => {
    const { d } = work[n]!;
    const from = d.summary.disagreement ? d.summary.low : d.summary.current;
    return calendar.blocksOf(d, from === null || step === 1 ? from : from + Math.ceil(d.summary.gap / 2));
  };
  const placed = placeWork(work, horizons.scheduled, cap, { blocks, firstCap: cap });
  const placements = (calendar.capacity.length > 0 && placeWithLessRoom(work, horizons.scheduled, cap, blocks, placed)) || placed;
  // The room a capacity barrier leaves the first horizon, said wherever the plan counts: only when the plan keeps to it.
  const inFirst = placements.filter((p) => p.first.h === 0 && p.first.over !== true).length;
  const firstRoom = calendar.capacity.length > 0 && cap >= 2 && inFirst <= cap - 1 ? cap - 1 : null;
  return assembleRoadmap(board, facts, horizons, work, placements, cap, calendar, firstRoom);
}
