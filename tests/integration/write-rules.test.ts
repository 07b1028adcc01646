/**
 * Every write rule attacked over a real socket with a crafted message or Yjs
 * update: each holds, the attacker gets a named error, and the room is
 * unchanged for everyone else (its full board, the ledger, every private
 * document and both projections, compared before and after).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { privateMaps, putCard, SERVER_CLIENT } from '../../shared/doc/private-doc.ts';
import { ROOM } from '../../shared/doc/room-doc.ts';
import { PROTOCOL_VERSION, type Command, type DocName } from '../../shared/schema/protocol.ts';
import type { Room } from '../../server/rooms/room.ts';
import { connected, createWorkshop, eventually, facilitator, join, participant, rawSocket, viewerKeyOf } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { craft, recordSyncDocs, roomFingerprint, sendCommand, sendSync, step1Frame, updateFrame } from '../helpers/crafted.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const card = (text: string, kind: 'practice' | 'barrier' = 'practice') =>
  kind === 'practice'
    ? { kind, text, dimension: 'leadership', stage: 2, createdAt: 1 }
    : { kind, text, dimension: 'brand', stage: null, createdAt: 1 };

/** A new client's edit of this participant's own document, as the server holds it. */
const ownEdit = (room: Room, pid: string, edit: (d: Y.Doc) => void, clientID?: number) => craft(room.state.privateDoc(pid), edit, clientID);

/**
 * A named workshop with Ana (a phone, one card), the facilitator, and Eve, the
 * attacker on a bare socket. `connect` adds more bare sockets into the same room.
 */
async function setup(settings: Record<string, unknown> = {}) {
  const w = await createWorkshop(server.url, { title: 'Write rules', settings });
  const ana = await join(server.url, w.code, 'Ana');
  const eve = await join(server.url, w.code, 'Eve');
  const f = facilitator(server.url, w.code, w.facilitatorKey);
  const pa = participant(server.url, w.code, ana.token);
  await Promise.all([f.whenSynced(), pa.whenSynced()]);
  expect(await pa.write((d) => putCard(d, 'ana1', card("Ana's card")))).toEqual({ ok: true, queued: false });
  const room = await server.app.rooms.get(w.code);
  const anaCard = room.state.registration(ana.participantId, 'ana1')!.id;
  const sockets: Socket[] = [];
  const connect = async (auth: Record<string, unknown>) => {
    const s = rawSocket(server.url, { v: PROTOCOL_VERSION, code: w.code, ...auth });
    sockets.push(s);
    await connected(s);
    return s;
  };
  const attacker = await connect({ role: 'participant', token: eve.token });
  return {
    w,
    ana,
    eve,
    f,
    pa,
    room,
    anaCard,
    attacker,
    connect,
    fingerprint: () => roomFingerprint(room),
    cleanup: () => {
      f.close();
      pa.close();
      for (const s of sockets) s.close();
    },
  };
}
type Setup = Awaited<ReturnType<typeof setup>>;

/** Runs `attack`, expects the named error, and that nothing changed for anyone. */
async function refused(s: Setup, label: string, code: string, attack: () => Promise<{ ok: boolean; error?: { code: string } }>) {
  const before = await s.fingerprint();
  const ack = await attack();
  expect(ack, label).toMatchObject({ ok: false, error: { code } });
  expect(await s.fingerprint(), `${label}: the room changed`).toBe(before);
}

describe('nobody writes what the server derives', () => {
  it('the room and console documents refuse every change, from a phone, the console and the projector', async () => {
    const s = await setup();
    try {
      const console = await s.connect({ role: 'facilitator', key: s.w.facilitatorKey });
      const projector = await s.connect({ role: 'viewer', key: viewerKeyOf(s.w) });
      const defaceRoom = craft(s.room.projection.room, (d) => d.getMap(ROOM.meta).set('phase', 'export'));
      const forgeCard = craft(s.room.projection.room, (d) =>
        d.getMap(ROOM.cards).set('forged', { kind: 'practice', text: 'Planted', dimension: 'brand', stage: 1, author: 'Ana', order: 0 }),
      );
      const deleteCard = craft(s.room.projection.console, (d) => d.getMap('cards').delete(s.anaCard));
      const renamePerson = craft(s.room.projection.console, (d) =>
        d.getMap('people').set(s.ana.participantId, { name: 'Mallory', joinedAt: 0, removed: false }),
      );
      const cases: Array<[string, Socket, DocName, Uint8Array, string]> = [
        ['a phone: room meta', s.attacker, 'room', defaceRoom, 'FORBIDDEN'],
        ['a phone: a forged revealed card', s.attacker, 'room', forgeCard, 'FORBIDDEN'],
        ["a phone: deleting Ana's unrevealed card", s.attacker, 'console', deleteCard, 'FORBIDDEN'],
        ['a phone: the people list', s.attacker, 'console', renamePerson, 'FORBIDDEN'],
        ['the console: room meta', console, 'room', defaceRoom, 'NOT_FACILITATOR'],
        ["the console: deleting Ana's card", console, 'console', deleteCard, 'NOT_FACILITATOR'],
        [
          'the console: a participant document',
          console,
          'mine',
          ownEdit(s.room, s.ana.participantId, (d) => putCard(d, 'x', card('by the console'))),
          'FORBIDDEN',
        ],
        ['the projector: room meta', projector, 'room', defaceRoom, 'FORBIDDEN'],
        ['the projector: the console', projector, 'console', deleteCard, 'FORBIDDEN'],
      ];
      for (const [label, socket, doc, update, code] of cases)
        await refused(s, label, code, () => sendSync(socket, updateFrame(doc, update)));
    } finally {
      s.cleanup();
    }
  });

  it("a phone cannot read the console, nor the projector a phone's own document", async () => {
    const s = await setup();
    try {
      const seenByPhone = recordSyncDocs(s.attacker);
      const projector = await s.connect({ role: 'viewer', key: viewerKeyOf(s.w) });
      const seenByProjector = recordSyncDocs(projector);
      const empty = new Uint8Array([0]);
      await refused(s, 'a phone asks for the console', 'FORBIDDEN', () => sendSync(s.attacker, step1Frame('console', empty)));
      await refused(s, 'the projector asks for a phone document', 'FORBIDDEN', () => sendSync(projector, step1Frame('mine', empty)));
      await refused(s, 'the projector asks for the console', 'FORBIDDEN', () => sendSync(projector, step1Frame('console', empty)));
      // What each may read still comes; frames arrive in order, so anything refused would be here by now.
      expect(await sendSync(s.attacker, step1Frame('room', empty))).toEqual({ ok: true });
      expect(await sendSync(projector, step1Frame('room', empty))).toEqual({ ok: true });
      expect(new Set(seenByPhone)).toEqual(new Set([0]));
      expect(new Set(seenByProjector)).toEqual(new Set([0]));
    } finally {
      s.cleanup();
    }
  });
});

describe('a phone writes only its own cards and markers', () => {
  it("someone else's card cannot be reached: its local id names only one's own card", async () => {
    const s = await setup();
    try {
      // Eve writes under the id Ana's card has in Ana's document: it is a new card of Eve's, Ana's is untouched.
      const update = ownEdit(s.room, s.eve.participantId, (d) => putCard(d, 'ana1', card('defaced')));
      expect(await sendSync(s.attacker, updateFrame('mine', update))).toEqual({ ok: true });
      const cards = s.room.state.fullBoard().cards;
      expect(cards.find((c) => c.id === s.anaCard)).toMatchObject({ authorId: s.ana.participantId, text: "Ana's card" });
      expect(cards.find((c) => c.text === 'defaced')).toMatchObject({ authorId: s.eve.participantId });
      expect(cards.find((c) => c.text === 'defaced')!.id).not.toBe(s.anaCard);
    } finally {
      s.cleanup();
    }
  });

  it("the server's parts of one's own document (votes, public ids, client bindings) are refused", async () => {
    const s = await setup();
    try {
      // Eve's own card, registered: the server has written its public id and bound its own client id.
      const first = ownEdit(s.room, s.eve.participantId, (d) => putCard(d, 'e1', card("Eve's card")));
      expect(await sendSync(s.attacker, updateFrame('mine', first))).toEqual({ ok: true });
      const eveDoc = s.room.state.privateDoc(s.eve.participantId);
      await eventually(() => privateMaps(eveDoc).public.has('e1'));
      const serverClient = [...privateMaps(eveDoc).clients].find(([, owner]) => owner === SERVER_CLIENT)![0];
      const attacks: Array<[string, (d: Y.Doc) => void, string]> = [
        ['votes', (d) => privateMaps(d).votes.set('dim:brand', 50), 'FORBIDDEN_TYPE'],
        // Claiming Ana's public id would make Ana's card read as Eve's.
        ['a public id', (d) => privateMaps(d).public.set('e1', s.anaCard), 'FORBIDDEN_TYPE'],
        ['a client binding', (d) => privateMaps(d).clients.set(String(d.clientID), SERVER_CLIENT), 'FORBIDDEN_TYPE'],
        ['deleting a public id', (d) => privateMaps(d).public.delete('e1'), 'NOT_OWNER'],
        ["deleting the server's binding", (d) => privateMaps(d).clients.delete(serverClient), 'NOT_OWNER'],
        ['a root of its own', (d) => d.getMap('meta').set('phase', 'export'), 'FORBIDDEN_TYPE'],
        ['a nested type', (d) => privateMaps(d).cards.set('nest', new Y.Map() as never), 'FORBIDDEN_TYPE'],
      ];
      for (const [label, edit, code] of attacks) {
        await refused(s, label, code, () => sendSync(s.attacker, updateFrame('mine', ownEdit(s.room, s.eve.participantId, edit))));
      }
      // Under the server's own client id, even for a plain card.
      const asServer = ownEdit(s.room, s.eve.participantId, (d) => putCard(d, 'e2', card('as the server')), Number(serverClient));
      await refused(s, "the server's client id", 'IMPERSONATION', () => sendSync(s.attacker, updateFrame('mine', asServer)));
    } finally {
      s.cleanup();
    }
  });

  it('nothing is written while the board is locked', async () => {
    const s = await setup();
    try {
      expect((await s.f.command({ type: 'phase:set', phase: 'prioritise' })).ok).toBe(true);
      expect((await s.f.command({ type: 'lock:set', locked: true })).ok).toBe(true);
      const update = ownEdit(s.room, s.eve.participantId, (d) => putCard(d, 'late', card('too late')));
      await refused(s, 'a card', 'BOARD_LOCKED', () => sendSync(s.attacker, updateFrame('mine', update)));
      await refused(s, 'a vote', 'BOARD_LOCKED', () => sendCommand(s.attacker, { type: 'vote:set', target: 'dim:leadership', count: 1 }));
      expect((await s.f.command({ type: 'lock:set', locked: false })).ok).toBe(true);
      expect(await sendSync(s.attacker, updateFrame('mine', update))).toEqual({ ok: true });
    } finally {
      s.cleanup();
    }
  });
});

describe('the projector', () => {
  // Facilitator actions by a participant or the projector: the matrix in authorisation.test.ts.
  it('writes nothing: no document, not even a vote or a roadmap edit', async () => {
    const s = await setup({ privateUntilReveal: false });
    try {
      expect((await s.f.command({ type: 'phase:set', phase: 'prioritise' })).ok).toBe(true);
      const projector = await s.connect({ role: 'viewer', key: viewerKeyOf(s.w) });
      const defaceRoom = craft(s.room.projection.room, (d) => d.getMap(ROOM.meta).set('locked', true));
      await refused(s, 'room', 'FORBIDDEN', () => sendSync(projector, updateFrame('room', defaceRoom)));
      const anaEdit = ownEdit(s.room, s.ana.participantId, (d) => putCard(d, 'ana1', card('defaced')));
      await refused(s, 'mine', 'FORBIDDEN', () => sendSync(projector, updateFrame('mine', anaEdit)));
      // What every participant may send; the projector may not.
      const commands: Command[] = [
        { type: 'vote:set', target: `card:${s.anaCard}`, count: 1 },
        { type: 'roadmap:edit', initiativeId: 'brand:move', patch: { owner: 'Projector' } },
        { type: 'roadmap:move', initiativeId: 'brand:move', horizon: 'now', index: 0 },
      ];
      for (const command of commands) await refused(s, command.type, 'FORBIDDEN', () => sendCommand(projector, command));
    } finally {
      s.cleanup();
    }
  });
});

describe('votes', () => {
  it('count only in Prioritise', async () => {
    const s = await setup({ privateUntilReveal: false });
    try {
      for (const phase of ['lobby', 'map', 'assess', 'roadmap'] as const) {
        expect((await s.f.command({ type: 'phase:set', phase })).ok).toBe(true);
        await refused(s, phase, 'VOTING_CLOSED', () => sendCommand(s.attacker, { type: 'vote:set', target: 'dim:leadership', count: 1 }));
      }
      expect((await s.f.command({ type: 'phase:set', phase: 'prioritise' })).ok).toBe(true);
      expect(await sendCommand(s.attacker, { type: 'vote:set', target: 'dim:leadership', count: 1 })).toMatchObject({ ok: true });
    } finally {
      s.cleanup();
    }
  });

  it('a barrier nobody has seen takes no vote, and the refusal does not tell it from a card that does not exist', async () => {
    const s = await setup();
    try {
      expect((await s.f.command({ type: 'phase:set', phase: 'prioritise' })).ok).toBe(true);
      expect(await s.pa.write((d) => putCard(d, 'b1', card('Legal signs off every post', 'barrier')))).toEqual({ ok: true, queued: false });
      const barrier = s.room.state.registration(s.ana.participantId, 'b1')!.id;
      // Eve learnt the id somehow (it is on the console's screen): it still takes no vote.
      const hidden = await sendCommand(s.attacker, { type: 'vote:set', target: `card:${barrier}`, count: 1 });
      const missing = await sendCommand(s.attacker, { type: 'vote:set', target: 'card:no-such-card', count: 1 });
      expect(hidden).toEqual(missing);
      await refused(s, 'unrevealed barrier', 'INVALID_VALUE', () =>
        sendCommand(s.attacker, { type: 'vote:set', target: `card:${barrier}`, count: 1 }),
      );
      // Revealed, the same vote counts: the refusal was about the reveal.
      expect((await s.f.command({ type: 'reveal:set', phase: 'prioritise', revealed: true })).ok).toBe(true);
      expect(await sendCommand(s.attacker, { type: 'vote:set', target: `card:${barrier}`, count: 1 })).toMatchObject({ ok: true });
    } finally {
      s.cleanup();
    }
  });

  it('a participant cannot exceed the vote budget, even by racing', async () => {
    const s = await setup();
    try {
      expect((await s.f.command({ type: 'settings:update', settings: { votesPerPerson: 3 } })).ok).toBe(true);
      expect((await s.f.command({ type: 'phase:set', phase: 'prioritise' })).ok).toBe(true);
      const targets = ['dim:leadership', 'dim:brand', 'dim:content', 'dim:people', 'dim:insight'];
      const acks = await Promise.all(targets.map((target) => sendCommand(s.attacker, { type: 'vote:set', target, count: 1 })));
      expect(acks.filter((a) => a.ok)).toHaveLength(3);
      expect(acks.filter((a) => !a.ok && a.error.code === 'VOTE_BUDGET')).toHaveLength(2);
      const spent = s.room.state.fullBoard().votes.filter((v) => v.participantId === s.eve.participantId);
      expect(spent.reduce((n, v) => n + v.count, 0)).toBe(3);
      await refused(s, 'one more', 'VOTE_BUDGET', () => sendCommand(s.attacker, { type: 'vote:set', target: 'dim:commerce', count: 1 }));
    } finally {
      s.cleanup();
    }
  });

  it('barriers have a budget of their own: votes spent on what to change leave every barrier vote, and each budget holds', async () => {
    const s = await setup({ privateUntilReveal: false, votesPerPerson: 2 });
    try {
      expect((await s.f.command({ type: 'phase:set', phase: 'prioritise' })).ok).toBe(true);
      expect(await s.pa.write((d) => putCard(d, 'b1', card('Legal signs off every post', 'barrier')))).toEqual({ ok: true, queued: false });
      const barrier = `card:${s.room.state.registration(s.ana.participantId, 'b1')!.id}`;
      const vote = (target: string, count: number) => sendCommand(s.attacker, { type: 'vote:set', target, count });

      // Eve spends every vote on what to change first...
      expect(await vote('dim:leadership', 1)).toEqual({ ok: true, data: { used: 1, budget: 2, pool: 'change' } });
      expect(await vote(`card:${s.anaCard}`, 1)).toEqual({ ok: true, data: { used: 2, budget: 2, pool: 'change' } });
      await refused(s, 'a third vote on a dimension', 'VOTE_BUDGET', () => vote('dim:brand', 1));
      // ...and still has her barrier votes, up to their own budget.
      expect(await vote(barrier, 2)).toEqual({ ok: true, data: { used: 2, budget: 2, pool: 'barriers' } });
      const over = await vote(barrier, 3);
      expect(over).toEqual({ ok: false, error: { code: 'VOTE_BUDGET', message: 'You have 0 barrier votes left.' } });
      await refused(s, 'a third barrier vote', 'VOTE_BUDGET', () => vote(barrier, 3));
      // Giving a barrier vote back frees nothing for the other pool.
      expect(await vote(barrier, 1)).toMatchObject({ ok: true, data: { used: 1, pool: 'barriers' } });
      await refused(s, 'a freed barrier vote spent on a dimension', 'VOTE_BUDGET', () => vote('dim:brand', 1));

      const spent = s.room.state.fullBoard().votes.filter((v) => v.participantId === s.eve.participantId);
      expect(spent.map((v) => [v.target, v.count]).sort()).toEqual(
        [
          [barrier, 1],
          [`card:${s.anaCard}`, 1],
          ['dim:leadership', 1],
        ].sort(),
      );
    } finally {
      s.cleanup();
    }
  });
});

describe('people', () => {
  it('a removed participant is disconnected and cannot come back', async () => {
    const s = await setup();
    try {
      const closed = new Promise((resolve) => s.attacker.once('closed', resolve));
      expect((await s.f.command({ type: 'participant:remove', participantId: s.eve.participantId })).ok).toBe(true);
      expect(await closed).toEqual({ reason: 'removed' });
      const again = rawSocket(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: s.w.code, token: s.eve.token });
      await expect(connected(again)).rejects.toMatchObject({ data: { code: 'REMOVED' } });
      again.close();
    } finally {
      s.cleanup();
    }
  });

  it("presence is the server's to say: what a client sends as presence reaches nobody", async () => {
    const s = await setup();
    try {
      const heard: unknown[] = [];
      s.pa.socket.on('presence', (p) => heard.push(p));
      s.f.socket.on('presence', (p) => heard.push(p));
      const before = await s.fingerprint();
      // Claims no real client makes: someone else online, a forged count, an old awareness frame.
      for (const event of ['presence', 'awareness']) {
        s.attacker.emit(event, { online: 99, ids: ['forged'], screens: { consoles: 9, projectors: 9 } });
        s.attacker.emit(event, new Uint8Array([1, 200, 1, 0, 2, 123, 125]));
      }
      // A real change of who is online: Eve's second screen.
      await s.connect({ role: 'participant', token: s.eve.token });
      await eventually(() => s.f.presence.ids?.length === 2);
      expect(s.f.presence).toEqual({
        online: 2,
        ids: [s.ana.participantId, s.eve.participantId].sort(),
        screens: { consoles: 1, projectors: 0 },
      });
      await eventually(() => s.pa.presence.online === 2);
      expect(s.pa.presence).toEqual({ online: 2 });
      expect(JSON.stringify(heard)).not.toMatch(/forged|99/);
      expect(await s.fingerprint()).toBe(before);
    } finally {
      s.cleanup();
    }
  });
});
