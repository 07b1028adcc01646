/**
 * Rooms across nodes (cluster mode). Each room lives on the node holding its lease (its
 * owner); any node accepts any connection:
 *
 * - A socket whose room is owned here, or owned by no one (this node then takes it), is
 *   served here as on a single node.
 * - A socket whose room another node owns is forwarded: its events go to the owner over
 *   Redis, where a GuestSocket runs them through the same handlers as a local socket, and
 *   what those handlers and the room send it comes back. Acks come from the owner, after the
 *   commit. Each recipient's projection is chosen by the owner, per connection, as locally.
 * - When a room moves (its owner died, was paused past its lease, or shut down), the
 *   connections of the old owner and of every forwarding node are closed at the transport, so
 *   the clients reconnect on their own, are routed afresh, and catch up by the Yjs exchange.
 *   Forwarding nodes notice a dead owner from its lease (checked every third of the TTL);
 *   a live owner that loses a room tells them at once.
 * - HTTP calls that need a live room (info, join, exports) run on its owner.
 * - A deleted workshop is announced to every node, which closes its connections.
 */
import { AppError, isErrorCode } from '../../shared/domain/errors.ts';
import { toAppError } from '../http-errors.ts';
import type { Room, RoomTransport } from '../rooms/room.ts';
import type { RoomManager } from '../rooms/room-manager.ts';
import type { ConnectionHandler, IO } from '../realtime/socket-server.ts';
import { encodeUpdate } from '../realtime/sync-messages.ts';
import { Bus, packArgs, unpackArgs } from './bus.ts';
import { GuestSocket } from './guest.ts';
import type { RoomLeases } from './lease.ts';
import type { Message, MessageOf, ToSocket, Who } from './messages.ts';
import { NotOwner, type RoomOwnership } from './ownership.ts';
import { Rpc } from './rpc.ts';

type Ack = (...args: unknown[]) => void;
const isAck = (value: unknown): value is Ack => typeof value === 'function';

/** What the router uses of a socket it forwards: a Socket.IO socket on this node. */
interface EdgeSocket {
  readonly id: string;
  readonly conn: { readonly readyState: string; once(event: 'close', fn: () => void): unknown; close(): unknown };
  once(event: 'disconnect', fn: () => void): unknown;
  join(room: string): unknown;
  onAny(fn: (event: string, ...args: unknown[]) => void): unknown;
  /** Relays what the owner's handlers emitted; they chose the event and its arguments (typed there). */
  emit(event: string, ...args: unknown[]): boolean;
  disconnect(close: boolean): unknown;
}

interface Forwarded {
  socket: EdgeSocket;
  code: string;
  owner: string;
  /** What the owner sent before the socket finished connecting; null once it has. */
  queue: ToSocket[] | null;
  acks: Map<number, { fn: Ack; timer: ReturnType<typeof setTimeout> }>;
  nextAck: number;
}

interface Guest {
  guest: GuestSocket;
  room: Room;
  code: string;
}

export interface RouterOptions {
  node: string;
  io: IO;
  leases: RoomLeases;
  ownership: RoomOwnership;
  ttlMs: number;
  maxConnectionsPerParticipant: number;
  /** Runs a workshop method that needs the live room, here (on the owner). */
  runLocal: (method: string, args: unknown[]) => Promise<unknown>;
  log: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  /** How long a forwarded request waits for the owner before the phone is told to retry. */
  answerTimeoutMs?: number;
}

const MOVED = 'MOVED';

export class ClusterRouter {
  bus!: Bus;
  private rooms!: RoomManager;
  private readonly forwarded = new Map<string, Forwarded>();
  private readonly opening = new Map<string, (error: { code: string; message: string } | null) => void>();
  private readonly guests = new Map<string, Guest>();
  private readonly rpc: Rpc;
  /** Serves guests; registerRealtime hands it over (serveWith). */
  private handler: ConnectionHandler | null = null;
  private readonly watch: ReturnType<typeof setInterval>;

  constructor(private readonly opts: RouterOptions) {
    this.rpc = new Rpc({
      node: opts.node,
      send: (node, msg) => this.bus.send(node, msg),
      run: opts.runLocal,
      timeoutMs: () => this.timeoutMs,
    });
    this.watch = setInterval(
      () => {
        void this.bus?.beat(opts.ttlMs).catch(() => {});
        void this.checkOwners();
        void this.checkGuests();
      },
      Math.max(200, Math.floor(opts.ttlMs / 3)),
    );
    this.watch.unref?.();
  }

  get node(): string {
    return this.opts.node;
  }

  private get timeoutMs(): number {
    return this.opts.answerTimeoutMs ?? 8_000;
  }

  attach(rooms: RoomManager): void {
    this.rooms = rooms;
  }

  serveWith(handler: ConnectionHandler): void {
    this.handler = handler;
  }

  // ------------------------------------------------------------------ where a room is

  /** The node that owns `code` now, taking it when no one does; null when that is this node. */
  async ownerOf(code: string): Promise<string | null> {
    if (this.opts.ownership.owns(code)) return null;
    let holder = await this.opts.leases.holder(code).catch(() => {
      // Rooms this node owns keep serving; one no one here owns waits for Redis.
      throw new AppError('STORAGE_UNAVAILABLE', 'The servers cannot tell who holds this workshop right now; try again in a moment.');
    });
    if (!holder || holder.node === this.node) {
      try {
        await this.rooms.get(code);
        return null;
      } catch (err) {
        if (!(err instanceof NotOwner)) throw err;
        holder = err.holder;
      }
    }
    return holder.node === this.node ? null : holder.node;
  }

  // ------------------------------------------------------------------ this node forwards

  /**
   * Handshake: serves the socket from the room's owner when that is another node. False when
   * the room is (now) this node's; throws an AppError for the handshake to refuse with.
   */
  async forward(socket: EdgeSocket, who: Who): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const owner = await this.ownerOf(who.code);
      if (owner === null) return false;
      const error = await this.open(socket, owner, who);
      if (!error) return true;
      if (error.code === MOVED) continue;
      throw new AppError(isErrorCode(error.code) ? error.code : 'INTERNAL', error.message);
    }
    throw new AppError('STORAGE_UNAVAILABLE', 'This workshop is moving between servers; trying again.');
  }

  private async open(socket: EdgeSocket, owner: string, who: Who): Promise<{ code: string; message: string } | null> {
    const sid = socket.id;
    this.forwarded.set(sid, { socket, code: who.code, owner, queue: [], acks: new Map(), nextAck: 0 });
    const answered = new Promise<{ code: string; message: string } | null>((resolve) => {
      const timer = setTimeout(
        () => resolve({ code: 'STORAGE_UNAVAILABLE', message: 'The server holding this workshop does not answer; trying again.' }),
        this.timeoutMs,
      );
      this.opening.set(sid, (error) => {
        clearTimeout(timer);
        resolve(error);
      });
    });
    await this.bus
      .send(owner, { t: 'open', from: this.node, sid, ...who })
      .catch(() => this.opening.get(sid)?.({ code: 'STORAGE_UNAVAILABLE', message: 'Redis is out of reach.' }));
    const error = await answered;
    this.opening.delete(sid);
    if (error) {
      this.forwarded.delete(sid);
      void this.bus.send(owner, { t: 'leave', from: this.node, sid }).catch(() => {});
      return error;
    }
    const left = () => this.left(sid);
    socket.conn.once('close', left);
    socket.once('disconnect', left);
    if (socket.conn.readyState === 'closed') left();
    return null;
  }

  /** Called first by the connection handler: true when the socket is forwarded (and now wired). */
  connected(socket: EdgeSocket): boolean {
    const f = this.forwarded.get(socket.id);
    if (!f) return false;
    void socket.join(f.code);
    socket.onAny((event: string, ...args: unknown[]) => {
      const last = args[args.length - 1];
      let ack: number | undefined;
      if (isAck(last)) {
        args.pop();
        ack = f.nextAck++;
        const fn = last;
        const timer = setTimeout(() => {
          f.acks.delete(ack!);
          fn({
            ok: false,
            error: {
              code: 'STORAGE_UNAVAILABLE',
              message: 'The server holding this workshop did not answer; your change is kept and sent again.',
            },
          });
        }, this.timeoutMs);
        f.acks.set(ack, { fn, timer });
      }
      this.bus.send(f.owner, { t: 'ev', from: this.node, sid: socket.id, event, args: packArgs(args), ack }).catch(() => {
        if (ack === undefined) return;
        const a = f.acks.get(ack);
        if (!a) return;
        f.acks.delete(ack);
        clearTimeout(a.timer);
        a.fn({ ok: false, error: { code: 'STORAGE_UNAVAILABLE', message: 'Redis is out of reach; your change is kept and sent again.' } });
      });
    });
    const queued = f.queue ?? [];
    f.queue = null;
    for (const m of queued) this.deliverTo(socket.id, m);
    return true;
  }

  private left(sid: string): void {
    const f = this.forwarded.get(sid);
    if (!f) return;
    this.forwarded.delete(sid);
    for (const a of f.acks.values()) clearTimeout(a.timer);
    void this.bus.send(f.owner, { t: 'leave', from: this.node, sid }).catch(() => {});
  }

  /** Closes the transport, not the socket: the client reconnects by itself and is routed afresh. */
  private reroute(sid: string): void {
    const f = this.forwarded.get(sid);
    if (!f) return;
    this.left(sid);
    f.socket.conn.close();
  }

  /** A forwarding node's check on each owner it forwards to: a lease gone or moved means reroute. */
  private async checkOwners(): Promise<void> {
    const byCode = new Map<string, Forwarded[]>();
    for (const f of this.forwarded.values()) {
      if (f.queue) continue; // still opening
      const list = byCode.get(f.code);
      if (list) list.push(f);
      else byCode.set(f.code, [f]);
    }
    for (const [code, list] of byCode) {
      let holder;
      try {
        holder = await this.opts.leases.holder(code);
      } catch {
        return; // Redis out of reach: forwarding waits with it
      }
      for (const f of list) if (holder?.node !== f.owner) this.reroute(f.socket.id);
    }
  }

  /**
   * An owner's check on the nodes that forward to it: the guests of a node that stopped saying
   * it is alive (it died) leave the room, so presence is right and the room can unload.
   */
  private async checkGuests(): Promise<void> {
    // Only the guests there before the question: one that opened while it was asked came from a
    // node that was alive to send it (a node back from losing Redis says so before its phones return).
    const asked = [...this.guests];
    const nodes = [...new Set(asked.map(([, g]) => g.guest.node))];
    if (!nodes.length) return;
    let alive: Set<string>;
    try {
      alive = await this.bus.alive(nodes);
    } catch {
      return;
    }
    for (const [id, g] of asked) {
      if (alive.has(g.guest.node) || this.guests.get(id) !== g) continue;
      this.guests.delete(id);
      g.guest.gone();
      this.rooms.disconnected(g.room, id);
    }
  }

  /** What the owner sends to forwarded sockets. */
  private deliver(msg: ToSocket): void {
    for (const sid of msg.t === 'ack' ? [msg.sid] : msg.sids) this.deliverTo(sid, msg);
  }

  private deliverTo(sid: string, msg: ToSocket): void {
    const f = this.forwarded.get(sid);
    if (!f) return;
    if (f.queue) {
      f.queue.push(msg);
      return;
    }
    switch (msg.t) {
      case 'emit':
        f.socket.emit(msg.event, ...unpackArgs(msg.args));
        break;
      case 'ack': {
        const a = f.acks.get(msg.id);
        if (!a) break;
        f.acks.delete(msg.id);
        clearTimeout(a.timer);
        a.fn(...unpackArgs(msg.args));
        break;
      }
      case 'close':
        f.socket.disconnect(true);
        break;
      case 'drop':
        this.reroute(sid);
        break;
    }
  }

  // ------------------------------------------------------------------ this node owns

  /** The room's transport: local sockets as before, forwarded ones through their node. */
  transport(local: RoomTransport): RoomTransport {
    const split = (connections: Iterable<string>) => {
      const here: string[] = [];
      const elsewhere = new Map<string, GuestSocket[]>();
      for (const id of connections) {
        const g = this.guests.get(id)?.guest;
        if (!g) {
          here.push(id);
          continue;
        }
        const list = elsewhere.get(g.node);
        if (list) list.push(g);
        else elsewhere.set(g.node, [g]);
      }
      return { here, elsewhere };
    };
    const emitTo = (elsewhere: Map<string, GuestSocket[]>, event: string, args: unknown[]) => {
      if (!elsewhere.size) return;
      const packed = packArgs(args);
      for (const [node, list] of elsewhere) {
        const sids = list.filter((g) => g.connected).map((g) => g.sid);
        if (sids.length) void this.bus.send(node, { t: 'emit', sids, event, args: packed }).catch(() => {});
      }
    };
    return {
      sendUpdate: (connections, doc, update) => {
        const { here, elsewhere } = split(connections);
        local.sendUpdate(here, doc, update);
        emitTo(elsewhere, 'sync', [encodeUpdate(doc, update)]);
      },
      sendPresence: (connections, payload) => {
        const { here, elsewhere } = split(connections);
        local.sendPresence(here, payload);
        emitTo(elsewhere, 'presence', [payload]);
      },
      close: (connections, reason) => {
        const { here, elsewhere } = split(connections);
        local.close(here, reason);
        for (const list of elsewhere.values()) {
          for (const g of list) {
            g.emit('closed', { reason });
            g.disconnect();
          }
        }
      },
    };
  }

  private async guestOpened(msg: MessageOf<'open'>): Promise<void> {
    const { from, sid } = msg;
    const who: Who = { code: msg.code, role: msg.role, participantId: msg.participantId, name: msg.name };
    const answer = (error: { code: string; message: string } | null) =>
      void this.bus.send(from, { t: 'opened', sid, error }).catch(() => {});
    try {
      if (!this.opts.ownership.owns(who.code)) {
        // Not ours (any more): the other node looks again, and may take it.
        const holder = await this.opts.leases.holder(who.code);
        if (holder?.node !== this.node) return answer({ code: MOVED, message: 'moved' });
      }
      const room = await this.rooms.get(who.code);
      const handler = this.handler;
      if (!handler) throw new Error('no connection handler yet (registerRealtime has not run)');
      const data = { ...who, room, bucket: handler.messageBucket() };
      const guest = new GuestSocket(from, sid, data, (m) => void this.bus.send(from, m).catch(() => {}));
      if (
        !this.rooms.connected(room, guest.id, { role: who.role, participantId: who.participantId }, this.opts.maxConnectionsPerParticipant)
      ) {
        const e = new AppError('TOO_MANY_CONNECTIONS');
        return answer({ code: e.code, message: e.message });
      }
      this.guests.set(guest.id, { guest, room, code: who.code });
      guest.once('disconnect', () => {
        if (this.guests.get(guest.id)?.guest !== guest) return;
        this.guests.delete(guest.id);
        this.rooms.disconnected(room, guest.id);
      });
      // The same connection handler a local socket gets (registerRealtime).
      handler.serve(guest);
      answer(null);
    } catch (err) {
      if (err instanceof NotOwner) return answer({ code: MOVED, message: 'moved' });
      const e = toAppError(err);
      if (!(err instanceof AppError)) this.opts.log.error({ err }, 'forwarded handshake failed');
      answer({ code: e.code, message: e.message });
    }
  }

  /**
   * This node no longer owns the room (lease taken over, or a write refused as stale): nothing
   * more is written or sent from it; every connection to it, here or forwarded, reconnects.
   */
  roomLost(code: string): void {
    this.opts.log.warn({ code }, 'room moved to another node: dropping it here');
    this.dropGuests(code, true);
    for (const socket of this.opts.io.sockets.sockets.values()) {
      // A socket this node forwards has no data here (its owner holds it): no code to match.
      if (socket.data.code === code && !this.forwarded.has(socket.id)) socket.conn.close();
    }
    void this.rooms.discard(code);
  }

  /** Tells the forwarding nodes to reconnect their sockets of `code` (or of every room). */
  private dropGuests(code: string | null, tell: boolean): void {
    const byNode = new Map<string, string[]>();
    for (const [id, g] of this.guests) {
      if (code !== null && g.code !== code) continue;
      this.guests.delete(id);
      g.guest.gone();
      this.rooms.disconnected(g.room, id);
      const list = byNode.get(g.guest.node);
      if (list) list.push(g.guest.sid);
      else byNode.set(g.guest.node, [g.guest.sid]);
    }
    if (!tell) return;
    for (const [node, sids] of byNode) void this.bus.send(node, { t: 'drop', sids }).catch(() => {});
  }

  // ------------------------------------------------------------------ calls and news

  /** Runs a workshop method on the node that owns the room (rpc.ts). */
  call(node: string, method: string, args: unknown[]): Promise<unknown> {
    return this.rpc.call(node, method, args);
  }

  /** Every node closes the workshop's connections and drops its room. */
  announceDeleted(code: string): Promise<void> {
    return this.bus.broadcast({ t: 'deleted', code });
  }

  private async deleted(code: string): Promise<void> {
    const sockets = await this.opts.io.in(code).local.fetchSockets();
    for (const s of sockets) {
      s.emit('closed', { reason: 'deleted' });
      s.disconnect(true);
    }
    this.dropGuests(code, false);
    await this.rooms.discard(code);
  }

  handle(msg: Message): void {
    switch (msg.t) {
      case 'open':
        void this.guestOpened(msg);
        return;
      case 'ev': {
        const g = this.guests.get(`${msg.from}/${msg.sid}`);
        if (!g) {
          // Not served here (any more): that node reconnects the phone, which is routed afresh.
          void this.bus.send(msg.from, { t: 'drop', sids: [msg.sid] }).catch(() => {});
          return;
        }
        g.guest.dispatch(msg.event, unpackArgs(msg.args), msg.ack);
        return;
      }
      case 'leave':
        this.guests.get(`${msg.from}/${msg.sid}`)?.guest.gone();
        return;
      case 'opened':
        this.opening.get(msg.sid)?.(msg.error);
        return;
      case 'emit':
      case 'ack':
      case 'close':
      case 'drop':
        this.deliver(msg);
        return;
      case 'call':
        void this.rpc.answer(msg);
        return;
      case 'result':
        this.rpc.settle(msg);
        return;
      case 'deleted':
        void this.deleted(msg.code).catch((err) => this.opts.log.error({ err }, 'closing a deleted workshop failed'));
        return;
    }
  }

  /**
   * This node lost Redis and has it back. Whatever the owners sent to our forwarded sockets in
   * between is lost (their copies may miss updates, their acks never came), and an owner that
   * stopped hearing our heartbeat has let those guests go: without this, a phone that sends
   * nothing would wait forever on a connection no owner serves. So every forwarded socket
   * reconnects, and is routed and caught up afresh; and the nodes forwarding to rooms we own
   * are told to do the same for the sockets whose updates we may have failed to send.
   */
  async redisBack(): Promise<void> {
    this.opts.log.warn(
      { forwarded: this.forwarded.size, guests: this.guests.size },
      'Redis is back: forwarded connections reconnect to catch up',
    );
    // Alive again before any phone is routed back: an owner that checks its guests between the
    // two would otherwise let the returning phones go unheard, until they next sent something.
    await this.bus.beat(this.opts.ttlMs).catch(() => {});
    this.dropGuests(null, true);
    for (const sid of [...this.forwarded.keys()]) this.reroute(sid);
  }

  /** Shutdown: forwarding nodes reconnect our guests elsewhere at once, instead of waiting for the lease. */
  close(): void {
    clearInterval(this.watch);
    this.dropGuests(null, true);
    for (const sid of [...this.forwarded.keys()]) this.reroute(sid);
    this.rpc.close();
    this.bus?.close();
  }
}
