/**
 * Nobody is named (as suggested owner or "with") on more than half the plan's items, rounded
 * up, while others took part; nobody is the suggested owner of more than two. Over every
 * golden board, and on a board where one person took part in everything.
 */
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import type { Roadmap } from '../../shared/domain/types.ts';
import { roadmapOf, SAMPLES } from '../fixtures/samples.ts';
import { card, makeBoard, markersOn, participant, vote } from '../fixtures/boards.ts';

const load = (r: Roadmap) => {
  const named = new Map<string, number>();
  const owns = new Map<string, number>();
  // An item only one person took part in names them whatever their load: it is not counted.
  for (const i of r.initiatives.filter((x) => x.suggestedOwners.length > 1)) {
    for (const n of i.suggestedOwners) named.set(n, (named.get(n) ?? 0) + 1);
    if (i.suggestedOwners[0]) owns.set(i.suggestedOwners[0], (owns.get(i.suggestedOwners[0]) ?? 0) + 1);
  }
  return { named: Math.max(0, ...named.values()), owns: Math.max(0, ...owns.values()), people: named.size };
};

describe('the load of suggested owners', () => {
  it('names nobody on more than half the items in any golden plan', () => {
    let busiest = 0;
    for (const sample of SAMPLES) {
      const r = roadmapOf(sample, sample.board());
      const { named, owns, people } = load(r);
      if (people < 2) continue;
      expect(named, sample.file).toBeLessThanOrEqual(Math.ceil(r.initiatives.length / 2));
      expect(owns, sample.file).toBeLessThanOrEqual(2);
      busiest = Math.max(busiest, named);
    }
    expect(busiest).toBeGreaterThan(0);
  });

  it('leaves out of the "with" someone who took part in everything, once they are on half the items', () => {
    const ids = ['p1', 'p2', 'p3', 'p4'];
    const dims = ['conversation', 'brand', 'content', 'community', 'insight', 'leadership'];
    const b = makeBoard({
      participants: ids.map((id, i) => participant(id, ['Ann Lee', 'Bo Park', 'Cy Ode', 'Di Roe'][i]!, i)),
      markers: dims.flatMap((d) => markersOn(ids, d, [1, 1, 1, 1], [3, 3, 3, 3])),
      // Ann writes a card on every dimension, so she ranks first everywhere; the others each vote.
      cards: [
        ...dims.map((d) => card('p1', `How we do ${d} today`, d, 1)),
        ...dims.map((d, n) => card(ids[1 + (n % 3)]!, `What I see on ${d}`, d, 1)),
      ],
      votes: [vote('p2', 'dim:conversation', 3), vote('p3', 'dim:brand', 3), vote('p4', 'dim:content', 3)],
    });
    const r = generateRoadmap(b, '2025-03-14');
    const { named, owns } = load(r);
    expect(r.initiatives.length).toBeGreaterThanOrEqual(4);
    expect(named).toBeLessThanOrEqual(Math.ceil(r.initiatives.length / 2));
    expect(owns).toBeLessThanOrEqual(2);
    // Ann, first on every dimension, is on exactly half, and every item still names someone.
    expect(r.initiatives.filter((i) => i.suggestedOwners.includes('Ann Lee')).length).toBe(Math.ceil(r.initiatives.length / 2));
    expect(r.initiatives.every((i) => i.suggestedOwners.length > 0)).toBe(true);
  });
});
