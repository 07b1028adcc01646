/**
 * The vote budget: one rule, read by the server (server/rooms/commands.ts enforces it)
 * and the phone (which shows what is left). Zod-free, so the phone bundle imports it.
 *
 * Each person has two pools of `votesPerPerson` votes each:
 * - `change`: what to change first, spent on dimensions and practice cards; the roadmap
 *   ranks dimensions by these;
 * - `barriers`: what stands in the way most, spent on barrier cards; the roadmap and the
 *   export rank barriers by these.
 * They answer different questions, so one never competes with the other: with one shared
 * pool, whoever spent their votes on the first tab could vote on no barrier, their own
 * included.
 *
 * A vote on a target the voter can no longer see (a deleted card, a card hidden again)
 * costs nothing: `poolOf` says null for it.
 */
import type { CardKind, Settings } from '../domain/types.ts';

export const VOTE_POOLS = ['change', 'barriers'] as const;
export type VotePool = (typeof VOTE_POOLS)[number];

/** A vote target, read: `dim:<dimension key>` or `card:<public card id>`. */
export type ParsedTarget = { kind: 'dim'; key: string } | { kind: 'card'; id: string };

export function parseTarget(target: string): ParsedTarget | null {
  if (target.startsWith('dim:') && target.length > 4) return { kind: 'dim', key: target.slice(4) };
  if (target.startsWith('card:') && target.length > 5) return { kind: 'card', id: target.slice(5) };
  return null;
}

/** The pool a vote on a card of this kind comes from. */
export const poolOfCard = (kind: CardKind): VotePool => (kind === 'barrier' ? 'barriers' : 'change');

/** How many votes one person has in a pool: the same number in each. */
export const poolBudget = (settings: Pick<Settings, 'votesPerPerson'>, _pool: VotePool): number => settings.votesPerPerson;

/** Where a target's votes come from; null when it is not a target the voter can see (it costs nothing). */
export type PoolOf = (target: string) => VotePool | null;

/** Votes one person has spent in each pool, counting only targets `poolOf` knows. */
export function spentByPool(votes: Iterable<readonly [string, number]>, poolOf: PoolOf): Record<VotePool, number> {
  const out: Record<VotePool, number> = { change: 0, barriers: 0 };
  for (const [target, count] of votes) {
    const pool = poolOf(target);
    if (pool && count > 0) out[pool] += count;
  }
  return out;
}
