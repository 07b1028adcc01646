/** Garbage in: named errors out, nothing changed, everyone else still served. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { putCard } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { PROTOCOL_VERSION } from '../../shared/schema/protocol.ts';
import { connected, createWorkshop, eventually, join, participant, rawSocket, viewerKeyOf } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { craft, roomFingerprint, sendCommand, sendSync, syncFrame } from '../helpers/crafted.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const STEP1 = 0;
const UPDATE = 2;

describe('malformed payloads', () => {
  it('are refused with named errors while the room keeps syncing', async () => {
    const w = await createWorkshop(server.url, { title: 'Garbage in', settings: { privateUntilReveal: false } });
    const eve = await join(server.url, w.code, 'Eve');
    const ana = await join(server.url, w.code, 'Ana');
    const bob = await join(server.url, w.code, 'Bob');
    const attacker = rawSocket(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: eve.token });
    await connected(attacker);
    const pa = participant(server.url, w.code, ana.token);
    const pb = participant(server.url, w.code, bob.token);
    await Promise.all([pa.whenSynced(), pb.whenSynced()]);
    const room = await server.app.rooms.get(w.code);
    const before = await roomFingerprint(room);

    const validUpdate = craft(room.state.privateDoc(eve.participantId), (d) =>
      putCard(d, 'ok', { kind: 'practice', text: 'x', dimension: 'brand', stage: 1, createdAt: 1 }),
    );
    const cases: Array<[string, unknown, string[]]> = [
      ['a string instead of bytes', 'hello', ['MALFORMED_UPDATE']],
      ['a number', 42, ['MALFORMED_UPDATE']],
      ['an object', { evil: true }, ['MALFORMED_UPDATE']],
      ['null', null, ['MALFORMED_UPDATE']],
      ['no bytes at all', new Uint8Array(0), ['MALFORMED_UPDATE']],
      ['garbage bytes', new Uint8Array([0xff, 0xfe, 0xfd, 0x01, 0x02]), ['MALFORMED_UPDATE']],
      ['a document byte no document has', syncFrame(3, UPDATE, validUpdate), ['MALFORMED_UPDATE']],
      ['a document byte of 255', syncFrame(255, STEP1, new Uint8Array([0])), ['MALFORMED_UPDATE']],
      ['an unknown message type', syncFrame('mine', 9, new Uint8Array([0, 0])), ['MALFORMED_UPDATE']],
      ['trailing bytes after the message', new Uint8Array([...syncFrame('mine', UPDATE, validUpdate), 7]), ['MALFORMED_UPDATE']],
      [
        'a payload longer than the frame',
        (() => {
          const e = encoding.createEncoder();
          encoding.writeUint8(e, 1);
          encoding.writeVarUint(e, UPDATE);
          encoding.writeVarUint(e, 1_000);
          return encoding.toUint8Array(e);
        })(),
        ['MALFORMED_UPDATE'],
      ],
      [
        'an update of garbage',
        syncFrame('mine', UPDATE, new Uint8Array([1, 200, 200, 200, 200, 200, 1, 7])),
        ['MALFORMED_UPDATE', 'FORBIDDEN_TYPE', 'UNKNOWN_ITEM'],
      ],
      [
        'a truncated valid update',
        syncFrame('mine', UPDATE, validUpdate.subarray(0, validUpdate.length - 5)),
        ['MALFORMED_UPDATE', 'INVALID_VALUE'],
      ],
      ['an oversize message', syncFrame('mine', UPDATE, new Uint8Array(200_000)), ['PAYLOAD_TOO_LARGE']],
      [
        'a state vector of garbage',
        syncFrame('mine', STEP1, new Uint8Array([5, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1])),
        ['MALFORMED_UPDATE'],
      ],
      [
        'a state vector of garbage for the room',
        syncFrame('room', STEP1, new Uint8Array([5, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1])),
        ['MALFORMED_UPDATE'],
      ],
    ];
    for (const [label, payload, codes] of cases) {
      const ack = await sendSync(attacker, payload);
      expect(ack.ok, label).toBe(false);
      if (!ack.ok) expect(codes, `${label}: ${ack.error.code}`).toContain(ack.error.code);
    }
    const commandCases: unknown[] = [
      null,
      'phase:set',
      { type: 'nope' },
      { type: 'vote:set', target: 'dim:leadership', count: -1 },
      { type: 'vote:set', target: '<script>', count: 1 },
      { type: 'vote:set', target: 'dim:leadership', count: 1, extra: 1 },
      { type: 'card:move', cardKey: 'ana/c1', dimension: 'brand', stage: 2 },
      { type: 'viewer:rotate', key: 'mine' },
    ];
    for (const c of commandCases)
      expect(await sendCommand(attacker, c), JSON.stringify(c)).toMatchObject({ ok: false, error: { code: 'INVALID_BODY' } });
    expect(await roomFingerprint(room)).toBe(before);

    // Everyone else is still served.
    expect(
      await pa.write((d) => putCard(d, 'still', { kind: 'practice', text: 'Still here', dimension: 'brand', stage: 2, createdAt: 1 })),
    ).toEqual({ ok: true, queued: false });
    await eventually(() => readRoomBoard(pb.room).cards.some((c) => c.text === 'Still here'));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    attacker.close();
    pa.close();
    pb.close();
  });

  it('a malformed or out-of-date handshake gets a named error, in words', async () => {
    // Wrong credentials of every kind are the authorisation matrix's (authorisation.test.ts).
    const w = await createWorkshop(server.url);
    const v = PROTOCOL_VERSION;
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ v, role: 'facilitator', code: 'ZZZZZZ', key: w.facilitatorKey }, 'WORKSHOP_NOT_FOUND'],
      [{ v, role: 'viewer', code: 'ZZZZZZ', key: viewerKeyOf(w) }, 'WORKSHOP_NOT_FOUND'],
      [{ v, role: 'facilitator', code: 'not a code', key: w.facilitatorKey }, 'UNAUTHENTICATED'],
      [{ v, role: 'participant', code: w.code, token: 'short' }, 'UNAUTHENTICATED'],
      [{ v, role: 'facilitator', code: w.code, key: 'k'.repeat(5_000) }, 'UNAUTHENTICATED'],
      [{ v, role: 'admin', code: w.code, key: w.facilitatorKey }, 'UNAUTHENTICATED'],
      [{ role: 'admin' }, 'UNAUTHENTICATED'],
      // A page from the first protocol, one from the future, a version of the wrong type: told to reload.
      [{ v: 1, role: 'facilitator', code: w.code, key: w.facilitatorKey }, 'VERSION_MISMATCH'],
      [{ v: 99, role: 'facilitator', code: w.code, key: w.facilitatorKey }, 'VERSION_MISMATCH'],
      [{ v: String(v), role: 'facilitator', code: w.code, key: w.facilitatorKey }, 'VERSION_MISMATCH'],
    ];
    for (const [auth, code] of attempts) {
      const s = rawSocket(server.url, auth);
      const err = await connected(s).then(
        () => null,
        (e: Error & { data?: { code?: string; message?: string } }) => e,
      );
      s.close();
      expect(err?.data?.code, JSON.stringify(auth).slice(0, 120)).toBe(code);
      // Words a person can read, not a code or a stack.
      expect(err?.data?.message, JSON.stringify(auth).slice(0, 120)).toMatch(/^[A-Z][^\n]{10,}$/);
    }
  });
});
