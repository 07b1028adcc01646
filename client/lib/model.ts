/**
 * Pure helpers for what the screens draw from a RoomBoard. What a screen may
 * see was decided by the server (server/rooms/projection.ts); these only shape
 * it: distributions from histograms, vote pools, names, times. The phone loads this file,
 * so what only the console and the projector say of a room is in client/lib/console-model.ts,
 * and the canvas's cells in client/lib/canvas-grid.ts.
 */
import { summarise } from '../../shared/rules/summary.ts';
import type { DimensionDef, Histogram, RoomBoard } from '../../shared/domain/types.ts';
import { isHidden, type PrivatePart } from '../../shared/rules/visibility.ts';
import { VOTE_POOLS, parseTarget, poolBudget, poolOfCard, spentByPool, type PoolOf, type VotePool } from '../../shared/rules/votes.ts';
export { isHidden, type PrivatePart };

export interface Distribution {
  /** How many people put their current (index 0 = stage 1) and target marker on each stage. */
  current: number[];
  target: number[];
  answers: number;
  /** The middle answer (`Summary.median`): null with no answers or when the room falls into two camps. */
  medianCurrent: number | null;
  medianTarget: number | null;
  /** How many stages the middle half of current markers covers. */
  spread: number;
  /** The room disagrees about where it stands: what to discuss first. */
  wide: boolean;
}

/**
 * A distribution as the screens draw it: answers per stage, and the room's middle answer and
 * spread by the one rule the roadmap uses too (`summarise`, shared/rules/summary.ts), so the board
 * flags a wide spread exactly where the roadmap plans a conversation.
 */
export function distributionOf(h: Histogram): Distribution {
  const now = summarise(h.current);
  return {
    current: [...h.current],
    target: [...h.target],
    answers: h.answers,
    medianCurrent: now.median,
    medianTarget: summarise(h.target).median,
    spread: now.spread,
    wide: now.wide,
  };
}

/** The distributions a screen may draw, by dimension. */
export function distributions(board: RoomBoard): Map<string, Distribution> {
  return new Map(Object.entries(board.dists).map(([dim, h]) => [dim, distributionOf(h)]));
}

export function voteTotals(board: RoomBoard): Map<string, number> | null {
  return board.votes ? new Map(Object.entries(board.votes)) : null;
}

/**
 * Where a vote on a target comes from, as this screen sees the board: the server's rule
 * (server/rooms/commands.ts) over what the server let it see. A dimension of the canvas, or a
 * card the room can see; anything else (a deleted card, one hidden again) costs nothing.
 */
export function poolOnBoard(board: RoomBoard): PoolOf {
  const dims = new Set(board.dimensions.map((d) => d.key));
  const cards = new Map(board.cards.filter((c) => !c.hidden).map((c) => [c.id, c.kind]));
  return (target) => {
    const t = parseTarget(target);
    if (!t) return null;
    if (t.kind === 'dim') return dims.has(t.key) ? 'change' : null;
    const kind = cards.get(t.id);
    return kind ? poolOfCard(kind) : null;
  };
}

export interface PoolLeft {
  budget: number;
  used: number;
  /** Votes still to spend (0 when over budget). */
  left: number;
  /** Votes to give back after the facilitator lowered the budget. */
  over: number;
}

/** This phone's votes, pool by pool (shared/rules/votes.ts). */
export function votesLeft(board: RoomBoard): Record<VotePool, PoolLeft> {
  const used = spentByPool(Object.entries(board.me?.votes ?? {}), poolOnBoard(board));
  const out = {} as Record<VotePool, PoolLeft>;
  for (const pool of VOTE_POOLS) {
    const budget = poolBudget(board.settings, pool);
    out[pool] = { budget, used: used[pool], left: Math.max(0, budget - used[pool]), over: Math.max(0, used[pool] - budget) };
  }
  return out;
}

/** A dimension's name on this canvas; `general` names a card that belongs to none (the screen's own word). */
export function dimensionName(dims: DimensionDef[], key: string | null, general = 'General'): string {
  if (!key) return general;
  return dims.find((d) => d.key === key)?.name ?? key;
}

/** A short random id for a card: url-safe, as the board's key rules require. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

export function formatMs(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}
