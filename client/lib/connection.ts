/**
 * One client's live link to a workshop: a Y.Doc kept in sync with the server
 * over Socket.IO using y-protocols messages, presence through awareness, and
 * acknowledged commands. Framework-agnostic: the Svelte views wrap it, and the
 * Node integration tests and the benchmark use it as it is.
 *
 * Every (re)connect runs the state-vector exchange both ways, so edits made
 * offline reach the server and edits missed reach us. The local doc is kept in
 * localStorage (when a persist key is given) so a reload or a dead battery
 * loses nothing typed.
 */
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type {
  Ack,
  ClientToServerEvents,
  ClosedPayload,
  Command,
  HandshakeAuth,
  RejectedPayload,
  ServerToClientEvents,
  WelcomePayload,
} from '../../shared/protocol.ts';

export type SyncStatus = 'connecting' | 'online' | 'offline';

export interface ConnectionOptions {
  /** Server origin; the page's own origin when omitted. */
  url?: string;
  auth: HandshakeAuth;
  /** localStorage key under which the local doc survives reloads. */
  persistKey?: string;
  /** Socket.IO transports; websocket only by default (no long-polling upgrade round trips). */
  transports?: ('websocket' | 'polling')[];
  /** Ack timeout for commands and updates. */
  ackTimeoutMs?: number;
}

type Events = {
  change: () => void;
  status: (status: SyncStatus) => void;
  rejected: (payload: RejectedPayload) => void;
  closed: (payload: ClosedPayload) => void;
  welcome: (payload: WelcomePayload) => void;
  synced: () => void;
};

const REMOTE = Symbol('remote');
const PERSISTED = Symbol('persisted');

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

export class WorkshopConnection {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  status: SyncStatus = 'connecting';
  welcome: WelcomePayload | null = null;
  serverOffsetMs = 0;
  /** True once the first full exchange with the server finished. */
  synced = false;

  private readonly listeners = new Map<keyof Events, Set<(...args: never[]) => void>>();
  private readonly opts: ConnectionOptions;
  private inflight = 0;
  private offlineEdits = 0;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(opts: ConnectionOptions) {
    this.opts = opts;
    this.doc = this.makeDoc(true);
    this.awareness = this.makeAwareness(null);
    const socketOpts = { auth: opts.auth as Record<string, unknown>, transports: opts.transports ?? ['websocket'], reconnectionDelayMax: 4_000 };
    this.socket = (opts.url ? io(opts.url, socketOpts) : io(socketOpts)) as Socket<ServerToClientEvents, ClientToServerEvents>;
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', () => this.setStatus('offline'));
    this.socket.on('connect_error', () => this.setStatus('offline'));
    this.socket.on('welcome', (w) => {
      this.welcome = w;
      this.serverOffsetMs = w.serverTime - Date.now();
      this.emit('welcome', w);
    });
    this.socket.on('sync', (data) => this.onSyncMessage(asBytes(data)));
    this.socket.on('awareness', (data) => {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, asBytes(data), REMOTE);
    });
    // A refused message that had no ack (awareness, a malformed frame): told, nothing to undo.
    this.socket.on('rejected', (payload) => this.emit('rejected', payload));
    this.socket.on('closed', (payload) => {
      this.emit('closed', payload);
      this.close();
    });
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

  async command(cmd: Command): Promise<Ack> {
    if (!this.socket.connected) return { ok: false, error: { code: 'OFFLINE', message: 'You are offline; try again when the connection is back.' } };
    try {
      return (await this.socket.timeout(this.opts.ackTimeoutMs ?? 10_000).emitWithAck('command', cmd)) as Ack;
    } catch {
      return { ok: false, error: { code: 'OFFLINE', message: 'The server did not answer in time.' } };
    }
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
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'close');
    this.socket.close();
    this.awareness.destroy();
    this.setStatus('offline');
  }

  /** Forgets the local copy (after leaving, or when the server deleted the workshop). */
  forget(): void {
    if (this.opts.persistKey) storage()?.removeItem(this.opts.persistKey);
  }

  // ------------------------------------------------------------------ internals

  private emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as (...a: Parameters<Events[E]>) => void)(...args);
  }

  private setStatus(status: SyncStatus): void {
    if (status !== 'online') this.synced = false;
    if (this.status === status) return;
    this.status = status;
    this.emit('status', status);
  }

  private makeDoc(restore: boolean): Y.Doc {
    const doc = new Y.Doc();
    const key = this.opts.persistKey;
    const saved = restore && key ? storage()?.getItem(key) : null;
    if (saved) {
      try {
        Y.applyUpdate(doc, fromBase64(saved), PERSISTED);
      } catch {
        storage()?.removeItem(key!);
      }
    }
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    return doc;
  }

  private makeAwareness(previous: awarenessProtocol.Awareness | null): awarenessProtocol.Awareness {
    const awareness = new awarenessProtocol.Awareness(this.doc);
    // Nothing is announced until the app says who we are (the server refuses anonymous presence).
    awareness.setLocalState(previous ? previous.getLocalState() : null);
    previous?.destroy();
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === REMOTE || !this.socket?.connected) return;
      const changed = [...added, ...updated, ...removed].filter((id) => id === this.doc.clientID);
      if (changed.length) this.socket.emit('awareness', awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
    });
    awareness.on('change', () => this.emit('change'));
    return awareness;
  }

  private onConnect(): void {
    this.setStatus('connecting');
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.socket.emit('sync', encoding.toUint8Array(encoder));
    if (this.awareness.getLocalState() !== null) {
      this.socket.emit('awareness', awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    }
  }

  private onSyncMessage(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case syncProtocol.messageYjsSyncStep1: {
        // The server asks for what we have that it lacks: our offline edits.
        const sv = decoding.readVarUint8Array(decoder);
        const diff = Y.encodeStateAsUpdate(this.doc, sv);
        const edits = this.offlineEdits;
        const encoder = encoding.createEncoder();
        syncProtocol.writeSyncStep2(encoder, this.doc, sv);
        this.sendWithAck(encoding.toUint8Array(encoder), () => {
          this.offlineEdits = Math.max(0, this.offlineEdits - edits);
        }, diff.length > 2);
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), REMOTE);
        if (type === syncProtocol.messageYjsSyncStep2 && !this.synced) {
          this.synced = true;
          this.setStatus('online');
          this.emit('synced');
          this.emit('change');
        }
        break;
      }
      default:
        break;
    }
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    this.schedulePersist();
    this.emit('change');
    if (origin === REMOTE || origin === PERSISTED) return;
    if (!this.socket?.connected || !this.synced) {
      // Sent with the state-vector exchange on the next connect.
      this.offlineEdits++;
      this.emit('change');
      return;
    }
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    this.sendWithAck(encoding.toUint8Array(encoder), () => {}, true);
  }

  private sendWithAck(message: Uint8Array, onOk: () => void, counts: boolean): void {
    if (counts) this.inflight++;
    const onAck = (err: Error | null, reply?: Ack) => {
      if (counts) this.inflight--;
      if (err || !reply) {
        // No answer: the next reconnect's exchange carries the change again.
        if (counts) this.offlineEdits++;
      } else if (reply.ok) {
        onOk();
      } else if (reply.error.code === 'STORAGE_UNAVAILABLE' || reply.error.code === 'RATE_LIMITED') {
        // Not applied, nothing diverged: keep the edit and offer it again shortly.
        if (counts) this.offlineEdits++;
        this.emit('rejected', reply.error);
        this.scheduleRetry();
      } else {
        this.onRejected(reply.error);
      }
      this.emit('change');
    };
    // With timeout(), Socket.IO calls the ack as (err, reply); its typings do not model that here.
    this.socket.timeout(this.opts.ackTimeoutMs ?? 15_000).emit('sync', message, onAck as never);
  }

  /** The server refused a change: drop our divergent copy and take the server's. */
  private onRejected(payload: RejectedPayload): void {
    this.emit('rejected', payload);
    if (this.closed) return;
    this.resetDoc();
  }

  private resetDoc(): void {
    const old = this.doc;
    this.offlineEdits = 0;
    this.synced = false;
    this.doc = this.makeDoc(false);
    this.awareness = this.makeAwareness(this.awareness);
    old.destroy();
    this.persistNow();
    this.emit('change');
    if (this.socket.connected) this.onConnect();
  }

  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  /** Re-runs the state-vector exchange, which re-sends whatever the server still lacks. */
  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.socket.connected && !this.closed) this.onConnect();
    }, 2_000);
  }

  private schedulePersist(): void {
    if (!this.opts.persistKey || this.persistTimer) return;
    this.persistTimer = setTimeout(() => this.persistNow(), 250);
  }

  /** Writes the local doc to localStorage now (also called on page hide). */
  persistNow(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    const key = this.opts.persistKey;
    const store = storage();
    if (!key || !store) return;
    try {
      store.setItem(key, toBase64(Y.encodeStateAsUpdate(this.doc)));
    } catch {
      // Storage full or blocked: the live sync still carries the edits.
    }
  }
}
