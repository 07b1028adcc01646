/** Facilitator commands and votes on a plain doc: the rules without a socket. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultDimensions, initBoard, maps, readBoard } from '../../shared/board.ts';
import { AppError } from '../../shared/errors.ts';
import { executeCommand, type Actor } from '../../server/rooms/commands.ts';
import type { Command } from '../../shared/protocol.ts';

const facilitator: Actor = { role: 'facilitator', participantId: null };
const ana: Actor = { role: 'participant', participantId: 'ana' };

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'T', organisation: 'O', dimensions: defaultDimensions() });
  maps(doc).participants.set('ana', { id: 'ana', name: 'Ana', joinedAt: 1 });
  return doc;
}

const run = (doc: Y.Doc, c: Command, actor = facilitator, now = 1_000_000) => executeCommand(doc, c, actor, now);
const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('timer', () => {
  it('starts, pauses with the time left, resumes and adds a minute', () => {
    const doc = board();
    run(doc, { type: 'timer:start', durationMs: 300_000 }, facilitator, 0);
    expect(readBoard(doc).timer).toEqual({ status: 'running', endsAt: 300_000, remainingMs: 300_000 });
    run(doc, { type: 'timer:pause' }, facilitator, 100_000);
    expect(readBoard(doc).timer).toEqual({ status: 'paused', endsAt: null, remainingMs: 200_000 });
    run(doc, { type: 'timer:resume' }, facilitator, 500_000);
    expect(readBoard(doc).timer).toMatchObject({ status: 'running', endsAt: 700_000 });
    run(doc, { type: 'timer:add', ms: 60_000 }, facilitator, 500_000);
    expect(readBoard(doc).timer).toMatchObject({ status: 'running', endsAt: 760_000 });
    run(doc, { type: 'timer:reset' });
    expect(readBoard(doc).timer.status).toBe('idle');
  });
});

describe('votes', () => {
  it('keeps each participant within the budget and follows a changed budget', () => {
    const doc = board();
    run(doc, { type: 'settings:update', settings: { votesPerPerson: 3 } });
    run(doc, { type: 'vote:set', target: 'dim:brand', count: 2 }, ana);
    run(doc, { type: 'vote:set', target: 'dim:people', count: 1 }, ana);
    expect(code(() => run(doc, { type: 'vote:set', target: 'dim:insight', count: 1 }, ana))).toBe('VOTE_BUDGET');
    // Taking a vote back frees it.
    run(doc, { type: 'vote:set', target: 'dim:brand', count: 1 }, ana);
    run(doc, { type: 'vote:set', target: 'dim:insight', count: 1 }, ana);
    expect(readBoard(doc).votes.reduce((n, v) => n + v.count, 0)).toBe(3);
    run(doc, { type: 'settings:update', settings: { votesPerPerson: 5 } });
    run(doc, { type: 'vote:set', target: 'dim:commerce', count: 2 }, ana);
    expect(readBoard(doc).votes.reduce((n, v) => n + v.count, 0)).toBe(5);
  });

  it('refuses votes on things that do not exist', () => {
    const doc = board();
    expect(code(() => run(doc, { type: 'vote:set', target: 'dim:nope', count: 1 }, ana))).toBe('INVALID_VALUE');
    expect(code(() => run(doc, { type: 'vote:set', target: 'card:ana/none', count: 1 }, ana))).toBe('INVALID_VALUE');
  });
});

describe('facilitator actions', () => {
  it('are refused to participants and viewers, and change nothing', () => {
    const doc = board();
    const before = JSON.stringify(readBoard(doc));
    expect(code(() => run(doc, { type: 'phase:set', phase: 'assess' }, ana))).toBe('NOT_FACILITATOR');
    expect(code(() => run(doc, { type: 'lock:set', locked: true }, { role: 'viewer', participantId: null }))).toBe('FORBIDDEN');
    expect(JSON.stringify(readBoard(doc))).toBe(before);
  });

  it('moves a practice card to another cell', () => {
    const doc = board();
    maps(doc).cards.set('ana/c1', { kind: 'practice', text: 'x', dimension: 'brand', stage: 2, createdAt: 1 });
    run(doc, { type: 'card:move', cardKey: 'ana/c1', dimension: 'people', stage: 4 });
    expect(readBoard(doc).cards[0]).toMatchObject({ dimension: 'people', stage: 4, text: 'x', authorId: 'ana' });
    expect(code(() => run(doc, { type: 'card:move', cardKey: 'ana/c1', dimension: 'nope', stage: 4 }))).toBe('INVALID_VALUE');
  });

  it('refuses settings that make no sense', () => {
    const doc = board();
    const bad = { horizons: [{ id: 'a', label: 'A', fromMonth: 3, toMonth: 1 }] };
    expect(code(() => run(doc, { type: 'settings:update', settings: bad }))).toBe('INVALID_VALUE');
  });

  it('removes a participant and blocks their votes', () => {
    const doc = board();
    const result = run(doc, { type: 'participant:remove', participantId: 'ana' });
    expect(result.kick).toBe('ana');
    expect(code(() => run(doc, { type: 'vote:set', target: 'dim:brand', count: 1 }, ana))).toBe('REMOVED');
  });
});
