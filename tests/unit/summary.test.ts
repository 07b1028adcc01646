/**
 * The one statistics rule (shared/rules/summary.ts), over histograms: what the board
 * flags and what the roadmap plans for come from the same call, so they agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionOf } from '../../client/lib/model.ts';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import { histogram, summarise } from '../../shared/rules/summary.ts';
import { makeBoard, markersOn, participant } from '../fixtures/boards.ts';

const RUNS = { numRuns: 500, seed: 20_250_314 };
const counts = fc.array(fc.nat(12), { minLength: 5, maxLength: 5 });
/** The answers a histogram stands for, sorted. */
const expand = (h: readonly number[]) => h.flatMap((n, i) => Array<number>(n).fill(i + 1));

/** A board where `answers[i]` is person i's current marker on Brand (target 5), and the room the board and roadmap see. */
function brandBoard(answers: readonly number[]) {
  const ids = answers.map((_, i) => `p${i}`);
  return makeBoard({
    participants: ids.map((id, i) => participant(id, id, i)),
    markers: markersOn(
      ids,
      'brand',
      answers,
      answers.map(() => 5),
    ),
  });
}
/** What a screen flags: the server sends it the histogram of the room's answers, the screen draws `distributionOf` it. */
const boardSays = (answers: readonly number[]) =>
  distributionOf({ current: histogram(answers), target: histogram(answers.map(() => 5)), answers: answers.length }).wide;
const roadmapSays = (answers: readonly number[]) =>
  generateRoadmap(brandBoard(answers)).summaries.find((s) => s.dimension === 'brand')!.disagreement;

describe('summarise: examples a facilitator would check', () => {
  it('one person at the far end does not divide a room of five: [1,1,1,1,5] is not wide, on the board or in the roadmap', () => {
    expect(summarise(histogram([1, 1, 1, 1, 5]))).toMatchObject({ answers: 5, median: 1, spread: 0, camps: null, wide: false });
    expect(boardSays([1, 1, 1, 1, 5])).toBe(false);
    expect(roadmapSays([1, 1, 1, 1, 5])).toBe(false);
  });

  it('"4 say Broadcasting, 5 say Engaging" is two camps: wide, and no single middle answer is claimed', () => {
    const s = summarise([0, 4, 0, 5, 0]);
    expect(s.camps).toEqual([
      { from: 2, to: 2, count: 4 },
      { from: 4, to: 4, count: 5 },
    ]);
    expect(s.median).toBeNull();
    expect(s.wide).toBe(true);
    expect(boardSays([2, 2, 2, 2, 4, 4, 4, 4, 4])).toBe(true);
    expect(roadmapSays([2, 2, 2, 2, 4, 4, 4, 4, 4])).toBe(true);
  });

  it('two people at opposite ends disagree; so do three far apart; a room scattered over three stages disagrees without being two camps', () => {
    expect(summarise([1, 0, 0, 0, 1])).toMatchObject({ wide: true, camps: null, median: 1 });
    expect(summarise([1, 0, 1, 0, 1])).toMatchObject({ wide: true, camps: null, median: 3 });
    expect(summarise([3, 0, 3, 0, 3])).toMatchObject({ wide: true, camps: null, median: 3 });
    // Four people around Broadcasting are not divided.
    expect(summarise([1, 2, 1, 0, 0])).toMatchObject({ wide: false, median: 2, spread: 0 });
  });

  it('no answers: nothing is claimed', () => {
    expect(summarise([0, 0, 0, 0, 0])).toEqual({ answers: 0, median: null, low: null, high: null, spread: 0, camps: null, wide: false });
  });

  it('ignores what is not a count, and stages past 5', () => {
    expect(summarise([-2, Number.NaN, 2.7, 0, 0, 9])).toMatchObject({ answers: 2, median: 3 });
    expect(histogram([0, 1, 2.5, 6, null, 5, 5])).toEqual([1, 0, 0, 0, 2]);
  });
});

describe('summarise: properties', () => {
  it('counts every answer, and the middle answer is a stage someone chose with half the room on each side', () => {
    fc.assert(
      fc.property(counts, (h) => {
        const s = summarise(h);
        const all = expand(h);
        expect(s.answers).toBe(all.length);
        if (s.median !== null) {
          expect(h[s.median - 1]).toBeGreaterThan(0);
          expect(2 * all.filter((x) => x <= s.median!).length).toBeGreaterThanOrEqual(all.length);
          expect(2 * all.filter((x) => x >= s.median!).length).toBeGreaterThanOrEqual(all.length);
          expect(s.low!).toBeLessThanOrEqual(s.median);
          expect(s.high!).toBeGreaterThanOrEqual(s.median);
        }
        if (all.length > 0) expect(s.spread).toBe(s.high! - s.low!);
        expect(s.median === null).toBe(all.length === 0 || s.camps !== null);
      }),
      RUNS,
    );
  });

  it('two camps are wide, at least two stages apart, each on one or two neighbouring stages with 2+ answers and a quarter of the room', () => {
    fc.assert(
      fc.property(counts, (h) => {
        const s = summarise(h);
        if (!s.camps) return;
        const [lower, upper] = s.camps;
        expect(s.wide).toBe(true);
        expect(upper.from - lower.to).toBeGreaterThanOrEqual(2);
        for (const c of s.camps) {
          expect(c.to - c.from).toBeLessThanOrEqual(1);
          expect(c.count).toBeGreaterThanOrEqual(2);
          expect(4 * c.count).toBeGreaterThanOrEqual(s.answers);
          expect(c.count).toBe(h.slice(c.from - 1, c.to).reduce((a, b) => a + b, 0));
        }
        // Nobody sits beyond the camps, and those between are at most half the smaller camp.
        const between = s.answers - lower.count - upper.count;
        expect(expand(h).every((x) => x >= lower.from && x <= upper.to)).toBe(true);
        expect(2 * between).toBeLessThanOrEqual(Math.min(lower.count, upper.count));
      }),
      RUNS,
    );
  });

  it('from four answers up, one answer anywhere does not make an agreeing room wide', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 3, max: 40 }), fc.integer({ min: 1, max: 5 }), (stage, n, outlier) => {
        const h = [0, 0, 0, 0, 0];
        h[stage - 1] = n;
        h[outlier - 1]!++;
        expect(summarise(h).wide).toBe(false);
      }),
      RUNS,
    );
  });

  it('the board flags a wide spread exactly where the roadmap finds the room disagrees', () => {
    const answers = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 15 });
    fc.assert(
      fc.property(answers, (a) => {
        expect(boardSays(a)).toBe(roadmapSays(a));
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
