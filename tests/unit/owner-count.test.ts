/** The console's "3 of 5 first steps have an owner": first steps are the first horizon's initiatives. */
import { describe, expect, it } from 'vitest';
import type { Initiative, Roadmap } from '../../shared/domain/types.ts';
import { firstStepOwners, ownerCountSentence } from '../../client/lib/owner-count.ts';

const item = (id: string, horizon: string, owner = '', ownerConfirmed?: boolean) =>
  ({ id, horizon, owner, ...(ownerConfirmed ? { ownerConfirmed } : {}) }) as Initiative;
const roadmap = (initiatives: Initiative[]) =>
  ({
    horizons: [
      { id: 'now', label: 'Now', fromMonth: 0, toMonth: 3 },
      { id: 'next', label: 'Next', fromMonth: 3, toMonth: 6 },
    ],
    initiatives,
  }) as unknown as Roadmap;

describe('first steps with an owner', () => {
  it('counts the first horizon only, and says how many owners are confirmed', () => {
    const r = roadmap([
      item('a', 'now', 'Sam', true),
      item('b', 'now', 'Kim'),
      item('c', 'now', ' '),
      item('d', 'now'),
      item('e', 'now'),
      item('f', 'next', 'Lee', true),
    ]);
    expect(firstStepOwners(r)).toEqual({ total: 5, owned: 2, confirmed: 1 });
    expect(ownerCountSentence(firstStepOwners(r))).toBe('2 of 5 first steps have an owner (1 confirmed)');
  });

  it('words one step, and all confirmed, plainly', () => {
    expect(ownerCountSentence(firstStepOwners(roadmap([item('a', 'now', 'Sam', true)])))).toBe('1 of 1 first step has an owner');
    expect(ownerCountSentence(firstStepOwners(roadmap([item('a', 'now'), item('b', 'now')])))).toBe('0 of 2 first steps have an owner');
  });
});
