/**
 * Benchmark connections. Every client holds or produces real Yjs updates and
 * speaks the server's real protocol:
 * - ours, observer: a socket.io-client socket (real client library), protocol 2
 *   `sync` frames ([document id][y-protocols message]) for each document its
 *   role syncs (`DOCS_FOR`): the room document, and a phone's own;
 * - ours, counter: the same Socket.IO/Engine.IO v4 protocol spoken directly over
 *   `ws` (with our compact `sync` packets, shared/wire/sio-parser.ts), reading only
 *   acks and pings and counting the rest as bytes (cheap, so the generator stays
 *   lighter than the server);
 * - Hocuspocus: its wire protocol (document name + message type + y-protocols
 *   frame) over `ws`, observers decoding, counters only counting.
 * Bytes are read from the TCP socket under each connection (framing included).
 */
import { io, type Socket as SioSocket } from 'socket.io-client';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { DOC_IDS, DOCS_FOR, PROTOCOL_VERSION, type Ack, type Command, type DocName, type Role } from '../shared/schema/protocol.ts';
import { COMPACT, encodeSyncPacket, parser } from '../shared/wire/sio-parser.ts';

export interface Conn {
  /** Resolves when the first sync step 2 of every document the connection syncs has arrived. */
  synced: Promise<void>;
  /** performance.now() when the last of those step 2s arrived. */
  syncedAt: number;
  /** Sends a Yjs update of the document this client writes; onAck(true) when the server acknowledged it. */
  sendUpdate(update: Uint8Array, onAck: (ok: boolean) => void): void;
  /** Presence as the client sends it (Hocuspocus awareness); ours has none from clients (the server derives it). */
  sendAwareness?(update: Uint8Array): void;
  /** Called with each received Yjs update (step 2 or update) of the shared document: ours, the room document. */
  onUpdate: ((update: Uint8Array, at: number) => void) | null;
  bytes(): number;
  errors: string[];
  close(): void;
  /** The WebSocket under a raw client (bench/wire-bytes.ts lists its frames). */
  ws?: WebSocket;
}

type TcpCounted = { _socket?: { bytesRead: number; bytesWritten: number } | null };
function tcpBytes(ws: unknown, last: { n: number }): number {
  const s = (ws as TcpCounted | undefined)?._socket;
  if (s) last.n = s.bytesRead + s.bytesWritten;
  return last.n;
}

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((a, b) => {
    resolve = a;
    reject = b;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** A protocol 2 `sync` frame: document id byte, message type, payload. */
const frame = (doc: DocName, type: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeUint8(e, DOC_IDS[doc]);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};
/** Sync step 1 of an empty document: "send me everything". */
export const step1Frame = (doc: DocName) => frame(doc, 0, new Uint8Array([0]));
/** A change to the phone's own document: the only one a client writes. */
export const updateFrame = (update: Uint8Array) => frame('mine', 2, update);

const ROOM_ID = DOC_IDS.room;

/** Reads a `sync` frame: [document id, message type, payload]. */
function readSync(bytes: Uint8Array): [number, number, Uint8Array] {
  const decoder = decoding.createDecoder(bytes);
  const doc = decoding.readUint8(decoder);
  const type = decoding.readVarUint(decoder);
  return [doc, type, decoding.readVarUint8Array(decoder)];
}

// ------------------------------------------------------------------ ours

export type OurAuth =
  | { v: typeof PROTOCOL_VERSION; role: 'participant'; code: string; token: string }
  | { v: typeof PROTOCOL_VERSION; role: 'facilitator' | 'viewer'; code: string; key: string };

/** Tracks step 2 per document; resolves `ready` once every document of the role has one. */
function syncTracker(role: Role, conn: Conn, ready: { resolve: () => void }) {
  const waiting = new Set(DOCS_FOR[role].map((d) => DOC_IDS[d] as number));
  return (doc: number, type: number, at: number) => {
    if (type !== 1 || !waiting.delete(doc) || waiting.size) return;
    conn.syncedAt = at;
    ready.resolve();
  };
}

/** Our server through the real socket.io-client library (observers). */
export function sioClient(base: string, auth: OurAuth): Conn {
  const socket: SioSocket = io(base, { auth, transports: ['websocket'], forceNew: true, reconnection: false, parser });
  const ready = deferred();
  const last = { n: 0 };
  const conn: Conn = {
    synced: ready.promise,
    syncedAt: 0,
    onUpdate: null,
    errors: [],
    sendUpdate(update, onAck) {
      socket.emit('sync', updateFrame(update), (reply: Ack) => {
        if (!reply.ok) conn.errors.push(reply.error.code);
        onAck(reply.ok);
      });
    },
    bytes: () => tcpBytes((socket.io.engine?.transport as unknown as { ws?: unknown } | undefined)?.ws, last),
    close: () => socket.close(),
  };
  const synced = syncTracker(auth.role, conn, ready);
  socket.on('connect', () => {
    for (const d of DOCS_FOR[auth.role]) socket.emit('sync', step1Frame(d), () => {});
  });
  socket.on('connect_error', (err) => ready.reject(err));
  socket.on('rejected', (p: { code: string }) => conn.errors.push(p.code));
  socket.on('sync', (data: ArrayBuffer | Uint8Array) => {
    const at = performance.now();
    const [doc, type, payload] = readSync(data instanceof Uint8Array ? data : new Uint8Array(data));
    if (type === 0) return;
    if (doc === ROOM_ID) conn.onUpdate?.(payload, at);
    synced(doc, type, at);
  });
  return conn;
}

/**
 * Our server through the Socket.IO v4 / Engine.IO v4 wire protocol over plain
 * `ws` (counters and the join storm): `40{auth}`, `sync` events and `{ ok: true }`
 * acks as compact binary packets (shared/wire/sio-parser.ts), other acks as
 * `43<id>[...]`, pings answered.
 */
export function rawSioClient(base: string, auth: OurAuth): Conn {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
  const ready = deferred();
  const last = { n: 0 };
  const acks = new Map<number, (ok: boolean) => void>();
  let nextAck = 0;
  let pendingBinary = false;
  const send = (message: Uint8Array, onAck: (ok: boolean) => void) => {
    const id = nextAck++;
    acks.set(id, onAck);
    ws.send(encodeSyncPacket(message, id));
  };
  const acked = (id: number, ok: boolean, error?: string) => {
    const cb = acks.get(id);
    if (!cb) return;
    acks.delete(id);
    if (error) conn.errors.push(error);
    cb(ok);
  };
  const conn: Conn = {
    synced: ready.promise,
    syncedAt: 0,
    onUpdate: null,
    errors: [],
    sendUpdate: (update, onAck) => send(updateFrame(update), onAck),
    ws,
    bytes: () => tcpBytes(ws, last),
    close: () => {
      tcpBytes(ws, last);
      ws.terminate();
    },
  };
  const synced = syncTracker(auth.role, conn, ready);
  ws.on('error', (err) => ready.reject(err));
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) {
      // An attachment of an event in Socket.IO's own layout: none is a `sync` frame.
      if (pendingBinary) {
        pendingBinary = false;
        return;
      }
      if (data[0] === COMPACT.ackOk) {
        let id = 0;
        for (let i = 1, mult = 1; i < data.length; i++, mult *= 128) id += (data[i]! & 0x7f) * mult;
        acked(id, true);
        return;
      }
      if (data[0] !== COMPACT.sync) return;
      const at = performance.now();
      const doc = data[1]!;
      const type = data[2]!;
      if (doc === ROOM_ID && type !== 0 && conn.onUpdate) conn.onUpdate(readSync(data.subarray(1))[2], at);
      synced(doc, type, at);
      return;
    }
    const s = data.toString();
    switch (s.charCodeAt(0)) {
      case 0x30: // '0' open
        ws.send(`40${JSON.stringify(auth)}`);
        return;
      case 0x32: // '2' ping
        ws.send('3');
        return;
      case 0x34: // '4' message: socket.io packet follows
        break;
      default:
        return;
    }
    const t = s.charCodeAt(1);
    if (t === 0x35) {
      // '5' binary event in Socket.IO's layout: 451-["name",...], one attachment follows
      pendingBinary = true;
    } else if (t === 0x33) {
      // '3' ack with data or an error: 43<id>[reply]
      let i = 2;
      let id = 0;
      while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) id = id * 10 + (s.charCodeAt(i++) - 0x30);
      const ok = s.startsWith('[{"ok":true', i);
      acked(id, ok, ok ? undefined : s.slice(i, i + 120));
    } else if (t === 0x30) {
      // '0' connected: ask for each document's state, as a phone does
      for (const d of DOCS_FOR[auth.role]) send(step1Frame(d), () => {});
    } else if (t === 0x34) {
      conn.errors.push(s);
      ready.reject(new Error(`refused: ${s}`));
    } else if (t === 0x32 && s.startsWith('42["rejected"')) {
      conn.errors.push(s);
    }
  });
  return conn;
}

/** Runs facilitator commands over a short-lived socket (setting a room up between phases). */
export async function facilitatorCommands(base: string, code: string, key: string, commands: Command[]): Promise<void> {
  const socket: SioSocket = io(base, {
    auth: { v: PROTOCOL_VERSION, role: 'facilitator', code, key },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    parser,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    for (const cmd of commands) {
      const ack = (await socket.timeout(15_000).emitWithAck('command', cmd)) as Ack;
      if (!ack.ok) throw new Error(`${cmd.type}: ${ack.error.code} ${ack.error.message}`);
    }
  } finally {
    socket.close();
  }
}

// ------------------------------------------------------------------ Hocuspocus

function hpMessage(doc: string, type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/** A Hocuspocus client speaking its protocol over `ws`: auth, sync, awareness, SyncStatus acks. */
export function hocuspocusClient(base: string, docName: string, opts: { decode?: boolean } = {}): Conn {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/${encodeURIComponent(docName)}`, { perMessageDeflate: false });
  const ready = deferred();
  const last = { n: 0 };
  const acks: ((ok: boolean) => void)[] = [];
  let ackHead = 0;
  const conn: Conn = {
    synced: ready.promise,
    syncedAt: 0,
    onUpdate: null,
    errors: [],
    sendUpdate(update, onAck) {
      acks.push(onAck);
      ws.send(
        hpMessage(docName, 0, (e) => {
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint8Array(e, update);
        }),
      );
    },
    ws,
    sendAwareness(update) {
      ws.send(hpMessage(docName, 1, (e) => encoding.writeVarUint8Array(e, update)));
    },
    bytes: () => tcpBytes(ws, last),
    close: () => {
      tcpBytes(ws, last);
      ws.terminate();
    },
  };
  ws.on('error', (err) => ready.reject(err));
  ws.on('open', () => {
    ws.send(
      hpMessage(docName, 2, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, '');
      }),
    );
    ws.send(
      hpMessage(docName, 0, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, new Uint8Array([0]));
      }),
    );
  });
  ws.on('message', (data: Buffer) => {
    const at = performance.now();
    const d = decoding.createDecoder(data);
    decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === 8) {
      const ok = decoding.readVarUint(d) === 1;
      const cb = acks[ackHead];
      if (cb) {
        acks[ackHead++] = undefined as never;
        if (ackHead > 1024 && ackHead * 2 > acks.length) {
          acks.splice(0, ackHead);
          ackHead = 0;
        }
        if (!ok) conn.errors.push('sync-status-false');
        cb(ok);
      }
      return;
    }
    if (type === 2) {
      const sub = decoding.readVarUint(d);
      if (sub === 0) {
        conn.errors.push('permission-denied');
        ready.reject(new Error('permission denied'));
      }
      return;
    }
    if (type !== 0) return;
    const sub = decoding.readVarUint(d);
    if (sub === 1 && !conn.syncedAt) {
      conn.syncedAt = at;
      ready.resolve();
    }
    if ((sub === 1 || sub === 2) && conn.onUpdate) conn.onUpdate(decoding.readVarUint8Array(d), at);
  });
  void opts;
  return conn;
}
