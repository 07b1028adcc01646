/**
 * Every write rule attacked with a crafted message or Yjs update: each holds,
 * the attacker gets a named error, and the board is unchanged for everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { maps, ownedKey, putCard, readBoard, readCards } from '../../shared/board.ts';
import type { Ack } from '../../shared/protocol.ts';
import { connected, createWorkshop, eventually, facilitator, join, participant, rawSocket } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import type { Socket } from 'socket.io-client';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const card = (text: string) => ({ kind: 'practice' as const, text, dimension: 'leadership', stage: 2, createdAt: 1 });

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

async function sendUpdate(socket: Socket, update: Uint8Array): Promise<Ack> {
  return (await socket.timeout(5_000).emitWithAck('sync', updateFrame(update))) as Ack;
}

/** Builds an update the way a client would, from a copy of the server's doc. */
async function craft(base: Y.Doc, edit: (doc: Y.Doc) => void, clientID?: number): Promise<Uint8Array> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  // Set after loading: Yjs picks a new id when a loaded update already uses ours.
  if (clientID !== undefined) doc.clientID = clientID;
  const sv = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, sv);
}

async function setup() {
  const w = await createWorkshop(server.url);
  const ana = await join(server.url, w.code, 'Ana');
  const eve = await join(server.url, w.code, 'Eve');
  const f = facilitator(server.url, w.code, w.facilitatorKey);
  const pa = participant(server.url, w.code, ana.token);
  await Promise.all([f.whenSynced(), pa.whenSynced()]);
  putCard(pa.doc, ana.participantId, 'ana1', card("Ana's card"));
  await eventually(() => readCards(f.doc).length === 1);
  const attacker = rawSocket(server.url, { v: 1, role: 'participant', code: w.code, token: eve.token });
  await connected(attacker);
  const room = await server.app.rooms.get(w.code);
  const snapshot = () => JSON.stringify(readBoard(room.doc));
  return { w, ana, eve, f, pa, attacker, room, snapshot, cleanup: () => (f.close(), pa.close(), attacker.close()) };
}

describe('write rules hold against crafted messages', () => {
  it("a participant cannot edit someone else's card", async () => {
    const s = await setup();
    try {
      const before = s.snapshot();
      const update = await craft(s.room.doc, (d) => maps(d).cards.set(ownedKey(s.ana.participantId, 'ana1'), card('defaced')));
      const ack = await sendUpdate(s.attacker, update);
      expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_OWNER' } });
      expect(s.snapshot()).toBe(before);
    } finally {
      s.cleanup();
    }
  });

  it("a participant cannot delete someone else's card", async () => {
    const s = await setup();
    try {
      const before = s.snapshot();
      const update = await craft(s.room.doc, (d) => maps(d).cards.delete(ownedKey(s.ana.participantId, 'ana1')));
      const ack = await sendUpdate(s.attacker, update);
      expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_OWNER' } });
      expect(s.snapshot()).toBe(before);
    } finally {
      s.cleanup();
    }
  });

  it('a participant cannot write a card under another id', async () => {
    const s = await setup();
    try {
      const before = s.snapshot();
      const update = await craft(s.room.doc, (d) => maps(d).cards.set(ownedKey(s.ana.participantId, 'forged'), card('I am Ana')));
      expect(await sendUpdate(s.attacker, update)).toMatchObject({ ok: false, error: { code: 'NOT_OWNER' } });
      expect(s.snapshot()).toBe(before);
    } finally {
      s.cleanup();
    }
  });

  it("a participant cannot write with another client's Yjs id", async () => {
    const s = await setup();
    try {
      const before = s.snapshot();
      const update = await craft(s.room.doc, (d) => maps(d).cards.set(ownedKey(s.eve.participantId, 'x'), card('as Ana')), s.pa.doc.clientID);
      expect(await sendUpdate(s.attacker, update)).toMatchObject({ ok: false, error: { code: 'IMPERSONATION' } });
      expect(s.snapshot()).toBe(before);
    } finally {
      s.cleanup();
    }
  });

  it('a participant cannot change phase, settings, lock or reveal through the doc', async () => {
    const s = await setup();
    try {
      const before = s.snapshot();
      for (const edit of [
        (d: Y.Doc) => maps(d).meta.set('phase', 'export'),
        (d: Y.Doc) => maps(d).meta.set('settings', { votesPerPerson: 99 }),
        (d: Y.Doc) => maps(d).meta.set('locked', true),
        (d: Y.Doc) => maps(d).votes.set(ownedKey(s.eve.participantId, 'dim:leadership'), 50),
        (d: Y.Doc) => maps(d).participants.delete(s.ana.participantId),
        (d: Y.Doc) => d.getArray('sneaky').insert(0, [1]),
      ]) {
        const ack = await sendUpdate(s.attacker, await craft(s.room.doc, edit));
        expect(ack.ok).toBe(false);
        if (!ack.ok) expect(['FORBIDDEN_TYPE', 'NOT_OWNER']).toContain(ack.error.code);
      }
      expect(s.snapshot()).toBe(before);
    } finally {
      s.cleanup();
    }
  });

  it('facilitator-only commands are refused to a participant', async () => {
    const s = await setup();
    try {
      const before = s.snapshot();
      const commands = [
        { type: 'phase:set', phase: 'assess' },
        { type: 'settings:update', settings: { votesPerPerson: 20 } },
        { type: 'timer:start', durationMs: 60_000 },
        { type: 'reveal:set', phase: 'assess', revealed: true },
        { type: 'lock:set', locked: true },
        { type: 'template:set', dimensions: [{ name: 'Only me' }] },
        { type: 'participant:remove', participantId: s.ana.participantId },
        { type: 'card:move', cardKey: ownedKey(s.ana.participantId, 'ana1'), dimension: 'brand', stage: 5 },
        { type: 'roadmap:generate', apply: true },
      ];
      for (const command of commands) {
        const ack = (await s.attacker.timeout(5_000).emitWithAck('command', command)) as Ack;
        expect(ack, command.type).toMatchObject({ ok: false, error: { code: 'NOT_FACILITATOR' } });
      }
      expect(s.snapshot()).toBe(before);
    } finally {
      s.cleanup();
    }
  });

  it('a participant cannot exceed the vote budget, even by racing', async () => {
    const s = await setup();
    try {
      await s.f.command({ type: 'settings:update', settings: { votesPerPerson: 3 } });
      const targets = ['dim:leadership', 'dim:brand', 'dim:content', 'dim:people', 'dim:insight'];
      const acks = (await Promise.all(targets.map((target) => s.attacker.timeout(5_000).emitWithAck('command', { type: 'vote:set', target, count: 1 })))) as Ack[];
      expect(acks.filter((a) => a.ok)).toHaveLength(3);
      expect(acks.filter((a) => !a.ok && a.error.code === 'VOTE_BUDGET')).toHaveLength(2);
      const mine = readBoard(s.room.doc).votes.filter((v) => v.participantId === s.eve.participantId);
      expect(mine.reduce((n, v) => n + v.count, 0)).toBe(3);
    } finally {
      s.cleanup();
    }
  });

  it('nothing is written while the board is locked', async () => {
    const s = await setup();
    try {
      expect((await s.f.command({ type: 'lock:set', locked: true })).ok).toBe(true);
      const before = s.snapshot();
      const update = await craft(s.room.doc, (d) => maps(d).cards.set(ownedKey(s.eve.participantId, 'late'), card('too late')));
      expect(await sendUpdate(s.attacker, update)).toMatchObject({ ok: false, error: { code: 'BOARD_LOCKED' } });
      const vote = (await s.attacker.timeout(5_000).emitWithAck('command', { type: 'vote:set', target: 'dim:leadership', count: 1 })) as Ack;
      expect(vote).toMatchObject({ ok: false, error: { code: 'BOARD_LOCKED' } });
      expect(s.snapshot()).toBe(before);
      await s.f.command({ type: 'lock:set', locked: false });
      expect(await sendUpdate(s.attacker, update)).toEqual({ ok: true });
    } finally {
      s.cleanup();
    }
  });

  it('a removed participant is disconnected and cannot come back', async () => {
    const s = await setup();
    try {
      const closed = new Promise((resolve) => s.attacker.once('closed', resolve));
      expect((await s.f.command({ type: 'participant:remove', participantId: s.eve.participantId })).ok).toBe(true);
      expect(await closed).toEqual({ reason: 'removed' });
      const again = rawSocket(server.url, { v: 1, role: 'participant', code: s.w.code, token: s.eve.token });
      const err = await connected(again).then(
        () => null,
        (e: Error & { data?: { code?: string } }) => e,
      );
      again.close();
      expect(err?.data?.code).toBe('REMOVED');
    } finally {
      s.cleanup();
    }
  });

  it('the facilitator cannot write into the doc directly either (commands only)', async () => {
    const s = await setup();
    try {
      const raw = rawSocket(server.url, { v: 1, role: 'facilitator', code: s.w.code, key: s.w.facilitatorKey });
      await connected(raw);
      const update = await craft(s.room.doc, (d) => maps(d).cards.delete(ownedKey(s.ana.participantId, 'ana1')));
      expect(await sendUpdate(raw, update)).toMatchObject({ ok: false, error: { code: 'NOT_FACILITATOR' } });
      raw.close();
      expect(readCards(s.room.doc)).toHaveLength(1);
    } finally {
      s.cleanup();
    }
  });

  it('presence: a client sets only its own awareness entry', async () => {
    const s = await setup();
    try {
      const rejected = new Promise<{ code: string }>((resolve) => s.attacker.once('rejected', resolve));
      // Claim Ana's Yjs client id in presence.
      const fake = new Y.Doc();
      fake.clientID = s.pa.doc.clientID;
      const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
      const aw = new Awareness(fake);
      aw.setLocalState({ user: { id: s.eve.participantId, name: 'Eve' } });
      s.attacker.emit('awareness', encodeAwarenessUpdate(aw, [fake.clientID]));
      aw.destroy();
      expect((await rejected).code).toBe('IMPERSONATION');
    } finally {
      s.cleanup();
    }
  });
});
