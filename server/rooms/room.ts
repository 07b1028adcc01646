/**
 * One live workshop: its Y.Doc, its presence, and the path every change takes:
 * validate -> apply -> (same event-loop turn) merge -> store -> broadcast -> ack.
 * Nobody sees a change before it is stored, so an acknowledged edit survives a
 * crash and no phone ever holds an edit the server could lose.
 *
 * The room knows nothing of Socket.IO: it talks to its transport through the
 * `RoomTransport` callbacks, so it is tested without a socket.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { AppError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { maps, SERVER_CLIENT, readLocked, KEY_SEPARATOR } from '../../shared/board.ts';
import type { Command } from '../../shared/protocol.ts';
import type { Storage } from '../storage/storage.ts';
import { validateParticipantUpdate } from './validate-update.ts';
import { executeCommand, type Actor, type CommandResult } from './commands.ts';

export interface RoomTransport {
  /** Sends an encoded doc update to every connection in the room except `exceptConnection`. */
  broadcastUpdate(update: Uint8Array, exceptConnection: string | null): void;
  broadcastAwareness(update: Uint8Array, exceptConnection: string | null): void;
  /** Disconnects a participant's connections (removed by the facilitator). */
  kick(participantId: string): void;
}

export interface RoomOptions {
  code: string;
  storage: Storage;
  transport: RoomTransport;
  maxParticipants: number;
  compactEveryUpdates: number;
  storageRetryMs: number;
  onActivity?: (code: string) => void;
  onError?: (err: unknown) => void;
  now?: () => number;
}

type Waiter = { resolve: () => void; reject: (err: AppError) => void };

export class Room {
  readonly code: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Live connections (socket ids) in this room. */
  readonly connections = new Set<string>();

  private readonly opts: RoomOptions;
  private pending: Uint8Array[] = [];
  private pendingFrom = new Set<string | null>();
  private waiters: Waiter[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> | null = null;
  /** A batch applied to the doc that storage has not taken yet (disk full, read-only). */
  private unsaved: Uint8Array | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSeq: number;
  private updatesSinceCompact = 0;
  private approxBytes: number;
  private applyingFrom: string | null = null;
  private cachedState: Uint8Array | null = null;
  /** Awareness client ids held by each connection: a client sets only its own entry. */
  readonly awarenessOwner = new Map<number, string>();

  constructor(opts: RoomOptions, loaded: { updates: Uint8Array[]; lastSeq: number; bytes: number }) {
    this.opts = opts;
    this.code = opts.code;
    this.doc = new Y.Doc({ gc: true });
    this.lastSeq = loaded.lastSeq;
    this.approxBytes = loaded.bytes;
    this.doc.transact(() => {
      for (const u of loaded.updates) Y.applyUpdate(this.doc, u);
    }, 'load');
    this.updatesSinceCompact = Math.max(0, loaded.updates.length - 1);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'load') return;
      this.cachedState = null;
      this.pending.push(update);
      this.pendingFrom.add(this.applyingFrom);
      this.scheduleFlush();
    });
    // The server writes with its own client id; bind it so no participant can claim it.
    maps(this.doc).clients.set(String(this.doc.clientID), SERVER_CLIENT);

    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      if (!changed.length) return;
      for (const id of removed) this.awarenessOwner.delete(id);
      const except = typeof origin === 'string' ? origin : null;
      this.opts.transport.broadcastAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed), except);
    });
  }

  get now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** The full state, encoded once and reused by every join until the doc changes. */
  encodeState(): Uint8Array {
    return (this.cachedState ??= Y.encodeStateAsUpdate(this.doc));
  }

  encodeDiff(stateVector: Uint8Array): Uint8Array {
    // A new phone (empty state vector) gets the cached full state.
    if (stateVector.byteLength <= 1) return this.encodeState();
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /**
   * Validates and applies a participant's update. Resolves once it is stored
   * (the ack); rejects with a named AppError, leaving the doc untouched.
   */
  applyParticipantUpdate(update: Uint8Array, participantId: string, connectionId: string): Promise<void> {
    if (this.unsaved) return Promise.reject(new AppError('STORAGE_UNAVAILABLE'));
    if (readLocked(this.doc)) return Promise.reject(new AppError('BOARD_LOCKED'));
    const p = maps(this.doc).participants.get(participantId);
    if (!p || p.removed) return Promise.reject(new AppError('REMOVED'));
    if (this.approxBytes + update.byteLength > LIMITS.documentBytesMax) return Promise.reject(new AppError('DOCUMENT_TOO_LARGE'));
    try {
      const clients = maps(this.doc).clients;
      const result = validateParticipantUpdate(this.doc, update, {
        participantId,
        clientOwner: (id) => clients.get(String(id)),
      });
      if (result.newCardKeys > 0 && this.countCards(participantId) + result.newCardKeys > LIMITS.cardsPerParticipantMax) {
        throw new AppError('TOO_MANY_CARDS');
      }
      if (result.newClients.length) {
        // Server-written, so it reaches the sender too (it must not miss a clock of ours).
        this.doc.transact(() => {
          for (const id of result.newClients) clients.set(String(id), participantId);
        });
      }
      this.applyingFrom = connectionId;
      Y.applyUpdate(this.doc, update, connectionId);
    } catch (err) {
      return Promise.reject(err instanceof AppError ? err : new AppError('MALFORMED_UPDATE'));
    } finally {
      this.applyingFrom = null;
    }
    return this.whenStored();
  }

  /** Runs a command (facilitator action, vote, roadmap edit); resolves with its data once stored. */
  async runCommand(command: Command, actor: Actor): Promise<CommandResult['data']> {
    if (this.unsaved) throw new AppError('STORAGE_UNAVAILABLE');
    const result = executeCommand(this.doc, command, actor, this.now);
    if (result.kick) this.opts.transport.kick(result.kick);
    if (result.changed) await this.whenStored();
    return result.data;
  }

  /** Adds a participant to the board (server-written); resolves once stored. */
  async addParticipant(id: string, name: string, joinedAt: number): Promise<void> {
    maps(this.doc).participants.set(id, { id, name, joinedAt });
    await this.whenStored();
  }

  participantCount(): number {
    let n = 0;
    maps(this.doc).participants.forEach((p) => {
      if (!p.removed) n++;
    });
    return n;
  }

  /** Applies a client's awareness update if it only touches that client's own entry. */
  applyAwareness(update: Uint8Array, connectionId: string, identity: { participantId: string | null; role: string }): void {
    const entries = decodeAwarenessEntries(update);
    if (entries.length !== 1) throw new AppError('FORBIDDEN', 'A presence update may only carry your own entry.');
    const [entry] = entries as [AwarenessEntry];
    const holder = this.awarenessOwner.get(entry.clientId);
    if (holder !== undefined && holder !== connectionId) throw new AppError('IMPERSONATION');
    const bound = maps(this.doc).clients.get(String(entry.clientId));
    if (bound !== undefined && bound !== identity.participantId) throw new AppError('IMPERSONATION');
    // One entry per connection: a client that replaced its doc (after a refused change) announces
    // itself under a new id, which takes the place of its old entry.
    const replaced = [...this.awarenessOwner].filter(([id, conn]) => conn === connectionId && id !== entry.clientId).map(([id]) => id);
    if (entry.stateJson.length > LIMITS.awarenessStateBytesMax) throw new AppError('PAYLOAD_TOO_LARGE');
    let state: unknown;
    try {
      state = JSON.parse(entry.stateJson);
    } catch {
      throw new AppError('MALFORMED_UPDATE');
    }
    if (state !== null) {
      const user = (state as { user?: { id?: unknown } } | null)?.user;
      const expected = identity.participantId ?? `@${identity.role}`;
      if (typeof state !== 'object' || Array.isArray(state) || !user || user.id !== expected) {
        throw new AppError('IMPERSONATION', 'Presence must name you.');
      }
    }
    if (holder === undefined && this.awareness.getStates().size >= this.opts.maxParticipants + 20) throw new AppError('ROOM_FULL');
    if (replaced.length) awarenessProtocol.removeAwarenessStates(this.awareness, replaced, connectionId);
    this.awarenessOwner.set(entry.clientId, connectionId);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connectionId);
  }

  /** Drops the presence entries a closing connection held. */
  dropConnection(connectionId: string): void {
    this.connections.delete(connectionId);
    const ids = [...this.awarenessOwner].filter(([, c]) => c === connectionId).map(([id]) => id);
    if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, connectionId);
  }

  /** Stores everything pending now (before answering a sync request, on unload and shutdown). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.pending.length && !this.unsaved) {
      // Nothing to store (e.g. a re-sent update the doc already had): its waiters are done.
      for (const w of this.waiters.splice(0)) w.resolve();
      return;
    }
    this.flushing = this.doFlush().finally(() => (this.flushing = null));
    await this.flushing;
  }

  /** Snapshot + drop the update log; called on unload and every N updates. */
  async compact(): Promise<void> {
    await this.flush();
    if (this.unsaved || this.updatesSinceCompact === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    await this.opts.storage.compact(this.code, 'board', state, this.lastSeq);
    this.updatesSinceCompact = 0;
    this.approxBytes = state.byteLength;
  }

  destroy(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }

  // ------------------------------------------------------------------ internals

  private countCards(participantId: string): number {
    let n = 0;
    const prefix = participantId + KEY_SEPARATOR;
    for (const key of maps(this.doc).cards.keys()) if (key.startsWith(prefix)) n++;
    return n;
  }

  private whenStored(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // Every update that arrives in this event-loop turn goes out as one merged message.
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async doFlush(): Promise<void> {
    const batch = this.pending;
    const from = this.pendingFrom;
    const waiters = this.waiters;
    this.pending = [];
    this.pendingFrom = new Set();
    this.waiters = [];
    const parts = this.unsaved ? [this.unsaved, ...batch] : batch;
    if (!parts.length) {
      for (const w of waiters) w.resolve();
      return;
    }
    const merged = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    try {
      [this.lastSeq] = (await this.opts.storage.appendUpdates([{ code: this.code, doc: 'board', update: merged }])) as [number];
    } catch (err) {
      this.unsaved = merged;
      this.opts.onError?.(err);
      for (const w of waiters) w.reject(new AppError('STORAGE_UNAVAILABLE'));
      this.scheduleRetry();
      return;
    }
    const wasUnsaved = this.unsaved !== null;
    this.unsaved = null;
    this.approxBytes += merged.byteLength;
    this.updatesSinceCompact++;
    const sender = !wasUnsaved && from.size === 1 ? [...from][0]! : null;
    this.opts.transport.broadcastUpdate(merged, sender);
    for (const w of waiters) w.resolve();
    this.opts.onActivity?.(this.code);
    if (this.updatesSinceCompact >= this.opts.compactEveryUpdates) {
      void this.compact().catch((err) => this.opts.onError?.(err));
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, this.opts.storageRetryMs);
    this.retryTimer.unref?.();
  }
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  stateJson: string;
}

/** Reads an awareness update's entries without applying it. Throws MALFORMED_UPDATE on garbage. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  if (update.byteLength > LIMITS.messageBytesMax) throw new AppError('PAYLOAD_TOO_LARGE');
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > 64) throw new Error('too many entries');
    const out: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const stateJson = decoding.readVarString(decoder);
      out.push({ clientId, clock, stateJson });
    }
    if (decoder.pos !== update.length) throw new Error('truncated or trailing bytes');
    return out;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('MALFORMED_UPDATE');
  }
}
