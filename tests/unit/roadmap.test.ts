import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { applyInitiativeEdit, generateRoadmap, mergeRoadmap, moveInitiative, UNSCHEDULED_HORIZON_ID } from '../../shared/roadmap.ts';
import type { BoardState, Initiative, Roadmap } from '../../shared/types.ts';
import { card, makeBoard, marker, markersOn, participant, realisticBoard, vote } from '../fixtures/boards.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);
const people = (n: number) => ids(n).map((id, i) => participant(id, id, i));
const summary = (r: Roadmap, key: string) => r.summaries.find((s) => s.dimension === key)!;
const initiative = (r: Roadmap, id: string) => r.initiatives.find((i) => i.id === id);
const horizonIndex = (r: Roadmap, i: Initiative) => r.horizons.findIndex((h) => h.id === i.horizon);

/** Everyone puts every dimension at `current` and wants `target`. */
function uniformBoard(n: number, current: number, target: number, extra: Partial<BoardState> = {}): BoardState {
  const base = makeBoard();
  return makeBoard({
    participants: people(n),
    markers: base.dimensions.flatMap((d) => ids(n).map((p) => marker(p, d.key, current, target))),
    ...extra,
  });
}

describe('generateRoadmap: per-dimension summaries', () => {
  it('an empty board gives summaries with no answers and no initiatives', () => {
    const r = generateRoadmap(makeBoard());
    expect(r.initiatives).toEqual([]);
    expect(r.horizons.map((h) => h.id)).toEqual(['now', 'next', 'later']);
    expect(r.summaries).toHaveLength(10);
    for (const s of r.summaries) {
      expect(s).toMatchObject({ current: null, target: null, gap: 0, spread: 0, answers: 0, votes: 0, cards: 0, barriers: 0, disagreement: false });
    }
  });

  it('uses the lower median for an even count and the middle one for an odd count', () => {
    const board = makeBoard({
      participants: people(4),
      markers: [...markersOn(ids(4), 'brand', [1, 2, 3, 4], [2, 3, 4, 5]), ...markersOn(ids(3), 'content', [1, 3, 5], [2, 4, 5])],
    });
    const r = generateRoadmap(board);
    expect(summary(r, 'brand')).toMatchObject({ current: 2, target: 3, gap: 1, answers: 4 });
    expect(summary(r, 'content')).toMatchObject({ current: 3, target: 4, gap: 1, answers: 3 });
  });

  it('spread is the interquartile range, so one outlier does not divide a room of eight', () => {
    const board = makeBoard({
      participants: people(8),
      markers: [
        ...markersOn(ids(8), 'brand', [2, 2, 2, 2, 2, 2, 2, 5], [4, 4, 4, 4, 4, 4, 4, 4]),
        ...markersOn(ids(8), 'leadership', [1, 4, 2, 1, 4, 2, 3, 4], [4, 4, 4, 4, 4, 4, 4, 4]),
      ],
    });
    const r = generateRoadmap(board);
    expect(summary(r, 'brand')).toMatchObject({ spread: 0, disagreement: false });
    expect(summary(r, 'leadership')).toMatchObject({ spread: 3, disagreement: true });
  });

  it('needs max(2, minAnswers) answers before calling a spread a disagreement', () => {
    const two = makeBoard({ participants: people(2), markers: markersOn(ids(2), 'brand', [1, 4], [4, 4]) });
    expect(summary(generateRoadmap(two), 'brand')).toMatchObject({ spread: 3, disagreement: false });
    two.settings.minAnswers = 2;
    expect(summary(generateRoadmap(two), 'brand').disagreement).toBe(true);
  });

  it('counts votes on the dimension and on its cards, and ignores general barriers and unknown targets', () => {
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
    const s = summary(generateRoadmap(board), 'brand');
    expect(s).toMatchObject({ votes: 6, cards: 1, barriers: 1 });
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
  it('one participant: a move initiative per dimension with a gap, no disagreement', () => {
    const board = makeBoard({ participants: people(1), markers: [marker('p1', 'brand', 2, 4), marker('p1', 'content', 3, 3)] });
    const r = generateRoadmap(board);
    expect(r.initiatives).toHaveLength(1);
    const i = r.initiatives[0]!;
    expect(i).toMatchObject({
      id: 'brand:move',
      dimension: 'brand',
      kind: 'move',
      fromStage: 2,
      toStage: 4,
      horizon: 'now',
      owner: '',
      benchmark: '',
      edited: [],
      title: 'Brand positioning & voice: from Broadcasting to Engaging',
    });
    expect(i.why.join(' ')).toContain('gap of 2 stages');
    expect(i.why.join(' ')).toContain('Only 1 person placed a marker here');
    expect(i.firstStep.length).toBeGreaterThan(40);
  });

  it('no votes: initiatives still come from the gaps, and say so', () => {
    const r = generateRoadmap(uniformBoard(4, 2, 3));
    expect(r.initiatives.length).toBe(10);
    expect(r.initiatives.every((i) => i.priority === 10)).toBe(true);
    expect(r.initiatives[0]!.why.join(' ')).toContain('No votes');
  });

  it('everyone already at target (or past it): no initiatives', () => {
    expect(generateRoadmap(uniformBoard(5, 3, 3)).initiatives).toEqual([]);
    expect(generateRoadmap(uniformBoard(5, 4, 2)).initiatives).toEqual([]);
  });

  it('a wide spread puts an align initiative before the move, in an earlier horizon', () => {
    const r = generateRoadmap(realisticBoard());
    const align = initiative(r, 'leadership:align')!;
    const move = initiative(r, 'leadership:move')!;
    expect(align.kind).toBe('align');
    expect(align.why[0]).toBe('The room disagrees: answers on where we are today run from Absent to Engaging, so we agree where we stand before acting.');
    expect(horizonIndex(r, align)).toBeLessThan(horizonIndex(r, move));
    expect(r.initiatives.indexOf(align)).toBeLessThan(r.initiatives.indexOf(move));
    expect(initiative(r, 'brand:align')).toBeUndefined();
  });

  it('attaches practice cards and dimension barriers, but not general barriers', () => {
    const board = realisticBoard();
    const r = generateRoadmap(board);
    const leadership = initiative(r, 'leadership:move')!;
    const leadershipCards = board.cards.filter((c) => c.dimension === 'leadership' && c.kind === 'practice').map((c) => c.key);
    expect([...leadership.cards].sort()).toEqual([...leadershipCards].sort());
    expect(leadership.barriers).toEqual(board.cards.filter((c) => c.text.startsWith('Cannot see')).map((c) => c.key));
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

  it('realistic board: enablers first, quick win early, cap of 3 per horizon, overflow waits', () => {
    const r = generateRoadmap(realisticBoard());
    const byHorizon = Object.fromEntries(r.horizons.map((h) => [h.id, r.initiatives.filter((i) => i.horizon === h.id).map((i) => i.id)]));
    expect(byHorizon).toEqual({
      now: ['leadership:align', 'people:move', 'ways-of-working:move'],
      next: ['leadership:move', 'content:move', 'conversation:move'],
      later: ['insight:move', 'brand:move', 'community:move'],
      [UNSCHEDULED_HORIZON_ID]: ['commerce:move'],
    });
    expect(initiative(r, 'conversation:move')!.why).toContain('8 votes, the most in the room.');
    expect(initiative(r, 'content:move')!.why.join(' ')).toContain('A quick win');
    // The enabled dimensions are named highest priority first.
    expect(initiative(r, 'leadership:align')!.why).toContain(
      'Leadership & ownership enables Content & storytelling, Conversation & inbound communication and 4 more, so it goes first.',
    );
    expect(initiative(r, 'insight:move')!.why).toContain('Next is full (at most 3 initiatives each, to keep disruption low), so it starts in Later.');
    expect(initiative(r, 'commerce:move')!.why.join(' ')).toContain('waits until a slot frees up');
  });

  it('the waiting list only appears when something overflows, and the cap holds everywhere else', () => {
    const board = uniformBoard(3, 1, 5);
    board.settings.initiativeCap = 2;
    const r = generateRoadmap(board);
    expect(r.horizons.at(-1)!.id).toBe(UNSCHEDULED_HORIZON_ID);
    for (const h of r.horizons.slice(0, -1)) expect(r.initiatives.filter((i) => i.horizon === h.id).length).toBeLessThanOrEqual(2);
    expect(r.initiatives).toHaveLength(10);
    expect(generateRoadmap(uniformBoard(3, 2, 3, {})).horizons.some((h) => h.id === UNSCHEDULED_HORIZON_ID)).toBe(true);
    const small = makeBoard({ participants: people(1), markers: [marker('p1', 'brand', 2, 3)] });
    expect(generateRoadmap(small).horizons.map((h) => h.id)).toEqual(['now', 'next', 'later']);
  });

  it('a facilitator horizon called "unscheduled" does not collide with the waiting list', () => {
    const board = uniformBoard(2, 1, 3);
    board.settings.horizons = [{ id: 'unscheduled', label: 'Soon', fromMonth: 0, toMonth: 6 }];
    board.settings.initiativeCap = 1;
    const r = generateRoadmap(board);
    expect(r.horizons.map((h) => h.id)).toEqual(['unscheduled', 'unscheduled-2']);
    expect(r.initiatives.filter((i) => i.horizon === 'unscheduled')).toHaveLength(1);
  });

  it('300 participants and 2,000 cards: counts everything, keeps the cap', () => {
    const n = 300;
    const base = makeBoard();
    const dims = base.dimensions.map((d) => d.key);
    const markers = dims.flatMap((d, di) => ids(n).map((p, i) => marker(p, d, 1 + ((i + di) % 3), 4 + (i % 2))));
    const cards = Array.from({ length: 2_000 }, (_, i) =>
      card(`p${(i % n) + 1}`, `card ${i}`, dims[i % dims.length]!, 1 + (i % 5), i % 10 === 0 ? 'barrier' : 'practice', `x${i}`, i),
    );
    const votes = ids(n).map((p, i) => vote(p, `dim:${dims[i % dims.length]!}`, 5));
    const board = makeBoard({ participants: people(n), markers, cards, votes });
    const r = generateRoadmap(board);
    expect(r.summaries.reduce((a, s) => a + s.cards + s.barriers, 0)).toBe(2_000);
    expect(r.summaries.reduce((a, s) => a + s.votes, 0)).toBe(1_500);
    expect(r.summaries.every((s) => s.answers === n)).toBe(true);
    expect(r.summaries.every((s) => s.gap > 0)).toBe(true);
    expect(new Set(r.initiatives.map((i) => i.dimension)).size).toBe(10);
    for (const h of board.settings.horizons) expect(r.initiatives.filter((i) => i.horizon === h.id).length).toBeLessThanOrEqual(3);
    // Every tenth card is a barrier, and every tenth card lands on the first dimension.
    expect(initiative(r, 'brand:move')!.cards.length).toBe(200);
    expect(r.initiatives.find((i) => i.dimension === 'leadership')!.barriers.length).toBe(200);
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

  it('throws NOT_FOUND for an unknown id and INVALID_VALUE for a bad value', () => {
    expect(() => applyInitiativeEdit(r, 'nope:move', { owner: 'x' })).toThrow(AppError);
    try {
      applyInitiativeEdit(r, 'nope:move', { owner: 'x' });
    } catch (e) {
      expect((e as AppError).code).toBe('NOT_FOUND');
    }
    const invalid = (patch: object) => {
      try {
        applyInitiativeEdit(r, 'brand:move', patch as never);
        return null;
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(invalid({ title: '   ' })).toBe('INVALID_VALUE');
    expect(invalid({ owner: 'x'.repeat(501) })).toBe('INVALID_VALUE');
    expect(invalid({ horizon: 'now' })).toBe('INVALID_VALUE');
    expect(invalid({ owner: 42 })).toBe('INVALID_VALUE');
  });
});

describe('moveInitiative', () => {
  const r = generateRoadmap(realisticBoard());
  const order = (x: Roadmap, h: string) => x.initiatives.filter((i) => i.horizon === h).map((i) => i.id);

  it('moves into a horizon at a position and marks horizon and order edited', () => {
    const moved = moveInitiative(r, 'commerce:move', 'now', 1);
    expect(order(moved, 'now')).toEqual(['leadership:align', 'commerce:move', 'people:move', 'ways-of-working:move']);
    expect(initiative(moved, 'commerce:move')!.edited).toEqual(['horizon', 'order']);
    // A manual move may exceed the cap: people decide.
    expect(order(moved, 'now')).toHaveLength(4);
    // The list stays ordered by horizon.
    const rank = (i: Initiative) => moved.horizons.findIndex((h) => h.id === i.horizon);
    const ranks = moved.initiatives.map(rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('clamps the index and reorders within a horizon', () => {
    expect(order(moveInitiative(r, 'leadership:align', 'now', 99), 'now')).toEqual(['people:move', 'ways-of-working:move', 'leadership:align']);
    expect(order(moveInitiative(r, 'ways-of-working:move', 'now', -5), 'now')).toEqual(['ways-of-working:move', 'leadership:align', 'people:move']);
  });

  it('moves into an empty horizon', () => {
    const emptied = moveInitiative(r, 'commerce:move', 'later', 0);
    const back = moveInitiative(emptied, 'insight:move', UNSCHEDULED_HORIZON_ID, 0);
    expect(order(back, UNSCHEDULED_HORIZON_ID)).toEqual(['insight:move']);
    expect(back.initiatives.at(-1)!.id).toBe('insight:move');
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

    const brand = initiative(roadmap, 'brand:move')!;
    expect(brand).toMatchObject({ owner: 'Sophie', title: 'Our own voice', edited: ['title', 'owner'] });
    const commerce = initiative(roadmap, 'commerce:move')!;
    expect(commerce.horizon).toBe('now');
    expect(roadmap.initiatives.filter((i) => i.horizon === 'now')[0]!.id).toBe('commerce:move');
    expect(initiative(roadmap, 'community:move')).toBeUndefined();

    const change = (id: string) => replaced.find((c) => c.initiativeId === id);
    expect(change('community:move')).toEqual({ initiativeId: 'community:move', title: 'Community & participation: from Broadcasting to Experimenting', change: 'removed', fields: ['benchmark'] });
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

  it('keeps something parked in the waiting list even when the fresh roadmap has none', () => {
    const board = realisticBoard();
    const previous = moveInitiative(generateRoadmap(board), 'brand:move', UNSCHEDULED_HORIZON_ID, 0);
    board.settings.initiativeCap = 10;
    const { roadmap } = mergeRoadmap(previous, generateRoadmap(board));
    expect(initiative(roadmap, 'brand:move')!.horizon).toBe(UNSCHEDULED_HORIZON_ID);
    expect(roadmap.horizons.at(-1)!.id).toBe(UNSCHEDULED_HORIZON_ID);
  });
});
