/**
 * Socket.IO wiring: the handshake (who are you, which room), then one
 * validated handler per event. Every refusal is a named error in an ack or a
 * `rejected` event; no handler lets an exception escape.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { AppError, type ErrorCode } from '../../shared/errors.ts';
import { CommandSchema, HandshakeAuth, LIMITS, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol.ts';
import type { Config } from '../config.ts';
import { DEFAULTS } from '../config.ts';
import type { Room, RoomTransport } from '../rooms/room.ts';
import type { RoomManager } from '../rooms/room-manager.ts';
import type { WorkshopService } from '../workshops.ts';
import type { FailureLimiter } from '../security/failure-limiter.ts';
import { TokenBucket } from './rate.ts';
import { decodeSyncFrame, encodeStep1, encodeStep2, encodeUpdate, isEmptyUpdate } from './sync-messages.ts';

export interface SocketData {
  code: string;
  role: 'facilitator' | 'viewer' | 'participant';
  participantId: string | null;
  name: string | null;
  room: Room;
}

type IO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

interface Logger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export function createSocketServer(httpServer: HttpServer, config: Config): IO {
  return new Server(httpServer, {
    serveClient: false,
    // Larger than our own cap, so oversize messages get a named error instead of a dropped connection.
    maxHttpBufferSize: 1_000_000,
    perMessageDeflate: false,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin) return callback(null, true); // not a browser: nothing to check
      const host = req.headers.host;
      let sameOrigin = false;
      try {
        sameOrigin = new URL(origin).host === host;
      } catch {
        sameOrigin = false;
      }
      callback(null, sameOrigin || config.allowedOrigins.includes(origin));
    },
  });
}

/** What we read of an Engine.IO connection to hand it a pre-encoded WebSocket packet. */
interface EngineConn {
  readyState: string;
  transport?: { name: string; perMessageDeflate?: unknown };
  write(data: string, options: { wsPreEncodedFrame: Buffer[] }): void;
}

/** One unmasked, final WebSocket frame (server to client): 1 = text, 2 = binary. */
function wsFrame(opcode: 1 | 2, payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const out = Buffer.allocUnsafe(head + n);
  out[0] = 0x80 | opcode;
  if (n < 126) out[1] = n;
  else if (n < 65_536) {
    out[1] = 126;
    out.writeUInt16BE(n, 2);
  } else {
    out[1] = 127;
    out.writeBigUInt64BE(BigInt(n), 2);
  }
  out.set(payload, head);
  return out;
}

/** The Socket.IO header of a binary `sync` event; its one attachment follows as a binary frame. */
const SYNC_EVENT_HEADER = Buffer.from('451-["sync",{"_placeholder":true,"num":0}]');

/** Both WebSocket frames of a `sync` event carrying `message`, as one buffer. */
const syncFrames = (message: Uint8Array): Buffer[] => [Buffer.concat([wsFrame(1, SYNC_EVENT_HEADER), wsFrame(2, message)])];

/** Sends pre-encoded `sync` frames on a WebSocket connection; false when it must go through socket.emit. */
function sendFrames(socket: AppSocket, frames: () => Buffer[]): boolean {
  const conn = socket.conn as unknown as EngineConn;
  if (conn.readyState !== 'open' || conn.transport?.name !== 'websocket' || conn.transport.perMessageDeflate) return false;
  conn.write('', { wsPreEncodedFrame: frames() });
  return true;
}

/**
 * The step-2 frames of the room's cached full state, built once per state: every joining
 * phone gets the same bytes without copying the board twice more (framing, attachment).
 */
const step2Frames = new WeakMap<Uint8Array, Buffer[]>();
function fullStateFrames(state: Uint8Array): Buffer[] {
  let frames = step2Frames.get(state);
  if (!frames) step2Frames.set(state, (frames = syncFrames(encodeStep2(state))));
  return frames;
}

export function socketTransport(io: IO, code: string): RoomTransport {
  return {
    broadcastUpdate(update, except) {
      const message = encodeUpdate(update);
      // Socket.IO writes a binary event as two frames, each its own write to every socket.
      // Both frames are encoded once per broadcast and each WebSocket connection gets them as
      // one pre-encoded Engine.IO packet (what Socket.IO's adapter does for text broadcasts):
      // the same bytes on the wire, queued in order with the connection's other packets.
      const ids = io.sockets.adapter.rooms.get(code);
      if (!ids) return;
      let frames: Buffer[] | null = null;
      const once = () => (frames ??= syncFrames(message));
      for (const id of ids) {
        if (id === except) continue;
        const socket = io.sockets.sockets.get(id);
        if (socket && !sendFrames(socket, once)) socket.emit('sync', message);
      }
    },
    broadcastAwareness(update, except) {
      (except ? io.to(code).except(except) : io.to(code)).emit('awareness', update);
    },
    kick(participantId) {
      void io
        .in(code)
        .fetchSockets()
        .then((sockets) => {
          for (const s of sockets) {
            if (s.data.participantId !== participantId) continue;
            s.emit('closed', { reason: 'removed' });
            s.disconnect(true);
          }
        });
    },
  };
}

/** Tells every connection of a deleted workshop, then disconnects them. */
export async function closeRoomConnections(io: IO, code: string): Promise<void> {
  const sockets = await io.in(code).fetchSockets();
  for (const s of sockets) {
    s.emit('closed', { reason: 'deleted' });
    s.disconnect(true);
  }
}

function handshakeError(code: ErrorCode, message?: string): Error & { data: unknown } {
  const e = new AppError(code, message);
  const err = new Error(e.message) as Error & { data: unknown };
  err.data = { code: e.code };
  return err;
}

const toBytes = (data: unknown): Uint8Array | null =>
  data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;

function errorAck(err: unknown): Ack {
  const e = err instanceof AppError ? err : new AppError('INTERNAL');
  return { ok: false, error: { code: e.code, message: e.message } };
}

export interface RealtimeDeps {
  config: Config;
  rooms: RoomManager;
  workshops: WorkshopService;
  joinFailures: FailureLimiter;
  log: Logger;
}

export function registerRealtime(io: IO, deps: RealtimeDeps): void {
  const { rooms, workshops, joinFailures, log, config } = deps;

  io.use(async (socket, next) => {
    const address = socket.handshake.address;
    try {
      if (!joinFailures.allowed(address)) return next(handshakeError('RATE_LIMITED'));
      const parsed = HandshakeAuth.safeParse(socket.handshake.auth);
      if (!parsed.success) {
        joinFailures.fail(address);
        const v = (socket.handshake.auth as { v?: unknown } | undefined)?.v;
        return next(handshakeError(v !== undefined && v !== 1 ? 'VERSION_MISMATCH' : 'UNAUTHENTICATED'));
      }
      const auth = parsed.data;
      let participantId: string | null = null;
      let name: string | null = null;
      if (auth.role === 'participant') {
        const p = await workshops.participantByToken(auth.code, auth.token);
        if (!p) {
          joinFailures.fail(address);
          return next(handshakeError('UNAUTHENTICATED', 'That join link is not valid for this workshop.'));
        }
        if (p.removed) return next(handshakeError('REMOVED'));
        participantId = p.id;
        name = p.name;
      } else {
        try {
          await workshops.authoriseFacilitator(auth.code, auth.key);
        } catch (err) {
          joinFailures.fail(address);
          throw err;
        }
      }
      const room = await rooms.get(auth.code);
      socket.data = { code: auth.code, role: auth.role, participantId, name, room };
      next();
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('INTERNAL');
      if (!(err instanceof AppError)) log.error({ err }, 'handshake failed');
      next(handshakeError(e.code, e.message));
    }
  });

  io.on('connection', (socket: AppSocket) => {
    const { room, role, participantId, name, code } = socket.data;
    const bucket = new TokenBucket(config.messagesPerSecond, DEFAULTS.messageBurst);
    rooms.connected(room, socket.id);
    void socket.join(code);
    socket.emit('welcome', { role, participantId, name, serverTime: Date.now() });
    if (room.awareness.getStates().size > 0) {
      socket.emit('awareness', awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]));
    }

    const reject = (err: unknown) => {
      const ack = errorAck(err);
      if (!ack.ok) socket.emit('rejected', ack.error);
    };
    const reply = (ack: unknown, value: Ack) => {
      if (typeof ack === 'function') (ack as (a: Ack) => void)(value);
      else if (!value.ok) socket.emit('rejected', value.error);
    };

    socket.on('sync', async (data: unknown, ack?: unknown) => {
      try {
        if (!bucket.take()) throw new AppError('RATE_LIMITED');
        const bytes = toBytes(data);
        if (!bytes) throw new AppError('MALFORMED_UPDATE');
        if (bytes.byteLength > LIMITS.messageBytesMax) throw new AppError('PAYLOAD_TOO_LARGE');
        const frame = decodeSyncFrame(bytes);
        if (frame.type === 'step1') {
          // Answer only with what is stored, so nobody receives an edit a crash could lose.
          await room.flush();
          let diff: Uint8Array;
          try {
            diff = room.encodeDiff(frame.stateVector);
          } catch {
            throw new AppError('MALFORMED_UPDATE', 'That state vector could not be read.');
          }
          if (!sendFrames(socket, () => (frame.stateVector.byteLength <= 1 ? fullStateFrames(diff) : syncFrames(encodeStep2(diff))))) {
            socket.emit('sync', encodeStep2(diff));
          }
          socket.emit('sync', encodeStep1(Y.encodeStateVector(room.doc)));
          return reply(ack, { ok: true });
        }
        if (role !== 'participant' || !participantId) {
          if (isEmptyUpdate(frame.update)) return reply(ack, { ok: true });
          throw new AppError(role === 'viewer' ? 'FORBIDDEN' : 'NOT_FACILITATOR', 'The facilitator changes the board through its controls.');
        }
        if (isEmptyUpdate(frame.update)) {
          await room.flush();
          return reply(ack, { ok: true });
        }
        await room.applyParticipantUpdate(frame.update, participantId, socket.id);
        reply(ack, { ok: true });
      } catch (err) {
        if (!(err instanceof AppError)) log.error({ err }, 'sync handler failed');
        reply(ack, errorAck(err));
      }
    });

    socket.on('awareness', (data: unknown) => {
      try {
        if (!bucket.take()) throw new AppError('RATE_LIMITED');
        const bytes = toBytes(data);
        if (!bytes) throw new AppError('MALFORMED_UPDATE');
        room.applyAwareness(bytes, socket.id, { participantId, role });
      } catch (err) {
        reject(err);
      }
    });

    socket.on('command', async (raw: unknown, ack?: unknown) => {
      try {
        if (!bucket.take()) throw new AppError('RATE_LIMITED');
        const parsed = CommandSchema.safeParse(raw);
        if (!parsed.success) throw new AppError('INVALID_BODY', parsed.error.issues[0]?.message);
        const command = parsed.data;
        const data = await room.runCommand(command, { role, participantId });
        if (command.type === 'participant:remove') await workshops.removeParticipantRecord(code, command.participantId);
        reply(ack, { ok: true, data });
      } catch (err) {
        if (!(err instanceof AppError)) log.error({ err }, 'command failed');
        reply(ack, errorAck(err));
      }
    });

    socket.on('disconnect', () => {
      rooms.disconnected(room, socket.id);
    });
  });
}

export type { IO };
