/**
 * The authorisation matrix: every facilitator action attempted by everyone who
 * is not this workshop's facilitator. Each is refused with the right named
 * error and the workshop is byte-for-byte unchanged; then its own facilitator
 * does the same actions, proving they were real actions to refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { putCard, readCards } from '../../shared/board.ts';
import type { Ack, Command } from '../../shared/protocol.ts';
import { api, connected, createWorkshop, eventually, join, participant, rawSocket } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ FAILED_JOINS_PER_WINDOW: '1000' });
});
afterAll(async () => {
  await server.close();
});

const emit = async (s: Socket, c: unknown) => (await s.timeout(5_000).emitWithAck('command', c as never)) as Ack;

async function handshakeError(auth: Record<string, unknown>): Promise<string | undefined> {
  const s = rawSocket(server.url, auth);
  try {
    await connected(s);
    return undefined;
  } catch (err) {
    return (err as { data?: { code?: string } }).data?.code;
  } finally {
    s.close();
  }
}

describe('authorisation matrix', () => {
  it('every facilitator action is refused to a participant, the viewer, a stranger and another workshop\'s facilitator', async () => {
    const a = await createWorkshop(server.url, { title: 'Workshop A', organisation: 'Acme' });
    const b = await createWorkshop(server.url, { title: 'Workshop B' });
    const ana = await join(server.url, a.code, 'Ana');
    const bo = await join(server.url, b.code, 'Bo');
    const phone = participant(server.url, a.code, ana.token);
    await phone.whenSynced();
    putCard(phone.doc, ana.participantId, 'c1', { kind: 'practice', text: 'A card', dimension: 'brand', stage: 2, createdAt: 1 });
    await eventually(() => phone.pending === 0);
    const cardKey = readCards(phone.doc)[0]!.key;
    phone.close();

    const room = await server.app.rooms.get(a.code);
    const state = () => Buffer.from(Y.encodeStateAsUpdate(room.doc)).toString('base64');
    const stored = async () => JSON.stringify([await server.app.storage.getWorkshop(a.code), await server.app.storage.loadDocuments(a.code).then((d) => d.get('board')?.lastSeq)]);
    const before = { state: state(), stored: await stored() };

    const commands: Command[] = [
      { type: 'phase:set', phase: 'map' },
      { type: 'settings:update', settings: { votesPerPerson: 9, anonymous: true } },
      { type: 'timer:start', durationMs: 60_000 },
      { type: 'timer:pause' },
      { type: 'timer:resume' },
      { type: 'timer:add', ms: 30_000 },
      { type: 'timer:reset' },
      { type: 'reveal:set', phase: 'map', revealed: true },
      { type: 'lock:set', locked: true },
      { type: 'participant:remove', participantId: ana.participantId },
      { type: 'card:move', cardKey, dimension: 'people', stage: 4 },
      { type: 'roadmap:generate', apply: true },
      // Last: the control run below would otherwise move the card into a dimension this removes.
      { type: 'template:set', dimensions: [{ name: 'Only one' }] },
    ];

    // Connected actors of workshop A who are not its facilitator.
    const asParticipant = rawSocket(server.url, { v: 1, role: 'participant', code: a.code, token: ana.token });
    const asViewer = rawSocket(server.url, { v: 1, role: 'viewer', code: a.code, key: a.facilitatorKey });
    // B's facilitator, in B's own room: commands there can never reach A.
    const otherFacilitator = rawSocket(server.url, { v: 1, role: 'facilitator', code: b.code, key: b.facilitatorKey });
    await Promise.all([asParticipant, asViewer, otherFacilitator].map(connected));

    const results: string[] = [];
    for (const c of commands) {
      const p = await emit(asParticipant, c);
      expect(p, `participant ${c.type}`).toMatchObject({ ok: false, error: { code: 'NOT_FACILITATOR' } });
      const v = await emit(asViewer, c);
      expect(v, `viewer ${c.type}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      results.push(`${c.type}: participant NOT_FACILITATOR, viewer FORBIDDEN`);
    }
    // Commands name no workshop: B's facilitator reaching for A's participant or card finds nothing.
    expect(await emit(otherFacilitator, { type: 'participant:remove', participantId: ana.participantId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await emit(otherFacilitator, { type: 'card:move', cardKey, dimension: 'people', stage: 4 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Handshakes into A: no credentials, the wrong credentials, another workshop's key.
    const noToken = [
      [{ v: 1, role: 'participant', code: a.code }, 'UNAUTHENTICATED'],
      [{ v: 1, role: 'facilitator', code: a.code }, 'UNAUTHENTICATED'],
      [{ v: 1, role: 'viewer', code: a.code }, 'UNAUTHENTICATED'],
      [{}, 'UNAUTHENTICATED'],
      [{ v: 1, role: 'facilitator', code: a.code, key: ana.token }, 'FORBIDDEN'],
      [{ v: 1, role: 'participant', code: a.code, token: bo.token }, 'UNAUTHENTICATED'],
      [{ v: 1, role: 'facilitator', code: a.code, key: b.facilitatorKey }, 'FORBIDDEN'],
      [{ v: 1, role: 'viewer', code: a.code, key: b.facilitatorKey }, 'FORBIDDEN'],
    ] as const;
    for (const [auth, code] of noToken) expect(await handshakeError(auth), JSON.stringify(auth)).toBe(code);

    // HTTP: export and delete.
    const http: Array<[string, Record<string, string>, number, string]> = [
      ['stranger (no token)', {}, 401, 'UNAUTHENTICATED'],
      ['participant token', { authorization: `Bearer ${ana.token}` }, 403, 'FORBIDDEN'],
      ["another workshop's facilitator", { authorization: `Bearer ${b.facilitatorKey}` }, 403, 'FORBIDDEN'],
      ['malformed header', { authorization: a.facilitatorKey }, 401, 'UNAUTHENTICATED'],
    ];
    for (const [who, headers, status, code] of http) {
      for (const [method, path] of [['GET', `/api/workshops/${a.code}/export.md`], ['DELETE', `/api/workshops/${a.code}`]] as const) {
        const res = await api<{ error: { code: string } }>(server.url, method, path, undefined, headers);
        expect([res.status, res.json?.error?.code], `${who}: ${method} ${path}`).toEqual([status, code]);
        expect(res.text).not.toContain('A card');
      }
    }

    expect(state(), 'the doc changed').toBe(before.state);
    expect(await stored(), 'storage changed').toBe(before.stored);
    expect(readCards(room.doc)[0]).toMatchObject({ dimension: 'brand', stage: 2 });
    for (const s of [asParticipant, asViewer, otherFacilitator]) s.close();

    // The control: A's own facilitator can do every one of them.
    const own = rawSocket(server.url, { v: 1, role: 'facilitator', code: a.code, key: a.facilitatorKey });
    await connected(own);
    for (const c of commands) expect(await emit(own, c), c.type).toMatchObject({ ok: true });
    expect(state()).not.toBe(before.state);
    const exported = await api(server.url, 'GET', `/api/workshops/${a.code}/export.md`, undefined, { authorization: `Bearer ${a.facilitatorKey}` });
    expect(exported.status).toBe(200);
    own.close();
    const deleted = await api(server.url, 'DELETE', `/api/workshops/${a.code}`, undefined, { authorization: `Bearer ${a.facilitatorKey}` });
    expect(deleted.status).toBe(204);
    expect(await server.app.storage.getWorkshop(a.code)).toBeNull();
    expect(await server.app.storage.getWorkshop(b.code)).not.toBeNull();
  });
});
