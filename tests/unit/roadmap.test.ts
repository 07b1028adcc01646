import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/doc/meta-doc.ts';
import { TARGET_MONTHS } from '../../shared/domain/canvas.ts';
import { defaultModel } from '../../shared/domain/workshop-model.ts';
import { AppError } from '../../shared/domain/errors.ts';
import {
  applyInitiativeEdit,
  generateRoadmap,
  mergeRoadmap,
  moveInitiative,
  OPENING_HORIZON_ID,
  STAGE_NOT_AGREED,
  UNSCHEDULED_HORIZON_ID,
} from '../../shared/roadmap/index.ts';
import type { BoardState, Card, Initiative, Roadmap } from '../../shared/domain/types.ts';
import { contradictions } from '../helpers/reasons.ts';
import { toMarkdown } from '../../shared/roadmap/markdown/index.ts';
import { card, charityBoard, makeBoard, marker, markersOn, participant, realisticBoard, splitRoomBoard, vote } from '../fixtures/boards.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);
const people = (n: number) => ids(n).map((id, i) => participant(id, id, i));
const summary = (r: Roadmap, key: string) => r.summaries.find((s) => s.dimension === key)!;
const initiative = (r: Roadmap, id: string) => r.initiatives.find((i) => i.id === id);
const horizonIndex = (r: Roadmap, i: Initiative) => r.horizons.findIndex((h) => h.id === i.horizon);
const byHorizon = (r: Roadmap) =>
  Object.fromEntries(r.horizons.map((h) => [h.id, r.initiatives.filter((i) => i.horizon === h.id).map((i) => i.id)]));
const DEFAULT_PLAYBOOKS = defaultModel().playbooks;
const playbook = (key: string) => DEFAULT_PLAYBOOKS[key]!;
const fill = (text: string, serves = 'customers') => text.replace(/\{serves\}/g, serves);
/** A playbook benchmark, and what it says to count today when no card gives the baseline (its `{today|…}`). */
const bench = (text: string, serves = 'customers') => {
  const [, measure, count] = /^(.*?)\s*\{today\|(.*)\}$/.exec(text)!;
  return { measure: fill(measure!, serves), count: fill(count!, serves) };
};
/** Every sentence the generator wrote, people's quoted words set aside. */
const generatedText = (r: Roadmap) =>
  [...r.initiatives.flatMap((i) => [i.title, ...i.why, i.firstStep, i.suggestedBenchmark]), ...(r.cautions ?? []).map((c) => c.text)]
    .map((s) => s.replace(/“[^”]*”/g, '“…”'))
    .join('\n');

/** Everyone puts every dimension at `current` and wants `target`. */
function uniformBoard(n: number, current: number, target: number, extra: Partial<BoardState> = {}): BoardState {
  const base = makeBoard();
  return makeBoard({
    participants: people(n),
    markers: base.dimensions.flatMap((d) => ids(n).map((p) => marker(p, d.key, current, target))),
    ...extra,
  });
}

/** Three people who agree on Ways of working (Broadcasting, want Experimenting), with the given cards. */
const waysBoard = (cards: Card[], extra: Partial<BoardState> = {}) =>
  makeBoard({ participants: people(3), markers: markersOn(ids(3), 'ways-of-working', [2, 2, 2], [3, 3, 3]), cards, ...extra });

describe('generateRoadmap: per-dimension summaries', () => {
  it('an empty board gives summaries with no answers, no initiatives, and says nothing was assessed', () => {
    const r = generateRoadmap(makeBoard());
    expect(r.initiatives).toEqual([]);
    expect(r.horizons.map((h) => h.id)).toEqual(['now', 'next', 'later', 'year-two']);
    expect(r.summaries).toHaveLength(10);
    for (const s of r.summaries) {
      expect(s).toMatchObject({
        current: null,
        target: null,
        gap: 0,
        spread: 0,
        answers: 0,
        votes: 0,
        cards: 0,
        barriers: 0,
        disagreement: false,
        camps: [],
      });
    }
    expect(r.cautions).toEqual([
      { kind: 'incomplete', dimensions: [], text: expect.stringContaining('Nobody has assessed the canvas yet') },
    ]);
  });

  it('every default dimension has its roadmap steps and benchmarks beside it, and nothing else does', () => {
    expect(Object.keys(DEFAULT_PLAYBOOKS)).toEqual(defaultModel().dimensions.map((d) => d.key));
    for (const p of Object.values(DEFAULT_PLAYBOOKS)) {
      expect(p.firstSteps).toHaveLength(4);
      expect(p.benchmarks).toHaveLength(4);
      for (const step of p.firstSteps) expect(step.cues.length).toBeGreaterThan(0);
    }
  });

  it('the default horizons run to the end of the 12-to-18-month window targets are set for', () => {
    expect(DEFAULT_SETTINGS.horizons.at(-1)!.toMonth).toBe(TARGET_MONTHS);
    expect(TARGET_MONTHS).toBe(18);
  });

  it('uses the lower median for an even count and the middle one for an odd count', () => {
    const board = makeBoard({
      participants: people(4),
      markers: [...markersOn(ids(4), 'brand', [1, 2, 2, 3], [2, 3, 4, 5]), ...markersOn(ids(3), 'content', [2, 3, 3], [2, 4, 5])],
    });
    const r = generateRoadmap(board);
    expect(summary(r, 'brand')).toMatchObject({ current: 2, target: 3, gap: 1, answers: 4, disagreement: false });
    expect(summary(r, 'content')).toMatchObject({ current: 3, target: 4, gap: 1, answers: 3, disagreement: false });
  });

  it('one outlier does not divide a room of eight; two camps do, and then no middle answer is claimed', () => {
    const board = makeBoard({
      participants: people(8),
      markers: [
        ...markersOn(ids(8), 'brand', [2, 2, 2, 2, 2, 2, 2, 5], [4, 4, 4, 4, 4, 4, 4, 4]),
        ...markersOn(ids(8), 'leadership', [1, 4, 2, 1, 4, 2, 3, 4], [4, 4, 4, 4, 4, 4, 4, 4]),
      ],
    });
    const r = generateRoadmap(board);
    expect(summary(r, 'brand')).toMatchObject({ current: 2, spread: 0, disagreement: false, camps: [] });
    expect(summary(r, 'leadership')).toMatchObject({
      current: null,
      disagreement: true,
      camps: [
        { from: 1, to: 2, count: 4 },
        { from: 4, to: 4, count: 3 },
      ],
      // The room has not agreed a start: the gap runs from the lower edge of the middle half.
      low: 2,
      gap: 2,
    });
  });

  it('two answers three stages apart are a disagreement whatever minAnswers is, as on the board', () => {
    const two = makeBoard({ participants: people(2), markers: markersOn(ids(2), 'brand', [1, 4], [4, 4]) });
    expect(summary(generateRoadmap(two), 'brand')).toMatchObject({ spread: 3, disagreement: true });
  });

  it('counts votes on the dimension and on its practice cards, and ignores barriers (their own pool) and unknown targets', () => {
    const practice = card('p1', 'agency runs it', 'brand', 2, 'practice', 'a');
    const barrier = card('p1', 'no budget', 'brand', null, 'barrier', 'b');
    const general = card('p1', 'no time', null, null, 'barrier', 'c');
    const board = makeBoard({
      participants: people(2),
      cards: [practice, barrier, general],
      votes: [
        vote('p1', 'dim:brand', 2),
        vote('p2', `card:${practice.key}`, 3),
        vote('p2', `card:${barrier.key}`, 1),
        vote('p2', `card:${general.key}`, 4),
        vote('p1', 'dim:nope', 5),
        vote('p1', 'card:p9/none', 5),
      ],
    });
    expect(summary(generateRoadmap(board), 'brand')).toMatchObject({ votes: 5, cards: 1, barriers: 1 });
  });

  it('ignores everything from removed participants, and markers and cards on unknown dimensions', () => {
    const board = makeBoard({
      participants: [participant('p1'), participant('p2', 'gone', 1, true)],
      markers: [marker('p1', 'brand', 2, 3), marker('p2', 'brand', 5, 5), marker('p1', 'ghost', 1, 5)],
      cards: [card('p2', 'spam', 'brand', 1), card('p1', 'elsewhere', 'ghost', 2)],
      votes: [vote('p2', 'dim:brand', 5)],
    });
    const r = generateRoadmap(board);
    expect(summary(r, 'brand')).toMatchObject({ current: 2, target: 3, answers: 1, votes: 0, cards: 0 });
    expect(r.summaries.some((s) => s.dimension === 'ghost')).toBe(false);
    expect(r.initiatives.map((i) => i.id)).toEqual(['brand:move']);
    expect(JSON.stringify(r)).not.toContain('gone');
  });

  it('ignores stages outside 1..5 and non-positive vote counts', () => {
    const board = makeBoard({
      participants: people(2),
      markers: [marker('p1', 'brand', 0, 9), marker('p2', 'brand', 2.5, 4)],
      votes: [vote('p1', 'dim:brand', -3), vote('p2', 'dim:brand', 0)],
    });
    expect(summary(generateRoadmap(board), 'brand')).toMatchObject({ current: null, target: 4, gap: 0, answers: 0, votes: 0 });
  });
});

describe('generateRoadmap: initiatives', () => {
  it('one participant: one move with the canvas step, and it says the evidence is thin', () => {
    const board = makeBoard({ participants: people(1), markers: [marker('p1', 'brand', 2, 3), marker('p1', 'content', 3, 3)] });
    const r = generateRoadmap(board);
    expect(r.initiatives).toHaveLength(1);
    expect(r.initiatives[0]).toMatchObject({
      id: 'brand:move',
      dimension: 'brand',
      kind: 'move',
      fromStage: 2,
      toStage: 3,
      step: 1,
      steps: 1,
      horizon: 'now',
      owner: '',
      benchmark: '',
      heldBy: [],
      edited: [],
      title: 'Brand positioning & voice: from Broadcasting to Experimenting',
      firstStep: fill(playbook('brand').firstSteps[1]!.text),
      // The benchmark measures the step out of Broadcasting; with no card, the baseline is what to count now.
      suggestedBenchmark: `${bench(playbook('brand').benchmarks[1]!).measure} Today: ${bench(playbook('brand').benchmarks[1]!).count}.`,
    });
    expect(r.initiatives[0]!.why).toContain('Only 1 person placed a marker here.');
  });

  it('no votes: initiatives still come from the gaps, say so, and Before you act asks for a vote', () => {
    const r = generateRoadmap(uniformBoard(4, 2, 3));
    expect(r.initiatives.length).toBe(10);
    expect(r.initiatives.every((i) => i.priority === 10)).toBe(true);
    // Nobody voted at all: Before you act says so once, and no initiative repeats it.
    expect(r.initiatives.some((i) => i.why.some((w) => /No votes|Nobody voted/.test(w)))).toBe(false);
    expect(r.cautions!.map((c) => c.kind)).toContain('no-votes');
  });

  it('everyone already at target (or past it): no initiatives', () => {
    expect(generateRoadmap(uniformBoard(5, 3, 3)).initiatives).toEqual([]);
    expect(generateRoadmap(uniformBoard(5, 4, 2)).initiatives).toEqual([]);
  });

  it('a split dimension gets a meeting in the first 30 days, then a step "towards" the target that claims no starting stage', () => {
    const r = generateRoadmap(realisticBoard());
    const align = initiative(r, 'leadership:align')!;
    const move = initiative(r, 'leadership:move')!;
    expect(r.horizons[0]).toMatchObject({ id: OPENING_HORIZON_ID, label: 'First 30 days', fromMonth: 0, toMonth: 1, kind: 'opening' });
    expect(align).toMatchObject({
      kind: 'align',
      horizon: OPENING_HORIZON_ID,
      fromStage: STAGE_NOT_AGREED,
      title: 'Leadership & ownership: agree where we stand',
    });
    expect(align.why[0]).toBe(
      'The room is split into two camps on where we stand: 4 say Absent or Broadcasting, 1 says Experimenting and 3 say Engaging.',
    );
    expect(align.why).toContain("An hour's conversation settles it, so it sits in the first 30 days.");
    expect(move).toMatchObject({
      kind: 'move',
      fromStage: STAGE_NOT_AGREED,
      toStage: 4,
      title: 'Leadership & ownership: towards Engaging',
    });
    expect(move.why[0]).toBe('The room wants Engaging but has not agreed where we start.');
    // One step both camps can take: each camp's evidence side by side, then the step out of the lower camp.
    expect(move.firstStep).toMatch(
      /^Whichever camp is right, both can start here: put “.+” and “.+” side by side, keep what already works, and where Broadcasting still describes us, /,
    );
    expect(initiative(r, 'brand:align')).toBeUndefined();
  });

  it('a gap of three stages or more becomes two steps, the second in a later horizon', () => {
    const board = makeBoard({ participants: people(3), markers: markersOn(ids(3), 'community', [1, 1, 1], [5, 4, 5]) });
    const r = generateRoadmap(board);
    expect(r.initiatives.map((i) => [i.id, i.fromStage, i.toStage, i.step, i.steps, i.horizon])).toEqual([
      ['community:move', 1, 3, 1, 2, 'now'],
      ['community:move-2', 3, 5, 2, 2, 'next'],
    ]);
    expect(r.initiatives[0]!.title).toBe('Community & participation: from Absent to Experimenting (step 1 of 2)');
    expect(r.initiatives[0]!.why[0]).toBe('A gap of 4 stages is too far for one step, so the move comes in 2 steps.');
    expect(r.initiatives[1]!.why).toEqual(['It starts in Next, after step 1 in Now.']);
    expect(r.initiatives[1]!.firstStep).toBe(fill(playbook('community').firstSteps[2]!.text));
  });

  it('attaches practice cards and dimension barriers, but not general barriers', () => {
    const board = realisticBoard();
    const r = generateRoadmap(board);
    const people_ = initiative(r, 'people:move')!;
    expect([...people_.cards].sort()).toEqual(
      board.cards
        .filter((c) => c.dimension === 'people' && c.kind === 'practice')
        .map((c) => c.key)
        .sort(),
    );
    expect(people_.barriers).toEqual(board.cards.filter((c) => c.text.startsWith('We do not trust')).map((c) => c.key));
    const general = board.cards.find((c) => c.dimension === null)!;
    expect(r.initiatives.some((i) => i.barriers.includes(general.key))).toBe(false);
  });

  it('priority is round(60 * votes / top votes + 10 * gap)', () => {
    const board = makeBoard({
      participants: people(2),
      markers: [...markersOn(ids(2), 'brand', [2, 2], [4, 4]), ...markersOn(ids(2), 'content', [2, 2], [3, 3])],
      votes: [vote('p1', 'dim:brand', 3), vote('p2', 'dim:content', 1)],
    });
    const r = generateRoadmap(board);
    expect(initiative(r, 'brand:move')!.priority).toBe(80);
    expect(initiative(r, 'content:move')!.priority).toBe(30);
  });

  it('no reason contradicts another on the fixture boards', () => {
    for (const board of [realisticBoard(), splitRoomBoard(), charityBoard()])
      expect(contradictions(board, generateRoadmap(board))).toEqual([]);
  });

  it('the contradiction rule catches "so it goes first. It starts in Next." and a wrong "is full"', () => {
    const board = realisticBoard();
    const r = generateRoadmap(board);
    const broken = structuredClone(r);
    const people_ = broken.initiatives.find((i) => i.id === 'content:move')!;
    people_.why = ['It is groundwork the rest depends on, so it starts in Now.', 'It starts in Next.'];
    const insight = broken.initiatives.find((i) => i.id === 'insight:move')!;
    insight.why = ['Later is full, so it starts in Next.'];
    const found = contradictions(board, broken);
    expect(found).toContain('content:move: 2 sentences say when it starts');
    expect(found).toContain('content:move: says it starts in Now, but it is in Next');
    expect(found.some((f) => f.startsWith('insight:move: says Later is full'))).toBe(true);
  });
});

describe('generateRoadmap: sequencing that listens', () => {
  it('realistic board: the most-voted dimension starts in Now with what it needs; a capacity barrier takes a place; a barrier holds Brand', () => {
    const r = generateRoadmap(realisticBoard());
    // Conversation (the top vote) needs the staff guide and the sign-offs cut first: both start with it, as steps one and two.
    // "No time: the leadership team is fully booked" is general and about time: Now takes two, not three, but the top vote's
    // enablers go with it over the cap.
    expect(byHorizon(r)).toEqual({
      [OPENING_HORIZON_ID]: ['leadership:align'],
      now: ['people:move', 'ways-of-working:move', 'conversation:move'],
      next: ['content:move', 'leadership:move', 'insight:move'],
      later: ['community:move', 'commerce:move'],
      'year-two': ['brand:move'],
    });
    expect(initiative(r, 'people:move')!.why).toContain(
      "The room's top vote, Conversation & inbound communication, needs it first, so it starts in Now, as step one.",
    );
    expect(initiative(r, 'conversation:move')!.why).toContain(
      'The room gave it the most votes (8 of the 36 cast), and it needs People, culture & skills and Ways of working & business model first: it starts in Now, after those steps.',
    );
    expect(initiative(r, 'ways-of-working:move')!.why).toContain(
      "The room's top vote, Conversation & inbound communication, needs it first, so it starts in Now, as step two.",
    );
    const brand = initiative(r, 'brand:move')!;
    const agency = realisticBoard().cards.find((c) => c.text.startsWith('The agency contract'))!;
    expect(brand.heldBy).toEqual([agency.key]);
    expect(brand.why).toContain('It starts in Year two: “The agency contract runs until next March and owns the voice”.');
  });

  it('groundwork keeps a place in the first horizon even when the most-voted dimensions could fill it', () => {
    // Brand and content tie for the most votes; people (groundwork) has none.
    const board = makeBoard({
      participants: people(3),
      markers: ['brand', 'content', 'insight', 'people'].flatMap((d) => markersOn(ids(3), d, [2, 2, 2], [4, 4, 4])),
      votes: [vote('p1', 'dim:brand', 3), vote('p2', 'dim:content', 3), vote('p3', 'dim:insight', 3)],
    });
    board.settings.initiativeCap = 3;
    const r = generateRoadmap(board);
    // Brand, the first of the top votes, needs people first (the template says so): people is step one.
    expect(byHorizon(r).now).toEqual(['people:move', 'brand:move', 'content:move']);
    expect(initiative(r, 'insight:move')!.why).toContain(
      // A tie is called a tie: three dimensions share the most votes.
      'Brand positioning & voice, Content & storytelling and Insight & measurement share the most votes, 3 each of the 9 cast, but Now is full, so it starts in Next.',
    );
  });

  it('a barrier\'s "not before" holds the work on its dimension, and the reason quotes it', () => {
    const contract = { ...card('p1', 'The platform contract runs to March', 'technology', null, 'barrier', 'k1'), notBefore: 'next' };
    const board = makeBoard({ participants: people(3), markers: markersOn(ids(3), 'technology', [2, 2, 2], [3, 3, 3]), cards: [contract] });
    const i = generateRoadmap(board).initiatives[0]!;
    expect(i).toMatchObject({ horizon: 'next', heldBy: [contract.key] });
    expect(i.why).toContain('It starts in Next: “The platform contract runs to March”.');
  });

  it('a general barrier with "not before" holds the whole plan but the meetings, and Before you act says so', () => {
    const busy = { ...card('p1', 'Nobody has time until the merger closes', null, null, 'barrier', 'k1'), notBefore: 'later' };
    const board = realisticBoard();
    board.cards.push(busy);
    const r = generateRoadmap(board);
    for (const i of r.initiatives)
      expect(i.kind === 'align' || ['later', 'year-two', UNSCHEDULED_HORIZON_ID].includes(i.horizon)).toBe(true);
    expect(r.cautions!.find((c) => c.kind === 'held')!.text).toBe(
      '“Nobody has time until the merger closes” holds the whole plan until Later: nothing but the first-30-days meetings starts before then.',
    );
  });

  it('a "not before" naming a horizon the facilitator removed holds nothing', () => {
    const stale = { ...card('p1', 'Old contract', 'technology', null, 'barrier', 'k1'), notBefore: 'gone' };
    const board = makeBoard({ participants: people(3), markers: markersOn(ids(3), 'technology', [2, 2, 2], [3, 3, 3]), cards: [stale] });
    expect(generateRoadmap(board).initiatives[0]).toMatchObject({ horizon: 'now', heldBy: [] });
  });

  it('the waiting list only appears when something overflows, and the cap holds everywhere else', () => {
    const board = uniformBoard(3, 1, 3);
    board.settings.initiativeCap = 2;
    const r = generateRoadmap(board);
    expect(r.horizons.at(-1)).toMatchObject({ id: UNSCHEDULED_HORIZON_ID, kind: 'waiting' });
    for (const h of r.horizons.slice(0, -1)) expect(r.initiatives.filter((i) => i.horizon === h.id).length).toBeLessThanOrEqual(2);
    expect(r.initiatives).toHaveLength(10);
    expect(r.initiatives.at(-1)!.why.at(-1)).toMatch(/, so it waits for a free slot\.$/);
    const small = makeBoard({ participants: people(1), markers: [marker('p1', 'brand', 2, 3)] });
    expect(generateRoadmap(small).horizons.map((h) => h.id)).toEqual(['now', 'next', 'later', 'year-two']);
  });

  it('facilitator horizons called "unscheduled" or "first-30-days" do not collide with the roadmap\'s own', () => {
    const board = uniformBoard(2, 1, 3);
    board.settings.horizons = [
      { id: 'unscheduled', label: 'Soon', fromMonth: 0, toMonth: 6 },
      { id: 'first-30-days', label: 'Later', fromMonth: 6, toMonth: 12 },
    ];
    board.settings.initiativeCap = 1;
    board.markers = [...board.markers.filter((m) => m.dimension !== 'brand'), ...markersOn(ids(2), 'brand', [1, 4], [4, 4])];
    const r = generateRoadmap(board);
    expect(r.horizons.map((h) => h.id)).toEqual(['first-30-days-2', 'unscheduled', 'first-30-days', 'unscheduled-2']);
    expect(r.initiatives.filter((i) => i.horizon === 'unscheduled')).toHaveLength(1);
  });

  it('300 participants and 2,000 cards: counts everything, keeps the cap', () => {
    const n = 300;
    const base = makeBoard();
    const dims = base.dimensions.map((d) => d.key);
    const markers = dims.flatMap((d, di) => ids(n).map((p, i) => marker(p, d, 1 + ((i + di) % 2), 4 + (i % 2))));
    const cards = Array.from({ length: 2_000 }, (_, i) =>
      card(`p${(i % n) + 1}`, `card ${i}`, dims[i % dims.length]!, 1 + (i % 5), i % 10 === 0 ? 'barrier' : 'practice', `x${i}`, i),
    );
    const votes = ids(n).map((p, i) => vote(p, `dim:${dims[i % dims.length]!}`, 5));
    const board = makeBoard({ participants: people(n), markers, cards, votes });
    const r = generateRoadmap(board);
    expect(r.summaries.reduce((a, s) => a + s.cards + s.barriers, 0)).toBe(2_000);
    expect(r.summaries.reduce((a, s) => a + s.votes, 0)).toBe(1_500);
    expect(r.summaries.every((s) => s.answers === n && s.gap > 0)).toBe(true);
    expect(new Set(r.initiatives.map((i) => i.dimension)).size).toBe(10);
    // The one exception to the cap: enabling work the room's top vote needs starts with it, and says so.
    const pulled = r.initiatives.filter((i) => i.why.some((w) => w.startsWith("The room's top vote,"))).length;
    for (const h of board.settings.horizons)
      expect(r.initiatives.filter((i) => i.horizon === h.id).length).toBeLessThanOrEqual(3 + (h.id === 'now' ? pulled : 0));
    expect(initiative(r, 'brand:move')!.cards.length).toBe(200);
    expect(r.initiatives.find((i) => i.dimension === 'leadership')!.barriers.length).toBe(200);
  });
});

describe("generateRoadmap: the team's own words", () => {
  const sign = (stage = 2) => card('p1', "Every public reply needs two managers' approval", 'ways-of-working', stage, 'practice', 'k1');

  it("the first step starts from the team's own practice when it is about the step (the approval card becomes the sign-off step)", () => {
    const i = generateRoadmap(waysBoard([sign()])).initiatives[0]!;
    expect(i.firstStep).toBe(
      `Start with “Every public reply needs two managers' approval”. ${fill(playbook('ways-of-working').firstSteps[1]!.text)}`,
    );
  });

  it("a card that is not about the step is not forced into it: the step is the canvas's own", () => {
    const cake = card('p1', 'We share photos of the office cake on Fridays', 'ways-of-working', 2, 'practice', 'k2');
    const i = generateRoadmap(waysBoard([cake])).initiatives[0]!;
    expect(i.firstStep).toBe(fill(playbook('ways-of-working').firstSteps[1]!.text));
    // Nor is it the baseline of the step's benchmark, which measures something else: that says what to count.
    expect(i.suggestedBenchmark).not.toContain('cake');
    expect(i.suggestedBenchmark).toMatch(/ Today: time the last five public replies from question to answer\.$/);
  });

  it('a fitting card above where the room stands is a bright spot to build on', () => {
    expect(generateRoadmap(waysBoard([sign(4)])).initiatives[0]!.firstStep).toMatch(
      /^Build on “Every public reply needs two managers' approval”\. /,
    );
  });

  it('the reasons quote a practice card and a barrier of the dimension', () => {
    const i = initiative(generateRoadmap(realisticBoard()), 'people:move')!;
    // The baseline is the card the step starts from: the rule the guide replaces.
    expect(i.firstStep).toMatch(/^Replace “Only the two people in the social team may reply to customers” with a short guide/);
    expect(i.suggestedBenchmark).toMatch(/ Today: “Only the two people in the social team may reply to customers”\.$/);
    expect(i.why).toContain('In the way: “We do not trust staff to speak for us in public”.');
  });

  it('a long card is quoted by its first sixteen words; the appendix keeps it whole', () => {
    const long = card(
      'p1',
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen sign-offs eighteen',
      'ways-of-working',
      2,
      'practice',
      'k3',
    );
    expect(generateRoadmap(waysBoard([long])).initiatives[0]!.suggestedBenchmark).toMatch(
      / Today: “one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen…”\.$/,
    );
  });

  it("a card about a later step of its dimension is the step when that step is no further than the room's target, and only then", () => {
    const reviews = 'Our reviews page shows ratings we never answer';
    const commerce = (from: number, to: number, at: number) =>
      generateRoadmap(
        makeBoard({
          participants: people(3),
          markers: markersOn(ids(3), 'commerce', [from, from, from], [to, to, to]),
          cards: [card('p1', reviews, 'commerce', at)],
        }),
      );
    // From Broadcasting to Experimenting: the step out of Experimenting (talking where they buy) answers the card.
    const near = initiative(commerce(2, 3, 2), 'commerce:move')!;
    expect(near.firstStep).toBe(
      `Start with “${reviews}”. ${fill(playbook('commerce').firstSteps[2]!.text).replace('{act}', 'come to us')}`,
    );
    expect(near.suggestedBenchmark).toMatch(/^Changes to what we offer that came from what customers said\. Today: “Our reviews page/);
    // From Absent to Broadcasting: that step is two stages beyond the target, so the stage's own step stands.
    const far = initiative(commerce(1, 2, 1), 'commerce:move')!;
    expect(far.firstStep).toBe(fill(playbook('commerce').firstSteps[0]!.text).replace('{act}', 'come to us'));
  });

  it("a dimension the facilitator added: the step aims at its own descriptor for the stage reached, from the team's card at today's stage", () => {
    const r = generateRoadmap(charityBoard());
    const giving = initiative(r, 'giving:move')!;
    expect(giving.firstStep).toBe(
      'Start with “Donations come through a form and an automatic thank-you email”. Pick one team and one month to bring Giving & volunteering to Experimenting, where some donors and volunteers hear from the people they help. Then review together what changed.',
    );
    expect(giving.suggestedBenchmark).toBe(
      'One relationship measure for Giving & volunteering, tracked monthly (say, how many donors and volunteers get a personal answer). Today: “Donations come through a form and an automatic thank-you email”.',
    );
  });

  it('every generated sentence names who the organisation serves: a charity never reads "customers" or "product"', () => {
    const r = generateRoadmap(charityBoard());
    const text = generatedText(r);
    expect(text).not.toMatch(/\bcustomers?\b|\bproducts?\b/i);
    expect(text).toContain('donors and volunteers');
    const realistic = generatedText(generateRoadmap(realisticBoard()));
    expect(realistic).toContain('members');
    expect(realistic).not.toMatch(/\bcustomers?\b|\bproducts?\b/i);
  });
});

describe('generateRoadmap: suggested owners and benchmarks', () => {
  it('suggests one owner (most cards on the dimension, then most votes, then the earliest card), and up to two others to work with', () => {
    const board = realisticBoard();
    const r = generateRoadmap(board);
    const name = (id: string) => board.participants.find((p) => p.id === id)!.name;
    // Conversation: Tom and Margaret each wrote a card; Tom spent 3 votes, Margaret 2.
    expect(initiative(r, 'conversation:move')!).toMatchObject({ owner: '', suggestedOwners: [name('p2'), name('p1'), name('p8')] });
    for (const i of r.initiatives) {
      expect(i.suggestedOwners.length).toBeGreaterThan(0);
      expect(i.suggestedOwners.length).toBeLessThanOrEqual(3);
    }
    // Tom leads the leadership meeting and conversation: the leadership move goes to the next of its people, with Tom beside them.
    expect(initiative(r, 'leadership:align')!.suggestedOwners[0]).toBe(name('p2'));
    expect(initiative(r, 'leadership:move')!.suggestedOwners[0]).not.toBe(name('p2'));
    expect(initiative(r, 'leadership:move')!.suggestedOwners).toContain(name('p2'));
    const owners = r.initiatives.map((i) => i.suggestedOwners[0]);
    for (const who of new Set(owners)) expect(owners.filter((o) => o === who).length, who).toBeLessThanOrEqual(2);
  });

  it('nobody is suggested for a third dimension while someone else who took part in it has fewer than two', () => {
    const board = splitRoomBoard();
    const r = generateRoadmap(board);
    const involved = (dim: string) => {
      const cardKeys = new Set(board.cards.filter((c) => c.dimension === dim).map((c) => c.key));
      const ids = new Set([
        ...board.cards.filter((c) => c.dimension === dim).map((c) => c.authorId),
        ...board.votes.filter((v) => v.target === `dim:${dim}` || cardKeys.has(v.target.slice(5))).map((v) => v.participantId),
      ]);
      return board.participants.filter((p) => ids.has(p.id)).map((p) => p.name);
    };
    const load = new Map<string, number>();
    const seen = new Set<string>();
    let third = 0;
    for (const i of r.initiatives) {
      if (seen.has(i.dimension)) continue;
      seen.add(i.dimension);
      for (const name of i.suggestedOwners) {
        if ((load.get(name) ?? 0) >= 2) {
          third++;
          const others = involved(i.dimension).filter((n) => n !== name && !i.suggestedOwners.includes(n));
          expect(
            others.every((n) => (load.get(n) ?? 0) >= 2),
            `${name} on ${i.dimension}`,
          ).toBe(true);
        }
      }
      for (const name of i.suggestedOwners) load.set(name, (load.get(name) ?? 0) + 1);
    }
    // The split room has someone who is suggested three times (Hannah Berg wrote the only Brand card).
    expect(third).toBeGreaterThan(0);
  });

  it('never suggests anyone in an anonymous workshop, and no name appears anywhere in the roadmap', () => {
    const board = realisticBoard();
    board.settings.anonymous = true;
    const r = generateRoadmap(board);
    expect(r.initiatives.every((i) => i.suggestedOwners.length === 0)).toBe(true);
    const json = JSON.stringify(r);
    for (const p of board.participants) expect(json).not.toContain(p.name);
  });

  it("suggests the canvas's relationship benchmark for the stage reached, and for a meeting, agreement", () => {
    const r = generateRoadmap(realisticBoard());
    // The benchmark measures the first step (out of Broadcasting), from the card that step starts from.
    expect(initiative(r, 'conversation:move')!.firstStep).toMatch(
      /^Start with “Complaints on social are copied into the CRM and answered by letter”/,
    );
    expect(initiative(r, 'conversation:move')!.suggestedBenchmark).toBe(
      `${bench(playbook('conversation').benchmarks[1]!, 'members').measure} Today: “Complaints on social are copied into the CRM and answered by letter”.`,
    );
    expect(initiative(r, 'leadership:align')!.suggestedBenchmark).toBe(
      'After the meeting, everyone places Leadership & ownership within one stage of the same answer.',
    );
  });
});

describe('generateRoadmap: Before you act', () => {
  const kinds = (r: Roadmap) => r.cautions!.map((c) => c.kind);

  it('says the assessment is incomplete, and plans only what was assessed', () => {
    const board = makeBoard({ participants: people(3), markers: markersOn(ids(3), 'brand', [2, 2, 2], [3, 3, 3]) });
    const r = generateRoadmap(board);
    // Three people: the mandate is thin, and that comes first.
    expect(r.cautions![0]).toMatchObject({
      kind: 'thin-mandate',
      text: 'The mandate is thin: only 3 people took part. Read this plan as a proposal to test with the wider team, not as what the organisation has decided.',
    });
    expect(r.cautions![1]).toMatchObject({
      kind: 'incomplete',
      // Nine names would repeat First 30 days' agenda: the caution points there.
      text: expect.stringMatching(/^The assessment is incomplete: 9 of 10 dimensions have no answers yet \(First 30 days lists them\)\./),
    });
    expect(r.cautions![1]!.text).toMatch(/The plan covers only the 1 that was assessed\.$/);
    expect(r.initiatives.map((i) => i.dimension)).toEqual(['brand']);
  });

  it('shows a split as it is, not as a middle answer; several splits in one caution', () => {
    const one = generateRoadmap(realisticBoard()).cautions!.filter((c) => c.kind === 'split');
    expect(one).toEqual([
      {
        kind: 'split',
        dimensions: ['leadership'],
        text: 'The room is split on Leadership & ownership: 4 say Absent or Broadcasting, 1 says Experimenting and 3 say Engaging. The plan picks no side until the first meeting has.',
      },
    ]);
    const three = generateRoadmap(splitRoomBoard()).cautions!.filter((c) => c.kind === 'split');
    expect(three).toEqual([
      {
        kind: 'split',
        dimensions: ['leadership', 'conversation', 'community'],
        text: 'The room is split on 3 dimensions, and the plan picks no side until the first meeting has: Leadership & ownership (4 say Absent and 5 say Experimenting); Conversation & inbound communication (4 say Broadcasting and 5 say Engaging); Community & participation (4 say Broadcasting and 5 say Engaging or Social organisation).',
      },
    ]);
  });

  it('remarks when nobody voted, and when fewer than half did', () => {
    const none = generateRoadmap(uniformBoard(12, 2, 3));
    expect(none.cautions!.find((c) => c.kind === 'no-votes')!.text).toMatch(/^Nobody voted \(12 people took part\)/);
    const few = generateRoadmap(uniformBoard(12, 2, 3, { votes: [vote('p1', 'dim:brand', 5)] }));
    expect(few.cautions!.find((c) => c.kind === 'few-votes')!.text).toBe(
      'Only 1 of 12 people voted, so the order reflects what those 1 wanted first.',
    );
  });

  it('questions a target below today, and a one-way target', () => {
    const board = makeBoard({
      participants: people(3),
      markers: [...markersOn(ids(3), 'brand', [3, 3, 3], [2, 2, 2]), ...markersOn(ids(3), 'commerce', [1, 1, 1], [2, 2, 2])],
    });
    const r = generateRoadmap(board);
    expect(r.cautions!.filter((c) => c.kind === 'low-target').map((c) => c.text)).toEqual([
      'On Brand positioning & voice the room aims below where it puts us today. Is the step back deliberate?',
      'On Commerce & value exchange the room aims for Broadcasting: one-way messages, still an organisation that uses social media there. Is that the ambition?',
    ]);
  });

  it("points at a practice card far from the room's own answer", () => {
    const far = card('p1', 'Housing repairs answers residents on WhatsApp the same day', 'conversation', 4, 'practice', 'k1');
    const board = makeBoard({ participants: people(3), markers: markersOn(ids(3), 'conversation', [1, 1, 2], [3, 3, 3]), cards: [far] });
    expect(generateRoadmap(board).cautions!.find((c) => c.kind === 'card-far')!.text).toBe(
      '“Housing repairs answers residents on WhatsApp the same day” was placed at Engaging, while the room puts Conversation & inbound communication at Absent. Ask whether it is an exception or a sign the room underrates itself.',
    );
  });

  it('names the barriers that stand in the way of the whole plan, and asks what stops to make room', () => {
    expect(generateRoadmap(realisticBoard()).cautions!.find((c) => c.kind === 'whole-plan')).toEqual({
      kind: 'whole-plan',
      dimensions: [],
      // The top vote and the groundwork it needs fill Now: the room is told what they are, and what it must decide.
      text: "“No time: the leadership team is fully booked with the merger” is about people's time, but Now cannot hold fewer: Conversation & inbound communication, the room's top vote, needs People, culture & skills and Ways of working & business model first, and the plan keeps all three there. At the first-30-days meeting, decide what the team stops to make room for all three, or which groundwork waits until Next; Conversation & inbound communication then waits with it.",
    });
  });

  it('warns when the horizons stop before the targets do', () => {
    const board = uniformBoard(3, 2, 3);
    board.settings.horizons = board.settings.horizons.slice(0, 3);
    expect(kinds(generateRoadmap(board))).toContain('short-horizons');
    expect(kinds(generateRoadmap(uniformBoard(3, 2, 3)))).not.toContain('short-horizons');
  });

  it('says nothing when the data is sound', () => {
    const board = uniformBoard(5, 2, 3, { votes: ids(5).map((p) => vote(p, 'dim:brand', 5)) });
    expect(generateRoadmap(board).cautions).toEqual([]);
  });
});

describe('applyInitiativeEdit', () => {
  const r = generateRoadmap(realisticBoard());

  it('sets fields, records them as edited, and leaves the input alone', () => {
    const before = JSON.stringify(r);
    const edited = applyInitiativeEdit(r, 'brand:move', { owner: 'Sophie', benchmark: 'Half our posts written in-house' });
    const i = initiative(edited, 'brand:move')!;
    expect(i).toMatchObject({ owner: 'Sophie', benchmark: 'Half our posts written in-house', edited: ['owner', 'benchmark'] });
    expect(JSON.stringify(r)).toBe(before);
    const again = applyInitiativeEdit(edited, 'brand:move', { title: 'Our own voice', owner: 'Tom' });
    expect(initiative(again, 'brand:move')!.edited).toEqual(['title', 'owner', 'benchmark']);
  });

  it("the room's business goal replaces the proposed one in the export, survives regeneration, and cleared gives the proposal back", () => {
    const board = realisticBoard();
    const md = (roadmap: Roadmap) => toMarkdown(board, roadmap, { date: '2025-03-14' });
    const goal = 'Fewer members ringing twice about the same complaint';
    const edited = applyInitiativeEdit(r, 'conversation:move', { goal });
    expect(initiative(edited, 'conversation:move')).toMatchObject({ goal, edited: ['goal'] });
    expect(md(r)).toContain('**Business goal (proposed):** Lower the cost of handling queries from members.');
    const withGoal = md(edited);
    expect(withGoal).toContain(`**Business goal:** ${goal}.`);
    // Only that initiative: the others keep their proposals.
    expect(withGoal.match(/\*\*Business goal:\*\*/g)).toHaveLength(1);
    expect(initiative(mergeRoadmap(edited, generateRoadmap(board)).roadmap, 'conversation:move')!.goal).toBe(goal);
    const cleared = applyInitiativeEdit(edited, 'conversation:move', { goal: '' });
    expect(md(cleared)).not.toContain('**Business goal:**');
  });

  it('throws NOT_FOUND for an unknown id and INVALID_VALUE for a bad value', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return e instanceof AppError ? e.code : 'not an AppError';
      }
    };
    expect(code(() => applyInitiativeEdit(r, 'nope:move', { owner: 'x' }))).toBe('NOT_FOUND');
    const invalid = (patch: object) => code(() => applyInitiativeEdit(r, 'brand:move', patch as never));
    expect(invalid({ title: '   ' })).toBe('INVALID_VALUE');
    expect(invalid({ owner: 'x'.repeat(501) })).toBe('INVALID_VALUE');
    expect(invalid({ horizon: 'now' })).toBe('INVALID_VALUE');
    expect(invalid({ suggestedOwners: ['x'] })).toBe('INVALID_VALUE');
    expect(invalid({ owner: 42 })).toBe('INVALID_VALUE');
  });
});

describe('moveInitiative', () => {
  const r = generateRoadmap(realisticBoard());
  const order = (x: Roadmap, h: string) => x.initiatives.filter((i) => i.horizon === h).map((i) => i.id);

  it('moves into a horizon at a position and marks horizon and order edited', () => {
    const moved = moveInitiative(r, 'commerce:move', 'now', 1);
    expect(order(moved, 'now')).toEqual(['people:move', 'commerce:move', 'ways-of-working:move', 'conversation:move']);
    expect(initiative(moved, 'commerce:move')!.edited).toEqual(['horizon', 'order']);
    // A manual move may exceed the cap: people decide. The list stays ordered by horizon.
    const ranks = moved.initiatives.map((i) => moved.horizons.findIndex((h) => h.id === i.horizon));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('clamps the index and reorders within a horizon', () => {
    const last = moveInitiative(r, 'ways-of-working:move', 'now', 99);
    expect(order(last, 'now')).toEqual(['people:move', 'conversation:move', 'ways-of-working:move']);
    expect(order(moveInitiative(last, 'ways-of-working:move', 'now', -5), 'now')).toEqual([
      'ways-of-working:move',
      'people:move',
      'conversation:move',
    ]);
  });

  it('moves into an empty horizon and into the first 30 days', () => {
    const emptied = moveInitiative(r, 'brand:move', 'later', 0);
    expect(order(emptied, 'year-two')).toEqual([]);
    const early = moveInitiative(r, 'people:move', OPENING_HORIZON_ID, 5);
    expect(order(early, OPENING_HORIZON_ID)).toEqual(['leadership:align', 'people:move']);
  });

  it('throws NOT_FOUND for an unknown initiative and INVALID_VALUE for an unknown horizon', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(code(() => moveInitiative(r, 'x:move', 'now', 0))).toBe('NOT_FOUND');
    expect(code(() => moveInitiative(r, 'brand:move', 'someday', 0))).toBe('INVALID_VALUE');
  });
});

describe('mergeRoadmap', () => {
  it('with no previous roadmap, everything is added', () => {
    const fresh = generateRoadmap(realisticBoard());
    const { roadmap, replaced } = mergeRoadmap(null, fresh);
    expect(roadmap).toEqual(fresh);
    expect(replaced.every((c) => c.change === 'added')).toBe(true);
    expect(replaced).toHaveLength(fresh.initiatives.length);
  });

  it('regenerating an unchanged board with no edits changes nothing', () => {
    const fresh = generateRoadmap(realisticBoard());
    const { roadmap, replaced } = mergeRoadmap(fresh, generateRoadmap(realisticBoard()));
    expect(replaced).toEqual([]);
    expect(roadmap).toEqual(fresh);
  });

  it('keeps edited fields and moves, and reports what the new board changes', () => {
    const board = realisticBoard();
    let previous = generateRoadmap(board);
    previous = applyInitiativeEdit(previous, 'brand:move', { owner: 'Sophie', title: 'Our own voice' });
    previous = moveInitiative(previous, 'commerce:move', 'now', 0);
    previous = applyInitiativeEdit(previous, 'community:move', { benchmark: '50 active members' });

    // The board changes: community reaches its target, brand gains votes.
    board.markers = board.markers.map((m) => (m.dimension === 'community' ? { ...m, current: 3 } : m));
    board.votes.push(vote('p1', 'dim:brand', 4));
    const { roadmap, replaced } = mergeRoadmap(previous, generateRoadmap(board));

    expect(initiative(roadmap, 'brand:move')).toMatchObject({ owner: 'Sophie', title: 'Our own voice', edited: ['title', 'owner'] });
    expect(initiative(roadmap, 'commerce:move')!.horizon).toBe('now');
    expect(roadmap.initiatives.filter((i) => i.horizon === 'now')[0]!.id).toBe('commerce:move');
    expect(initiative(roadmap, 'community:move')).toBeUndefined();

    const change = (id: string) => replaced.find((c) => c.initiativeId === id);
    expect(change('community:move')).toEqual({
      initiativeId: 'community:move',
      title: 'Community & participation: from Broadcasting to Experimenting',
      change: 'removed',
      fields: ['benchmark'],
    });
    expect(change('brand:move')!.change).toBe('updated');
    expect(change('brand:move')!.fields).toContain('priority');
    expect(change('brand:move')!.fields).not.toContain('title');
    expect(change('commerce:move')?.fields ?? []).not.toContain('horizon');
  });

  it('drops a kept horizon the facilitator removed, and says so', () => {
    const board = realisticBoard();
    const previous = moveInitiative(generateRoadmap(board), 'brand:move', 'later', 0);
    board.settings.horizons = board.settings.horizons.filter((h) => h.id !== 'later');
    board.settings.initiativeCap = 10;
    const { roadmap, replaced } = mergeRoadmap(previous, generateRoadmap(board));
    const brand = initiative(roadmap, 'brand:move')!;
    expect(brand.horizon).not.toBe('later');
    expect(brand.edited).toEqual([]);
    expect(replaced.find((c) => c.initiativeId === 'brand:move')!.fields).toContain('horizon');
  });

  it('keeps something parked in the waiting list, or moved into the first 30 days, when the fresh roadmap has neither', () => {
    const board = realisticBoard();
    let previous = moveInitiative(generateRoadmap(board), 'brand:move', 'now', 0);
    previous = {
      ...previous,
      horizons: [
        ...previous.horizons,
        { id: UNSCHEDULED_HORIZON_ID, label: 'Not yet scheduled', fromMonth: 18, toMonth: 18, kind: 'waiting' },
      ],
    };
    previous = moveInitiative(previous, 'brand:move', UNSCHEDULED_HORIZON_ID, 0);
    previous = moveInitiative(previous, 'people:move', OPENING_HORIZON_ID, 0);
    // The room now agrees on Leadership: no meeting is generated any more.
    board.markers = board.markers.map((m) => (m.dimension === 'leadership' ? { ...m, current: 2 } : m));
    board.settings.initiativeCap = 10;
    const fresh = generateRoadmap(board);
    expect(fresh.horizons.map((h) => h.id)).toEqual(['now', 'next', 'later', 'year-two']);
    const { roadmap } = mergeRoadmap(previous, fresh);
    expect(roadmap.horizons.map((h) => h.id)).toEqual([OPENING_HORIZON_ID, 'now', 'next', 'later', 'year-two', UNSCHEDULED_HORIZON_ID]);
    expect(initiative(roadmap, 'brand:move')!.horizon).toBe(UNSCHEDULED_HORIZON_ID);
    expect(initiative(roadmap, 'people:move')!.horizon).toBe(OPENING_HORIZON_ID);
    expect(roadmap.initiatives[0]!.id).toBe('people:move');
  });

  it('regenerates over a roadmap stored before suggestions and cautions existed, keeping its edits', () => {
    const board = realisticBoard();
    const stored = applyInitiativeEdit(generateRoadmap(board), 'conversation:move', { owner: 'Tom' });
    const old = {
      ...stored,
      cautions: undefined,
      initiatives: stored.initiatives.map(
        ({ suggestedOwners: _o, suggestedBenchmark: _b, heldBy: _h, step: _s, steps: _t, ...rest }) => rest,
      ),
    } as unknown as Roadmap;
    const { roadmap, replaced } = mergeRoadmap(old, generateRoadmap(board));
    expect(initiative(roadmap, 'conversation:move')).toMatchObject({
      owner: 'Tom',
      suggestedOwners: ['Tom Lindqvist', 'Margaret Okafor', 'James Whitfield'],
      step: 1,
    });
    expect(roadmap.cautions).toEqual(generateRoadmap(board).cautions);
    expect(replaced.find((c) => c.initiativeId === 'conversation:move')!.fields).toEqual([
      'step',
      'steps',
      'suggestedOwners',
      'suggestedBenchmark',
      'heldBy',
    ]);
  });
});
