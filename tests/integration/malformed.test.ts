/** Garbage in: named errors out, nothing changed, everyone else still served. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { putCard, readBoard, readCards } from '../../shared/board.ts';
import type { Ack } from '../../shared/protocol.ts';
import { connected, createWorkshop, eventually, join, participant, rawSocket } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

function frame(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

describe('malformed payloads', () => {
  it('are refused with named errors while the room keeps syncing', async () => {
    const w = await createWorkshop(server.url);
    const eve = await join(server.url, w.code, 'Eve');
    const ana = await join(server.url, w.code, 'Ana');
    const bob = await join(server.url, w.code, 'Bob');
    const attacker = rawSocket(server.url, { v: 1, role: 'participant', code: w.code, token: eve.token });
    await connected(attacker);
    const pa = participant(server.url, w.code, ana.token);
    const pb = participant(server.url, w.code, bob.token);
    await Promise.all([pa.whenSynced(), pb.whenSynced()]);
    const room = await server.app.rooms.get(w.code);
    const before = JSON.stringify(readBoard(room.doc));

    const validUpdate = (() => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(room.doc));
      const sv = Y.encodeStateVector(d);
      d.getMap('cards').set(`${eve.participantId}/ok`, { kind: 'practice', text: 'x', dimension: 'brand', stage: 1, createdAt: 1 });
      return Y.encodeStateAsUpdate(d, sv);
    })();

    const cases: Array<[string, unknown, string[]]> = [
      ['a string instead of bytes', 'hello', ['MALFORMED_UPDATE']],
      ['a number', 42, ['MALFORMED_UPDATE']],
      ['an object', { evil: true }, ['MALFORMED_UPDATE']],
      ['null', null, ['MALFORMED_UPDATE']],
      ['garbage bytes', new Uint8Array([0xff, 0xfe, 0xfd, 0x01, 0x02]), ['MALFORMED_UPDATE']],
      ['an unknown frame type', frame(9, new Uint8Array([0, 0])), ['MALFORMED_UPDATE']],
      ['an update of garbage', frame(2, new Uint8Array([1, 200, 200, 200, 200, 200, 1, 7])), ['MALFORMED_UPDATE', 'FORBIDDEN_TYPE', 'UNKNOWN_ITEM']],
      ['a truncated valid update', frame(2, validUpdate.subarray(0, validUpdate.length - 5)), ['MALFORMED_UPDATE', 'INVALID_VALUE']],
      ['an oversize message', frame(2, new Uint8Array(200_000)), ['PAYLOAD_TOO_LARGE']],
      ['a state vector of garbage', frame(0, new Uint8Array([5, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1])), ['MALFORMED_UPDATE']],
    ];
    for (const [label, payload, codes] of cases) {
      const ack = (await attacker.timeout(5_000).emitWithAck('sync', payload)) as Ack;
      expect(ack.ok, label).toBe(false);
      if (!ack.ok) expect(codes, `${label}: ${ack.error.code}`).toContain(ack.error.code);
    }
    const commandCases: unknown[] = [null, 'phase:set', { type: 'nope' }, { type: 'vote:set', target: 'dim:leadership', count: -1 }, { type: 'vote:set', target: '<script>', count: 1 }, { type: 'vote:set', target: 'dim:leadership', count: 1, extra: 1 }];
    for (const c of commandCases) {
      const ack = (await attacker.timeout(5_000).emitWithAck('command', c)) as Ack;
      expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_BODY' } });
    }
    expect(JSON.stringify(readBoard(room.doc))).toBe(before);

    // Everyone else is still served.
    putCard(pa.doc, ana.participantId, 'still', { kind: 'practice', text: 'Still here', dimension: 'brand', stage: 2, createdAt: 1 });
    await eventually(() => readCards(pb.doc).some((c) => c.text === 'Still here'));
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    attacker.close();
    pa.close();
    pb.close();
  });

  it('a handshake with a bad token, a bad code or an old protocol version gets a named error', async () => {
    const w = await createWorkshop(server.url);
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ v: 1, role: 'participant', code: w.code, token: 'x'.repeat(40) }, 'UNAUTHENTICATED'],
      [{ v: 1, role: 'facilitator', code: w.code, key: 'y'.repeat(40) }, 'FORBIDDEN'],
      [{ v: 1, role: 'facilitator', code: 'ZZZZZZ', key: 'y'.repeat(40) }, 'WORKSHOP_NOT_FOUND'],
      [{ v: 99, role: 'facilitator', code: w.code, key: w.facilitatorKey }, 'VERSION_MISMATCH'],
      [{ role: 'admin' }, 'UNAUTHENTICATED'],
    ];
    for (const [auth, code] of attempts) {
      const s = rawSocket(server.url, auth);
      const err = await connected(s).then(
        () => null,
        (e: Error & { data?: { code?: string } }) => e,
      );
      s.close();
      expect(err?.data?.code, JSON.stringify(auth)).toBe(code);
    }
  });
});
