/**
 * Running a workshop again, without a server: the archive (what it holds, what it never
 * does, and that it reads back as written), the baseline a re-run keeps of it (aggregates
 * only), and the roadmap generator's rules for a re-run: a dimension that moved is
 * credited, a stalled initiative whose stage was not reached is explained rather than
 * repeated, and nothing else changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArchive, toArchive, type Archive } from '../../shared/schema/archive.ts';
import { earlierMark, sinceEarlier } from '../../shared/rules/baseline.ts';
import { baselineFromArchive } from '../../shared/schema/archive-baseline.ts';
import { AppError } from '../../shared/domain/errors.ts';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import type { BoardState, EarlierMark } from '../../shared/domain/types.ts';
import { defaultModel, templateOf } from '../../shared/domain/workshop-model.ts';
import {
  baselineOf,
  card,
  makeBoard,
  markersOn,
  participant,
  realisticBoard,
  rerunBoard,
  splitRoomRerunBoard,
  vote,
} from '../fixtures/boards.ts';
import { contradictions } from '../helpers/reasons.ts';
import { testState } from '../helpers/room-state.ts';
import { executeCommand } from '../../server/rooms/commands.ts';
import { ledgerMaps } from '../../server/rooms/ledger.ts';
import { Projection } from '../../server/rooms/projection.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';

const SEED = { seed: 20_250_919 };

/** Fixture cards are keyed `author/id`; on a server they go by a random public id, which is what an archive holds. */
function withPublicIds(board: BoardState): BoardState {
  const pub = (key: string) => key.replace(/\//g, '_');
  return {
    ...board,
    cards: board.cards.map((c) => ({ ...c, key: pub(c.key) })),
    votes: board.votes.map((v) => ({
      ...v,
      target: v.target.startsWith('card:') ? (`card:${pub(v.target.slice(5))}` as const) : v.target,
    })),
  };
}

function archiveOf(original: BoardState, personId = (id: string) => `p-P${id}`, respondentId = (id: string) => `r-R${id}`): Archive {
  const board = withPublicIds(original);
  return toArchive({
    board,
    template: templateOf({ ...defaultModel(), dimensions: board.dimensions, settings: board.settings }),
    roadmap: board.roadmap ?? generateRoadmap(board),
    createdAt: Date.parse('2025-03-14T09:00:00Z'),
    exportedAt: Date.parse('2025-03-15T17:30:00Z'),
    personId,
    respondentId,
  });
}

const roundTrip = (a: Archive) => parseArchive(JSON.parse(JSON.stringify(a)));

describe('the archive', () => {
  it('holds the model, cards, markers, votes, barriers, the roadmap with its edits, and dates', () => {
    const board = realisticBoard();
    const a = archiveOf(board);
    expect(a).toMatchObject({
      format: 'social-shift/archive',
      version: 1,
      exportedAt: '2025-03-15T17:30:00.000Z',
      workshop: { createdAt: '2025-03-14T09:00:00.000Z', anonymous: false },
    });
    expect(a.template.dimensions).toHaveLength(10);
    expect(a.cards.filter((c) => c.kind === 'barrier')).toHaveLength(5);
    expect(a.cards).toHaveLength(35);
    expect(a.markers).toHaveLength(80);
    expect(a.votes).toHaveLength(21);
    expect(a.roadmap!.initiatives.length).toBeGreaterThan(5);
    expect(a.people.map((p) => p.name)).toContain('Margaret Okafor');
  });

  it('reads back exactly as written (archive round trip), for any board', () => {
    const boards = fc.record({
      anonymous: fc.boolean(),
      markers: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 5 }),
          fc.constantFrom('brand', 'people', 'insight'),
          fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        ),
        { maxLength: 30 },
      ),
      texts: fc.array(
        fc.string({ minLength: 1, maxLength: 280 }).filter((s) => /\S/.test(s)),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(boards, ({ anonymous, markers, texts }) => {
        const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
        const board = makeBoard({
          participants: ids.map((id, i) => participant(id, `Name ${id}`, i)),
          markers: markers.map(([p, dim, cur, tgt]) => ({ participantId: ids[p]!, dimension: dim, current: cur, target: tgt })),
          cards: texts.map((t, i) =>
            card(ids[i % ids.length]!, t, i % 2 ? 'brand' : null, i % 2 ? 2 : null, i % 2 ? 'practice' : 'barrier', `x${i}`, 1_000 + i),
          ),
          votes: [vote('a', 'dim:brand', 2)],
        });
        board.settings = { ...board.settings, anonymous };
        const a = archiveOf(board);
        expect(roundTrip(a)).toEqual(a);
        expect(JSON.stringify(roundTrip(roundTrip(a)))).toBe(JSON.stringify(a));
      }),
      { ...SEED, numRuns: 150 },
    );
  });

  it('a named workshop: names and authors, as the export shows them; markers and votes under respondent ids tied to no name and no card', () => {
    const board = realisticBoard();
    const a = archiveOf(board);
    const people = new Set(a.people.map((p) => p.id));
    const respondents = new Set([...a.markers.map((m) => m.respondent), ...a.votes.map((v) => v.respondent)]);
    expect(respondents.size).toBe(8);
    for (const r of respondents) expect(people.has(r)).toBe(false);
    for (const c of a.cards) expect(people.has(c.author!)).toBe(true);
    // No participant id, and respondents are not listed in joining order.
    const json = JSON.stringify(a);
    for (const p of board.participants) expect(json).not.toMatch(new RegExp(`"${p.id}"`));
    expect(a.markers.map((m) => m.respondent)).toEqual([...a.markers.map((m) => m.respondent)].sort());
  });

  it('an anonymous workshop: no names, no participant ids, no authors, no card times; cards in the order of their random ids', () => {
    const board = realisticBoard();
    board.settings = { ...board.settings, anonymous: true };
    const a = archiveOf(board);
    const json = JSON.stringify(a);
    for (const p of board.participants) {
      expect(json).not.toContain(p.name);
      expect(json).not.toMatch(new RegExp(`"${p.id}"`));
    }
    expect(a.people).toEqual([]);
    expect(a.cards.every((c) => c.author === null && c.createdAt === null)).toBe(true);
    expect(a.cards.map((c) => c.id)).toEqual(a.cards.map((c) => c.id).sort());
    expect(new Set(a.markers.map((m) => m.respondent)).size).toBe(8);
  });

  it('leaves out people who were removed, with everything they wrote, answered and voted', () => {
    const board = realisticBoard();
    board.participants = board.participants.map((p) => (p.id === 'p3' ? { ...p, removed: true } : p));
    const a = archiveOf(board);
    expect(a.people.map((p) => p.name)).not.toContain('Priya Raman');
    expect(a.cards.some((c) => c.text.startsWith('No one on the exec team'))).toBe(false);
    expect(new Set(a.markers.map((m) => m.respondent)).size).toBe(7);
  });

  it('refuses an archive from a newer server in words, and a hostile one with the path of what is wrong', () => {
    const a = archiveOf(realisticBoard());
    const refused = (v: unknown) => {
      try {
        parseArchive(v);
      } catch (e) {
        return e as AppError;
      }
      throw new Error('accepted');
    };
    expect(refused({ ...a, version: 3 })).toMatchObject({
      code: 'INVALID_ARCHIVE',
      path: 'version',
      message: expect.stringContaining('version 3, and this server reads version 1 only'),
    });
    expect(refused({ ...a, format: 'social-shift/template' })).toMatchObject({ code: 'INVALID_ARCHIVE', path: 'format' });
    expect(refused({ ...a, markers: [{ ...a.markers[0], current: 9 }] })).toMatchObject({ path: 'markers.0.current' });
    expect(refused({ ...a, roadmap: { ...a.roadmap, initiatives: [{ ...a.roadmap!.initiatives[0], id: '__proto__' }] } })).toMatchObject({
      path: 'roadmap.initiatives.0.id',
    });
    expect(refused({ ...a, template: { ...a.template, version: 2 } })).toMatchObject({ code: 'INVALID_ARCHIVE', path: 'template.version' });
    expect(refused({ ...a, people: [{ id: 'participant-1', name: 'x', joinedAt: a.exportedAt }] })).toMatchObject({ path: 'people.0.id' });
  });
});

describe('the baseline a re-run keeps', () => {
  it('is aggregates and the earlier plan: per dimension, people per stage; no name, id or person', () => {
    const board = realisticBoard();
    const a = archiveOf(board);
    const b = baselineFromArchive(a);
    const json = JSON.stringify(b);
    for (const p of board.participants) expect(json).not.toContain(p.name);
    expect(json).not.toMatch(/"[pr]-/);
    const leadership = b.dimensions.find((d) => d.key === 'leadership')!;
    expect(leadership).toEqual({
      key: 'leadership',
      name: 'Leadership & ownership',
      current: [2, 2, 1, 3, 0],
      target: [0, 0, 2, 5, 1],
      answers: 8,
    });
    expect(b.date).toBe('2025-03-14');
    expect(b.initiatives.map((i) => i.id)).toEqual(a.roadmap!.initiatives.map((i) => i.id));
    expect(b.initiatives.find((i) => i.id === 'brand:move')).toMatchObject({
      horizon: 'Year two',
      barriers: ['The agency contract runs until next March and owns the voice'],
    });
  });

  it('cleans what it will show: invisible characters and line breaks out of titles and barriers', () => {
    const a = archiveOf(realisticBoard());
    a.workshop.title = 'Our\u202E offsite\nday';
    a.cards[a.cards.length - 1]!.text = 'Too\u200B many\r\nsign-offs';
    const b = baselineFromArchive(a);
    expect(b.title).toBe('Our offsite day');
    expect(b.barriers.at(-1)!.text).toBe('Too many sign-offs');
  });

  it('stays small whatever the archive holds: each barrier once, at most 500', () => {
    const a = archiveOf(realisticBoard());
    const many = Array.from({ length: 2_000 }, (_, i) => ({
      id: `b${i}`,
      kind: 'barrier' as const,
      text: i % 2 ? `Reason ${i}` : 'NO TIME',
      dimension: null,
      stage: null,
      notBefore: null,
      createdAt: null,
      author: null,
    }));
    a.cards.push(...many, { ...many[0]!, id: 'dup', text: 'no time' });
    const b = baselineFromArchive(a);
    expect(b.barriers).toHaveLength(500);
    expect(b.barriers.filter((x) => x.text.toLowerCase() === 'no time')).toHaveLength(1);
    expect(JSON.stringify(b).length).toBeLessThan(200_000);
  });

  it('looks up what the room said by own keys only', () => {
    const marks = { 'brand:move': { status: 'done', benchmarkMet: true } } as Record<string, EarlierMark>;
    expect(earlierMark(marks, 'constructor')).toEqual({ status: null, benchmarkMet: null });
    expect(earlierMark(marks, 'brand:move')).toEqual({ status: 'done', benchmarkMet: true });
  });
});

// ------------------------------------------------------------------ the generator

/** Five people, the canvas's defaults; `then` and `now` give each dimension's answers. */
function rerun(
  then: Record<string, [number[], number[]]>,
  now: Record<string, [number[], number[]]>,
  marks: Record<string, EarlierMark>,
  barriersThen: string[] = [],
  barriersNow: string[] = [],
): BoardState {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const build = (answers: typeof then, barriers: string[], t0: number) =>
    makeBoard({
      participants: ids.map((id, i) => participant(id, id.toUpperCase(), i)),
      markers: Object.entries(answers).flatMap(([dim, [c, t]]) => markersOn(ids, dim, c, t)),
      cards: barriers.map((text, i) => card('a', text, null, null, 'barrier', `b${t0 + i}`, t0 + i)),
    });
  const first = build(then, barriersThen, 100);
  const board = build(now, barriersNow, 200);
  board.baseline = baselineOf(first, '2025-03-14');
  board.earlier = marks;
  return board;
}

const why = (board: BoardState, id: string) => generateRoadmap(board).initiatives.find((i) => i.id === id)!;

describe('the roadmap of a re-run', () => {
  it('credits a dimension that moved, and says so plainly where it slipped', () => {
    const board = rerun(
      {
        brand: [
          [2, 2, 2, 2, 2],
          [4, 4, 4, 4, 4],
        ],
        insight: [
          [3, 3, 3, 3, 3],
          [4, 4, 4, 4, 4],
        ],
      },
      {
        brand: [
          [3, 3, 3, 3, 3],
          [4, 4, 4, 4, 4],
        ],
        insight: [
          [2, 2, 2, 2, 2],
          [4, 4, 4, 4, 4],
        ],
      },
      {},
    );
    expect(why(board, 'brand:move').why[0]).toBe(
      'Since March 2025 the room moved it from Broadcasting to Experimenting: build on what worked.',
    );
    expect(why(board, 'insight:move').why[0]).toBe('Since March 2025 it slipped from Experimenting to Broadcasting.');
  });

  it('explains a stalled initiative whose stage was not reached: the barrier still raised, and a first step that deals with it first', () => {
    const board = rerun(
      {
        people: [
          [2, 2, 2, 2, 2],
          [3, 3, 3, 3, 3],
        ],
      },
      {
        people: [
          [2, 2, 2, 2, 2],
          [3, 3, 3, 3, 3],
        ],
      },
      { 'people:move': { status: 'stalled', benchmarkMet: false } },
      ['No time'],
      ['no time '],
    );
    const i = why(board, 'people:move');
    expect(i.why[0]).toBe('Stalled since March 2025: the barrier “No time” is still raised.');
    expect(i.firstStep).toMatch(/^Before trying again, agree what will stop “No time” holding it up this time\. /);
    const cautions = generateRoadmap(board).cautions!.filter((c) => c.kind === 'stalled');
    expect(cautions).toEqual([
      {
        kind: 'stalled',
        dimensions: ['people'],
        text: expect.stringContaining(
          '“People, culture & skills: from Broadcasting to Experimenting” stalled after March 2025 and “No time” is still raised',
        ),
      },
    ]);
  });

  it('a stalled initiative with none of its barriers raised again asks what held it', () => {
    const board = rerun(
      {
        people: [
          [2, 2, 2, 2, 2],
          [3, 3, 3, 3, 3],
        ],
      },
      {
        people: [
          [2, 2, 2, 2, 2],
          [3, 3, 3, 3, 3],
        ],
      },
      { 'people:move': { status: 'stalled', benchmarkMet: null } },
      ['No time'],
      ['Budget'],
    );
    const i = why(board, 'people:move');
    expect(i.why[0]).toBe(
      'Stalled since March 2025, though none of the barriers raised then is raised now: ask what held it before trying again.',
    );
    expect(i.firstStep).toMatch(/^Before trying again, name what held it last time\. /);
  });

  it('says nothing of a stall where the stage was reached, or where the room did not call it stalled', () => {
    const reached = rerun(
      {
        people: [
          [2, 2, 2, 2, 2],
          [3, 3, 3, 3, 3],
        ],
      },
      {
        people: [
          [3, 3, 3, 3, 3],
          [4, 4, 4, 4, 4],
        ],
      },
      { 'people:move': { status: 'stalled', benchmarkMet: null } },
      ['No time'],
      ['No time'],
    );
    expect(why(reached, 'people:move').why.join(' ')).not.toContain('Stalled');
    expect(generateRoadmap(reached).cautions!.some((c) => c.kind === 'stalled')).toBe(false);
    const underWay = rerun(
      {
        people: [
          [2, 2, 2, 2, 2],
          [3, 3, 3, 3, 3],
        ],
      },
      {
        people: [
          [2, 2, 2, 2, 2],
          [3, 3, 3, 3, 3],
        ],
      },
      { 'people:move': { status: 'under-way', benchmarkMet: null } },
      ['No time'],
      ['No time'],
    );
    expect(why(underWay, 'people:move').why.join(' ')).not.toContain('Stalled');
  });

  it('a stalled initiative the room no longer aims past is a caution, not a plan', () => {
    const board = rerun(
      {
        people: [
          [2, 2, 2, 2, 2],
          [3, 3, 3, 3, 3],
        ],
      },
      {
        people: [
          [2, 2, 2, 2, 2],
          [2, 2, 2, 2, 2],
        ],
      },
      { 'people:move': { status: 'stalled', benchmarkMet: null } },
    );
    const r = generateRoadmap(board);
    expect(r.initiatives.some((i) => i.dimension === 'people')).toBe(false);
    expect(r.cautions!.find((c) => c.kind === 'stalled')!.text).toContain('the room no longer aims past where it stands');
  });

  it('is deterministic, changes nothing for a board without a baseline, and no reason contradicts another', () => {
    for (const board of [rerunBoard(), splitRoomRerunBoard()]) {
      const r = generateRoadmap(board);
      expect(JSON.stringify(generateRoadmap(structuredClone(board)))).toBe(JSON.stringify(r));
      expect(contradictions(board, r)).toEqual([]);
      const plain = { ...board, baseline: null, earlier: {} };
      const withoutRules = generateRoadmap(plain);
      // Only the re-run's sentences, first steps and cautions differ.
      expect(withoutRules.initiatives.map((i) => [i.id, i.horizon])).toEqual(r.initiatives.map((i) => [i.id, i.horizon]));
    }
  });

  it('then and now: a dimension the canvas dropped is shown as dropped, and the earlier plan is compared with today', () => {
    const board = splitRoomRerunBoard();
    const r = generateRoadmap(board);
    const since = sinceEarlier(board.baseline!, r.summaries, board.earlier, []);
    expect(since.dimensions.find((d) => d.dimension === 'commerce')).toMatchObject({ dropped: true, moved: null });
    expect(since.outcomes.every((o) => o.mark.status === null)).toBe(true);
  });
});

// ------------------------------------------------------------------ what the room receives

describe('the projection of a re-run', () => {
  it('the earlier plan at once; earlier distributions only from the Assess reveal, and only where enough people answered then', () => {
    const state = testState(['ana', 'ben', 'cy'], { minAnswers: 3, privateUntilReveal: true });
    const first = realisticBoard();
    first.markers = first.markers.filter((m) => m.dimension !== 'commerce' || ['p1', 'p2'].includes(m.participantId));
    ledgerMaps(state.ledger).baseline.set('value', baselineOf(first, '2025-03-14'));
    const projection = new Projection(state);
    const fac = { role: 'facilitator' as const, participantId: null };
    const view = () => (projection.update(), readRoomBoard(projection.room).baseline!);

    expect(view().initiatives.length).toBeGreaterThan(5);
    expect(view().then).toEqual({});
    executeCommand(state, { type: 'phase:set', phase: 'assess' }, fac, 0);
    expect(view().then).toEqual({});
    executeCommand(state, { type: 'reveal:set', phase: 'assess', revealed: true }, fac, 0);
    const then = view().then;
    expect(Object.keys(then)).toHaveLength(9);
    expect(then.commerce).toBeUndefined();
    expect(then.leadership).toEqual({ current: [2, 2, 1, 3, 0], target: [0, 0, 2, 5, 1], answers: 8 });
    // Dropping a dimension from the canvas drops its earlier distribution from the screens too.
    executeCommand(state, { type: 'template:set', dimensions: [{ key: 'brand', name: 'Brand' }] }, fac, 0);
    expect(Object.keys(view().then)).toEqual(['brand']);
  });
});
