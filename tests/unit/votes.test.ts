/** The vote budget rule (shared/rules/votes.ts) and the phone's reading of it (client/lib/model.ts). */
import { describe, expect, it } from 'vitest';
import { parseTarget, spentByPool, poolBudget, poolOfCard } from '../../shared/rules/votes.ts';
import { votesLeft } from '../../client/lib/model.ts';
import type { PublicCard, RoomBoard } from '../../shared/domain/types.ts';

describe('vote targets and pools', () => {
  it('reads dim: and card: targets, and nothing else', () => {
    expect(parseTarget('dim:brand')).toEqual({ kind: 'dim', key: 'brand' });
    expect(parseTarget('card:Ab_9-x')).toEqual({ kind: 'card', id: 'Ab_9-x' });
    for (const bad of ['dim:', 'card:', 'brand', 'dims:brand', '']) expect(parseTarget(bad)).toBeNull();
  });

  it('barriers spend from their own pool; both pools are votesPerPerson', () => {
    expect(poolOfCard('barrier')).toBe('barriers');
    expect(poolOfCard('practice')).toBe('change');
    expect(poolBudget({ votesPerPerson: 4 }, 'change')).toBe(4);
    expect(poolBudget({ votesPerPerson: 4 }, 'barriers')).toBe(4);
  });

  it('counts per pool only targets the voter can see, and only positive counts', () => {
    const pools: Record<string, 'change' | 'barriers'> = { 'dim:a': 'change', 'card:p': 'change', 'card:b': 'barriers' };
    const spent = spentByPool(
      [
        ['dim:a', 2],
        ['card:p', 1],
        ['card:b', 3],
        ['card:gone', 5],
        ['dim:a2', 0],
      ],
      (t) => pools[t] ?? null,
    );
    expect(spent).toEqual({ change: 3, barriers: 3 });
  });
});

describe('votes left on a phone', () => {
  const card = (id: string, kind: PublicCard['kind'], hidden = false): PublicCard =>
    ({
      id,
      kind,
      text: id,
      dimension: 'brand',
      stage: kind === 'practice' ? 2 : null,
      author: null,
      order: 0,
      hidden,
      mine: false,
      localId: null,
    }) as PublicCard;
  const board = (votes: Record<string, number>, votesPerPerson = 3) =>
    ({
      settings: { votesPerPerson },
      dimensions: [{ key: 'brand' }, { key: 'people' }],
      cards: [card('p1', 'practice'), card('b1', 'barrier'), card('b2', 'barrier', true)],
      me: { participantId: 'x', markers: {}, votes, notBefore: {}, offers: [] },
    }) as unknown as RoomBoard;

  it('shows each pool apart, as the server counts it: hidden and deleted cards cost nothing', () => {
    const left = votesLeft(board({ 'dim:brand': 2, 'card:p1': 1, 'card:b1': 1, 'card:b2': 2, 'card:deleted': 4 }));
    expect(left.change).toEqual({ budget: 3, used: 3, left: 0, over: 0 });
    expect(left.barriers).toEqual({ budget: 3, used: 1, left: 2, over: 0 });
  });

  it('says how many to give back after the budget was lowered', () => {
    expect(votesLeft(board({ 'dim:brand': 2, 'dim:people': 2, 'card:b1': 1 }, 1))).toEqual({
      change: { budget: 1, used: 4, left: 0, over: 3 },
      barriers: { budget: 1, used: 1, left: 0, over: 0 },
    });
  });
});
