/**
 * Invariants of the roadmap generator over random boards (fast-check, seeded
 * so a failure reproduces): determinism and order-independence, an initiative
 * for every gap and none without, enablers never after what they enable, align
 * before move, and the horizon cap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRoadmap, mergeRoadmap, UNSCHEDULED_HORIZON_ID } from '../../shared/roadmap.ts';
import type { BoardState, Card, Marker, Vote } from '../../shared/types.ts';
import { makeBoard } from '../fixtures/boards.ts';

const RUNS = { numRuns: 300, seed: 20_250_314 };
const DIMS = makeBoard().dimensions.map((d) => d.key);

const stage = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 5 });

const boardArb: fc.Arbitrary<BoardState> = fc
  .record({
    n: fc.integer({ min: 0, max: 12 }),
    removed: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    enablers: fc.array(fc.boolean(), { minLength: DIMS.length, maxLength: DIMS.length }),
    dimCount: fc.integer({ min: 1, max: DIMS.length }),
    cap: fc.integer({ min: 1, max: 5 }),
    horizons: fc.integer({ min: 1, max: 4 }),
    minAnswers: fc.integer({ min: 1, max: 5 }),
    markers: fc.array(fc.record({ p: fc.nat(11), d: fc.nat(DIMS.length - 1), current: stage, target: stage }), { maxLength: 120 }),
    cards: fc.array(
      fc.record({
        p: fc.nat(11),
        d: fc.option(fc.nat(DIMS.length), { nil: null }),
        stage: fc.integer({ min: 1, max: 5 }),
        barrier: fc.boolean(),
        t: fc.nat(50),
      }),
      { maxLength: 40 },
    ),
    votes: fc.array(fc.record({ p: fc.nat(11), dim: fc.boolean(), i: fc.nat(40), count: fc.integer({ min: 1, max: 5 }) }), { maxLength: 40 }),
  })
  .map((g) => {
    const base = makeBoard();
    const dimensions = base.dimensions.slice(0, g.dimCount).map((d, i) => ({ ...d, enabler: g.enablers[i]! }));
    const participants = Array.from({ length: Math.max(g.n, 1) }, (_, i) =>
      g.removed[i] ? { id: `p${i}`, name: `P${i}`, joinedAt: i, removed: true } : { id: `p${i}`, name: `P${i}`, joinedAt: i },
    );
    // One marker per participant and dimension, as in the Y.Doc (later draws win).
    const markerMap = new Map<string, Marker>();
    for (const m of g.markers) {
      const participantId = `p${m.p % participants.length}`;
      const dimension = DIMS[m.d]!; // may be outside this board's dimensions: must be ignored
      markerMap.set(`${participantId}/${dimension}`, { participantId, dimension, current: m.current, target: m.target });
    }
    const cards: Card[] = g.cards.map((c, i) => {
      const authorId = `p${c.p % participants.length}`;
      const dimension = c.d === null || c.d >= DIMS.length ? null : DIMS[c.d]!;
      return {
        key: `${authorId}/c${i}`,
        id: `c${i}`,
        authorId,
        kind: c.barrier ? 'barrier' : 'practice',
        text: `card ${i}`,
        dimension: c.barrier ? dimension : (dimension ?? DIMS[0]!),
        stage: c.barrier ? null : c.stage,
        createdAt: c.t,
      };
    });
    const voteMap = new Map<string, Vote>();
    for (const v of g.votes) {
      const participantId = `p${v.p % participants.length}`;
      const target = v.dim ? (`dim:${DIMS[v.i % DIMS.length]!}` as const) : (`card:${cards[v.i % Math.max(cards.length, 1)]?.key ?? 'x/y'}` as const);
      voteMap.set(`${participantId}/${target}`, { participantId, target, count: v.count });
    }
    const horizons = base.settings.horizons.concat([{ id: 'beyond', label: 'Beyond', fromMonth: 12, toMonth: 24 }]).slice(0, g.horizons);
    return makeBoard({
      dimensions,
      participants,
      markers: [...markerMap.values()],
      cards,
      votes: [...voteMap.values()],
      settings: { ...base.settings, initiativeCap: g.cap, horizons, minAnswers: g.minAnswers },
    });
  });

/** A permutation of each array in the board that fast-check can shrink. */
const shuffled = <T,>(items: readonly T[], keys: readonly number[]) =>
  items
    .map((item, i) => ({ item, k: keys[i] ?? i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);

const horizonRank = (board: BoardState) => {
  const ids = board.settings.horizons.map((h) => h.id);
  return (id: string) => (ids.includes(id) ? ids.indexOf(id) : ids.length);
};

describe('generateRoadmap properties', () => {
  it('is deterministic: the same board gives byte-identical JSON, and the input is not changed', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const before = JSON.stringify(board);
        const a = JSON.stringify(generateRoadmap(board));
        const b = JSON.stringify(generateRoadmap(structuredClone(board)));
        expect(a).toBe(b);
        expect(JSON.stringify(board)).toBe(before);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of cards, markers, votes and participants', () => {
    fc.assert(
      fc.property(boardArb, fc.array(fc.double({ noNaN: true }), { minLength: 200, maxLength: 200 }), (board, keys) => {
        const shuffledBoard: BoardState = {
          ...board,
          cards: shuffled(board.cards, keys),
          markers: shuffled(board.markers, keys.slice(40)),
          votes: shuffled(board.votes, keys.slice(160)),
          participants: shuffled(board.participants, keys.slice(7)),
        };
        expect(JSON.stringify(generateRoadmap(shuffledBoard))).toBe(JSON.stringify(generateRoadmap(board)));
      }),
      RUNS,
    );
  });

  it('a dimension with a positive gap always yields a move initiative, and one at or past target yields none', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        for (const s of r.summaries) {
          const mine = r.initiatives.filter((i) => i.dimension === s.dimension);
          if (s.gap > 0) {
            expect(mine.map((i) => i.kind)).toEqual(s.disagreement ? ['align', 'move'] : ['move']);
            expect(mine.every((i) => i.fromStage === s.current && i.toStage === s.target)).toBe(true);
            expect(s.target! - s.current!).toBe(s.gap);
          } else {
            expect(mine).toEqual([]);
          }
        }
        expect(new Set(r.initiatives.map((i) => i.id)).size).toBe(r.initiatives.length);
      }),
      RUNS,
    );
  });

  it('an enabler initiative is never in a later horizon than a non-enabler one', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const rank = horizonRank(board);
        const enabler = new Set(board.dimensions.filter((d) => d.enabler).map((d) => d.key));
        const latestEnabler = Math.max(-1, ...r.initiatives.filter((i) => enabler.has(i.dimension)).map((i) => rank(i.horizon)));
        for (const i of r.initiatives.filter((x) => !enabler.has(x.dimension))) expect(rank(i.horizon)).toBeGreaterThanOrEqual(latestEnabler);
      }),
      RUNS,
    );
  });

  it('an align initiative comes before its move: an earlier horizon unless both wait', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const rank = horizonRank(board);
        for (const align of r.initiatives.filter((i) => i.kind === 'align')) {
          const move = r.initiatives.find((i) => i.id === `${align.dimension}:move`)!;
          if (align.horizon.startsWith(UNSCHEDULED_HORIZON_ID)) expect(move.horizon).toBe(align.horizon);
          else expect(rank(move.horizon)).toBeGreaterThan(rank(align.horizon));
          expect(r.initiatives.indexOf(align)).toBeLessThan(r.initiatives.indexOf(move));
        }
      }),
      RUNS,
    );
  });

  it('the cap holds in every horizon the facilitator set, and only overflow waits', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const cap = board.settings.initiativeCap;
        for (const h of board.settings.horizons) expect(r.initiatives.filter((i) => i.horizon === h.id).length).toBeLessThanOrEqual(cap);
        const waiting = r.horizons.filter((h) => !board.settings.horizons.some((s) => s.id === h.id));
        expect(waiting.length).toBeLessThanOrEqual(1);
        if (waiting.length === 1) {
          expect(r.horizons.at(-1)).toBe(waiting[0]);
          expect(r.initiatives.some((i) => i.horizon === waiting[0]!.id)).toBe(true);
        }
        // Initiatives are listed by horizon.
        const ranks = r.initiatives.map((i) => r.horizons.findIndex((h) => h.id === i.horizon));
        expect(ranks.every((x) => x >= 0)).toBe(true);
        expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      }),
      RUNS,
    );
  });

  it('merging a roadmap with its own regeneration reports nothing and changes nothing', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const { roadmap, replaced } = mergeRoadmap(r, generateRoadmap(board));
        expect(replaced).toEqual([]);
        expect(JSON.stringify(roadmap)).toBe(JSON.stringify(r));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});
