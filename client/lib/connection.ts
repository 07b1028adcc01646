/**
 * One client's live link to a workshop: the Yjs documents this client may see,
 * multiplexed on one Socket.IO connection with y-protocols messages (a `sync`
 * frame is one byte naming the document, then the message), presence, and
 * acknowledged commands. Framework-agnostic: the Svelte views wrap it, and the
 * Node integration tests and the benchmark use it as it is.
 *
 * - `room` (everyone) and `console` (facilitator) are written only by the
 *   server. If a local copy holds something the server does not (the server
 *   rebuilt it), the copy is dropped and fetched again.
 * - `mine` (a participant's own document) is written here. Every (re)connect
 *   runs the state-vector exchange both ways, so edits made offline reach the
 *   server and edits missed reach us. It is kept in localStorage (when a
 *   persist key is given) so a reload or a dead battery loses nothing typed.
 */
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { DOC_IDS, DOCS_FOR, FINAL_REFUSALS, docName, type DocName } from '../../shared/wire/documents.ts';
import { parser } from '../../shared/wire/sio-parser.ts';
import type {
  Ack,
  AckError,
  ClientToServerEvents,
  ClosedPayload,
  Command,
  CommandAck,
  CommandType,
  HandshakeAuth,
  HandshakeRefusal,
  PresencePayload,
  RejectedPayload,
  ServerToClientEvents,
  WelcomePayload,
} from '../../shared/schema/protocol.ts';

export type SyncStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface ConnectionOptions {
  /** Server origin; the page's own origin when omitted. */
  url?: string;
  auth: HandshakeAuth;
  /** Prefix of the localStorage keys under which the local documents survive reloads. */
  persistKey?: string;
  /** Ack timeout for commands and updates. */
  ackTimeoutMs?: number;
}

/** What became of a local change: stored by the server, kept on this device to send later, or refused. */
export type WriteResult = { ok: true; queued: boolean } | { ok: false; error: AckError };

type Events = {
  change: () => void;
  status: (status: SyncStatus) => void;
  rejected: (payload: RejectedPayload) => void;
  closed: (payload: ClosedPayload) => void;
  welcome: (payload: WelcomePayload) => void;
  synced: () => void;
  /** Own cards a refused change took away (the server never had them), to offer back. */
  lost: (cards: Array<{ id: string; value: unknown }>) => void;
};

const REMOTE = Symbol('remote');
const PERSISTED = Symbol('persisted');
const LOCAL = Symbol('local');

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const asBytes = (data: ArrayBuffer | Uint8Array): Uint8Array => (data instanceof Uint8Array ? data : new Uint8Array(data));

function frame(doc: DocName, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, DOC_IDS[doc]);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** True when `local` holds an item the server's state vector does not: the copy came from another server state. */
function aheadOf(local: Y.Doc, serverVector: Uint8Array): boolean {
  const server = Y.decodeStateVector(serverVector);
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(local))) {
    if (clock > (server.get(client) ?? 0)) return true;
  }
  return false;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

interface Synced {
  name: DocName;
  doc: Y.Doc;
  synced: boolean;
}

export class WorkshopConnection {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  status: SyncStatus = 'connecting';
  welcome: WelcomePayload | null = null;
  serverOffsetMs = 0;
  /** True once the first full exchange with the server finished, for every document. */
  synced = false;
  presence: PresencePayload = { online: 0 };
  /** Why the server refused this connection for good (removed, deleted, out of date...). */
  refusal: HandshakeRefusal | null = null;
  /** Why the server said "not now" (busy, too many at once), while this waits to try again. */
  waiting: string | null = null;

  private readonly docs = new Map<DocName, Synced>();
  private readonly listeners = new Map<keyof Events, Set<(...args: never[]) => void>>();
  private readonly opts: ConnectionOptions;
  private inflight = 0;
  private offlineEdits = 0;
  /** A state-vector exchange of `mine` is under way (its answer not back yet). */
  private exchanging = false;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Handshakes refused in a row, for the backoff. */
  private refused = 0;
  private closed = false;
  /** The resolver of the write() in progress: its update's ack answers it. */
  private writing: ((r: WriteResult) => void) | null = null;
  /** Own cards as they were before a refused change reset the document, until the server's copy is back. */
  private lostCheck: Map<string, unknown> | null = null;

  constructor(opts: ConnectionOptions) {
    this.opts = opts;
    for (const name of DOCS_FOR[opts.auth.role]) this.docs.set(name, { name, doc: this.makeDoc(name, true), synced: false });
    const socketOpts = {
      auth: opts.auth as Record<string, unknown>,
      // WebSocket only: no long-polling upgrade round trips, and the browser build carries no other transport (vite.config.ts).
      transports: ['websocket'],
      reconnectionDelayMax: 4_000,
      parser,
    };
    this.socket = (opts.url ? io(opts.url, socketOpts) : io(socketOpts)) as Socket<ServerToClientEvents, ClientToServerEvents>;
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', () => {
      this.exchanging = false;
      this.setStatus('offline');
    });
    this.socket.on('connect_error', (err) => this.onConnectError(err as Error & { data?: HandshakeRefusal }));
    this.socket.on('welcome', (w) => {
      this.welcome = w;
      this.serverOffsetMs = w.serverTime - Date.now();
      this.emit('welcome', w);
    });
    this.socket.on('sync', (data) => this.onSyncFrame(asBytes(data)));
    this.socket.on('presence', (p) => {
      this.presence = p;
      this.emit('change');
    });
    // A refused message that had no ack (a malformed frame): told, nothing to undo.
    this.socket.on('rejected', (payload) => this.emit('rejected', payload));
    this.socket.on('closed', (payload) => {
      this.emit('closed', payload);
      this.close();
    });
  }

  /** The room as everyone may see it. */
  get room(): Y.Doc {
    return this.docs.get('room')!.doc;
  }
  /** A participant's own document; null for other roles. */
  get mine(): Y.Doc | null {
    return this.docs.get('mine')?.doc ?? null;
  }
  /** What only the facilitator's console may see; null for other roles. */
  get console(): Y.Doc | null {
    return this.docs.get('console')?.doc ?? null;
  }

  /** Local changes the server has not acknowledged yet. */
  get pending(): number {
    return this.inflight + this.offlineEdits;
  }

  /** Server time now, for timers everyone agrees on. */
  now(): number {
    return Date.now() + this.serverOffsetMs;
  }

  on<E extends keyof Events>(event: E, fn: Events[E]): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn as (...args: never[]) => void);
    return () => set.delete(fn as (...args: never[]) => void);
  }

  async command<T extends CommandType>(cmd: Extract<Command, { type: T }>): Promise<CommandAck<T>> {
    if (!this.socket.connected)
      return { ok: false, error: { code: 'OFFLINE', message: 'You are offline; try again when the connection is back.' } };
    try {
      return (await this.socket.timeout(this.opts.ackTimeoutMs ?? 10_000).emitWithAck('command', cmd as never)) as CommandAck<T>;
    } catch {
      return { ok: false, error: { code: 'OFFLINE', message: 'The server did not answer in time.' } };
    }
  }

  /**
   * Changes this participant's own document and says what became of it: stored (`queued:
   * false`), kept here to send on reconnect (`queued: true`), or refused with the reason (the
   * local copy then goes back to the server's, so the caller keeps what the person typed).
   */
  write(fn: (doc: Y.Doc) => void): Promise<WriteResult> {
    const mine = this.mine;
    if (!mine) return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'Only participants write to the board.' } });
    return new Promise((resolve) => {
      this.writing = resolve;
      try {
        mine.transact(() => fn(mine), LOCAL);
      } finally {
        // Still here: the change changed nothing, so there is nothing to wait for.
        if (this.writing === resolve) resolve({ ok: true, queued: false });
        this.writing = null;
      }
    });
  }

  /** Resolves once the first exchange with the server has finished. */
  whenSynced(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.on('synced', () => {
        off();
        resolve();
      });
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.persistNow();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket.close();
    this.setStatus(this.refusal ? 'refused' : 'offline');
  }

  /** Forgets the local copies (after leaving, or when the server deleted the workshop). */
  forget(): void {
    for (const name of this.docs.keys()) {
      const key = this.keyOf(name);
      if (key) storage()?.removeItem(key);
    }
  }

  /** Writes the persisted documents to localStorage now (also called on page hide). */
  persistNow(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    const store = storage();
    if (!store) return;
    for (const d of this.docs.values()) {
      const key = this.keyOf(d.name);
      if (!key) continue;
      try {
        store.setItem(key, toBase64(Y.encodeStateAsUpdate(d.doc)));
      } catch {
        // Storage full or blocked: the live sync still carries the edits.
      }
    }
  }

  // ------------------------------------------------------------------ internals

  private emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as (...a: Parameters<Events[E]>) => void)(...args);
  }

  private setStatus(status: SyncStatus): void {
    if (status !== 'online') {
      this.synced = false;
      for (const d of this.docs.values()) d.synced = false;
    }
    if (this.status === status) return;
    this.status = status;
    this.emit('status', status);
  }

  /** The console's copy is never kept: a shared screen must not leave unrevealed cards behind. */
  private keyOf(name: DocName): string | null {
    return this.opts.persistKey && name !== 'console' ? `${this.opts.persistKey}:${name}` : null;
  }

  private makeDoc(name: DocName, restore: boolean): Y.Doc {
    const doc = new Y.Doc();
    const key = this.keyOf(name);
    const saved = restore && key ? storage()?.getItem(key) : null;
    if (saved) {
      try {
        Y.applyUpdate(doc, fromBase64(saved), PERSISTED);
      } catch {
        storage()?.removeItem(key!);
      }
    }
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(name, update, origin));
    return doc;
  }

  private onConnectError(err: Error & { data?: HandshakeRefusal }): void {
    const refusal = err.data && typeof err.data.code === 'string' ? err.data : null;
    if (refusal && FINAL_REFUSALS.has(refusal.code)) {
      this.refusal = refusal;
      this.setStatus('refused');
      this.emit('change');
      return;
    }
    this.waiting = refusal?.message ?? null;
    this.setStatus('offline');
    // A refusal by the server (busy, rate limit, too many screens) is not retried by Socket.IO
    // itself. Backing off, with jitter, so a busy server's phones do not all return at once.
    if (refusal && !this.socket.active && !this.closed && !this.retryTimer) {
      const delay = Math.min(30_000, 3_000 * 2 ** this.refused++) * (0.75 + Math.random() / 2);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (!this.closed) this.socket.connect();
      }, delay);
    }
  }

  private onConnect(): void {
    this.refusal = null;
    this.waiting = null;
    this.refused = 0;
    this.setStatus('connecting');
    for (const d of this.docs.values()) this.sendStep1(d);
  }

  private sendStep1(d: Synced): void {
    this.socket.emit(
      'sync',
      frame(d.name, (e) => syncProtocol.writeSyncStep1(e, d.doc)),
    );
  }

  private onSyncFrame(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const name = docName(decoding.readUint8(decoder));
    const d = name ? this.docs.get(name) : undefined;
    if (!d) return;
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case syncProtocol.messageYjsSyncStep1: {
        const sv = decoding.readVarUint8Array(decoder);
        if (d.name !== 'mine') {
          // Written only by the server: a copy ahead of it is from another server state (a rebuild).
          if (aheadOf(d.doc, sv)) this.resetDoc(d);
          break;
        }
        // The server asks for what we have that it lacks: our offline edits.
        const diff = Y.encodeStateAsUpdate(d.doc, sv);
        const doc = d.doc;
        // What this answer carries: everything up to our state now. Counting edits instead went
        // wrong when two exchanges overlapped (a retry, a reconnect): both subtracted the same
        // edits, a later kept edit looked sent, and the next change skipped it.
        const covered = Y.encodeStateVector(doc);
        this.exchanging = true;
        this.sendWithAck(
          frame('mine', (e) => syncProtocol.writeSyncStep2(e, d.doc, sv)),
          () => {
            this.exchanging = false;
            if (d.doc === doc && sameBytes(Y.encodeStateVector(doc), covered)) this.offlineEdits = 0;
            // Edits made while this exchange was under way go by the next one (see exchangeKept,
            // called once this answer is counted).
          },
          diff.length > 2,
          null,
        );
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        Y.applyUpdate(d.doc, decoding.readVarUint8Array(decoder), REMOTE);
        if (type === syncProtocol.messageYjsSyncStep2 && !d.synced) {
          d.synced = true;
          if (d.name === 'mine') this.reportLost(d.doc);
          if ([...this.docs.values()].every((x) => x.synced) && !this.synced) {
            this.synced = true;
            this.setStatus('online');
            this.emit('synced');
          }
          this.emit('change');
        }
        break;
      }
      default:
        break;
    }
  }

  private onDocUpdate(name: DocName, update: Uint8Array, origin: unknown): void {
    this.schedulePersist();
    this.emit('change');
    if (origin === REMOTE || origin === PERSISTED || name !== 'mine') return;
    const waiter = origin === LOCAL ? this.writing : null;
    if (waiter) this.writing = null;
    // Kept edits go first: an edit sent on its own ahead of them would be refused for skipping
    // them. So while any are kept, this one waits with them for the next state-vector exchange.
    if (!this.socket?.connected || !this.synced || this.offlineEdits > 0) {
      // Sent with the state-vector exchange on the next connect (or the one under way).
      this.offlineEdits++;
      waiter?.({ ok: true, queued: true });
      this.emit('change');
      this.exchangeKept();
      return;
    }
    this.sendWithAck(
      frame('mine', (e) => syncProtocol.writeUpdate(e, update)),
      () => {},
      true,
      waiter,
    );
  }

  /** Starts a state-vector exchange of `mine` for the edits kept here, unless one is under way. */
  private exchangeKept(): void {
    if (this.offlineEdits === 0 || this.exchanging || this.closed || !this.synced || !this.socket.connected) return;
    this.exchanging = true;
    this.sendStep1(this.docs.get('mine')!);
    this.scheduleRetry(); // in case the server's answer is lost
  }

  /** Sends a change to `mine`; its ack answers `waiter`, the write() that made it (if any). */
  private sendWithAck(message: Uint8Array, onOk: () => void, counts: boolean, waiter: ((r: WriteResult) => void) | null): void {
    if (counts) this.inflight++;
    const answer = (r: WriteResult) => waiter?.(r);
    const onAck = (err: Error | null, reply?: Ack) => {
      if (counts) this.inflight--;
      if (!reply?.ok) this.exchanging = false;
      if (err || !reply) {
        // No answer: the next exchange carries the change again.
        if (counts) this.offlineEdits++;
        answer({ ok: true, queued: true });
        this.scheduleRetry();
      } else if (reply.ok) {
        onOk();
        answer({ ok: true, queued: false });
        this.exchangeKept();
      } else if (reply.error.code === 'STORAGE_UNAVAILABLE' || reply.error.code === 'RATE_LIMITED') {
        // Not applied, nothing diverged: keep the edit and offer it again shortly.
        if (counts) this.offlineEdits++;
        this.emit('rejected', reply.error);
        answer({ ok: true, queued: true });
        this.scheduleRetry();
      } else {
        answer({ ok: false, error: reply.error });
        this.emit('rejected', reply.error);
        // Refused: drop our divergent copy and take the server's.
        if (!this.closed) this.resetDoc(this.docs.get('mine')!);
      }
      this.emit('change');
    };
    // With timeout(), Socket.IO calls the ack as (err, reply); its typings do not model that here.
    this.socket.timeout(this.opts.ackTimeoutMs ?? 15_000).emit('sync', message, onAck as never);
  }

  private resetDoc(d: Synced): void {
    const old = d.doc;
    if (d.name === 'mine') {
      this.offlineEdits = 0;
      this.lostCheck ??= new Map(old.getMap('cards').entries());
    }
    d.synced = false;
    d.doc = this.makeDoc(d.name, false);
    old.destroy();
    this.persistNow();
    this.emit('change');
    if (this.socket.connected) this.sendStep1(d);
  }

  /**
   * After a refused change reset `mine`: the cards it had that the server's copy lacks (or holds
   * otherwise) were not saved. They are reported, so the phone can offer them back to the person.
   */
  private reportLost(doc: Y.Doc): void {
    const before = this.lostCheck;
    this.lostCheck = null;
    if (!before) return;
    const now = doc.getMap('cards');
    const lost: Array<{ id: string; value: unknown }> = [];
    for (const [id, value] of before) if (JSON.stringify(now.get(id)) !== JSON.stringify(value)) lost.push({ id, value });
    if (lost.length) this.emit('lost', lost);
  }

  /** Re-runs the state-vector exchange of `mine`, which re-sends whatever the server still lacks. */
  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      const mine = this.docs.get('mine');
      if (mine && this.socket.connected && !this.closed) this.sendStep1(mine);
    }, 2_000);
  }

  private schedulePersist(): void {
    if (!this.opts.persistKey || this.persistTimer) return;
    this.persistTimer = setTimeout(() => this.persistNow(), 250);
  }
}
