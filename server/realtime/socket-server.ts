/**
 * Socket.IO wiring: the handshake (who are you, which room, within which
 * limits), then one validated handler per event. Every refusal is a named
 * error in an ack, a `rejected` event, or the handshake's `connect_error`; no
 * handler lets an exception escape.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import * as Y from 'yjs';
import { AppError } from '../../shared/domain/errors.ts';
import {
  CommandSchema,
  schemaRefusal,
  DOCS_FOR,
  HandshakeAuth,
  LIMITS,
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type Command,
  type HandshakeRefusal,
  type Role,
  type ServerToClientEvents,
} from '../../shared/schema/protocol.ts';
import type { Config } from '../config.ts';
import { toAppError } from '../http-errors.ts';
import { DEFAULTS } from '../config.ts';
import type { Room } from '../rooms/room.ts';
import type { RoomManager } from '../rooms/room-manager.ts';
import type { WorkshopService } from '../workshop-service.ts';
import type { FailedJoinLimit } from '../security/failure-limiter.ts';
import { ConnectionCounter, KeyedBuckets, type AddressConnections } from '../security/address-limits.ts';
import { parser } from '../../shared/wire/sio-parser.ts';
import { TokenBucket } from './rate.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { KnownCodes } from '../security/known-codes.ts';
import { forgetUpgradeRequest, trimHandshake } from './lean-connections.ts';
import { decodeSyncFrame, encodeStep1, encodeStep2, isEmptyUpdate } from './sync-messages.ts';
import { cachedFrames, sendFrames, syncFrames } from './ws-frames.ts';

export interface SocketData {
  code: string;
  role: Role;
  participantId: string | null;
  name: string | null;
  room: Room;
  /** Messages per second, with a burst of two seconds' worth (120 at the default 60 per second). */
  bucket: TokenBucket;
}

export type IO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * What the connection handler uses of a socket. A Socket.IO socket is one; so is a guest, a
 * phone connected to another node and served here (server/cluster/guest.ts). A handler that
 * reached for anything else would fail to compile, not fail in cluster mode only.
 */
export interface RealtimeSocket {
  /** The room's connection id. */
  readonly id: string;
  readonly data: SocketData;
  /** Read by ws-frames.ts: only an open WebSocket takes pre-encoded frames; anything else gets `emit`. */
  readonly conn: { readonly readyState: string };
  emit<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): boolean;
  /** Listeners are shared by every socket: each is called with its socket as `this`. */
  on(event: 'sync' | 'command', listener: (this: RealtimeSocket, ...args: unknown[]) => void): this;
  onAny(listener: (this: RealtimeSocket, event: string, ...args: unknown[]) => void): this;
  join(room: string): Promise<void> | void;
}

/** Serves connections once their handshake passed: this node's own, and (cluster mode) guests. */
export interface ConnectionHandler {
  /** A new connection's message budget, its `data.bucket`. */
  messageBucket(): TokenBucket;
  /** Welcomes the connection and answers its events from now on. */
  serve(socket: RealtimeSocket): void;
}

interface Logger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export function createSocketServer(httpServer: HttpServer, config: Config): IO {
  return new Server(httpServer, {
    serveClient: false,
    // `sync` events and their `{ ok: true }` acks in one compact binary frame (shared/wire/sio-parser.ts).
    parser,
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

/** A handshake refusal: `connect_error` carries `data` with the code and the words to show. */
function refusal(code: HandshakeRefusal['code'], message?: string): Error & { data: HandshakeRefusal } {
  const e = new AppError(code, message);
  return Object.assign(new Error(e.message), { data: { code: e.code, message: e.message } });
}

const toBytes = (data: unknown): Uint8Array | null =>
  data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;

/** Answers through the ack when the client asked for one; a refusal without one goes as `rejected`. */
function reply<T>(socket: RealtimeSocket, ack: unknown, value: Ack<T>): void {
  if (typeof ack === 'function') (ack as (a: Ack<T>) => void)(value);
  else if (!value.ok) socket.emit('rejected', value.error);
}

function errorAck(err: unknown, metrics?: Metrics): Ack<never> {
  const e = toAppError(err);
  metrics?.refused(e.code);
  return { ok: false, error: { code: e.code, message: e.message } };
}

export interface RealtimeDeps {
  config: Config;
  rooms: RoomManager;
  workshops: WorkshopService;
  joinFailures: FailedJoinLimit;
  /** Open connections per address; this node's own count when not given. */
  perAddress?: AddressConnections;
  log: Logger;
  metrics?: Metrics;
  /** The overload gate: while it is busy, new connections are refused with SERVER_BUSY. */
  load?: { readonly busy: string | null };
  /** Codes each address got into: past the failed-join limit, those still open. */
  knownCodes?: KnownCodes;
  /** Cluster mode (server/cluster/router.ts): serves sockets whose room another node owns. */
  router?: {
    forward(socket: AppSocket, who: { code: string; role: Role; participantId: string | null; name: string | null }): Promise<boolean>;
    connected(socket: AppSocket): boolean;
    /** Hands over the handler that serves the sockets forwarded to this node. */
    serveWith(handler: ConnectionHandler): void;
  };
}

export function registerRealtime(io: IO, deps: RealtimeDeps): void {
  const { rooms, workshops, joinFailures, log, config } = deps;
  const perAddress = deps.perAddress ?? new ConnectionCounter(config.maxConnectionsPerAddress);
  const connects = new KeyedBuckets(DEFAULTS.connectsPerSecond, DEFAULTS.connectBurst);
  const handler = connectionHandler(deps);
  deps.router?.serveWith(handler);
  const { metrics, load, knownCodes } = deps;
  /** A handshake refusal, counted by code (and by limit, for the per-address and per-seat ones). */
  const refuse = (code: HandshakeRefusal['code'], message?: string, limit?: string) => {
    metrics?.refused(code);
    if (limit) metrics?.rateLimitedConnections.inc({ limit });
    return refusal(code, message);
  };

  io.engine.use(forgetUpgradeRequest);
  io.use(async (socket, next) => {
    const address = socket.handshake.address;
    try {
      // Past the overload limits, the rooms already connected keep what capacity there is.
      if (load?.busy) return next(refuse('SERVER_BUSY'));
      const claimed = (socket.handshake.auth as { code?: unknown } | undefined)?.code;
      const known = typeof claimed === 'string' && (knownCodes?.knows(address, claimed) ?? false);
      if (!known && !(await joinFailures.allowed(address)))
        return next(refuse('RATE_LIMITED', 'Too many wrong codes from this network; wait a few minutes.', 'failed_joins'));
      const raw = socket.handshake.auth as { v?: unknown } | undefined;
      if (raw?.v !== PROTOCOL_VERSION) {
        if (raw?.v !== undefined) return next(refuse('VERSION_MISMATCH'));
      }
      const parsed = HandshakeAuth.safeParse(socket.handshake.auth);
      if (!parsed.success) {
        await joinFailures.fail(address);
        return next(refuse('UNAUTHENTICATED'));
      }
      const auth = parsed.data;
      let participantId: string | null = null;
      let name: string | null = null;
      if (auth.role === 'participant') {
        const p = await workshops.participantByToken(auth.code, auth.token);
        if (!p) {
          await joinFailures.fail(address);
          // A phone whose workshop was deleted hears that, not that its link is wrong.
          if (!(await workshops.exists(auth.code))) return next(refuse('WORKSHOP_NOT_FOUND'));
          return next(refuse('UNAUTHENTICATED', 'That join link is not valid for this workshop.'));
        }
        if (p.removed) return next(refuse('REMOVED'));
        participantId = p.id;
        name = p.name;
        // Each connect changes who is online for the whole room: one person cannot make it churn.
        if (!connects.take(`${auth.code}/${p.id}`))
          return next(refuse('RATE_LIMITED', 'Reconnecting too often; wait a moment.', 'reconnects'));
      } else {
        try {
          if (auth.role === 'facilitator') await workshops.authoriseFacilitator(auth.code, auth.key);
          else await workshops.authoriseViewer(auth.code, auth.key);
        } catch (err) {
          await joinFailures.fail(address);
          throw err;
        }
      }
      // Every connection this node holds counts, served here or forwarded to the room's owner.
      if (!(await perAddress.acquire(address)))
        return next(refuse('TOO_MANY_CONNECTIONS', 'Too many connections from this network.', 'per_address'));
      let addressHeld = true;
      const releaseAddress = () => {
        if (!addressHeld) return;
        addressHeld = false;
        perAddress.release(address);
      };
      let room: Room;
      try {
        if (deps.router && (await deps.router.forward(socket, { code: auth.code, role: auth.role, participantId, name }))) {
          socket.conn.once('close', releaseAddress);
          socket.once('disconnect', releaseAddress);
          if (socket.conn.readyState === 'closed') releaseAddress();
          return next();
        }
        room = await rooms.get(auth.code);
      } catch (err) {
        releaseAddress();
        throw err;
      }
      if (!rooms.connected(room, socket.id, { role: auth.role, participantId }, config.maxConnectionsPerParticipant)) {
        releaseAddress();
        return next(refuse('TOO_MANY_CONNECTIONS', undefined, 'per_participant'));
      }
      // Released when the transport closes, whether or not the connection got as far as `connection`.
      // `on`, not `once`: release runs once anyway, and `once` wraps each listener in two more objects.
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        releaseAddress();
        rooms.disconnected(room, socket.id);
      };
      socket.conn.on('close', release);
      socket.on('disconnect', release);
      // The transport may have closed while we awaited storage: its 'close' has fired already.
      if (socket.conn.readyState === 'closed') release();
      socket.data = { code: auth.code, role: auth.role, participantId, name, room, bucket: handler.messageBucket() };
      knownCodes?.remember(address, auth.code);
      next();
    } catch (err) {
      const e = toAppError(err);
      if (!(err instanceof AppError)) log.error({ err }, 'handshake failed');
      next(refuse(e.code, e.message));
    }
  });

  io.on('connection', (socket: AppSocket) => {
    trimHandshake(socket);
    if (deps.router?.connected(socket)) return;
    handler.serve(socket);
  });
}

/**
 * The handler every connection gets once its handshake passed, whichever node holds its phone:
 * one set of validation, rate limits and write rules.
 */
export function connectionHandler(deps: Pick<RealtimeDeps, 'config' | 'workshops' | 'log' | 'metrics'>): ConnectionHandler {
  const { workshops, log, config, metrics } = deps;

  /**
   * The event handlers, one set for every socket (Socket.IO calls a listener with the socket as
   * `this`): what each connection holds is its `socket.data`, not a closure per handler.
   */
  async function onSync(this: RealtimeSocket, data: unknown, ack?: unknown): Promise<void> {
    const socket = this;
    const { room, role, participantId, bucket } = socket.data;
    const conn = { role, participantId };
    const acked = metrics?.ackTimer('sync');
    try {
      if (!bucket.take()) throw new AppError('RATE_LIMITED');
      const bytes = toBytes(data);
      if (!bytes) throw new AppError('MALFORMED_UPDATE');
      if (bytes.byteLength > LIMITS.messageBytesMax) throw new AppError('PAYLOAD_TOO_LARGE');
      const frame = decodeSyncFrame(bytes);
      if (!DOCS_FOR[role].includes(frame.doc)) throw new AppError('FORBIDDEN', 'That document is not yours to read.');
      const doc = frame.doc;
      if (frame.type === 'step1') {
        // Answer only with what is stored, so nobody receives an edit a crash could lose
        // (during a storage fault, that means once storage is back).
        await room.settled();
        let diff: Uint8Array;
        try {
          diff = room.encodeDiff(conn, doc, frame.stateVector);
        } catch (err) {
          if (err instanceof AppError) throw err;
          throw new AppError('MALFORMED_UPDATE', 'That state vector could not be read.');
        }
        // Our state vector, asking for what the client has that we lack. For a phone's own
        // document it goes first: the phone answers with what it kept offline before it counts
        // itself in sync, so no new edit of its overtakes them (and is refused as skipping them).
        // For a server-written one it goes after: a copy made from an earlier build of it (a
        // restart, or the room moved to another node) holds what this one lacks, and the client
        // drops it and fetches it again.
        const ask = () => socket.emit('sync', encodeStep1(doc, Y.encodeStateVector(room.docFor(conn, doc)!)));
        if (doc === 'mine') ask();
        const whole = doc !== 'mine' && frame.stateVector.byteLength <= 1;
        if (!sendFrames(socket, () => (whole ? cachedFrames(diff, (s) => encodeStep2(doc, s)) : syncFrames(encodeStep2(doc, diff))))) {
          socket.emit('sync', encodeStep2(doc, diff));
        }
        if (doc !== 'mine') ask();
        acked?.(false);
        return reply(socket, ack, { ok: true });
      }
      if (isEmptyUpdate(frame.update)) {
        await room.flush();
        acked?.(false);
        return reply(socket, ack, { ok: true });
      }
      if (doc !== 'mine' || !participantId) {
        throw new AppError(
          role === 'facilitator' ? 'NOT_FACILITATOR' : 'FORBIDDEN',
          'The board changes through its controls, not directly.',
        );
      }
      await room.applyParticipantUpdate(frame.update, participantId, socket.id);
      acked?.(true);
      reply(socket, ack, { ok: true });
    } catch (err) {
      if (!(err instanceof AppError)) log.error({ err }, 'sync handler failed');
      acked?.(false);
      reply(socket, ack, errorAck(err, metrics));
    }
  }

  // Anything a client is not meant to send (old `awareness` frames, made-up events) gets a
  // named refusal instead of silence, and still counts against the message rate.
  function onAny(this: RealtimeSocket, event: string, ...args: unknown[]): void {
    if (event === 'sync' || event === 'command') return;
    const last = args[args.length - 1];
    reply(
      this,
      last,
      errorAck(
        new AppError(
          this.data.bucket.take() ? 'BAD_REQUEST' : 'RATE_LIMITED',
          `The server does not take "${String(event).slice(0, 40)}" messages.`,
        ),
      ),
    );
  }

  async function onCommand(this: RealtimeSocket, raw: unknown, ack?: unknown): Promise<void> {
    const socket = this;
    const { room, role, participantId, code, bucket } = socket.data;
    const acked = metrics?.ackTimer('command');
    try {
      if (!bucket.take()) throw new AppError('RATE_LIMITED');
      const parsed = CommandSchema.safeParse(raw);
      if (!parsed.success) throw schemaRefusal(parsed.error);
      const command: Command = parsed.data;
      if (command.type === 'viewer:rotate') {
        if (role !== 'facilitator') throw new AppError(role === 'viewer' ? 'FORBIDDEN' : 'NOT_FACILITATOR');
        const viewerKey = await workshops.rotateViewerKey(code);
        room.closeViewers();
        acked?.(true);
        return reply(socket, ack, { ok: true, data: { viewerKey } });
      }
      const data = await room.runCommand(command, { role, participantId });
      if (command.type === 'participant:remove') await workshops.removeParticipantRecord(code, command.participantId);
      if (command.type === 'participants:remove-recent') {
        for (const id of (data as { removed: string[] }).removed) await workshops.removeParticipantRecord(code, id);
      }
      acked?.(true);
      reply(socket, ack, { ok: true, data });
    } catch (err) {
      if (!(err instanceof AppError)) log.error({ err }, 'command failed');
      acked?.(false);
      reply(socket, ack, errorAck(err, metrics));
    }
  }

  return {
    messageBucket: () => new TokenBucket(config.messagesPerSecond, Math.max(DEFAULTS.messageBurst, 2 * config.messagesPerSecond)),
    serve(socket) {
      const { room, role, participantId, name, code } = socket.data;
      void socket.join(code);
      socket.emit('welcome', { role, participantId, name, serverTime: Date.now() });
      socket.emit('presence', room.presenceFor({ role, participantId }));
      socket.on('sync', onSync);
      socket.onAny(onAny);
      socket.on('command', onCommand);
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
