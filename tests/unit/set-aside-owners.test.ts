/** Moderation (setting a card aside) and owners in the room, on a room's state: the rules without a socket. */
import { describe, expect, it } from 'vitest';
import { privateMaps, readMyVotes } from '../../shared/doc/private-doc.ts';
import { readRoadmap } from '../../shared/doc/roadmap-doc.ts';
import { readAside, readVolunteers } from '../../shared/doc/console-doc.ts';
import type { AppError } from '../../shared/domain/errors.ts';
import { generateRoadmap, mergeRoadmap } from '../../shared/roadmap/index.ts';
import { executeCommand, type Actor } from '../../server/rooms/commands.ts';
import { Projection } from '../../server/rooms/projection.ts';
import type { RoomState } from '../../server/rooms/room-state.ts';
import type { Command } from '../../shared/schema/protocol.ts';
import { testState } from '../helpers/room-state.ts';

const facilitator: Actor = { role: 'facilitator', participantId: null };
const as = (participantId: string): Actor => ({ role: 'participant', participantId });
const run = (state: RoomState, c: Command, actor = facilitator, now = 1_000_000) => executeCommand(state, c, actor, now);
const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as AppError).code;
  }
};

function cardOf(
  state: RoomState,
  pid: string,
  text: string,
  kind: 'practice' | 'barrier' = 'practice',
): { cardId: string; publicId: string } {
  const cardId = `c${privateMaps(state.privateDoc(pid)).cards.size + 1}`;
  privateMaps(state.privateDoc(pid)).cards.set(cardId, {
    kind,
    text,
    dimension: 'brand',
    stage: kind === 'practice' ? 2 : null,
    createdAt: 1,
  });
  return { cardId, publicId: state.register(pid, cardId, 1).id };
}

/** Everyone puts the brand dimension at stage 2 and wants 4: the roadmap then has work on it. */
function answerBrand(state: RoomState, people: string[]): void {
  for (const pid of people) privateMaps(state.privateDoc(pid)).markers.set('brand', { current: 2, target: 4 });
}

const roomTexts = (p: Projection) => [...p.room.getMap<{ t: string }>('cards').values()].map((c) => c.t);
const consoleTexts = (p: Projection) => [...p.console.getMap<{ t: string }>('cards').values()].map((c) => c.t);

describe('card:set-aside', () => {
  it("takes a card off every screen but its author's and the console's set-aside list, and restores it", () => {
    const s = testState(['ana', 'ben']);
    run(s, { type: 'phase:set', phase: 'map' });
    run(s, { type: 'reveal:set', phase: 'map', revealed: true });
    const spam = cardOf(s, 'ana', 'asdf test test');
    cardOf(s, 'ben', 'We answer within a day');
    const p = new Projection(s);
    p.update();
    expect(roomTexts(p)).toContain('asdf test test');

    run(s, { type: 'card:set-aside', cardId: spam.publicId, aside: true });
    p.update();
    expect(roomTexts(p)).toEqual(['We answer within a day']);
    expect(consoleTexts(p)).toEqual([]);
    expect(readAside(p.console).map((c) => [c.id, c.text, c.author])).toEqual([[spam.publicId, 'asdf test test', null]]);
    expect(p.room.getMap<number>('stats').get('practiceCards')).toBe(1);
    // Still the author's own card, marked so their phone can say why.
    expect(privateMaps(s.privateDoc('ana')).cards.get(spam.cardId)?.text).toBe('asdf test test');
    expect(privateMaps(s.privateDoc('ana')).aside.has(spam.cardId)).toBe(true);
    // Not on the board the roadmap and exports read.
    expect(s.fullBoard().cards.map((c) => c.text)).toEqual(['We answer within a day']);

    run(s, { type: 'card:set-aside', cardId: spam.publicId, aside: false });
    p.update();
    expect(roomTexts(p)).toContain('asdf test test');
    expect(readAside(p.console)).toEqual([]);
    expect(privateMaps(s.privateDoc('ana')).aside.size).toBe(0);
    expect(s.fullBoard().cards).toHaveLength(2);
  });

  it('stops votes on the card counting, frees them, and takes no new ones', () => {
    const s = testState(['ana', 'ben'], { votesPerPerson: 2 });
    run(s, { type: 'phase:set', phase: 'prioritise' });
    const barrier = cardOf(s, 'ana', 'lol', 'barrier');
    run(s, { type: 'reveal:set', phase: 'map', revealed: true });
    run(s, { type: 'reveal:set', phase: 'prioritise', revealed: true });
    const target = `card:${barrier.publicId}`;
    run(s, { type: 'vote:set', target, count: 1 }, as('ben'));
    const p = new Projection(s);
    p.update();
    expect(p.room.getMap<number>('votes').get(target)).toBe(1);

    run(s, { type: 'card:set-aside', cardId: barrier.publicId, aside: true });
    p.update();
    expect(p.room.getMap<number>('votes').has(target)).toBe(false);
    expect(s.fullBoard().votes.some((v) => v.target === target)).toBe(false);
    expect(code(() => run(s, { type: 'vote:set', target, count: 2 }, as('ben')))).toBe('INVALID_VALUE');
    expect(readMyVotes(s.privateDoc('ben'))).toEqual({ [target]: 1 });
  });

  it("regenerates a roadmap that quotes the card, keeping the room's edits", () => {
    const s = testState(['ana', 'ben']);
    run(s, { type: 'phase:set', phase: 'roadmap' });
    const spam = cardOf(s, 'ana', 'ZZZ nonsense line');
    answerBrand(s, ['ana', 'ben']);
    run(s, { type: 'roadmap:generate', apply: true });
    const first = readRoadmap(s.ledger)!;
    expect(JSON.stringify(first)).toContain(spam.publicId);
    const id = first.initiatives[0]!.id;
    run(s, { type: 'roadmap:edit', initiativeId: id, patch: { owner: 'Sam' } });

    const result = run(s, { type: 'card:set-aside', cardId: spam.publicId, aside: true });
    expect(result.roadmap).toBe(true);
    const after = readRoadmap(s.ledger)!;
    expect(JSON.stringify(after)).not.toContain(spam.publicId);
    expect(JSON.stringify(after)).not.toContain('ZZZ nonsense line');
    expect(after.initiatives.find((i) => i.id === id)?.owner).toBe('Sam');
  });

  it("is the facilitator's alone, refuses an unknown card, and changes nothing twice", () => {
    const s = testState(['ana']);
    const c = cardOf(s, 'ana', 'x');
    expect(code(() => run(s, { type: 'card:set-aside', cardId: c.publicId, aside: true }, as('ana')))).toBe('NOT_FACILITATOR');
    expect(code(() => run(s, { type: 'card:set-aside', cardId: 'nope', aside: true }))).toBe('NOT_FOUND');
    expect(run(s, { type: 'card:set-aside', cardId: c.publicId, aside: false }).changed).toBe(false);
    expect(run(s, { type: 'card:set-aside', cardId: c.publicId, aside: true }).changed).toBe(true);
    expect(run(s, { type: 'card:set-aside', cardId: c.publicId, aside: true }).changed).toBe(false);
  });
});

describe('owners in the room', () => {
  const roadmapRoom = (settings = {}) => {
    const s = testState(['ana', 'ben', 'cy'], settings);
    cardOf(s, 'ana', 'We post press releases');
    answerBrand(s, ['ana', 'ben', 'cy']);
    run(s, { type: 'phase:set', phase: 'roadmap' });
    run(s, { type: 'roadmap:generate', apply: true });
    return { s, id: readRoadmap(s.ledger)!.initiatives[0]!.id };
  };
  const initiative = (s: RoomState, id: string) => readRoadmap(s.ledger)!.initiatives.find((i) => i.id === id)!;

  it('a phone volunteers, the console lists it, the facilitator confirms: the name and the confirmation are on the roadmap', () => {
    const { s, id } = roadmapRoom({ anonymous: true });
    run(s, { type: 'owner:volunteer', initiativeId: id, offer: true }, as('ben'), 10);
    run(s, { type: 'owner:volunteer', initiativeId: id, offer: true }, as('cy'), 20);
    expect(privateMaps(s.privateDoc('ben')).offers.has(id)).toBe(true);
    const p = new Projection(s);
    p.update();
    expect(readVolunteers(p.console)[id]).toEqual([
      { participantId: 'ben', name: 'Ben' },
      { participantId: 'cy', name: 'Cy' },
    ]);
    // In an anonymous workshop nobody but the console learns who offered.
    expect(JSON.stringify(p.room.toJSON())).not.toMatch(/\bBen\b|\bCy\b/);

    run(s, { type: 'owner:confirm', initiativeId: id, participantId: 'cy' });
    p.update();
    expect(initiative(s, id)).toMatchObject({ owner: 'Cy', ownerConfirmed: true });
    expect(readRoadmap(p.room)!.initiatives.find((i) => i.id === id)).toMatchObject({ owner: 'Cy', ownerConfirmed: true });

    run(s, { type: 'owner:clear', initiativeId: id });
    expect(initiative(s, id).owner).toBe('');
    expect(initiative(s, id).ownerConfirmed).toBeUndefined();
    // Volunteers stay, so another can be confirmed.
    run(s, { type: 'owner:confirm', initiativeId: id, participantId: 'ben' });
    expect(initiative(s, id)).toMatchObject({ owner: 'Ben', ownerConfirmed: true });
  });

  it('keeps a confirmed owner through regeneration; another name is not confirmed until confirmed again', () => {
    const { s, id } = roadmapRoom();
    run(s, { type: 'roadmap:edit', initiativeId: id, patch: { owner: 'Sam' } });
    expect(initiative(s, id).ownerConfirmed).toBeUndefined();
    run(s, { type: 'owner:confirm', initiativeId: id });
    expect(initiative(s, id)).toMatchObject({ owner: 'Sam', ownerConfirmed: true });
    run(s, { type: 'roadmap:generate', apply: true });
    expect(initiative(s, id)).toMatchObject({ owner: 'Sam', ownerConfirmed: true });
    const { roadmap } = mergeRoadmap(readRoadmap(s.ledger), generateRoadmap(s.fullBoard()));
    expect(roadmap.initiatives.find((i) => i.id === id)).toMatchObject({ owner: 'Sam', ownerConfirmed: true });
    run(s, { type: 'roadmap:edit', initiativeId: id, patch: { owner: 'Kim' } });
    expect(initiative(s, id).ownerConfirmed).toBeUndefined();
  });

  it('refuses with a named error and changes nothing', () => {
    const { s, id } = roadmapRoom({ anonymous: true });
    const before = JSON.stringify(readRoadmap(s.ledger));
    expect(code(() => run(s, { type: 'owner:volunteer', initiativeId: 'nope', offer: true }, as('ben')))).toBe('UNKNOWN_ITEM');
    expect(code(() => run(s, { type: 'owner:confirm', initiativeId: id, participantId: 'ana' }))).toBe('UNKNOWN_ITEM');
    expect(code(() => run(s, { type: 'owner:confirm', initiativeId: id }))).toBe('INVALID_VALUE');
    expect(code(() => run(s, { type: 'owner:confirm', initiativeId: id, participantId: 'ben' }, as('ben')))).toBe('NOT_FACILITATOR');
    expect(code(() => run(s, { type: 'owner:clear', initiativeId: id }, as('ben')))).toBe('NOT_FACILITATOR');
    // Anonymous: a phone may not type anyone's name; it volunteers instead.
    run(s, { type: 'settings:update', settings: { roadmapEditable: true } });
    expect(code(() => run(s, { type: 'roadmap:edit', initiativeId: id, patch: { owner: 'Ana' } }, as('ben')))).toBe('FORBIDDEN');
    run(s, { type: 'phase:set', phase: 'prioritise' });
    expect(code(() => run(s, { type: 'owner:volunteer', initiativeId: id, offer: true }, as('ben')))).toBe('CONFLICT');
    expect(JSON.stringify(readRoadmap(s.ledger))).toBe(before);
  });

  it('forgets a volunteer who was removed', () => {
    const { s, id } = roadmapRoom();
    run(s, { type: 'owner:volunteer', initiativeId: id, offer: true }, as('ben'));
    run(s, { type: 'participant:remove', participantId: 'ben' });
    const p = new Projection(s);
    p.update();
    expect(readVolunteers(p.console)[id]).toBeUndefined();
    expect(code(() => run(s, { type: 'owner:confirm', initiativeId: id, participantId: 'ben' }))).toBe('UNKNOWN_ITEM');
  });
});
