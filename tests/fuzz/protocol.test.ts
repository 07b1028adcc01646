/**
 * Seeded fuzzing of protocol 2: every Socket.IO event (`sync` frames for each
 * document id and message type, `command`, events a client must not send, raw
 * Socket.IO packets), the handshake (wrong versions, roles, keys, viewer keys,
 * removed people) and every HTTP route (the links route included).
 *
 * Every case ends in a named error or an accepted valid input (an event with
 * no handler is ignored, and must change nothing); where the outcome follows
 * from the input alone (a document the role may not sync, a command it may not
 * send, a handshake with a wrong version or key) the exact code is asserted.
 * The server never crashes and leaves no unhandled rejection. A refused input
 * changes no state: the authoritative board (`room.state.fullBoard()`), every
 * stored document (ledger, private documents) and the derived `room` and
 * `console` documents are compared before and after. After an accepted one,
 * every document still holds only schema-valid values, and the room document
 * names no participant id.
 *
 * Limits: each workshop ("lane") holds one socket per role, handshakes and raw
 * packets connect as guest participants whose per-participant connect buckets
 * are modelled here (one is used only while it has tokens to spare), and every
 * socket a case opens is closed and its release seen by the room before the
 * next case, so the per-participant and per-address caps and the connect rate
 * are never hit by accident. A rare "limits" case hits them
 * on purpose and asserts the named refusals (TOO_MANY_CONNECTIONS at the
 * per-participant cap, RATE_LIMITED when one person churns connections).
 *
 *   FUZZ_SEED=123 npx vitest run tests/fuzz     reproduces a run (the seed is printed)
 *   FUZZ_CASES=200000 ...                       runs longer (npm run fuzz)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import type { Socket } from 'socket.io-client';
import { readLocked, readPhase } from '../../shared/doc/meta-doc.ts';
import { isErrorCode, type ErrorCode } from '../../shared/domain/errors.ts';
import { CARD_ID, DIMENSION_KEY, deleteCard, privateMaps, putCard, putMarker, SERVER_CLIENT } from '../../shared/doc/private-doc.ts';
import {
  CardValueSchema,
  CommandSchema,
  schemaRefusal,
  DOC_IDS,
  DOCS_FOR,
  HandshakeAuth,
  LIMITS,
  MarkerValueSchema,
  PARTICIPANT_COMMANDS,
  PROTOCOL_VERSION,
  type Ack,
  type DocName,
  type Role,
} from '../../shared/schema/protocol.ts';
import { readRoadmap } from '../../shared/doc/roadmap-doc.ts';
import { CONSOLE, ROOM, unpackCard } from '../../shared/doc/room-doc.ts';
import { DEFAULTS } from '../../server/config.ts';
import { ledgerMaps, splitOwnedKey } from '../../server/rooms/ledger.ts';
import type { Room } from '../../server/rooms/room.ts';
import { api, connected, createWorkshop, eventually, join, rawSocket, viewerKeyOf } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { Rng, deepNest, mutateBytes, mutateObject, randomString, randomValue } from './gen.ts';
import { craftedAttacks, updateFrame } from './crafted.ts';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
const CASES = process.env.FUZZ_CASES ? Number(process.env.FUZZ_CASES) : 10_000;
const LANES = 3;
/** The caps, as configured below (their defaults): the fuzzer stays under them by design. */
const PER_PARTICIPANT = 4;
const PER_ADDRESS = 400;
/** Guests per lane: enough that their connect buckets refill faster than handshakes use them. */
const GUESTS = 16;

let server: TestServer;
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  // Limits that would turn most cases into RATE_LIMITED are lifted: they have their own tests.
  // The socket caps stay at their defaults, stated here because the fuzzer plans around them.
  server = await startServer({
    MESSAGES_PER_SECOND: '100000',
    FAILED_JOINS_PER_WINDOW: '100000',
    CREATES_PER_MINUTE: '100000',
    MAX_PARTICIPANTS: '10000',
    JOIN_BURST_PER_ADDRESS: '100000',
    JOINS_PER_MINUTE_PER_ADDRESS: '100000',
    MAX_CONNECTIONS_PER_PARTICIPANT: String(PER_PARTICIPANT),
    MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS),
  });
});
afterAll(async () => {
  await server?.close();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

type Outcome = 'accepted' | 'refused' | 'ignored';
/** What a case must end in: a given code, acceptance, a refusal of any named kind, or whatever the server decides (named). */
type Expect = ErrorCode | 'ok' | 'refused' | null;

interface Tally {
  cases: number;
  byKind: Record<string, number>;
  outcomes: Record<string, number>;
  codes: Record<string, number>;
  predicted: number;
}
const count = (rec: Record<string, number>, key: string) => (rec[key] = (rec[key] ?? 0) + 1);

interface Person {
  participantId: string;
  token: string;
}
/** A participant used for handshakes, with the server's connect bucket for it as estimated here. */
interface Guest extends Person {
  tokens: number;
  at: number;
}
type SocketName = 'facilitator' | 'viewer' | 'p0' | 'p1';

/** One workshop with a facilitator, a projector and two participants on persistent sockets. */
interface Lane {
  n: number;
  code: string;
  key: string;
  viewerKey: string;
  oldViewerKeys: string[];
  room: Room;
  people: [Person, Person];
  sockets: Record<SocketName, Socket>;
  /** Handshakes and raw packets connect as these participants, each while its connect bucket has tokens to spare. */
  guests: Guest[];
  /** Update events of the private documents (cheaper to compare than snapshots of hundreds of them). */
  privateUpdates: number;
  removed: Person[];
  rejected: string[];
  pool: Array<{ owner: string; update: Uint8Array }>;
  /** A phone per participant that keeps its Yjs client id across edits, as a real one does. */
  phones: Map<string, Y.Doc>;
}

const roleOf = (lane: Lane, s: Socket): { role: Role; pid: string | null } =>
  s === lane.sockets.facilitator
    ? { role: 'facilitator', pid: null }
    : s === lane.sockets.viewer
      ? { role: 'viewer', pid: null }
      : { role: 'participant', pid: s === lane.sockets.p0 ? lane.people[0].participantId : lane.people[1].participantId };

function openSocket(lane: Lane, name: SocketName, auth: Record<string, unknown>): Socket {
  const s = rawSocket(server.url, auth);
  s.on('rejected', (p: { code: string }) => lane.rejected.push(p.code));
  lane.sockets[name] = s;
  return s;
}

const authOf = (lane: Lane, name: SocketName): Record<string, unknown> => {
  const v = PROTOCOL_VERSION;
  if (name === 'facilitator') return { v, role: 'facilitator', code: lane.code, key: lane.key };
  if (name === 'viewer') return { v, role: 'viewer', code: lane.code, key: lane.viewerKey };
  return { v, role: 'participant', code: lane.code, token: lane.people[name === 'p0' ? 0 : 1].token };
};

async function openLane(n: number): Promise<Lane> {
  const w = await createWorkshop(server.url, { title: `Fuzz ${n}`, organisation: 'Acme', settings: { anonymous: n % 2 === 1 } });
  const [a, b, ...g] = await Promise.all([
    join(server.url, w.code, 'Ana'),
    join(server.url, w.code, 'Ben'),
    ...Array.from({ length: GUESTS }, (_, i) => join(server.url, w.code, `Guest ${i}`)),
  ]);
  const lane: Lane = {
    n,
    code: w.code,
    key: w.facilitatorKey,
    viewerKey: viewerKeyOf(w),
    oldViewerKeys: [],
    room: await server.app.rooms.get(w.code),
    people: [a!, b!],
    sockets: {} as Lane['sockets'],
    guests: g.map((p) => ({ ...p, tokens: DEFAULTS.connectBurst, at: performance.now() })),
    privateUpdates: 0,
    removed: [],
    rejected: [],
    pool: [],
    phones: new Map(),
  };
  for (const name of ['facilitator', 'viewer', 'p0', 'p1'] as const) openSocket(lane, name, authOf(lane, name));
  await Promise.all(Object.values(lane.sockets).map(connected));
  return lane;
}

// ------------------------------------------------------------------ state: what a refusal must leave alone

const snap = (doc: Y.Doc) => Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');

const watched = new WeakSet<Y.Doc>();

/**
 * The authoritative board, every stored document and both derived documents, as one comparable
 * string: fullBoard, snapshots (state vector and delete set) of the ledger and the derived
 * documents, and how many updates the private documents have had.
 */
function fingerprint(lane: Lane): string {
  const { state, projection } = lane.room;
  for (const doc of state.privates.values()) {
    if (watched.has(doc)) continue;
    watched.add(doc);
    doc.on('update', () => lane.privateUpdates++);
  }
  return [
    JSON.stringify(state.fullBoard()),
    snap(state.ledger),
    state.privates.size,
    lane.privateUpdates,
    snap(projection.room),
    snap(projection.console),
  ].join('|');
}

/** Invariants after an accepted change: nothing pending, every value the schema's, no participant id in the room doc. */
function checkState(lane: Lane, label: string): void {
  const { state, projection } = lane.room;
  for (const doc of [state.ledger, ...state.privates.values(), projection.room, projection.console]) {
    expect(doc.store.pendingStructs, `${label}: pending structs`).toBeNull();
    expect(doc.store.pendingDs, `${label}: pending deletions`).toBeNull();
  }
  for (const [pid, doc] of state.privates) {
    const m = privateMaps(doc);
    m.cards.forEach((v, k) => {
      expect(CARD_ID.test(k), `${label}: card id ${k}`).toBe(true);
      expect(Object.getPrototypeOf(v), `${label}: card ${k}`).toBe(Object.prototype);
      expect(CardValueSchema.safeParse(v).success, `${label}: card ${k} ${JSON.stringify(v)}`).toBe(true);
    });
    m.markers.forEach((v, k) => {
      expect(DIMENSION_KEY.test(k), `${label}: marker key ${k}`).toBe(true);
      expect(MarkerValueSchema.safeParse(v).success, `${label}: marker ${k}`).toBe(true);
    });
    m.votes.forEach((v, k) =>
      expect(Number.isInteger(v) && v > 0 && v <= LIMITS.votesPerPersonMax, `${label}: own vote ${k}=${v}`).toBe(true),
    );
    m.clients.forEach((owner, id) =>
      expect(owner === pid || owner === SERVER_CLIENT, `${label}: client ${id} bound to ${owner}`).toBe(true),
    );
  }
  ledgerMaps(state.ledger).votes.forEach((v, k) => {
    const split = splitOwnedKey(k);
    expect(split && state.participant(split.owner), `${label}: vote key ${k}`).toBeTruthy();
    expect(Number.isInteger(v) && v > 0, `${label}: vote ${k}=${v}`).toBe(true);
  });
  const roomJson = JSON.stringify(projection.room.toJSON());
  for (const pid of ledgerMaps(state.ledger).participants.keys())
    expect(roomJson.includes(pid), `${label}: participant id ${pid} in the room doc`).toBe(false);
  if (state.settings().anonymous) {
    projection.room.getMap(ROOM.cards).forEach((c, id) => {
      expect(unpackCard(c), `${label}: card ${id} in the room doc`).not.toBeNull();
      expect(unpackCard(c)!.author, `${label}: author of ${id} in an anonymous room`).toBeNull();
    });
    expect(projection.room.getMap(ROOM.people).size, `${label}: names in an anonymous room`).toBe(0);
  }
}

/** A payload, short, for a failure message. */
function show(value: unknown): string {
  try {
    const text = JSON.stringify(wireCopy(value), (_k, v: unknown) => (ArrayBuffer.isView(v) ? `<${v.byteLength} bytes>` : v));
    return text === undefined ? typeof value : text.length > 300 ? `${text.slice(0, 300)}...` : text;
  } catch {
    return typeof value;
  }
}

function expectNamed(code: unknown, label: string): asserts code is ErrorCode {
  expect(isErrorCode(code), `${label}: ${String(code)}`).toBe(true);
  expect(code, label).not.toBe('INTERNAL');
}

function expectOutcome(expected: Expect, got: 'ok' | ErrorCode, label: string): boolean {
  if (expected === null) return false;
  if (expected === 'refused') expect(got, `${label}: expected a refusal`).not.toBe('ok');
  else expect(got, label).toBe(expected);
  return true;
}

// ------------------------------------------------------------------ generators

/** Real updates a phone would send now to its own document: new cards, edits, deletions, markers, and writes it may not make. */
function refreshPool(rng: Rng, lane: Lane): void {
  const pool: Lane['pool'] = [];
  for (let i = 0; i < 12; i++) {
    const owner = rng.pick(lane.people).participantId;
    const server = lane.room.state.privateDoc(owner);
    let phone = lane.phones.get(owner);
    if (!phone || rng.chance(0.1)) lane.phones.set(owner, (phone = new Y.Doc()));
    // A stable phone most of the time; a fresh one (a new device, a cleared cache) now and then.
    const doc = rng.chance(0.7) ? phone : new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(doc);
    const own = [...privateMaps(doc).cards.keys()];
    const dims = ['brand', 'people', 'leadership', 'nope', 'Brand'];
    const card = () => ({
      kind: rng.chance(0.8) ? ('practice' as const) : ('barrier' as const),
      text: rng.chance(0.9) ? randomString(rng, 40) || 'x' : randomString(rng, 400),
      dimension: rng.pick(dims),
      stage: rng.int(1, 5),
      createdAt: rng.int(0, 1e6),
    });
    doc.transact(() => {
      for (let k = rng.int(1, 3); k > 0; k--) {
        const r = rng.int(0, 9);
        if (r <= 2 || own.length === 0) putCard(doc, `f${rng.int(0, 150)}`, card());
        else if (r === 3) {
          const c = card();
          putCard(doc, rng.pick(own), c.kind === 'barrier' ? { ...c, dimension: null, stage: null } : c);
        } else if (r === 4) deleteCard(doc, rng.pick(own));
        else if (r <= 6) putMarker(doc, rng.pick(dims), { current: rng.int(0, 6), target: rng.chance(0.3) ? null : rng.int(1, 5) });
        else if (r === 7)
          (privateMaps(doc)[rng.pick(['votes', 'public', 'clients'] as const)] as Y.Map<unknown>).set(
            rng.pick(['dim:brand', 'c1', '1']),
            rng.pick([1, 'x', SERVER_CLIENT]),
          );
        else if (r === 8)
          privateMaps(doc).cards.set(
            rng.pick(['bad/key', 'x'.repeat(50), 'ok']),
            rng.chance(0.5) ? (new Y.Map() as never) : ({ ...card(), extra: 1 } as never),
          );
        else doc.getMap(rng.pick(['meta', 'participants', 'votes'])).set('phase', 'export');
      }
    });
    pool.push({ owner, update: Y.encodeStateAsUpdate(doc, sv) });
    if (doc !== phone) doc.destroy();
  }
  lane.pool = pool;
}

function syncFrame(doc: number, type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeUint8(e, doc);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

const DOC_NAME_OF: Record<number, DocName> = { [DOC_IDS.room]: 'room', [DOC_IDS.mine]: 'mine', [DOC_IDS.console]: 'console' };
const mayRead = (role: Role, doc: number) => DOC_NAME_OF[doc] !== undefined && DOCS_FOR[role].includes(DOC_NAME_OF[doc]!);

/** A `sync` payload for a socket of `role`, and what it must end in when that follows from the input. */
function syncPayload(rng: Rng, lane: Lane, role: Role): { payload: unknown; expect: Expect } {
  const real = () => rng.pick(lane.pool).update;
  const write = () => rng.pick([syncProtocol.messageYjsUpdate, syncProtocol.messageYjsSyncStep2]);
  // A frame that decodes, for a document the role may not read, is refused as FORBIDDEN whatever it carries.
  // Past the message cap, PAYLOAD_TOO_LARGE before anything is read.
  const framed = (doc: number, type: number, payload: Uint8Array, ifAllowed: Expect): { payload: unknown; expect: Expect } => {
    const frame = syncFrame(doc, type, payload);
    return {
      payload: frame,
      expect: frame.byteLength > LIMITS.messageBytesMax ? 'PAYLOAD_TOO_LARGE' : mayRead(role, doc) ? ifAllowed : 'FORBIDDEN',
    };
  };
  switch (rng.int(0, 11)) {
    case 0:
    case 1:
      return framed(DOC_IDS.mine, write(), real(), null);
    case 2:
    case 3:
      return framed(DOC_IDS.mine, write(), mutateBytes(rng, real(), rng.pick(lane.pool).update), null);
    case 4:
      return { payload: mutateBytes(rng, syncFrame(rng.pick([0, 1, 2]), rng.pick([0, 1, 2]), real())), expect: null };
    case 5: {
      // Step 1 of any document: answered for the documents the role reads.
      const doc = rng.pick([DOC_IDS.room, DOC_IDS.mine, DOC_IDS.console]);
      const of =
        doc === DOC_IDS.room
          ? lane.room.projection.room
          : doc === DOC_IDS.console
            ? lane.room.projection.console
            : lane.room.state.privateDoc(lane.people[0].participantId);
      const sv = Y.encodeStateVector(of);
      const r = rng.int(0, 3);
      if (r === 0) return framed(doc, syncProtocol.messageYjsSyncStep1, sv, 'ok');
      if (r === 1) return framed(doc, syncProtocol.messageYjsSyncStep1, new Uint8Array([0]), 'ok');
      return framed(doc, syncProtocol.messageYjsSyncStep1, r === 2 ? mutateBytes(rng, sv) : rng.bytes(rng.size(70_000)), null);
    }
    case 6: {
      // An unknown message type or document id: the frame itself cannot be read.
      const badDoc = rng.chance(0.5);
      const e = encoding.createEncoder();
      encoding.writeUint8(e, badDoc ? rng.pick([3, 4, 127, 255]) : rng.pick([0, 1, 2]));
      encoding.writeVarUint(e, badDoc ? rng.pick([0, 1, 2]) : rng.pick([3, 4, 99, 2 ** 31]));
      encoding.writeVarUint8Array(e, rng.bytes(rng.size(64)));
      return { payload: encoding.toUint8Array(e), expect: 'MALFORMED_UPDATE' };
    }
    case 7: {
      const bytes = rng.bytes(rng.size(70_000));
      return { payload: bytes, expect: bytes.byteLength > LIMITS.messageBytesMax ? 'PAYLOAD_TOO_LARGE' : null };
    }
    case 8: {
      const owner = lane.people[0].participantId;
      const attacks = craftedAttacks(owner, rng.int(1, 2 ** 31), lane.room.state.privateDoc(owner).clientID);
      const attack = rng.pick(attacks);
      return { payload: updateFrame(attack.update, write(), DOC_IDS.mine), expect: role === 'participant' ? 'refused' : 'FORBIDDEN' };
    }
    case 9: {
      // A write to a document only the server writes: never taken, whatever it holds.
      const doc = rng.pick([DOC_IDS.room, DOC_IDS.console]);
      const source = new Y.Doc();
      source
        .getMap(rng.pick([ROOM.cards, ROOM.votes, CONSOLE.people, 'meta']))
        .set(randomString(rng, 12) || 'k', rng.pick([1, 'x', true, null, { text: randomString(rng, 20), author: 'Ana' }]));
      const empty = rng.chance(0.2);
      const update = empty ? new Uint8Array([0, 0]) : Y.encodeStateAsUpdate(source);
      source.destroy();
      const named: Expect = empty ? 'ok' : role === 'facilitator' ? 'NOT_FACILITATOR' : 'FORBIDDEN';
      return framed(doc, write(), update, named);
    }
    case 10: {
      // Not bytes at all.
      const value = rng.chance(0.5) ? randomValue(rng) : deepNest(rng, rng.int(1, 1_000));
      return { payload: value, expect: ArrayBuffer.isView(value) ? null : 'MALFORMED_UPDATE' };
    }
    default: {
      // An up-to-date phone's answer: an empty update, for any document.
      const doc = rng.pick([DOC_IDS.room, DOC_IDS.mine, DOC_IDS.console]);
      return framed(doc, write(), new Uint8Array([0, 0]), 'ok');
    }
  }
}

/**
 * What socket.io-client puts on the wire: own enumerable keys, undefined dropped, binary kept.
 * Binary is what `ArrayBuffer.isView` says (as socket.io-parser decides), not `instanceof`: an
 * object whose prototype was swapped for a Uint8Array's goes as plain JSON.
 */
function wireCopy(value: unknown): unknown {
  // Socket.IO hands the server every binary as a Buffer, whatever view the client sent.
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : wireCopy(v)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = wireCopy(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value === undefined ? null : value;
}

function publicCardIds(lane: Lane): string[] {
  return [...lane.room.projection.room.getMap(ROOM.cards).keys(), ...lane.room.projection.console.getMap(CONSOLE.cards).keys()];
}

function commandPayload(rng: Rng, lane: Lane): unknown {
  const ids = publicCardIds(lane);
  const cardId = ids.length && rng.chance(0.8) ? rng.pick(ids) : randomString(rng, 40);
  const roadmap = readRoadmap(lane.room.state.ledger);
  const initiative = roadmap?.initiatives.length && rng.chance(0.8) ? rng.pick(roadmap.initiatives).id : randomString(rng, 20);
  const horizon = roadmap?.horizons.length && rng.chance(0.8) ? rng.pick(roadmap.horizons).id : randomString(rng, 10);
  const templates: Array<Record<string, unknown>> = [
    { type: 'phase:set', phase: rng.pick(['lobby', 'map', 'assess', 'prioritise', 'prioritise', 'roadmap', 'export']) },
    {
      type: 'settings:update',
      settings: {
        votesPerPerson: rng.int(0, 50),
        anonymous: lane.n % 2 === 1,
        roadmapEditable: rng.chance(0.8),
        privateUntilReveal: rng.chance(0.7),
      },
    },
    {
      type: 'settings:update',
      settings: {
        horizons: [
          { id: 'now', label: 'Now', fromMonth: 0, toMonth: 3 },
          { id: 'next', label: 'Next', fromMonth: rng.int(0, 6), toMonth: rng.int(1, 12) },
        ],
      },
    },
    { type: 'timer:start', durationMs: rng.pick([1_000, 60_000, 4 * 3_600_000]) },
    { type: 'timer:pause' },
    { type: 'timer:resume' },
    { type: 'timer:add', ms: rng.int(-3_600_000, 3_600_000) },
    { type: 'timer:reset' },
    { type: 'reveal:set', phase: rng.pick(['map', 'assess', 'prioritise']), revealed: rng.chance(0.5) },
    // Mostly unlocked, so participants' writes keep reaching the validator.
    { type: 'lock:set', locked: rng.chance(0.2) },
    {
      type: 'template:set',
      dimensions: [
        { name: 'Brand', key: 'brand' },
        { name: 'People', key: 'people' },
        { name: 'Leadership', key: 'leadership' },
      ],
    },
    // Never one of the lane's own people: removing them would end the lane.
    { type: 'participant:remove', participantId: rng.chance(0.5) ? 'nobody-here' : randomString(rng, 50) },
    { type: 'card:move', cardId, dimension: rng.pick(['brand', 'people', 'nope']), stage: rng.int(0, 6) },
    {
      type: 'barrier:set',
      cardId,
      dimension: rng.pick(['brand', 'people', 'nope', null]),
      notBefore: rng.pick(['now', 'next', 'later', 'gone', null]),
    },
    { type: 'roadmap:generate', apply: rng.chance(0.5) },
    {
      type: 'vote:set',
      target: rng.pick(['dim:brand', 'dim:people', 'dim:nope', `card:${cardId}`, `card:${cardId}`, randomString(rng, 20)]),
      count: rng.int(0, 6),
    },
    {
      type: 'roadmap:edit',
      initiativeId: initiative,
      patch: rng.pick([{ title: randomString(rng, 30) || 'x' }, { owner: randomString(rng, 30) }, { firstStep: 'Ask', benchmark: '' }, {}]),
    },
    { type: 'roadmap:move', initiativeId: initiative, horizon, index: rng.int(0, 3) },
    // Rare: a new projector key closes the lane's projector, which then reconnects with it.
    ...(rng.chance(0.05) ? [{ type: 'viewer:rotate' }] : []),
  ];
  const t = rng.pick(templates);
  const r = rng.next();
  if (r < 0.35) return t;
  if (r < 0.85) return mutateObject(rng, t);
  return rng.chance(0.5) ? randomValue(rng) : deepNest(rng, rng.int(1, 2_000));
}

/** What a command must end in when the sender's role and the room's lock and phase decide it. */
function expectCommand(raw: unknown, role: Role, lane: Lane): Expect {
  const parsed = CommandSchema.safeParse(wireCopy(raw));
  // The schema's own first issue decides: text of only blanks or invisible characters is EMPTY_TEXT.
  if (!parsed.success) return schemaRefusal(parsed.error).code as Expect;
  const cmd = parsed.data;
  if (cmd.type === 'viewer:rotate') return role === 'facilitator' ? 'ok' : role === 'viewer' ? 'FORBIDDEN' : 'NOT_FACILITATOR';
  if (role === 'viewer') return 'FORBIDDEN';
  const ledger = lane.room.state.ledger;
  if (role === 'participant') {
    if (!PARTICIPANT_COMMANDS.has(cmd.type)) return 'NOT_FACILITATOR';
    if (readLocked(ledger)) return 'BOARD_LOCKED';
    if (cmd.type === 'vote:set' && readPhase(ledger) !== 'prioritise') return 'VOTING_CLOSED';
    return null;
  }
  if (cmd.type === 'vote:set') return 'FORBIDDEN';
  if (cmd.type === 'participant:remove' && !lane.room.state.participant(cmd.participantId)) return 'NOT_FOUND';
  if (['phase:set', 'timer:start', 'timer:reset', 'reveal:set', 'lock:set', 'template:set'].includes(cmd.type)) return 'ok';
  return null;
}

const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);
/** Event names a client must not send: the old protocol's, the server's own, near misses, anything. */
function undeclaredEvent(rng: Rng): string {
  const name = rng.pick([
    'awareness',
    'presence',
    'welcome',
    'rejected',
    'closed',
    'Sync',
    'sync ',
    'commands',
    'update',
    'join',
    '__proto__',
    randomString(rng, 30),
  ]);
  return RESERVED.has(name) || name === 'sync' || name === 'command' ? 'awareness' : name;
}

async function emitAck(socket: Socket, event: 'sync' | 'command', payload: unknown, label = ''): Promise<Ack> {
  try {
    return (await socket.timeout(15_000).emitWithAck(event, payload as never)) as Ack;
  } catch (err) {
    throw new Error(
      `${label}: no answer to ${event} ${show(payload)} (socket ${socket.connected ? 'connected' : 'disconnected'}): ${String(err)}`,
    );
  }
}

/** A step 1 of the room document, answered for every role: events on one socket are handled in order. */
async function probe(socket: Socket, label: string): Promise<void> {
  const ack = await emitAck(
    socket,
    'sync',
    syncFrame(DOC_IDS.room, syncProtocol.messageYjsSyncStep1, new Uint8Array([0])),
    `${label} (probe)`,
  );
  expect(ack.ok, `${label}: the socket stopped answering`).toBe(true);
}

// ------------------------------------------------------------------ cases

async function runSocketCase(rng: Rng, lane: Lane, kind: 'sync' | 'command' | 'undeclared', tally: Tally, label: string): Promise<Outcome> {
  const s = lane.sockets;
  const socket =
    kind === 'command'
      ? rng.pick([s.facilitator, s.facilitator, s.p0, s.p1, s.viewer])
      : rng.pick([s.p0, s.p0, s.p1, s.facilitator, s.viewer]);
  const { role } = roleOf(lane, socket);
  const before = fingerprint(lane);
  lane.rejected.length = 0;

  if (kind === 'undeclared') {
    const name = undeclaredEvent(rng);
    const payload = rng.pick([rng.bytes(rng.size(1_000)), randomValue(rng), deepNest(rng, rng.int(1, 300))]);
    (socket.emit as (ev: string, ...args: unknown[]) => void)(name, payload);
    await probe(socket, label);
    await new Promise((r) => setImmediate(r));
    expect(socket.connected, `${label}: "${name}" dropped the socket`).toBe(true);
    // Every event a client must not send is refused by name (it arrives before the probe's answer).
    expect(lane.rejected.length, `${label}: "${name}" got no refusal`).toBeGreaterThan(0);
    for (const c of lane.rejected) expectNamed(c, label);
    expect(fingerprint(lane), `${label}: the undeclared event "${name}" changed the room`).toBe(before);
    return 'refused';
  }

  const { payload, expect: expected } =
    kind === 'sync'
      ? syncPayload(rng, lane, role)
      : (() => {
          const p = commandPayload(rng, lane);
          return { payload: p, expect: expectCommand(p, role, lane) };
        })();

  let got: 'ok' | ErrorCode;
  let data: unknown;
  if (rng.chance(0.1)) {
    // Without an ack: a refusal arrives as a `rejected` event, an acceptance as nothing.
    (socket.emit as (ev: string, ...args: unknown[]) => void)(kind, payload);
    await probe(socket, label);
    if (expected !== null && expected !== 'ok') await eventually(() => lane.rejected.length > 0, 5_000, `${label}: no rejected event`);
    else await new Promise((r) => setTimeout(r, 2));
    got = lane.rejected.length ? (lane.rejected[0] as ErrorCode) : 'ok';
    if (got !== 'ok') expectNamed(got, label);
  } else {
    const ack = await emitAck(socket, kind, payload, `${label} (${role})`);
    if (ack.ok) {
      got = 'ok';
      data = ack.data;
    } else {
      expectNamed(ack.error.code, label);
      expect(typeof ack.error.message, label).toBe('string');
      got = ack.error.code;
    }
  }
  if (expectOutcome(expected, got, `${label} (${role} ${kind} ${show(payload)})`)) tally.predicted++;

  if (got === 'ok') {
    if (kind === 'command' && (payload as { type?: string }).type === 'viewer:rotate') {
      // Sent without an ack, the new key is not in hand: the console's links route has it.
      const viewerKey = data && typeof data === 'object' ? (data as { viewerKey: string }).viewerKey : await currentViewerKey(lane);
      await rotated(lane, viewerKey, label);
    }
    checkState(lane, label);
    return 'accepted';
  }
  count(tally.codes, got);
  // Let anything a refusal might have scheduled run before looking.
  await new Promise((r) => setImmediate(r));
  expect(fingerprint(lane), `${label}: refused ${kind} changed the room (${got})`).toBe(before);
  return 'refused';
}

/** The projector key as the console's links route hands it out. */
async function currentViewerKey(lane: Lane): Promise<string> {
  const res = await api<{ boardUrl: string }>(server.url, 'GET', `/api/workshops/${lane.code}/links`, undefined, {
    authorization: `Bearer ${lane.key}`,
  });
  expect(res.status).toBe(200);
  const key = /#view=(.+)$/.exec(res.json.boardUrl)![1]!;
  expect(key).not.toBe(lane.viewerKey);
  return key;
}

/** The projector key changed: the old projector was closed; a new one opens with the new key. */
async function rotated(lane: Lane, viewerKey: string, label: string): Promise<void> {
  const old = lane.sockets.viewer;
  await eventually(() => !old.connected, 5_000, `${label}: the old projector stayed connected after viewer:rotate`);
  old.close();
  lane.oldViewerKeys.push(lane.viewerKey);
  lane.viewerKey = viewerKey;
  await connected(openSocket(lane, 'viewer', authOf(lane, 'viewer')));
}

/** Closes a socket and waits until the room has let its connection go (so no cap is reached by accident). */
async function closeAndRelease(lane: Lane, socket: Socket): Promise<void> {
  const id = socket.id;
  socket.close();
  if (id) await eventually(() => !lane.room.connections.has(id), 5_000, 'the room kept a closed connection');
}

/**
 * The guest with the most connect tokens left, as the server's bucket for it would have them
 * (burst, refilled at the connect rate); waits while none has two to spare, so a connect the
 * fuzzer expects to succeed is never refused as RATE_LIMITED. Take a token with `use`.
 */
async function guestFor(lane: Lane): Promise<Guest> {
  for (;;) {
    const now = performance.now();
    for (const g of lane.guests) {
      g.tokens = Math.min(DEFAULTS.connectBurst, g.tokens + ((now - g.at) / 1000) * DEFAULTS.connectsPerSecond);
      g.at = now;
    }
    const best = lane.guests.reduce((a, b) => (b.tokens > a.tokens ? b : a));
    if (best.tokens >= 2) return best;
    await new Promise((r) => setTimeout(r, ((2 - best.tokens) / DEFAULTS.connectsPerSecond) * 1000));
  }
}
const use = (g: Guest) => void (g.tokens -= 1);

/** What a handshake must end in, from the auth as the server receives it; null where it depends on more than that. */
function expectHandshake(auth: unknown, lane: Lane): 'connected' | ErrorCode | null {
  if (!auth || typeof auth !== 'object' || Array.isArray(auth)) return null;
  const v = (auth as { v?: unknown }).v;
  if (v !== undefined && v !== PROTOCOL_VERSION) return 'VERSION_MISMATCH';
  const parsed = HandshakeAuth.safeParse(auth);
  if (!parsed.success) return 'UNAUTHENTICATED';
  const a = parsed.data;
  if (a.code !== lane.code) return null;
  if (a.role === 'participant') {
    if (lane.guests.some((g) => g.token === a.token)) return 'connected';
    if (lane.removed.some((p) => p.token === a.token)) return 'REMOVED';
    if (lane.people.some((p) => p.token === a.token)) return null;
    return 'UNAUTHENTICATED';
  }
  if (a.role === 'facilitator') return a.key === lane.key ? 'connected' : 'FORBIDDEN';
  return a.key === lane.viewerKey || a.key === lane.key ? 'connected' : 'FORBIDDEN';
}

async function runHandshakeCase(rng: Rng, lane: Lane, tally: Tally, label: string): Promise<Outcome> {
  const guest = await guestFor(lane);
  const v = PROTOCOL_VERSION;
  const valid: Record<string, unknown> = rng.pick([
    { v, role: 'participant', code: lane.code, token: guest.token },
    { v, role: 'participant', code: lane.code.toLowerCase().replace(/(...)/, '$1-'), token: guest.token },
    { v, role: 'facilitator', code: lane.code, key: lane.key },
    { v, role: 'viewer', code: lane.code, key: lane.viewerKey },
    { v, role: 'viewer', code: lane.code, key: lane.key },
    { v, role: 'viewer', code: lane.code, key: lane.oldViewerKeys.at(-1) ?? lane.people[0].token },
    { v, role: 'facilitator', code: lane.code, key: lane.viewerKey },
    { v, role: 'participant', code: lane.code, token: lane.removed.at(-1)?.token ?? lane.key },
    { v: rng.pick([1, 0, 3, '2', 2.5, null, -1]), role: 'participant', code: lane.code, token: guest.token },
    { role: 'facilitator', code: lane.code, key: lane.key },
  ]);
  const auth = rng.chance(0.4) ? valid : rng.chance(0.85) ? mutateObject(rng, valid) : randomValue(rng);
  const sent = (auth && typeof auth === 'object' && !Array.isArray(auth) ? auth : { auth }) as Record<string, unknown>;
  const expected = expectHandshake(wireCopy(sent), lane);
  if (expected === 'connected' && (sent as { role?: unknown }).role === 'participant') use(guest);
  const before = fingerprint(lane);
  const socket = rawSocket(server.url, sent);
  const result = await connected(socket).then(
    () => 'connected',
    (err: Error & { data?: { code?: unknown; message?: unknown } }) => err.data?.code ?? `transport: ${err.message}`,
  );
  const where = `${label} ${JSON.stringify(sent)?.slice(0, 200)}`;
  if (expected !== null) {
    expect(result, where).toBe(expected);
    tally.predicted++;
  }
  if (result === 'connected') {
    await closeAndRelease(lane, socket);
    return 'accepted';
  }
  socket.close();
  expectNamed(result, where);
  count(tally.codes, result);
  expect(fingerprint(lane), `${where}: refused handshake changed the room`).toBe(before);
  return 'refused';
}

/** Deeply nested JSON text, built as text (JSON.stringify itself would overflow). */
const deepJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** Raw Socket.IO packets a library client never sends: broken JSON, bad attachment counts, unknown types. */
async function runRawPacketCase(rng: Rng, lane: Lane, label: string): Promise<Outcome> {
  const guest = await guestFor(lane);
  use(guest);
  const port = new URL(server.url).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
  const opened = await new Promise<boolean>((resolve) => {
    ws.once('message', () => resolve(true));
    ws.once('error', () => resolve(false));
  });
  if (opened) {
    const auth = JSON.stringify({ v: PROTOCOL_VERSION, role: 'participant', code: lane.code, token: guest.token });
    const frame = Buffer.from(syncFrame(rng.int(0, 3), rng.int(0, 3), rng.bytes(rng.int(0, 40)))).toString('base64');
    const packets = [
      `40${rng.chance(0.7) ? auth : randomString(rng, 100)}`,
      rng.pick([
        `42["sync"`,
        `42${JSON.stringify(['sync', randomValue(rng)])}`,
        `42${JSON.stringify(['sync', { base64: frame }])}`,
        `451-["sync",{"_placeholder":true,"num":${rng.int(0, 5)}}]`,
        `45${rng.int(0, 2 ** 31)}-["sync",{"_placeholder":true,"num":0}]`,
        `452-["command",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]`,
        `42${rng.int(0, 9)}${JSON.stringify(['command', randomValue(rng)])}`,
        `42${JSON.stringify([rng.pick(['disconnect', 'connect', 'awareness', 'presence']), randomValue(rng)])}`,
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
  await eventually(
    () => lane.room.connectionsOf(guest.participantId).length === 0,
    5_000,
    `${label}: a raw socket's connection was never released`,
  );
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status, label).toBe(200);
  return 'ignored';
}

/**
 * The caps, hit on purpose: a fresh participant opens as many sockets as one
 * person may, one more is refused as TOO_MANY_CONNECTIONS; then churning
 * connect/disconnect runs into RATE_LIMITED within the connect burst.
 */
async function runLimitsCase(lane: Lane, tally: Tally, label: string): Promise<Outcome> {
  const p = await join(server.url, lane.code, 'Limits');
  const auth = { v: PROTOCOL_VERSION, role: 'participant', code: lane.code, token: p.token };
  const attempt = async (keep: boolean): Promise<string> => {
    const s = rawSocket(server.url, auth);
    const r = await connected(s).then(
      () => 'connected',
      (err: Error & { data?: { code?: string } }) => err.data?.code ?? err.message,
    );
    if (r === 'connected' && keep) open.push(s);
    else if (r === 'connected') await closeAndRelease(lane, s);
    else s.close();
    return r;
  };
  const open: Socket[] = [];
  for (let i = 0; i < PER_PARTICIPANT; i++)
    expect(await attempt(true), `${label}: socket ${i + 1} of ${PER_PARTICIPANT}`).toBe('connected');
  expect(await attempt(false), `${label}: one socket past the per-participant cap`).toBe('TOO_MANY_CONNECTIONS');
  count(tally.codes, 'TOO_MANY_CONNECTIONS');
  expect(lane.room.connectionsOf(p.participantId).length, label).toBe(PER_PARTICIPANT);
  for (const s of open.splice(0)) await closeAndRelease(lane, s);
  let limited = false;
  for (let i = 0; i < DEFAULTS.connectBurst + 2 && !limited; i++) {
    const r = await attempt(false);
    if (r === 'RATE_LIMITED') limited = true;
    else expect(r, `${label}: churn ${i}`).toBe('connected');
  }
  expect(limited, `${label}: churning never ran into RATE_LIMITED`).toBe(true);
  count(tally.codes, 'RATE_LIMITED');
  tally.predicted += 2;
  const ack = await emitAck(lane.sockets.facilitator, 'command', { type: 'participant:remove', participantId: p.participantId });
  expect(ack.ok, label).toBe(true);
  lane.removed.push(p);
  return 'refused';
}

async function runHttpCase(rng: Rng, lane: Lane, tally: Tally, label: string): Promise<Outcome> {
  const code = rng.pick([
    lane.code,
    lane.code,
    lane.code.toLowerCase(),
    'ZZZZZZ',
    randomString(rng, 12),
    encodeURIComponent(randomString(rng, 20).replace(/[\uD800-\uDFFF]/g, '?')),
    '..%2F..%2Fetc',
    'x'.repeat(rng.size(5_000)),
  ]);
  const validBodies: Record<string, unknown>[] = [
    { title: 'Fuzz', organisation: 'Acme', settings: { votesPerPerson: 3, anonymous: true } },
    { name: 'Fuzzy' },
    { title: 'T', dimensions: [{ name: 'A' }] },
  ];
  const bodyValue = rng.chance(0.1)
    ? rng.pick(validBodies)
    : rng.chance(0.7)
      ? mutateObject(rng, rng.pick(validBodies))
      : randomValue(rng, 4);
  const body = rng.chance(0.1)
    ? randomString(rng, 70_000)
    : rng.chance(0.05)
      ? deepJson(rng.int(10, 20_000))
      : JSON.stringify(bodyValue ?? null);
  const authorization = rng.pick([
    undefined,
    `Bearer ${lane.key}`,
    `Bearer ${lane.key}`,
    `Bearer ${lane.viewerKey}`,
    `Bearer ${lane.people[0].token}`,
    `Bearer ${randomString(rng, 60)}`,
    'Bearer',
    randomString(rng, 100),
    `Basic ${lane.key}`,
  ]);
  const contentType = rng.pick([
    'application/json',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
  ]);
  const routes: Array<[string, string]> = [
    ['POST', '/api/workshops'],
    ['GET', `/api/workshops/${code}`],
    ['POST', `/api/workshops/${code}/participants`],
    ['GET', `/api/workshops/${code}/qr.svg`],
    ['GET', `/api/workshops/${code}/links`],
    ['GET', `/api/workshops/${code}/links`],
    ['GET', `/api/workshops/${code}/export.md`],
    ['DELETE', `/api/workshops/${code}`],
    [
      rng.pick(['PUT', 'PATCH', 'OPTIONS', 'GET', 'POST']),
      rng.pick([
        '/api/workshops',
        `/api/workshops/${code}/x`,
        `/api/workshops/${code}/links`,
        '/api/',
        '/socket.io/?EIO=9',
        '/healthz',
        `/${randomString(rng, 30)}`,
      ]),
    ],
  ];
  let [method, path] = rng.pick(routes);
  // Deleting a lane's own workshop with its real key is a legitimate delete; aim that at a throwaway one.
  if (method === 'DELETE' && authorization === `Bearer ${lane.key}` && code.toUpperCase() === lane.code) {
    const spare = await createWorkshop(server.url);
    path = `/api/workshops/${spare.code}`;
  }
  const workshopsBefore = (await server.app.storage.listInactive(Number.MAX_SAFE_INTEGER)).length;
  const before = fingerprint(lane);
  const headers: Record<string, string> = {};
  // fetch refuses header values outside Latin-1 before anything is sent.
  if (authorization) headers.authorization = authorization.replace(/[^\x20-\x7e]/g, '?');
  if (contentType && method !== 'GET' && method !== 'DELETE') headers['content-type'] = contentType;
  let res: Response;
  try {
    res = await fetch(server.url + (path.length > 8_000 ? path.slice(0, 8_000) : path), {
      method,
      headers,
      body: method === 'GET' || method === 'DELETE' ? undefined : body,
    });
  } catch (err) {
    throw new Error(`${label}: ${method} ${path.slice(0, 80)}: ${String(err)}`);
  }
  const text = await res.text();
  const where = `${label}: ${method} ${path.slice(0, 80)} -> ${res.status} ${text.slice(0, 120)}`;
  expect(res.status, where).toBeLessThan(500);
  const links = method === 'GET' && path === `/api/workshops/${code}/links` && code.toUpperCase() === lane.code;
  if (links) {
    // Without a key the links say where phones join; only the facilitator key adds the projector's
    // link (its current key), and nothing ever carries the facilitator key.
    const asFacilitator = authorization === `Bearer ${lane.key}`;
    if (authorization === undefined) expect(res.status === 200 || res.status === 429, where).toBe(true);
    else if (/^Bearer\s+\S+$/i.test(authorization)) expect(res.status === 200, where).toBe(asFacilitator);
    if (res.status === 200) {
      const reply = JSON.parse(text) as { joinUrl: string; boardUrl?: string };
      if (asFacilitator) expect(reply.boardUrl?.endsWith(`#view=${lane.viewerKey}`), where).toBe(true);
      else expect(reply.boardUrl, where).toBeUndefined();
      expect(text.includes(lane.viewerKey) && !asFacilitator, `${where}: the projector key without the facilitator key`).toBe(false);
      expect(text.includes(lane.key), `${where}: the facilitator key in the links`).toBe(false);
      expect(res.headers.get('cache-control'), where).toBe('no-store');
      tally.predicted++;
    }
  }
  if (res.status < 400) return 'accepted';
  if (!(path.startsWith('/socket.io') || (method === 'OPTIONS' && res.status === 404))) {
    let json: { error?: { code?: unknown } } | undefined;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // Socket.IO's own endpoint answers in its own format; everything else in ours.
    expectNamed(json?.error?.code, where);
    count(tally.codes, json.error.code);
  }
  expect(fingerprint(lane), `${where}: refused request changed the room`).toBe(before);
  expect((await server.app.storage.listInactive(Number.MAX_SAFE_INTEGER)).length, `${where}: refused request changed the workshops`).toBe(
    workshopsBefore,
  );
  return 'refused';
}

describe('protocol fuzzing', () => {
  it(
    `every event, handshake and route answers with a named error or accepts valid input (${CASES} cases)`,
    async () => {
      console.log(`fuzz: seed=${SEED} cases=${CASES} (reproduce with FUZZ_SEED=${SEED} FUZZ_CASES=${CASES})`);
      const started = performance.now();
      const lanes = await Promise.all(Array.from({ length: LANES }, (_, n) => openLane(n)));
      const tally: Tally = { cases: 0, byKind: {}, outcomes: {}, codes: {}, predicted: 0 };
      const kinds: Array<[string, number]> = [
        ['sync', 0.42],
        ['command', 0.27],
        ['undeclared', 0.06],
        ['http', 0.15],
        ['handshake', 0.06],
        ['raw', 0.038],
        ['limits', 0.002],
      ];
      const perLane = Math.ceil(CASES / LANES);
      let httpTurn: Promise<Outcome> = Promise.resolve('ignored');
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
            count(tally.byKind, kind);
            let outcome: Outcome;
            // One HTTP case at a time across lanes, so "no workshop was created" can be checked globally.
            if (kind === 'http') outcome = await (httpTurn = httpTurn.then(() => runHttpCase(rng, lane, tally, label)));
            else if (kind === 'handshake') outcome = await runHandshakeCase(rng, lane, tally, label);
            else if (kind === 'raw') outcome = await runRawPacketCase(rng, lane, label);
            else if (kind === 'limits') outcome = await runLimitsCase(lane, tally, label);
            else outcome = await runSocketCase(rng, lane, kind as 'sync' | 'command' | 'undeclared', tally, label);
            count(tally.outcomes, `${kind}:${outcome}`);
            // A lane whose people were locked out keeps fuzzing the refusal paths; unlock now and then.
            if (i % 50 === 49) await emitAck(lane.sockets.facilitator, 'command', { type: 'lock:set', locked: false });
          }
        }),
      );
      for (const lane of lanes) {
        for (const [name, s] of Object.entries(lane.sockets)) {
          expect(s.connected, `lane ${lane.n}: the ${name} socket was dropped`).toBe(true);
          s.close();
        }
        for (const p of lane.phones.values()) p.destroy();
      }
      const health = await api(server.url, 'GET', '/healthz');
      expect(health.status).toBe(200);
      expect(unhandled, 'unhandled rejections or exceptions in the server').toEqual([]);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `fuzz: ${tally.cases} cases in ${seconds}s, seed=${SEED}; by kind ${JSON.stringify(tally.byKind)}; outcomes ${JSON.stringify(tally.outcomes)}; ` +
          `exact outcome predicted and checked in ${tally.predicted}; refusals ${JSON.stringify(tally.codes)}`,
      );
      expect(tally.cases).toBeGreaterThanOrEqual(CASES);
    },
    30 * 60_000,
  );
});
