/**
 * Every rule of the roadmap generator, over random boards (fast-check, seeded
 * so a failure reproduces): determinism and order independence, what each
 * dimension gets, sequencing that listens (the most-voted and quick wins first,
 * groundwork beside them and before what depends on it, barriers' "not
 * before", the cap, steps), reasons that never contradict each other or the
 * plan, the team's own words, suggested owners and benchmarks, and "Before you
 * act".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../shared/domain/workshop-model.ts';
import { generateRoadmap, isOpeningBlock, isWaitingList, mergeRoadmap, STAGE_NOT_AGREED, STEPPED_GAP } from '../../shared/roadmap/index.ts';
import type { BoardState, Card, Initiative, Marker, Roadmap, Vote } from '../../shared/domain/types.ts';
import { makeBoard } from '../fixtures/boards.ts';
import { KIND_WORDS, kindOf } from '../../shared/domain/organisation.ts';
import { contradictions } from '../helpers/reasons.ts';
import { fill, hasCardSlot, quote } from '../../shared/roadmap/copy.ts';
import { facesPublic } from '../../shared/roadmap/calendar.ts';
import { holds, monthName, monthOf, readHold } from '../../shared/domain/months.ts';

const RUNS = { numRuns: 300, seed: 20_250_314 };
const DIMS = makeBoard().dimensions.map((d) => d.key);
const PLAYBOOK = new Map(Object.entries(defaultModel().playbooks));
const SERVES = ['customers', 'citizens', 'members', 'donors and volunteers', 'patients'];
/** Card texts: some carry a cue of some step ("sign-off", "agency", "inbox"...), some none. */
const TEXTS = [
  'A reply needs sign-off from Legal',
  'Our agency writes every post',
  'The inbox is checked on Fridays',
  'We count followers and nothing else',
  'Only the social team may reply',
  'We like cake',
  'Nothing to report',
  'The CRM and the intranet do not talk to each other',
  'Every post needs approval and goes in a report to the board',
  'A pilot team runs our group and our forum',
  'Only staff in the social team may post; some staff share unofficially',
  'Our data, tools and reports sit in separate systems',
];

const stage = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 6 });
/** How a room answers one dimension: around a stage, scattered, or in two camps; and how far it wants to go. */
const roomArb = fc.record({
  centre: fc.integer({ min: 1, max: 5 }),
  ahead: fc.integer({ min: -1, max: 4 }),
  shape: fc.constantFrom('agree', 'agree', 'scatter', 'camps'),
  noise: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 12, maxLength: 12 }),
});
const clamp = (n: number) => Math.min(5, Math.max(1, n));

const boardArb: fc.Arbitrary<BoardState> = fc
  .record({
    n: fc.integer({ min: 0, max: 12 }),
    removed: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    enablers: fc.array(fc.boolean(), { minLength: DIMS.length, maxLength: DIMS.length }),
    dimCount: fc.integer({ min: 1, max: DIMS.length }),
    cap: fc.integer({ min: 1, max: 5 }),
    horizons: fc.integer({ min: 1, max: 5 }),
    minAnswers: fc.integer({ min: 1, max: 5 }),
    anonymous: fc.boolean(),
    serves: fc.constantFrom(...SERVES),
    rooms: fc.array(roomArb, { minLength: DIMS.length, maxLength: DIMS.length }),
    /** Random extra markers on top (and over) the rooms': gaps, nulls, unknown dimensions. */
    markers: fc.array(fc.record({ p: fc.nat(11), d: fc.nat(DIMS.length - 1), current: stage, target: stage }), { maxLength: 30 }),
    cards: fc.array(
      fc.record({
        p: fc.nat(11),
        d: fc.option(fc.nat(DIMS.length), { nil: null }),
        stage: fc.integer({ min: 1, max: 5 }),
        barrier: fc.boolean(),
        text: fc.nat(TEXTS.length - 1),
        notBefore: fc.option(fc.constantFrom('now', 'next', 'later', 'year-two', 'beyond', 'gone'), { nil: null, freq: 2 }),
        t: fc.nat(50),
      }),
      { maxLength: 60 },
    ),
    votes: fc.array(fc.record({ p: fc.nat(11), dim: fc.boolean(), i: fc.nat(40), count: fc.integer({ min: 1, max: 5 }) }), {
      maxLength: 40,
    }),
  })
  .map((g) => {
    const base = makeBoard();
    const dimensions = base.dimensions.slice(0, g.dimCount).map((d, i) => ({ ...d, enabler: g.enablers[i]! }));
    const participants = Array.from({ length: Math.max(g.n, 1) }, (_, i) =>
      g.removed[i] ? { id: `p${i}`, name: `Person ${i}`, joinedAt: i, removed: true } : { id: `p${i}`, name: `Person ${i}`, joinedAt: i },
    );
    // One marker per participant and dimension, as in the Y.Doc (later draws win).
    const markerMap = new Map<string, Marker>();
    g.rooms.forEach((room, d) => {
      participants.forEach((p, i) => {
        const offset = room.noise[i]!;
        const current =
          room.shape === 'camps'
            ? clamp(room.centre + (i % 2 === 0 ? 0 : 2))
            : room.shape === 'scatter'
              ? clamp(room.centre + offset)
              : clamp(room.centre + (Math.abs(offset) === 2 ? Math.sign(offset) : 0));
        const target = clamp(room.centre + room.ahead + (offset === 2 ? 1 : 0));
        markerMap.set(`${p.id}/${DIMS[d]!}`, { participantId: p.id, dimension: DIMS[d]!, current, target });
      });
    });
    for (const m of g.markers) {
      const participantId = `p${m.p % participants.length}`;
      const dimension = DIMS[m.d]!; // may be outside this board's dimensions: must be ignored
      markerMap.set(`${participantId}/${dimension}`, { participantId, dimension, current: m.current, target: m.target });
    }
    const cards: Card[] = g.cards.map((c, i) => {
      const authorId = `p${c.p % participants.length}`;
      const dimension = c.d === null || c.d >= DIMS.length ? null : DIMS[c.d]!;
      const card: Card = {
        key: `${authorId}/c${i}`,
        id: `c${i}`,
        authorId,
        kind: c.barrier ? 'barrier' : 'practice',
        text: TEXTS[c.text]!,
        dimension: c.barrier ? dimension : (dimension ?? DIMS[0]!),
        stage: c.barrier ? null : c.stage,
        createdAt: c.t,
      };
      return c.barrier && c.notBefore ? { ...card, notBefore: c.notBefore } : card;
    });
    const voteMap = new Map<string, Vote>();
    for (const v of g.votes) {
      const participantId = `p${v.p % participants.length}`;
      const target = v.dim
        ? (`dim:${DIMS[v.i % DIMS.length]!}` as const)
        : (`card:${cards[v.i % Math.max(cards.length, 1)]?.key ?? 'x/y'}` as const);
      voteMap.set(`${participantId}/${target}`, { participantId, target, count: v.count });
    }
    const horizons = base.settings.horizons.concat([{ id: 'beyond', label: 'Beyond', fromMonth: 18, toMonth: 24 }]).slice(0, g.horizons);
    return makeBoard({
      dimensions,
      participants,
      markers: [...markerMap.values()],
      cards,
      votes: [...voteMap.values()],
      settings: { ...base.settings, initiativeCap: g.cap, horizons, minAnswers: g.minAnswers, anonymous: g.anonymous, serves: g.serves },
    });
  });

/** A permutation of each array in the board that fast-check can shrink. */
const shuffled = <T>(items: readonly T[], keys: readonly number[]) =>
  items
    .map((item, i) => ({ item, k: keys[i] ?? i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);

/** What the rules need to know about a board, worked out independently of the generator. */
function context(board: BoardState, r: Roadmap) {
  const removed = new Set(board.participants.filter((p) => p.removed).map((p) => p.id));
  const cards = board.cards.filter((c) => !removed.has(c.authorId));
  const scheduled = board.settings.horizons.map((h) => h.id);
  const rank = (i: Initiative) => r.horizons.findIndex((h) => h.id === i.horizon);
  const sched = (i: Initiative) => scheduled.indexOf(i.horizon); // -1: opening block or waiting list
  const summary = (key: string) => r.summaries.find((s) => s.dimension === key)!;
  const maxVotes = Math.max(0, ...r.summaries.map((s) => s.votes));
  const enabler = new Set(board.dimensions.filter((d) => d.enabler).map((d) => d.key));
  const top = (key: string) => maxVotes > 0 && summary(key).votes === maxVotes;
  const quick = (key: string) => {
    const s = summary(key);
    return !s.disagreement && s.gap === 1 && s.votes > 0 && s.votes * 2 >= maxVotes;
  };
  /** The latest horizon any of the dimension's barriers (or a general one) holds it until; 0 = none. */
  const hold = (key: string) =>
    Math.max(
      0,
      ...cards
        .filter(
          (c) =>
            c.kind === 'barrier' && (c.dimension === key || c.dimension === null || !board.dimensions.some((d) => d.key === c.dimension)),
        )
        .map((c) => (c.notBefore ? scheduled.indexOf(c.notBefore) : -1)),
    );
  const firstSteps = r.initiatives.filter((i) => i.kind === 'move' && i.step === 1);
  const inFirst = (i: Initiative) => scheduled.length > 0 && i.horizon === scheduled[0];
  /** The first steps of the planned work this one needs (the default canvas names it for every dimension). */
  const needed = (i: Initiative) => (PLAYBOOK.get(i.dimension)?.needs ?? []).flatMap((k) => firstSteps.filter((x) => x.dimension === k));
  return { removed, cards, scheduled, rank, sched, summary, maxVotes, enabler, top, quick, hold, firstSteps, inFirst, needed };
}

const generated = (r: Roadmap) =>
  [...r.initiatives.flatMap((i) => [i.title, ...i.why, i.firstStep, i.suggestedBenchmark]), ...(r.cautions ?? []).map((c) => c.text)].join(
    '\n',
  );
const withoutQuotes = (s: string) => s.replace(/“[^”]*”/g, '“…”');

describe('generateRoadmap properties: the same board, the same roadmap', () => {
  it('is deterministic: the same board gives byte-identical JSON, and the input is not changed', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const before = JSON.stringify(board);
        const a = JSON.stringify(generateRoadmap(board));
        expect(JSON.stringify(generateRoadmap(structuredClone(board)))).toBe(a);
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

describe('generateRoadmap properties: what each dimension gets', () => {
  it('a gap gives a move (a meeting and a step "towards" where the room disagrees, two chained steps for a big gap); no gap, nothing', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        for (const s of r.summaries) {
          const mine = r.initiatives.filter((i) => i.dimension === s.dimension);
          if (s.gap === 0) {
            expect(mine).toEqual([]);
          } else if (s.disagreement) {
            expect(mine.map((i) => i.id)).toEqual([`${s.dimension}:align`, `${s.dimension}:move`]);
            expect(mine.every((i) => i.fromStage === STAGE_NOT_AGREED && i.toStage === s.target)).toBe(true);
          } else if (s.gap >= STEPPED_GAP) {
            const [a, b] = mine;
            expect(mine.map((i) => i.id)).toEqual([`${s.dimension}:move`, `${s.dimension}:move-2`]);
            expect([a!.fromStage, a!.toStage, b!.fromStage, b!.toStage]).toEqual([s.current, a!.toStage, a!.toStage, s.target]);
            expect(a!.toStage).toBeGreaterThan(s.current!);
            expect(a!.toStage).toBeLessThan(s.target!);
            expect([a!.step, a!.steps, b!.step, b!.steps]).toEqual([1, 2, 2, 2]);
          } else {
            expect(mine.map((i) => [i.id, i.fromStage, i.toStage])).toEqual([[`${s.dimension}:move`, s.current, s.target]]);
          }
        }
        expect(new Set(r.initiatives.map((i) => i.id)).size).toBe(r.initiatives.length);
      }),
      RUNS,
    );
  });

  it('every meeting sits in the opening block, which holds nothing else; what follows it comes after', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const { rank } = context(board, r);
        const opening = r.horizons.filter(isOpeningBlock);
        expect(opening.length).toBe(r.initiatives.some((i) => i.kind === 'align') ? 1 : 0);
        if (opening[0]) expect(r.horizons[0]).toBe(opening[0]);
        for (const i of r.initiatives) expect(isOpeningBlock(r.horizons[rank(i)]!)).toBe(i.kind === 'align');
        for (const align of r.initiatives.filter((i) => i.kind === 'align')) {
          const move = r.initiatives.find((i) => i.id === `${align.dimension}:move`)!;
          expect(rank(move)).toBeGreaterThan(rank(align));
        }
      }),
      RUNS,
    );
  });

  it('a second step is in a later horizon than the first, or both wait', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const { rank } = context(board, r);
        for (const b of r.initiatives.filter((i) => i.step === 2)) {
          const a = r.initiatives.find((i) => i.id === `${b.dimension}:move`)!;
          if (isWaitingList(r.horizons[rank(a)]!)) expect(b.horizon).toBe(a.horizon);
          else expect(rank(b)).toBeGreaterThan(rank(a));
        }
      }),
      RUNS,
    );
  });
});

describe('generateRoadmap properties: sequencing that listens', () => {
  it('the cap holds in every horizon the facilitator set; the waiting list appears only for overflow, last', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const cap = board.settings.initiativeCap;
        // The one exception: enabling work the room's top vote needs starts with it, even over the cap.
        for (const h of board.settings.horizons) {
          const here = r.initiatives.filter((i) => i.horizon === h.id);
          const pulled = here.filter((i) => i.why.some((w) => w.startsWith("The room's top vote,"))).length;
          expect(here.length).toBeLessThanOrEqual(cap + (pulled > 0 ? pulled + 1 : 0));
        }
        expect(r.horizons.filter((h) => !isOpeningBlock(h) && !isWaitingList(h)).map((h) => h.id)).toEqual(
          board.settings.horizons.map((h) => h.id),
        );
        const waiting = r.horizons.filter(isWaitingList);
        expect(waiting.length).toBeLessThanOrEqual(1);
        if (waiting[0]) {
          expect(r.horizons.at(-1)).toBe(waiting[0]);
          expect(r.initiatives.some((i) => i.horizon === waiting[0]!.id)).toBe(true);
        }
        const ranks = r.initiatives.map((i) => r.horizons.findIndex((h) => h.id === i.horizon));
        expect(ranks.every((x) => x >= 0)).toBe(true);
        expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      }),
      RUNS,
    );
  });

  it('the most-voted dimension and quick wins start in the first horizon unless a barrier holds them or it is full', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const c = context(board, r);
        const firstLoad = c.scheduled.length ? r.initiatives.filter((i) => i.horizon === c.scheduled[0]).length : 0;
        for (const i of c.firstSteps.filter((x) => c.top(x.dimension) || c.quick(x.dimension))) {
          if (c.hold(i.dimension) > 0 || c.scheduled.length === 0 || c.needed(i).length > 0) continue;
          if (!c.inFirst(i)) expect(firstLoad).toBe(board.settings.initiativeCap);
        }
        // The first of them in the room's order always gets there.
        const lead = c.firstSteps.filter(
          (x) => c.top(x.dimension) && c.hold(x.dimension) === 0 && c.needed(x).every((n) => c.hold(n.dimension) === 0),
        );
        if (lead.length > 0 && c.scheduled.length > 0) expect(lead.some(c.inFirst)).toBe(true);
      }),
      RUNS,
    );
  });

  it('groundwork that nothing holds shares the first horizon (cap 2 or more), and is never later than what depends on it', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const c = context(board, r);
        const ground = c.firstSteps.filter((i) => c.enabler.has(i.dimension));
        if (board.settings.initiativeCap >= 2 && c.scheduled.length > 0 && ground.some((i) => c.hold(i.dimension) === 0)) {
          expect(ground.some(c.inFirst)).toBe(true);
        }
        // Dependency order: nothing starts before the work it needs (the template's `needs`).
        // In the same horizon it is numbered after it: the export numbers items in the order of the list.
        const at = (i: Initiative) => r.initiatives.indexOf(i);
        for (const i of c.firstSteps)
          for (const n of c.needed(i)) {
            expect(c.rank(n), `${i.id} needs ${n.id}`).toBeLessThanOrEqual(c.rank(i));
            if (c.rank(n) === c.rank(i)) expect(at(n), `${i.id} is numbered after ${n.id}`).toBeLessThan(at(i));
          }
      }),
      RUNS,
    );
  });

  it('nothing starts before its barriers\' "not before", and a barrier that decided the start is quoted', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const c = context(board, r);
        for (const i of r.initiatives.filter((x) => x.kind === 'move')) {
          const h = c.sched(i);
          if (h >= 0) expect(h).toBeGreaterThanOrEqual(c.hold(i.dimension));
          for (const key of i.heldBy) {
            const barrier = c.cards.find((x) => x.key === key)!;
            expect(c.scheduled.indexOf(barrier.notBefore!)).toBe(c.hold(i.dimension));
            expect(i.why.join(' ')).toContain(`“${barrier.text}”`);
          }
        }
      }),
      RUNS,
    );
  });

  it('no reason contradicts another, or the plan', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        expect(contradictions(board, generateRoadmap(board))).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("generateRoadmap properties: the team's words, owners and benchmarks", () => {
  it("a first step names a card of the team's when one is about the step, else it is the canvas's own, for whom the organisation serves", () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const c = context(board, r);
        const serves = board.settings.serves;
        for (const i of r.initiatives.filter((x) => x.kind === 'move')) {
          const from = i.fromStage === STAGE_NOT_AGREED ? c.summary(i.dimension).low! : i.fromStage;
          const step = PLAYBOOK.get(i.dimension)!.firstSteps[from - 1]!;
          // Three people or fewer are the whole team: "each of us" where the canvas says "each leader".
          const words = { serves, act: KIND_WORDS[kindOf(board.settings.organisationKind)].act, few: board.participants.length <= 3 };
          // The step may answer a barrier on its dimension ([[… {barrier} …]]); without one it is the canvas's words alone.
          const barriers = c.cards.filter((x) => x.kind === 'barrier' && x.dimension === i.dimension && !x.notBefore).map((x) => x.text);
          const canvas = fill(step.text, words);
          const canvasAnswering = [canvas, ...barriers.map((b) => fill(step.text, words, undefined, b))];
          if (i.fromStage === STAGE_NOT_AGREED) {
            // One step both camps can take: their evidence side by side, then the step out of the lower camp, without a card of its own.
            expect(i.firstStep).toMatch(/^Whichever camp is right, both can start here: /);
            expect(i.firstStep.endsWith(canvas.charAt(0).toLowerCase() + canvas.slice(1))).toBe(true);
            continue;
          }
          const text = i.firstStep;
          const fits = c.cards.filter(
            (x) =>
              x.kind === 'practice' &&
              x.dimension === i.dimension &&
              step.cues.some((cue) => new RegExp(`\\b${cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(x.text)),
          );
          const named =
            /^(?:Once safeguarding is agreed \(see Before you act\), )?(?:Start with|start with|Build on|build on) “([^”]*)”\. (.*)$/.exec(
              text,
            );
          // A step with a place for the card ("Replace {card|…} with a short guide") names it there.
          const inSlot = hasCardSlot(step.text)
            ? fits.find((x) => [undefined, ...barriers].some((b) => text === fill(step.text, words, x.text, b)))
            : undefined;
          if (named) {
            expect(fits.map((x) => x.text)).toContain(named[1]);
            expect(canvasAnswering).toContain(named[2]);
          } else if (inSlot) {
            expect(inSlot.stage).toBeLessThanOrEqual(from);
          } else {
            // Only a second step may skip a fitting card: the one its first step already named.
            if (i.step === 1) expect(fits).toEqual([]);
            const lower = (x: string) => x.charAt(0).toLowerCase() + x.slice(1);
            expect(canvasAnswering.map(lower)).toContain(lower(text));
          }
        }
        expect(generated(r)).not.toContain('{serves}');
        if (serves !== 'customers') expect(withoutQuotes(generated(r))).not.toMatch(/\bcustomers?\b|\bproducts?\b/i);
      }),
      RUNS,
    );
  });

  it('one suggested owner per item (most cards on the dimension, then votes, then the earliest card), up to two more "with"; nobody in an anonymous workshop', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const c = context(board, r);
        const active = board.participants.filter((p) => !p.removed);
        for (const i of r.initiatives) {
          if (board.settings.anonymous) {
            expect(i.suggestedOwners).toEqual([]);
            continue;
          }
          expect(i.suggestedOwners.length).toBeLessThanOrEqual(3);
          const dimCards = new Set(c.cards.filter((x) => x.dimension === i.dimension).map((x) => x.key));
          // The suggestion is whoever wrote most cards on the dimension.
          if (i.suggestedOwners.length > 0) {
            const wroteOn = (id: string) => c.cards.filter((x) => x.authorId === id && x.dimension === i.dimension).length;
            const most = Math.max(...active.map((p) => wroteOn(p.id)));
            expect(wroteOn(active.find((x) => x.name === i.suggestedOwners[0])!.id)).toBe(most);
          }
          for (const name of i.suggestedOwners) {
            const p = active.find((x) => x.name === name)!;
            expect(p).toBeDefined();
            const wrote = c.cards.some((x) => x.authorId === p.id && x.dimension === i.dimension);
            const voted = board.votes.some(
              (v) => v.participantId === p.id && (v.target === `dim:${i.dimension}` || dimCards.has(v.target.slice(5))),
            );
            expect(wrote || voted).toBe(true);
          }
        }
        if (board.settings.anonymous) {
          const json = JSON.stringify(r);
          for (const p of board.participants) expect(json).not.toContain(p.name);
        }
      }),
      RUNS,
    );
  });

  it('every step has a suggested benchmark that measures that step, with a baseline ("Today: …")', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        for (const i of r.initiatives) {
          expect(i.suggestedBenchmark.length).toBeGreaterThan(0);
          if (i.kind !== 'move') continue;
          const c = context(board, r);
          const from = i.fromStage === STAGE_NOT_AGREED ? c.summary(i.dimension).low! : i.fromStage;
          const words = (t: string) =>
            fill(t, {
              serves: board.settings.serves,
              act: KIND_WORDS[kindOf(board.settings.organisationKind)].act,
              few: board.participants.length <= 3,
            });
          const [, paired, count] = /^(.*?)\s*\{today\|(.*)\}$/.exec(PLAYBOOK.get(i.dimension)!.benchmarks[from - 1]!)!;
          expect(i.suggestedBenchmark.startsWith(`${words(paired!)} Today: `)).toBe(true);
          // The baseline is a card about the step the benchmark measures (one of its cues), or what to count today.
          const baseline = /Today: “([^”]*)”\.$/.exec(i.suggestedBenchmark)?.[1];
          if (baseline === undefined) expect(i.suggestedBenchmark.endsWith(` Today: ${words(count!)}.`)).toBe(true);
          else {
            const cues = PLAYBOOK.get(i.dimension)!.firstSteps[from - 1]!.cues;
            const card = board.cards.find((x) => x.dimension === i.dimension && x.kind === 'practice' && quote(x.text) === `“${baseline}”`);
            expect(card, baseline).toBeDefined();
            expect(
              cues.some((cue) => new RegExp(`\\b${cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(card!.text)),
              `“${baseline}” for ${i.suggestedBenchmark}`,
            ).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('generateRoadmap properties: Before you act', () => {
  it('says what the data cannot carry: unanswered dimensions, splits, missing votes, low targets, far cards', () => {
    fc.assert(
      fc.property(boardArb, (board) => {
        const r = generateRoadmap(board);
        const c = context(board, r);
        const cautions = r.cautions!;
        const of = (kind: string) => cautions.filter((x) => x.kind === kind);
        const targetAnswers = (key: string) =>
          board.markers.filter(
            (m) =>
              m.dimension === key &&
              !c.removed.has(m.participantId) &&
              m.target !== null &&
              Number.isInteger(m.target) &&
              m.target >= 1 &&
              m.target <= 5,
          ).length;
        const unanswered = r.summaries.filter((s) => s.answers === 0 || targetAnswers(s.dimension) === 0);
        if (unanswered.length === r.summaries.length) {
          expect(cautions.filter((x) => x.kind !== 'thin-mandate')).toEqual([
            expect.objectContaining({ kind: 'incomplete', dimensions: [] }),
          ]);
          return;
        }
        expect(of('incomplete').flatMap((x) => x.dimensions)).toEqual(unanswered.map((s) => s.dimension));
        if (unanswered.length > 0) expect(of('incomplete')[0]!.text).toContain(`${unanswered.length} of ${r.summaries.length} dimension`);
        const split = r.summaries.filter((s) => s.disagreement);
        expect(
          of('split')
            .flatMap((x) => x.dimensions)
            .sort(),
        ).toEqual(split.map((s) => s.dimension).sort());
        for (const s of split) {
          const text = of('split').find((x) => x.dimensions.includes(s.dimension))!.text;
          expect(text).toContain(s.name);
          const groups = s.camps.length === 2 ? s.camps.map((x) => x.count) : s.counts.filter((x) => x > 0);
          for (const n of groups) expect(text).toMatch(new RegExp(`\\b${n} says?\\b`));
          expect(text).not.toMatch(/middle answer is/);
        }
        // A vote counts when it is on one of the board's dimensions, a practice card on one, or a barrier.
        const onBoard = (x: Card) => x.kind === 'barrier' || board.dimensions.some((d) => d.key === x.dimension);
        const targets = new Set([...board.dimensions.map((d) => `dim:${d.key}`), ...c.cards.filter(onBoard).map((x) => `card:${x.key}`)]);
        const voters = new Set(
          board.votes.filter((v) => !c.removed.has(v.participantId) && targets.has(v.target)).map((v) => v.participantId),
        );
        expect(of('no-votes').length).toBe(voters.size === 0 ? 1 : 0);
        const people = board.participants.filter((p) => !p.removed).length;
        expect(of('few-votes').length).toBe(voters.size > 0 && voters.size * 2 < people ? 1 : 0);
        const low = new Set(of('low-target').flatMap((x) => x.dimensions));
        const splitTarget = new Set(of('split-target').flatMap((x) => x.dimensions));
        for (const s of r.summaries) {
          if (s.answers === 0 || s.target === null || splitTarget.has(s.dimension)) continue;
          expect(low.has(s.dimension)).toBe(s.target <= 2 || (s.current !== null && s.target < s.current));
        }
        const far = c.cards.some((x) => {
          const s = r.summaries.find((y) => y.dimension === x.dimension);
          return x.kind === 'practice' && s && s.current !== null && !s.disagreement && Math.abs(x.stage! - s.current) >= 2;
        });
        expect(of('card-far').length).toBe(far ? 1 : 0);
        // Barriers on the whole plan: those with a "not before" past the first horizon hold it; the others must be made room for.
        const general = c.cards.filter((x) => x.kind === 'barrier' && !board.dimensions.some((d) => d.key === x.dimension));
        const holding = general.filter((x) => x.notBefore && c.scheduled.indexOf(x.notBefore) > 0);
        expect(of('held').length).toBe(holding.length);
        expect(of('whole-plan').length).toBe(general.length > holding.length && r.initiatives.length > 0 ? 1 : 0);
      }),
      RUNS,
    );
  });
});

describe('generateRoadmap: the calendar (property)', () => {
  const START = '2025-03-14';
  const HOLDS = ['2025-03/2025-05', '/2025-09', '2025-06/2025-07', '2024-01/2024-02', '/2026-06', '2025-04/2025-04', '2025-03/2026-08'];
  const withHolds = fc
    .tuple(boardArb, fc.array(fc.option(fc.constantFrom(...HOLDS), { nil: null }), { minLength: 60, maxLength: 60 }), fc.boolean())
    .map(([board, holds, later]) => {
      const cards = board.cards.map((c, i) => (c.kind === 'barrier' && holds[i] ? { ...c, hold: holds[i] } : c));
      const settings = later ? { ...board.settings, planStart: '2025-06-01' } : board.settings;
      return { ...board, cards, settings };
    });

  it('no initiative starts inside a window that blocks it, and each that a window moved says when and why', () => {
    fc.assert(
      fc.property(withHolds, (board) => {
        const r = generateRoadmap(board, START);
        const start = monthOf(r.start!)!;
        expect(r.start).toBe(board.settings.planStart ?? START);
        const dims = new Map(board.dimensions.map((d) => [d.key, d]));
        const removed = new Set(board.participants.filter((p) => p.removed).map((p) => p.id));
        for (const i of r.initiatives) {
          const h = r.horizons.find((x) => x.id === i.horizon)!;
          if (i.kind === 'align' || isWaitingList(h) || isOpeningBlock(h)) continue;
          const month = start + (i.startMonth ?? h.fromMonth);
          const enabler = dims.get(i.dimension)?.enabler === true;
          for (const c of board.cards) {
            if (c.kind !== 'barrier' || removed.has(c.authorId)) continue;
            const w = readHold(c.hold);
            const general = c.dimension === null || !dims.has(c.dimension);
            // Groundwork waits for a general window too when its step faces the public.
            if (!w || !(c.dimension === i.dimension || (general && (!enabler || facesPublic(i.firstStep))))) continue;
            expect(holds(w, month), `${i.id} starts in ${month} inside ${c.hold}`).toBe(false);
            // New work gets its first month clear: it does not start the month before a window either.
            expect(holds(w, month + 1), `${i.id} starts in ${month}, the month before ${c.hold}`).toBe(false);
          }
          if (i.startMonth !== undefined) {
            expect(i.startMonth).toBeGreaterThanOrEqual(h.fromMonth);
            // The month it starts in, or, when it starts months after the window, what the window closed and what was full.
            const named = monthName(start + i.startMonth, true);
            expect(
              i.why.some((w) => w.includes(`, in ${named}: “`) || w.endsWith(`, in ${named}.`) || w.includes(' keeps it out of ')),
            ).toBe(true);
          }
        }
        expect(contradictions(board, r)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same board and day give the same plan, and without a day no window holds anything', () => {
    fc.assert(
      fc.property(withHolds, (board) => {
        expect(generateRoadmap(board, START)).toEqual(generateRoadmap(structuredClone(board), START));
        const undated = generateRoadmap({ ...board, settings: { ...board.settings, planStart: null } });
        expect(undated.start).toBeUndefined();
        expect(undated.initiatives.every((i) => i.startMonth === undefined)).toBe(true);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});
