/**
 * Seeded fuzzing of every Socket.IO event (sync frames of each type, awareness,
 * command, the handshake, raw Socket.IO packets) and every HTTP route.
 *
 * Every case must end in a named error or an accepted valid input; the server
 * never crashes and leaves no unhandled rejection; a refused input changes no
 * stored state (no doc update, no awareness change, no workshop created); and
 * after an accepted one the board still holds only schema-valid values.
 *
 *   FUZZ_SEED=123 npx vitest run tests/fuzz     reproduces a run (the seed is printed)
 *   FUZZ_CASES=200000 ...                       runs longer (npm run fuzz)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type { Socket } from 'socket.io-client';
import { deleteCard, maps, putCard, putMarker } from '../../shared/board.ts';
import { isErrorCode } from '../../shared/errors.ts';
import { CardValueSchema, MarkerValueSchema, type Ack } from '../../shared/protocol.ts';
import type { Room } from '../../server/rooms/room.ts';
import { api, connected, createWorkshop, join, rawSocket } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Rng, deepNest, mutateBytes, mutateObject, randomString, randomValue } from './gen.ts';
import { craftedAttacks, updateFrame } from './crafted.ts';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
const CASES = process.env.FUZZ_CASES ? Number(process.env.FUZZ_CASES) : 10_000;
const LANES = 3;

let server: TestServer;
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  // Limits that would turn most cases into RATE_LIMITED are lifted: they have their own tests.
  server = await startServer({ MESSAGES_PER_SECOND: '100000', FAILED_JOINS_PER_WINDOW: '100000', CREATES_PER_MINUTE: '100000', MAX_PARTICIPANTS: '10000' });
});
afterAll(async () => {
  await server?.close();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

type Outcome = 'accepted' | 'refused';
interface Tally {
  cases: number;
  byKind: Record<string, number>;
  codes: Record<string, number>;
}

/** One workshop with a facilitator, a viewer and two participants on persistent sockets. */
interface Lane {
  code: string;
  key: string;
  room: Room;
  people: Array<{ participantId: string; token: string }>;
  sockets: { facilitator: Socket; viewer: Socket; p0: Socket; p1: Socket };
  docUpdates: number;
  awarenessChanges: number;
  rejected: string[];
  pool: Uint8Array[];
  awarenessIds: Map<Socket, number>;
  awarenessClock: number;
}

async function openLane(): Promise<Lane> {
  const w = await createWorkshop(server.url);
  const people = await Promise.all([join(server.url, w.code, 'Ana'), join(server.url, w.code, 'Ben')]);
  const sockets = {
    facilitator: rawSocket(server.url, { v: 1, role: 'facilitator', code: w.code, key: w.facilitatorKey }),
    viewer: rawSocket(server.url, { v: 1, role: 'viewer', code: w.code, key: w.facilitatorKey }),
    p0: rawSocket(server.url, { v: 1, role: 'participant', code: w.code, token: people[0]!.token }),
    p1: rawSocket(server.url, { v: 1, role: 'participant', code: w.code, token: people[1]!.token }),
  };
  await Promise.all(Object.values(sockets).map(connected));
  const room = await server.app.rooms.get(w.code);
  const lane: Lane = {
    code: w.code,
    key: w.facilitatorKey,
    room,
    people,
    sockets,
    docUpdates: 0,
    awarenessChanges: 0,
    rejected: [],
    pool: [],
    awarenessIds: new Map(Object.values(sockets).map((s, i) => [s, 1_000 + i])),
    awarenessClock: 1,
  };
  room.doc.on('update', () => lane.docUpdates++);
  room.awareness.on('update', () => lane.awarenessChanges++);
  for (const s of Object.values(sockets)) s.on('rejected', (p: { code: string }) => lane.rejected.push(p.code));
  return lane;
}

/** Real updates a phone would send now, for participant `who`: new cards, edits, markers, deletions. */
function refreshPool(rng: Rng, lane: Lane): void {
  const pool: Uint8Array[] = [];
  for (let i = 0; i < 12; i++) {
    const who = lane.people[rng.int(0, 1)]!.participantId;
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(lane.room.doc));
    const sv = Y.encodeStateVector(phone);
    const own = [...maps(phone).cards.keys()].filter((k) => k.startsWith(`${who}/`));
    const card = { kind: 'practice' as const, text: randomString(rng, 40) || 'x', dimension: 'brand', stage: rng.int(1, 5), createdAt: rng.int(0, 1e6) };
    const r = rng.int(0, 3);
    if (r === 0 || own.length === 0) putCard(phone, who, `f${rng.int(0, 150)}`, card);
    else if (r === 1) putCard(phone, who, rng.pick(own).split('/')[1]!, card);
    else if (r === 2) deleteCard(phone, rng.pick(own));
    else putMarker(phone, who, rng.pick(['brand', 'people', 'leadership']), { current: rng.int(1, 5), target: rng.chance(0.5) ? null : rng.int(1, 5) });
    pool.push(Y.encodeStateAsUpdate(phone, sv));
    phone.destroy();
  }
  lane.pool = pool;
}

/** Deeply nested JSON text, built as text (JSON.stringify itself would overflow). */
const deepJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

function frame(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

function syncPayload(rng: Rng, lane: Lane): unknown {
  const real = () => rng.pick(lane.pool);
  switch (rng.int(0, 9)) {
    case 0: return frame(rng.pick([1, 2]), real());
    case 1:
    case 2:
    case 3: return frame(rng.pick([1, 2]), mutateBytes(rng, real(), rng.pick(lane.pool)));
    case 4: return mutateBytes(rng, frame(rng.pick([0, 1, 2]), real()));
    case 5: return frame(0, rng.chance(0.5) ? mutateBytes(rng, Y.encodeStateVector(lane.room.doc)) : rng.bytes(rng.size(70_000)));
    case 6: return frame(rng.pick([3, 4, 99, 2 ** 31]), rng.bytes(rng.size(64)));
    case 7: return rng.bytes(rng.size(70_000));
    case 8: {
      const attacks = craftedAttacks(lane.people[0]!.participantId, rng.int(1, 2 ** 31), lane.room.doc.clientID);
      return updateFrame(rng.pick(attacks).update, rng.pick([1, 2]));
    }
    default: return rng.chance(0.5) ? randomValue(rng) : deepNest(rng, rng.int(1, 1_000));
  }
}

function awarenessPayload(rng: Rng, lane: Lane, socket: Socket, lanes: Lane[]): unknown {
  const ownId = lane.awarenessIds.get(socket)!;
  const who = socket === lane.sockets.p0 ? lane.people[0]!.participantId : socket === lane.sockets.p1 ? lane.people[1]!.participantId : socket === lane.sockets.facilitator ? '@facilitator' : '@viewer';
  const entry = (id: number, clock: number, json: string) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
    return encoding.toUint8Array(e);
  };
  const valid = () => entry(ownId, lane.awarenessClock++, JSON.stringify({ user: { id: who, name: 'x' }, cursor: rng.int(0, 9) }));
  switch (rng.int(0, 9)) {
    case 0: return valid();
    case 1: return mutateBytes(rng, valid());
    case 2: return entry(rng.pick([...lane.awarenessIds.values(), lane.room.doc.clientID, rng.int(0, 2 ** 31)]), lane.awarenessClock++, JSON.stringify({ user: { id: who } }));
    case 3: return entry(ownId, lane.awarenessClock++, JSON.stringify({ user: { id: rng.pick([lane.people[0]!.participantId, '@facilitator', 'someone']) } }));
    case 4: return entry(ownId, lane.awarenessClock++, rng.chance(0.5) ? 'x'.repeat(rng.size(70_000)) : JSON.stringify({ user: { id: who }, pad: 'x'.repeat(rng.size(5_000)) }));
    case 5: return entry(ownId, lane.awarenessClock++, rng.chance(0.5) ? JSON.stringify(deepNest(rng, rng.int(1, 3_000))) : randomString(rng, 50));
    case 6: {
      // Several entries in one message, up to past the per-message cap.
      const n = rng.pick([0, 2, 64, 65, 1_000]);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, n);
      for (let i = 0; i < Math.min(n, 200); i++) (encoding.writeVarUint(e, ownId + i), encoding.writeVarUint(e, 1), encoding.writeVarString(e, 'null'));
      return encoding.toUint8Array(e);
    }
    case 7: {
      // A real update produced by y-protocols for another lane's client id.
      const other = rng.pick(lanes);
      const aw = new awarenessProtocol.Awareness(new Y.Doc());
      aw.setLocalState({ user: { id: who } });
      const out = awarenessProtocol.encodeAwarenessUpdate(aw, [rng.chance(0.5) ? aw.clientID : other.room.doc.clientID].filter((id) => id === aw.clientID));
      aw.destroy();
      return out;
    }
    case 8: return entry(ownId, lane.awarenessClock++, 'null');
    default: return rng.chance(0.5) ? rng.bytes(rng.size(70_000)) : randomValue(rng);
  }
}

function commandPayload(rng: Rng, lane: Lane): unknown {
  const p = lane.people[rng.int(0, 1)]!.participantId;
  const cardKey = [...maps(lane.room.doc).cards.keys()][0] ?? `${p}/none`;
  const templates: Array<Record<string, unknown>> = [
    { type: 'phase:set', phase: rng.pick(['lobby', 'map', 'assess', 'prioritise', 'roadmap', 'done']) },
    { type: 'settings:update', settings: { votesPerPerson: rng.int(0, 50), anonymous: rng.chance(0.5), horizons: [{ id: 'now', label: 'Now', fromMonth: 0, toMonth: 3 }] } },
    { type: 'timer:start', durationMs: rng.pick([1_000, 60_000, 4 * 3_600_000]) },
    { type: 'timer:pause' },
    { type: 'timer:resume' },
    { type: 'timer:add', ms: rng.int(-3_600_000, 3_600_000) },
    { type: 'timer:reset' },
    { type: 'reveal:set', phase: rng.pick(['map', 'assess', 'prioritise']), revealed: rng.chance(0.5) },
    // Mostly unlocked, so participants' writes keep reaching the validator.
    { type: 'lock:set', locked: rng.chance(0.2) },
    { type: 'template:set', dimensions: [{ name: 'Brand', key: 'brand' }, { name: 'People', key: 'people' }, { name: 'Leadership', key: 'leadership' }] },
    // Never one of the lane's own people: removing them would end the lane.
    { type: 'participant:remove', participantId: rng.chance(0.5) ? 'nobody-here' : randomString(rng, 50) },
    { type: 'card:move', cardKey, dimension: rng.pick(['brand', 'people', 'nope']), stage: rng.int(0, 6) },
    { type: 'roadmap:generate', apply: rng.chance(0.5) },
    { type: 'vote:set', target: rng.chance(0.5) ? 'dim:brand' : `card:${cardKey}`, count: rng.int(0, 6) },
    { type: 'roadmap:edit', initiativeId: randomString(rng, 20), patch: { title: randomString(rng, 30) || 'x' } },
    { type: 'roadmap:move', initiativeId: randomString(rng, 20), horizon: 'now', index: rng.int(0, 3) },
  ];
  const t = rng.pick(templates);
  const r = rng.next();
  if (r < 0.3) return t;
  if (r < 0.85) return mutateObject(rng, t);
  return rng.chance(0.5) ? randomValue(rng) : deepNest(rng, rng.int(1, 2_000));
}

async function emitAck(socket: Socket, event: 'sync' | 'command', payload: unknown): Promise<Ack> {
  return (await socket.timeout(15_000).emitWithAck(event, payload as never)) as Ack;
}

/** Invariants after an accepted change: nothing pending, every value the schema's, every object plain. */
function checkBoard(lane: Lane, label: string): void {
  const store = lane.room.doc.store;
  expect(store.pendingStructs, `${label}: pending structs`).toBeNull();
  expect(store.pendingDs, `${label}: pending deletions`).toBeNull();
  maps(lane.room.doc).cards.forEach((v, k) => {
    expect(Object.getPrototypeOf(v), `${label}: card ${k}`).toBe(Object.prototype);
    expect(CardValueSchema.safeParse(v).success, `${label}: card ${k} ${JSON.stringify(v)}`).toBe(true);
  });
  maps(lane.room.doc).markers.forEach((v, k) => {
    expect(MarkerValueSchema.safeParse(v).success, `${label}: marker ${k}`).toBe(true);
  });
}

function expectNamed(code: unknown, label: string): void {
  expect(isErrorCode(code), `${label}: ${String(code)}`).toBe(true);
  expect(code, label).not.toBe('INTERNAL');
}

async function runSocketCase(rng: Rng, lane: Lane, lanes: Lane[], kind: string, tally: Tally, label: string): Promise<Outcome> {
  const s = lane.sockets;
  const socket = kind === 'command' ? rng.pick([s.facilitator, s.p0, s.p1, s.viewer]) : rng.pick([s.p0, s.p0, s.p1, s.facilitator, s.viewer]);
  const docBefore = lane.docUpdates;
  const awBefore = lane.awarenessChanges;
  lane.rejected.length = 0;
  let ack: Ack;
  if (kind === 'awareness') {
    socket.emit('awareness', awarenessPayload(rng, lane, socket, lanes) as never);
    // Events on one socket are handled in order: once this no-op is acknowledged, the awareness one was handled.
    ack = await emitAck(socket, 'sync', frame(2, new Uint8Array([0, 0])));
    expect(ack.ok, `${label}: no-op after awareness`).toBe(true);
    const refused = lane.rejected.length > 0;
    for (const c of lane.rejected) expectNamed(c, label);
    if (refused) expect(lane.awarenessChanges, `${label}: refused awareness changed presence`).toBe(awBefore);
    expect(lane.docUpdates, `${label}: awareness changed the doc`).toBe(docBefore);
    if (refused) tally.codes[lane.rejected[0]!] = (tally.codes[lane.rejected[0]!] ?? 0) + 1;
    return refused ? 'refused' : 'accepted';
  }
  const payload = kind === 'sync' ? syncPayload(rng, lane) : commandPayload(rng, lane);
  ack = await emitAck(socket, kind as 'sync' | 'command', payload);
  if (ack.ok) {
    checkBoard(lane, label);
    return 'accepted';
  }
  expectNamed(ack.error.code, label);
  tally.codes[ack.error.code] = (tally.codes[ack.error.code] ?? 0) + 1;
  // Let anything a refusal might have scheduled run before looking.
  await new Promise((r) => setImmediate(r));
  expect(lane.docUpdates, `${label}: refused ${kind} changed the doc (${ack.error.code})`).toBe(docBefore);
  expect(lane.awarenessChanges, `${label}: refused ${kind} changed presence`).toBe(awBefore);
  return 'refused';
}

async function runHandshakeCase(rng: Rng, lane: Lane, tally: Tally, label: string): Promise<void> {
  const valid: Record<string, unknown> = rng.pick([
    { v: 1, role: 'participant', code: lane.code, token: lane.people[0]!.token },
    { v: 1, role: 'facilitator', code: lane.code, key: lane.key },
    { v: 1, role: 'viewer', code: lane.code, key: lane.key },
  ]);
  const auth = rng.chance(0.15) ? valid : rng.chance(0.8) ? mutateObject(rng, valid) : randomValue(rng);
  const before = lane.docUpdates;
  const socket = rawSocket(server.url, (auth && typeof auth === 'object' && !Array.isArray(auth) ? auth : { auth }) as Record<string, unknown>);
  const result = await connected(socket).then(
    () => 'connected',
    (err: Error & { data?: { code?: unknown } }) => err.data?.code ?? `transport: ${err.message}`,
  );
  socket.close();
  if (result !== 'connected') {
    expectNamed(result, `${label} ${JSON.stringify(auth)?.slice(0, 200)}`);
    tally.codes[String(result)] = (tally.codes[String(result)] ?? 0) + 1;
    expect(lane.docUpdates, label).toBe(before);
  }
}

/** Raw Socket.IO packets a library client never sends: broken JSON, bad attachment counts, unknown types. */
async function runRawPacketCase(rng: Rng, lane: Lane, label: string): Promise<void> {
  const port = new URL(server.url).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
  const opened = await new Promise<boolean>((resolve) => {
    ws.once('message', () => resolve(true));
    ws.once('error', () => resolve(false));
  });
  if (opened) {
    const auth = JSON.stringify({ v: 1, role: 'participant', code: lane.code, token: lane.people[1]!.token });
    const packets = [
      `40${rng.chance(0.7) ? auth : randomString(rng, 100)}`,
      rng.pick([
        `42["sync"`,
        `42${JSON.stringify(['sync', randomValue(rng)])}`,
        `451-["sync",{"_placeholder":true,"num":${rng.int(0, 5)}}]`,
        `45${rng.int(0, 2 ** 31)}-["sync",{"_placeholder":true,"num":0}]`,
        `42${rng.int(0, 9)}${JSON.stringify(['command', randomValue(rng)])}`,
        `4${rng.int(0, 9)}${randomString(rng, 200)}`,
        `${rng.int(0, 9)}${randomString(rng, 200)}`,
        `42${JSON.stringify([randomString(rng, 20), randomValue(rng)])}`,
        `42${deepJson(rng.int(100, 20_000))}`,
      ]),
    ];
    for (const p of packets) ws.send(p);
    if (rng.chance(0.5)) ws.send(rng.bytes(rng.int(0, 200)));
    await new Promise((r) => setTimeout(r, 5));
  }
  ws.terminate();
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status, label).toBe(200);
}

async function runHttpCase(rng: Rng, lane: Lane, tally: Tally, label: string): Promise<void> {
  const code = rng.pick([lane.code, lane.code.toLowerCase(), 'ZZZZZZ', randomString(rng, 12), encodeURIComponent(randomString(rng, 20).replace(/[\uD800-\uDFFF]/g, "?")), '..%2F..%2Fetc', 'x'.repeat(rng.size(5_000))]);
  const validBodies: Record<string, unknown>[] = [{ title: 'Fuzz', organisation: 'Acme', settings: { votesPerPerson: 3 } }, { name: 'Fuzzy' }, { title: 'T', dimensions: [{ name: 'A' }] }];
  const bodyValue = rng.chance(0.1) ? rng.pick(validBodies) : rng.chance(0.7) ? mutateObject(rng, rng.pick(validBodies)) : randomValue(rng, 4);
  const body = rng.chance(0.1) ? randomString(rng, 70_000) : rng.chance(0.05) ? deepJson(rng.int(10, 20_000)) : JSON.stringify(bodyValue ?? null);
  const authorization = rng.pick([undefined, `Bearer ${lane.key}`, `Bearer ${lane.people[0]!.token}`, `Bearer ${randomString(rng, 60)}`, 'Bearer', randomString(rng, 100), `Basic ${lane.key}`]);
  const contentType = rng.pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']);
  const routes: Array<[string, string]> = [
    ['POST', '/api/workshops'],
    ['GET', `/api/workshops/${code}`],
    ['POST', `/api/workshops/${code}/participants`],
    ['GET', `/api/workshops/${code}/qr.svg`],
    ['GET', `/api/workshops/${code}/export.md`],
    ['DELETE', `/api/workshops/${code}`],
    [rng.pick(['PUT', 'PATCH', 'OPTIONS', 'GET', 'POST']), rng.pick(['/api/workshops', `/api/workshops/${code}/x`, '/api/', '/socket.io/?EIO=9', '/healthz', `/${randomString(rng, 30)}`])],
  ];
  let [method, path] = rng.pick(routes);
  // Deleting a lane's own workshop with its real key is a legitimate delete; aim that at a throwaway one.
  if (method === 'DELETE' && authorization === `Bearer ${lane.key}` && code.toUpperCase() === lane.code) {
    const spare = await createWorkshop(server.url);
    path = `/api/workshops/${spare.code}`;
  }
  const workshopsBefore = (await server.app.storage.listInactive(Number.MAX_SAFE_INTEGER)).length;
  const docBefore = lane.docUpdates;
  const headers: Record<string, string> = {};
  // fetch refuses header values outside Latin-1 before anything is sent.
  if (authorization) headers.authorization = authorization.replace(/[^\x20-\x7e]/g, '?');
  if (contentType && method !== 'GET' && method !== 'DELETE') headers['content-type'] = contentType;
  let res: Response;
  try {
    res = await fetch(server.url + (path.length > 8_000 ? path.slice(0, 8_000) : path), { method, headers, body: method === 'GET' || method === 'DELETE' ? undefined : body });
  } catch (err) {
    throw new Error(`${label}: ${method} ${path.slice(0, 80)}: ${String(err)}`);
  }
  const text = await res.text();
  const where = `${label}: ${method} ${path.slice(0, 80)} -> ${res.status} ${text.slice(0, 120)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status >= 400 && !(path.startsWith('/socket.io') || (method === 'OPTIONS' && res.status === 404))) {
    let json: { error?: { code?: unknown } } | undefined;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // Socket.IO's own endpoint answers in its own format; everything else in ours.
    expectNamed(json?.error?.code, where);
    tally.codes[String(json?.error?.code)] = (tally.codes[String(json?.error?.code)] ?? 0) + 1;
    expect(lane.docUpdates, `${where}: refused request changed the board`).toBe(docBefore);
    expect((await server.app.storage.listInactive(Number.MAX_SAFE_INTEGER)).length, `${where}: refused request changed the workshops`).toBe(workshopsBefore);
  }
}

describe('protocol fuzzing', () => {
  it(`every event and route answers with a named error or accepts valid input (${CASES} cases)`, async () => {
    console.log(`fuzz: seed=${SEED} cases=${CASES} (reproduce with FUZZ_SEED=${SEED} FUZZ_CASES=${CASES})`);
    const started = performance.now();
    const lanes = await Promise.all(Array.from({ length: LANES }, openLane));
    const tally: Tally = { cases: 0, byKind: {}, codes: {} };
    const kinds: Array<[string, number]> = [
      ['sync', 0.42],
      ['command', 0.25],
      ['awareness', 0.15],
      ['http', 0.13],
      ['handshake', 0.03],
      ['raw', 0.02],
    ];
    const perLane = Math.ceil(CASES / LANES);
    let httpTurn: Promise<void> = Promise.resolve();
    await Promise.all(
      lanes.map(async (lane, n) => {
        const rng = new Rng(SEED + n * 0x9e3779b9);
        refreshPool(rng, lane);
        for (let i = 0; i < perLane && tally.cases < CASES; i++) {
          if (i % 100 === 0) refreshPool(rng, lane);
          let r = rng.next();
          const kind = kinds.find(([, w]) => (r -= w) < 0)?.[0] ?? 'sync';
          const label = `seed ${SEED} lane ${n} case ${i} (${kind})`;
          tally.cases++;
          tally.byKind[kind] = (tally.byKind[kind] ?? 0) + 1;
          // One HTTP case at a time across lanes, so "no workshop was created" can be checked globally.
          if (kind === 'http') await (httpTurn = httpTurn.then(() => runHttpCase(rng, lane, tally, label)));
          else if (kind === 'handshake') await runHandshakeCase(rng, lane, tally, label);
          else if (kind === 'raw') await runRawPacketCase(rng, lane, label);
          else await runSocketCase(rng, lane, lanes, kind, tally, label);
          // A lane whose people were locked out keeps fuzzing the refusal paths; unlock now and then.
          if (i % 50 === 49) await emitAck(lane.sockets.facilitator, 'command', { type: 'lock:set', locked: false });
        }
      }),
    );
    for (const lane of lanes) {
      for (const s of Object.values(lane.sockets)) {
        expect(s.connected, 'a lane socket was dropped').toBe(true);
        s.close();
      }
    }
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(unhandled, 'unhandled rejections or exceptions in the server').toEqual([]);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: ${tally.cases} cases in ${seconds}s, seed=${SEED}; by kind ${JSON.stringify(tally.byKind)}; refusals ${JSON.stringify(tally.codes)}`);
    expect(tally.cases).toBeGreaterThanOrEqual(CASES);
  }, 15 * 60_000);
});
