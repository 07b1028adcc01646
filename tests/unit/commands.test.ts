/** Facilitator commands and votes on a room's state: the rules without a socket. */
import { describe, expect, it } from 'vitest';
import { readDimensions, readTimer } from '../../shared/doc/meta-doc.ts';
import { defaultDimensions } from '../../shared/domain/workshop-model.ts';
import { AppError } from '../../shared/domain/errors.ts';
import { privateMaps, readMyVotes } from '../../shared/doc/private-doc.ts';
import { executeCommand, type Actor } from '../../server/rooms/commands.ts';
import { ledgerMaps, readStoredModel, votesOf, writeStoredModel } from '../../server/rooms/ledger.ts';
import type { RoomState } from '../../server/rooms/room-state.ts';
import { CommandSchema, schemaRefusal, type Command } from '../../shared/schema/protocol.ts';
import type { z } from 'zod';
import { testState } from '../helpers/room-state.ts';

const facilitator: Actor = { role: 'facilitator', participantId: null };
const ana: Actor = { role: 'participant', participantId: 'ana' };

const run = (state: RoomState, c: Command, actor = facilitator, now = 1_000_000) => executeCommand(state, c, actor, now);
const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as AppError).code;
  }
};
const spent = (state: RoomState, pid = 'ana') => [...votesOf(state.ledger, pid).values()].reduce((a, b) => a + b, 0);

/** A card written by `pid` in their own document, registered with a public id as the projection does. */
function cardOf(state: RoomState, pid: string, kind: 'practice' | 'barrier' = 'practice'): string {
  const cardId = `c${privateMaps(state.privateDoc(pid)).cards.size + 1}`;
  privateMaps(state.privateDoc(pid)).cards.set(cardId, {
    kind,
    text: 'x',
    dimension: 'brand',
    stage: kind === 'practice' ? 2 : null,
    createdAt: 1,
  });
  return state.register(pid, cardId, 1).id;
}

describe('timer', () => {
  it('starts, pauses with the time left, resumes and adds a minute', () => {
    const s = testState();
    run(s, { type: 'timer:start', durationMs: 300_000 }, facilitator, 0);
    expect(readTimer(s.ledger)).toEqual({ status: 'running', endsAt: 300_000, remainingMs: 300_000 });
    run(s, { type: 'timer:pause' }, facilitator, 100_000);
    expect(readTimer(s.ledger)).toEqual({ status: 'paused', endsAt: null, remainingMs: 200_000 });
    run(s, { type: 'timer:resume' }, facilitator, 500_000);
    expect(readTimer(s.ledger)).toMatchObject({ status: 'running', endsAt: 700_000 });
    run(s, { type: 'timer:add', ms: 60_000 }, facilitator, 500_000);
    expect(readTimer(s.ledger)).toMatchObject({ status: 'running', endsAt: 760_000 });
    run(s, { type: 'timer:reset' });
    expect(readTimer(s.ledger).status).toBe('idle');
  });
});

describe('votes', () => {
  const prioritise = () => {
    const s = testState(['ana', 'ben']);
    run(s, { type: 'phase:set', phase: 'prioritise' });
    return s;
  };

  it('keeps each participant within the budget, follows a changed budget, and mirrors them to the voter alone', () => {
    const s = prioritise();
    run(s, { type: 'settings:update', settings: { votesPerPerson: 3 } });
    run(s, { type: 'vote:set', target: 'dim:brand', count: 2 }, ana);
    run(s, { type: 'vote:set', target: 'dim:people', count: 1 }, ana);
    expect(code(() => run(s, { type: 'vote:set', target: 'dim:insight', count: 1 }, ana))).toBe('VOTE_BUDGET');
    // Taking a vote back frees it.
    run(s, { type: 'vote:set', target: 'dim:brand', count: 1 }, ana);
    run(s, { type: 'vote:set', target: 'dim:insight', count: 1 }, ana);
    expect(spent(s)).toBe(3);
    run(s, { type: 'settings:update', settings: { votesPerPerson: 5 } });
    run(s, { type: 'vote:set', target: 'dim:commerce', count: 2 }, ana);
    expect(spent(s)).toBe(5);
    expect(readMyVotes(s.privateDoc('ana'))).toEqual({ 'dim:brand': 1, 'dim:people': 1, 'dim:insight': 1, 'dim:commerce': 2 });
    expect(readMyVotes(s.privateDoc('ben'))).toEqual({});
  });

  it('count only in Prioritise', () => {
    const s = testState();
    for (const phase of ['lobby', 'map', 'assess', 'roadmap', 'export'] as const) {
      run(s, { type: 'phase:set', phase });
      expect(
        code(() => run(s, { type: 'vote:set', target: 'dim:brand', count: 1 }, ana)),
        phase,
      ).toBe('VOTING_CLOSED');
    }
    expect(spent(s)).toBe(0);
  });

  it("count only on revealed targets: a barrier nobody has seen takes no vote, not even its author's", () => {
    const s = prioritise();
    const barrier = cardOf(s, 'ben', 'barrier');
    const own = cardOf(s, 'ana', 'barrier');
    expect(code(() => run(s, { type: 'vote:set', target: `card:${barrier}`, count: 1 }, ana))).toBe('INVALID_VALUE');
    expect(code(() => run(s, { type: 'vote:set', target: `card:${own}`, count: 1 }, ana))).toBe('INVALID_VALUE');
    run(s, { type: 'reveal:set', phase: 'prioritise', revealed: true });
    run(s, { type: 'vote:set', target: `card:${barrier}`, count: 1 }, ana);
    expect(spent(s)).toBe(1);
  });

  it('refuses votes on things that do not exist', () => {
    const s = prioritise();
    expect(code(() => run(s, { type: 'vote:set', target: 'dim:nope', count: 1 }, ana))).toBe('INVALID_VALUE');
    expect(code(() => run(s, { type: 'vote:set', target: 'card:none', count: 1 }, ana))).toBe('INVALID_VALUE');
  });

  it('frees the votes spent on a card that was deleted', () => {
    const s = prioritise();
    run(s, { type: 'settings:update', settings: { votesPerPerson: 2 } });
    const card = cardOf(s, 'ben');
    run(s, { type: 'vote:set', target: `card:${card}`, count: 2 }, ana);
    expect(code(() => run(s, { type: 'vote:set', target: 'dim:brand', count: 1 }, ana))).toBe('VOTE_BUDGET');
    privateMaps(s.privateDoc('ben')).cards.delete('c1');
    run(s, { type: 'vote:set', target: 'dim:brand', count: 1 }, ana);
  });
});

describe('facilitator actions', () => {
  it('are refused to participants and viewers, and change nothing', () => {
    const s = testState();
    const before = JSON.stringify(s.fullBoard());
    expect(code(() => run(s, { type: 'phase:set', phase: 'assess' }, ana))).toBe('NOT_FACILITATOR');
    expect(code(() => run(s, { type: 'lock:set', locked: true }, { role: 'viewer', participantId: null }))).toBe('FORBIDDEN');
    expect(JSON.stringify(s.fullBoard())).toBe(before);
  });

  it("moves a practice card to another cell, in its author's own document", () => {
    const s = testState();
    const id = cardOf(s, 'ana');
    run(s, { type: 'card:move', cardId: id, dimension: 'people', stage: 4 });
    expect(privateMaps(s.privateDoc('ana')).cards.get('c1')).toMatchObject({ dimension: 'people', stage: 4, text: 'x' });
    expect(code(() => run(s, { type: 'card:move', cardId: id, dimension: 'nope', stage: 4 }))).toBe('INVALID_VALUE');
    expect(code(() => run(s, { type: 'card:move', cardId: 'unknown', dimension: 'brand', stage: 4 }))).toBe('NOT_FOUND');
  });

  it('refuses settings that make no sense', () => {
    const s = testState();
    const bad = { horizons: [{ id: 'a', label: 'A', fromMonth: 3, toMonth: 1 }] };
    expect(code(() => run(s, { type: 'settings:update', settings: bad }))).toBe('INVALID_VALUE');
  });

  it('removes a participant and blocks their votes', () => {
    const s = testState();
    run(s, { type: 'phase:set', phase: 'prioritise' });
    const result = run(s, { type: 'participant:remove', participantId: 'ana' });
    expect(result.kick).toEqual(['ana']);
    expect(code(() => run(s, { type: 'vote:set', target: 'dim:brand', count: 1 }, ana))).toBe('REMOVED');
  });

  it('closes joining, and removes in one action everyone who joined within the window', () => {
    // testState's people joined at times 1, 2, 3 (ms): at 10,002 a 10 s window reaches back to 2.
    const s = testState(['ana', 'ben', 'cy']);
    run(s, { type: 'joins:set', open: false });
    expect(s.ledger.getMap('meta').get('joinsClosed')).toBe(true);
    const result = executeCommand(s, { type: 'participants:remove-recent', withinMs: 10_000 }, facilitator, 10_002);
    expect([...(result.kick ?? [])].sort()).toEqual(['ben', 'cy']);
    expect(result.data).toEqual({ removed: expect.arrayContaining(['ben', 'cy']) });
    expect(s.present('ana')).toBe(true);
    expect(s.present('ben')).toBe(false);
    expect(code(() => run(s, { type: 'participants:remove-recent', withinMs: 100 }, ana))).toBe('NOT_FACILITATOR');
  });
});

describe('barrier:set', () => {
  /** Everything a command could change: the board the roadmap reads, and every document's bytes. */
  const fingerprint = (s: RoomState) => JSON.stringify(s.fullBoard());

  it("ties a barrier to a dimension and a horizon in its author's own document, and unties it", () => {
    const s = testState();
    const id = cardOf(s, 'ana', 'barrier');
    run(s, { type: 'barrier:set', cardId: id, dimension: 'people', notBefore: 'next' });
    expect(privateMaps(s.privateDoc('ana')).cards.get('c1')).toMatchObject({
      kind: 'barrier',
      text: 'x',
      dimension: 'people',
      notBefore: 'next',
      stage: null,
    });
    expect(s.fullBoard().cards.find((c) => c.id === id)).toMatchObject({ dimension: 'people', notBefore: 'next', authorId: 'ana' });
    // A field left out stays as it was.
    run(s, { type: 'barrier:set', cardId: id, notBefore: null });
    expect(privateMaps(s.privateDoc('ana')).cards.get('c1')).toMatchObject({ dimension: 'people', notBefore: null });
    run(s, { type: 'barrier:set', cardId: id, dimension: null });
    expect(privateMaps(s.privateDoc('ana')).cards.get('c1')).toMatchObject({ dimension: null, notBefore: null });
    expect(run(s, { type: 'barrier:set', cardId: id, dimension: null }).changed).toBe(false);
  });

  it("gives a barrier a time window in its author's own document, keeps it through a tie, and clears it", () => {
    const s = testState();
    const id = cardOf(s, 'ana', 'barrier');
    run(s, { type: 'barrier:set', cardId: id, hold: '2027-10/2027-11' });
    expect(privateMaps(s.privateDoc('ana')).cards.get('c1')).toMatchObject({ kind: 'barrier', hold: '2027-10/2027-11' });
    run(s, { type: 'barrier:set', cardId: id, dimension: 'people' });
    expect(s.fullBoard().cards.find((c) => c.id === id)).toMatchObject({ dimension: 'people', hold: '2027-10/2027-11' });
    expect(run(s, { type: 'barrier:set', cardId: id, hold: '2027-10/2027-11' }).changed).toBe(false);
    run(s, { type: 'barrier:set', cardId: id, hold: null });
    expect(privateMaps(s.privateDoc('ana')).cards.get('c1')).toMatchObject({ dimension: 'people', hold: null });
  });

  it('refuses bad input with a named error and changes nothing', () => {
    const s = testState(['ana', 'ben']);
    const barrier = cardOf(s, 'ana', 'barrier');
    const practice = cardOf(s, 'ben');
    const before = fingerprint(s);
    const refusals: Array<[Command, string]> = [
      [{ type: 'barrier:set', cardId: 'unknown', dimension: 'people' }, 'NOT_FOUND'],
      [{ type: 'barrier:set', cardId: practice, dimension: 'people' }, 'INVALID_VALUE'],
      [{ type: 'barrier:set', cardId: barrier, dimension: 'nope' }, 'UNKNOWN_ITEM'],
      [{ type: 'barrier:set', cardId: barrier, dimension: 'people', notBefore: 'someday' }, 'UNKNOWN_ITEM'],
    ];
    for (const [c, expected] of refusals)
      expect(
        code(() => run(s, c)),
        JSON.stringify(c),
      ).toBe(expected);
    // Only the facilitator ties barriers; the author too would go through their phone.
    expect(code(() => run(s, { type: 'barrier:set', cardId: barrier, dimension: 'people' }, ana))).toBe('NOT_FACILITATOR');
    expect(code(() => run(s, { type: 'barrier:set', cardId: barrier, dimension: 'people' }, { role: 'viewer', participantId: null }))).toBe(
      'FORBIDDEN',
    );
    // A removed author's card is gone from the room: nothing to tie.
    run(s, { type: 'participant:remove', participantId: 'ana' });
    const afterRemove = fingerprint(s);
    expect(code(() => run(s, { type: 'barrier:set', cardId: barrier, dimension: 'people' }))).toBe('NOT_FOUND');
    expect(fingerprint(s)).toBe(afterRemove);
    expect(JSON.parse(afterRemove).cards).toEqual(JSON.parse(before).cards);
  });

  it('is refused at the edge when its shape is wrong, naming the field', () => {
    const bad = [
      { type: 'barrier:set', cardId: 'x', dimension: 'Not A Key' },
      { type: 'barrier:set', cardId: 'x', notBefore: 'Next quarter!' },
      { type: 'barrier:set', cardId: 'x', dimension: 'people', author: 'ana' },
      { type: 'barrier:set', dimension: 'people' },
    ];
    for (const b of bad) {
      const parsed = CommandSchema.safeParse(b);
      expect(parsed.success, JSON.stringify(b)).toBe(false);
      if (!parsed.success) expect(schemaRefusal(parsed.error).code).toBe('INVALID_BODY');
    }
    expect(schemaRefusal((CommandSchema.safeParse(bad[0]) as { error: z.ZodError }).error).message).toMatch(/^dimension: /);
  });
});

describe('template:set', () => {
  it("keeps each dimension's first steps and benchmarks, and brings the default's for a default key", () => {
    const s = testState();
    const own = {
      align: 'Talk.',
      firstSteps: [1, 2, 3, 4].map((n) => ({ text: `Step ${n}`, cues: [] })),
      benchmarks: ['a', 'b', 'c', 'd'],
    };
    writeStoredModel(s.ledger, { name: 'Mine', description: '', playbooks: { ours: own } });
    run(s, { type: 'template:set', dimensions: [{ key: 'ours', name: 'Ours' }, { key: 'brand', name: 'Voice' }, { name: 'New one' }] });
    const playbooks = readStoredModel(s.ledger).playbooks!;
    expect(Object.keys(playbooks)).toEqual(['ours', 'brand']);
    expect(playbooks.ours).toEqual(own);
    expect(ledgerMaps(s.ledger).model.get('name')).toBe('Mine');
  });
});

describe('template:set on a workshop made from a template', () => {
  it("keeps a renamed dimension's own descriptors, prompts and poles, not the default canvas's of the same key", () => {
    const s = testState();
    const own = {
      ...defaultDimensions()[0]!,
      descriptors: ['d1', 'd2', 'd3', 'd4', 'd5'],
      prompts: ['Who speaks for the board?'],
      left: 'L',
      right: 'R',
    };
    s.ledger.getMap('meta').set('dimensions', [own]);
    run(s, { type: 'template:set', dimensions: [{ key: own.key, name: 'Trustees & leadership' }] });
    expect(readDimensions(s.ledger)).toEqual([{ ...own, name: 'Trustees & leadership' }]);
  });
});
