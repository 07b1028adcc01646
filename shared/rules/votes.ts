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
import { CARD_ID, DIMENSION_KEY } from '../domain/limits.ts';
import type { CardKind, Settings } from '../domain/types.ts';

export const VOTE_POOLS = ['change', 'barriers'] as const;
export type VotePool = (typeof VOTE_POOLS)[number];

/** A vote target, read: `dim:<dimension key>` or `card:<public card id>`. */
export type ParsedTarget = { kind: 'dim'; key: string } | { kind: 'card'; id: string };

/** Reads a vote target by its prefix; null without one (`isVoteTarget` also checks what follows). */
export function parseTarget(target: string): ParsedTarget | null {
  if (target.startsWith(DIM) && target.length > DIM.length) return { kind: 'dim', key: target.slice(DIM.length) };
  if (target.startsWith(CARD) && target.length > CARD.length) return { kind: 'card', id: target.slice(CARD.length) };
  return null;
}

/** A target a vote may be stored under: a dimension key or a card id behind its prefix. */
export function isVoteTarget(target: string): boolean {
  const t = parseTarget(target);
  return t !== null && (t.kind === 'dim' ? DIMENSION_KEY.test(t.key) : CARD_ID.test(t.id));
}

const DIM = 'dim:';
const CARD = 'card:';
/** The vote target of a dimension. */
export const dimTarget = (key: string): string => `${DIM}${key}`;
/** The vote target of a (public) card. */
export const cardTarget = (id: string): string => `${CARD}${id}`;

/**
 * The order barriers are shown in, everywhere (the console, the projector, the roadmap and the
 * export): most votes first, then the oldest first. Oldest first, because a tie then keeps its
 * order while new barriers arrive, and the one the room raised first is read first.
 * `older(a, b)` is negative when a was written first.
 */
export function byVotesThenAge<T>(votesOn: (item: T) => number, older: (a: T, b: T) => number): (a: T, b: T) => number {
  return (a, b) => votesOn(b) - votesOn(a) || older(a, b);
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
