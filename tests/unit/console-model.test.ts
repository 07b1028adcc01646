/**
 * What the console says of a room, read from the documents the server really sends
 * (the projection of a room's state): answers counted as people × dimensions, what
 * moving on reveals, each phase hidden or revealed, what a barrier holds back.
 */
import { describe, expect, it } from 'vitest';
import { privateMaps } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import type { Settings } from '../../shared/domain/types.ts';
import { executeCommand } from '../../server/rooms/commands.ts';
import { Projection } from '../../server/rooms/projection.ts';
import type { RoomState } from '../../server/rooms/room-state.ts';
import { answerTally, barrierHolds, moveRevealSentence, phaseState } from '../../client/lib/console-model.ts';
import type { Command } from '../../shared/schema/protocol.ts';
import { testState } from '../helpers/room-state.ts';

const facilitator = { role: 'facilitator' as const, participantId: null };

function room(people: string[], settings: Partial<Settings> = {}) {
  const state = testState(people, settings);
  const projection = new Projection(state);
  const run = (c: Command) => executeCommand(state, c, facilitator, 1_000);
  /** The console's view, as its browser reads it. */
  const board = () => {
    projection.update();
    return readRoomBoard(projection.room, { console: projection.console });
  };
  return { state, run, board };
}

const card = (s: RoomState, pid: string, id: string, kind: 'practice' | 'barrier', dimension: string | null) =>
  privateMaps(s.privateDoc(pid)).cards.set(id, {
    kind,
    text: `${pid} ${id}`,
    dimension,
    stage: kind === 'practice' ? 2 : null,
    createdAt: 1,
  });
const mark = (s: RoomState, pid: string, dims: string[]) => {
  for (const d of dims) privateMaps(s.privateDoc(pid)).markers.set(d, { current: 2, target: 4 });
};

describe('answers as people × dimensions', () => {
  it('counts one answer per person per dimension, and lists the short dimensions fewest first', () => {
    const r = room(['ana', 'ben', 'cy']);
    r.run({ type: 'phase:set', phase: 'assess' });
    mark(r.state, 'ana', ['leadership', 'brand', 'people']);
    mark(r.state, 'ben', ['leadership', 'brand']);
    mark(r.state, 'cy', ['leadership']);
    const t = answerTally(r.board());
    expect(t).toMatchObject({ people: 3, possible: 30, answers: 6 });
    expect(t.short.map((d) => d.answers)).toEqual([...t.short.map((d) => d.answers)].sort((a, b) => a - b));
    expect(t.short.find((d) => d.key === 'brand')).toMatchObject({ answers: 2 });
    expect(t.short.some((d) => d.key === 'leadership')).toBe(false);
    expect(t.short).toHaveLength(9);
  });
});

describe('what moving on reveals', () => {
  it('names the hidden cards a move opens, and nothing once they are revealed', () => {
    const r = room(['ana', 'ben'], { privateUntilReveal: true });
    r.run({ type: 'phase:set', phase: 'map' });
    card(r.state, 'ana', 'c1', 'practice', 'brand');
    card(r.state, 'ben', 'c1', 'practice', 'people');
    let b = r.board();
    expect(moveRevealSentence(b, 'assess', 'Assess')).toBe('Moving to Assess reveals 2 cards to everyone');
    // Going back opens nothing.
    expect(moveRevealSentence(b, 'lobby', 'Lobby')).toBeNull();
    expect(phaseState(b, 'map')).toBe('hidden');
    expect(phaseState(b, 'lobby')).toBeNull();
    r.run({ type: 'reveal:set', phase: 'map', revealed: true });
    b = r.board();
    expect(moveRevealSentence(b, 'assess', 'Assess')).toBeNull();
    expect(phaseState(b, 'map')).toBe('revealed');
  });

  it('names answers, barriers and vote totals together when a move passes several phases', () => {
    const r = room(['ana', 'ben'], { privateUntilReveal: true });
    r.run({ type: 'phase:set', phase: 'assess' });
    mark(r.state, 'ana', ['brand']);
    mark(r.state, 'ben', ['brand']);
    r.run({ type: 'reveal:set', phase: 'map', revealed: true });
    r.run({ type: 'phase:set', phase: 'prioritise' });
    card(r.state, 'ana', 'b1', 'barrier', null);
    executeCommand(r.state, { type: 'vote:set', target: 'dim:brand', count: 1 }, { role: 'participant', participantId: 'ben' }, 1_000);
    const b = r.board();
    expect(moveRevealSentence(b, 'roadmap', 'Roadmap')).toBe('Moving to Roadmap reveals 1 barrier and the vote totals to everyone');
  });

  it('says nothing in a workshop that keeps nothing private', () => {
    const r = room(['ana'], { privateUntilReveal: false });
    r.run({ type: 'phase:set', phase: 'map' });
    card(r.state, 'ana', 'c1', 'practice', 'brand');
    const b = r.board();
    expect(moveRevealSentence(b, 'assess', 'Assess')).toBeNull();
    expect(phaseState(b, 'map')).toBeNull();
  });
});

describe('what a barrier holds back', () => {
  it('reads the dimension and the horizon the facilitator tied it to, as every screen receives them', () => {
    const r = room(['ana'], { privateUntilReveal: false, anonymous: true });
    r.run({ type: 'phase:set', phase: 'prioritise' });
    card(r.state, 'ana', 'b1', 'barrier', null);
    let b = r.board();
    const id = b.cards.find((c) => c.kind === 'barrier')!.id;
    expect(
      barrierHolds(
        b,
        b.cards.find((c) => c.id === id)!,
      ),
    ).toBeNull();
    r.run({ type: 'barrier:set', cardId: id, dimension: 'technology', notBefore: 'next' });
    b = r.board();
    expect(
      barrierHolds(
        b,
        b.cards.find((c) => c.id === id)!,
      ),
    ).toBe('Holds back Technology & data · not before Next');
    r.run({ type: 'barrier:set', cardId: id, dimension: null });
    b = r.board();
    expect(
      barrierHolds(
        b,
        b.cards.find((c) => c.id === id)!,
      ),
    ).toBe('Not before Next');
    // Tied by the facilitator or not, an anonymous workshop's barrier carries no author.
    expect(b.cards.find((c) => c.id === id)!.author).toBeNull();
  });
});
