/**
 * One live workshop: its authoritative state (ledger and private documents),
 * the two documents derived from it for recipients (projection.ts), who is
 * connected, and the path every change takes:
 *
 *   validate -> apply -> (same flush: flush-scheduler.ts) project -> store -> deliver -> ack
 *
 * Nobody receives a change, or anything derived from it, before it is stored,
 * so an acknowledged edit survives a crash. Each stored document is capped on
 * what it holds, not on how often it was written.
 *
 * The room knows nothing of Socket.IO: it talks to its transport through
 * `RoomTransport`, so it is tested without a socket.
 */
import * as Y from 'yjs';
import { AppError } from '../../shared/domain/errors.ts';
import { LIMITS } from '../../shared/domain/limits.ts';
import { privateMaps } from '../../shared/doc/private-doc.ts';
import type { Command, CommandType, DocName, PresencePayload, Role } from '../../shared/schema/protocol.ts';
import type { DocUpdate, Storage } from '../storage/storage.ts';
import { executeCommand, type Actor, type CommandResult } from './commands.ts';
import { LEDGER_DOC, participantOfDoc, privateDocName } from './docs.ts';
import { ledgerMaps } from './ledger.ts';
import { FlushScheduler } from './flush-scheduler.ts';
import { Projection } from './projection.ts';
import { RoomState } from './room-state.ts';
import { validateParticipantUpdate } from './validate-update.ts';

export interface RoomTransport {
  /** Sends `update` of document `doc` to these connections. */
  sendUpdate(connections: Iterable<string>, doc: DocName, update: Uint8Array): void;
  sendPresence(connections: Iterable<string>, payload: PresencePayload): void;
  /** Disconnects these connections, telling them why. */
  close(connections: Iterable<string>, reason: 'removed' | 'rotated'): void;
}

export interface RoomOptions {
  code: string;
  storage: Storage;
  transport: RoomTransport;
  compactEveryUpdates: number;
  storageRetryMs: number;
  onActivity?: (code: string) => void;
  onError?: (err: unknown) => void;
  now?: () => number;
}

export interface LoadedDoc {
  updates: Uint8Array[];
  lastSeq: number;
  bytes: number;
}

export interface Connection {
  role: Role;
  participantId: string | null;
}

/** A stored document's log: what is applied but not stored yet, and how big it is as stored. */
interface DocLog {
  name: string;
  doc: Y.Doc;
  /** The participant it belongs to; null for the ledger. */
  participantId: string | null;
  lastSeq: number;
  /** Bytes of the last snapshot (or of what was loaded), plus bytes appended since. */
  storedBytes: number;
  updatesSinceCompact: number;
  /** Applied updates not stored yet: from a connection (not sent back to it), or from the server. */
  pending: Array<{ update: Uint8Array; from: string | null }>;
}

interface Delivery {
  to: () => Iterable<string>;
  doc: DocName;
  update: Uint8Array;
}

type Waiter = { resolve: () => void; reject: (err: AppError) => void };

/**
 * Every room of this process flushes through one scheduler, so the rooms with changes share one
 * storage transaction per flush; under load it gathers them for up to `gatherMs`
 * (flush-scheduler.ts says why, and what bounds it).
 */
const flushes = new FlushScheduler({ gatherMs: 1, maxRooms: 64 });

export class Room {
  readonly code: string;
  readonly state: RoomState;
  readonly projection: Projection;
  readonly connections = new Map<string, Connection>();
  /** Connections by participant, and the facilitators' (whom a flush addresses on every change). */
  private readonly byParticipant = new Map<string, Set<string>>();
  private readonly facilitators = new Set<string>();

  private readonly opts: RoomOptions;
  private readonly logs = new Map<Y.Doc, DocLog>();
  private readonly logsByName = new Map<string, DocLog>();
  /** Logs with updates not stored yet, in the order they first got one since the last flush. */
  private pendingLogs = new Set<DocLog>();
  private derived: Array<{ doc: 'room' | 'console'; update: Uint8Array }> = [];
  private waiters: Waiter[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> | null = null;
  /** A batch applied that storage has not taken yet (disk full, database down), with what it would deliver. */
  private held: { batch: DocUpdate[]; deliveries: Delivery[] } | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Waiting for a held batch to be stored (see settled()). */
  private settledWaiters: Array<() => void> = [];
  private destroyed = false;
  private roadmapDirty = false;
  private applyingFrom: string | null = null;
  private presenceScheduled = false;
  private lastPresence = new Map<'console' | 'room', string>();
  private cachedState = new Map<DocName, Uint8Array>();

  constructor(opts: RoomOptions, loaded: Map<string, LoadedDoc>) {
    this.opts = opts;
    this.code = opts.code;
    const ledger = this.loadDoc(LEDGER_DOC, null, loaded.get(LEDGER_DOC));
    const privates = new Map<string, Y.Doc>();
    for (const [name, stored] of loaded) {
      const pid = participantOfDoc(name);
      if (pid) privates.set(pid, this.loadDoc(name, pid, stored));
    }
    this.state = new RoomState(ledger, privates);
    this.projection = new Projection(this.state);
    this.projection.update({ roadmap: true });
    for (const which of ['room', 'console'] as const) {
      this.projection[which].on('update', (update: Uint8Array) => {
        this.cachedState.delete(which);
        this.derived.push({ doc: which, update });
        this.scheduleFlush();
      });
    }
  }

  get now(): number {
    return (this.opts.now ?? Date.now)();
  }

  // ------------------------------------------------------------------ reading

  /** The document a connection syncs under `name`, or null when it may not. */
  docFor(conn: Connection, name: DocName): Y.Doc | null {
    if (name === 'room') return this.projection.room;
    if (name === 'console') return conn.role === 'facilitator' ? this.projection.console : null;
    if (conn.role !== 'participant' || !conn.participantId) return null;
    return this.state.privateDoc(conn.participantId);
  }

  /** The full state of a shared document, encoded once per state and reused by every joining phone. */
  encodeState(name: 'room' | 'console'): Uint8Array {
    let state = this.cachedState.get(name);
    if (!state) this.cachedState.set(name, (state = Y.encodeStateAsUpdate(this.projection[name])));
    return state;
  }

  /** What `doc` has that a client with `stateVector` lacks. */
  encodeDiff(conn: Connection, name: DocName, stateVector: Uint8Array): Uint8Array {
    const doc = this.docFor(conn, name);
    if (!doc) throw new AppError('FORBIDDEN', 'That document is not yours to read.');
    if (name !== 'mine' && stateVector.byteLength <= 1) return this.encodeState(name);
    return Y.encodeStateAsUpdate(doc, stateVector);
  }

  participantCount(): number {
    return this.state.presentIds().length;
  }

  // ------------------------------------------------------------------ connections

  /** Adds a connection; false when its person already has `cap` open. */
  connect(id: string, conn: Connection, cap: number): boolean {
    if (conn.participantId && this.connectionsOf(conn.participantId).length >= cap) return false;
    this.disconnect(id, false);
    this.connections.set(id, conn);
    if (conn.participantId) {
      const ids = this.byParticipant.get(conn.participantId);
      if (ids) ids.add(id);
      else this.byParticipant.set(conn.participantId, new Set([id]));
    }
    if (conn.role === 'facilitator') this.facilitators.add(id);
    this.schedulePresence();
    return true;
  }

  disconnect(id: string, announce = true): void {
    const conn = this.connections.get(id);
    if (!conn) return;
    this.connections.delete(id);
    this.facilitators.delete(id);
    const ids = conn.participantId ? this.byParticipant.get(conn.participantId) : undefined;
    if (ids) {
      ids.delete(id);
      if (!ids.size) this.byParticipant.delete(conn.participantId!);
    }
    if (announce) this.schedulePresence();
  }

  connectionsOf(participantId: string): string[] {
    const ids = this.byParticipant.get(participantId);
    return ids ? [...ids] : [];
  }

  private connectionsWith(filter: (c: Connection) => boolean): string[] {
    const out: string[] = [];
    for (const [id, c] of this.connections) if (filter(c)) out.push(id);
    return out;
  }

  /** Closes every projector connection (its key was rotated). */
  closeViewers(): void {
    this.opts.transport.close(
      this.connectionsWith((c) => c.role === 'viewer'),
      'rotated',
    );
  }

  // ------------------------------------------------------------------ writing

  /**
   * Validates and applies a participant's change to their own document. Resolves once it is
   * stored (the ack); rejects with a named AppError, leaving everything untouched.
   */
  async applyParticipantUpdate(update: Uint8Array, participantId: string, connectionId: string): Promise<void> {
    if (this.held) throw new AppError('STORAGE_UNAVAILABLE');
    if (this.state.locked()) throw new AppError('BOARD_LOCKED');
    if (!this.state.present(participantId)) throw new AppError('REMOVED');
    const doc = this.state.privateDoc(participantId);
    const log = this.logOf(doc, privateDocName(participantId), participantId);
    await this.ensureRoom(log, update.byteLength, LIMITS.privateDocumentBytesMax);
    if (this.held) throw new AppError('STORAGE_UNAVAILABLE');
    try {
      const clients = privateMaps(doc).clients;
      const result = validateParticipantUpdate(doc, update, {
        participantId,
        clientOwner: (id) => clients.get(String(id)),
        serverClientId: doc.clientID,
      });
      if (result.newCardKeys > 0 && privateMaps(doc).cards.size + result.newCardKeys > LIMITS.cardsPerParticipantMax) {
        throw new AppError('TOO_MANY_CARDS');
      }
      if (result.newClients.length) {
        doc.transact(() => {
          for (const id of result.newClients) clients.set(String(id), participantId);
        });
      }
      this.applyingFrom = connectionId;
      Y.applyUpdate(doc, update, connectionId);
    } catch (err) {
      throw err instanceof AppError ? err : new AppError('MALFORMED_UPDATE');
    } finally {
      this.applyingFrom = null;
    }
    return this.whenStored();
  }

  /** Runs a command (facilitator action, vote, roadmap edit); resolves with its data once stored. */
  async runCommand<T extends CommandType>(command: Extract<Command, { type: T }>, actor: Actor): Promise<CommandResult<T>['data']> {
    if (this.held) throw new AppError('STORAGE_UNAVAILABLE');
    const ledgerLog = this.logOf(this.state.ledger, LEDGER_DOC, null);
    await this.ensureRoom(ledgerLog, 1_024, LIMITS.documentBytesMax);
    if (this.held) throw new AppError('STORAGE_UNAVAILABLE');
    const result = executeCommand(this.state, command, actor, this.now) as CommandResult<T>;
    if (result.roadmap) this.roadmapDirty = true;
    for (const id of result.kick ?? []) this.opts.transport.close(this.connectionsOf(id), 'removed');
    if (result.changed) await this.whenStored();
    return result.data;
  }

  /** Adds a participant (server-written); resolves once stored. */
  async addParticipant(id: string, name: string, joinedAt: number, personId: string): Promise<void> {
    if (this.held) throw new AppError('STORAGE_UNAVAILABLE');
    ledgerMaps(this.state.ledger).participants.set(id, { id, name, joinedAt, personId });
    const doc = this.state.privateDoc(id);
    this.logOf(doc, privateDocName(id), id);
    await this.whenStored();
  }

  /** Stores everything pending now (before answering a sync request, on unload and shutdown). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.doFlush().finally(() => (this.flushing = null));
    await this.flushing;
  }

  /**
   * Resolves once everything applied so far is stored, waiting out a storage fault: the state a
   * screen is sent when it (re)joins must not hold a change that a crash could still lose.
   */
  async settled(): Promise<void> {
    await this.flush();
    while (this.held) {
      if (this.destroyed) throw new AppError('STORAGE_UNAVAILABLE');
      await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
    }
  }

  /** Snapshot of every stored document that has a log; called on unload and every N updates. */
  async compact(): Promise<void> {
    await this.flush();
    if (this.held) return;
    for (const log of this.logs.values()) await this.compactLog(log);
  }

  destroy(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.destroyed = true;
    for (const resolve of this.settledWaiters.splice(0)) resolve();
    this.projection.destroy();
    for (const log of this.logs.values()) log.doc.destroy();
  }

  // ------------------------------------------------------------------ internals

  private loadDoc(name: string, participantId: string | null, stored: LoadedDoc | undefined): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    if (stored) {
      doc.transact(() => {
        for (const u of stored.updates) Y.applyUpdate(doc, u);
      }, 'load');
    }
    const log = this.track(doc, name, participantId);
    log.lastSeq = stored?.lastSeq ?? 0;
    log.storedBytes = stored?.bytes ?? 0;
    log.updatesSinceCompact = Math.max(0, (stored?.updates.length ?? 0) - 1);
    return doc;
  }

  /** The log of a stored document, tracking it from now on if it is new (a participant who just joined). */
  private logOf(doc: Y.Doc, name: string, participantId: string | null): DocLog {
    return this.logs.get(doc) ?? this.track(doc, name, participantId);
  }

  private track(doc: Y.Doc, name: string, participantId: string | null): DocLog {
    const log: DocLog = { name, doc, participantId, lastSeq: 0, storedBytes: 0, updatesSinceCompact: 0, pending: [] };
    this.logs.set(doc, log);
    this.logsByName.set(name, log);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'load') return;
      log.pending.push({ update, from: typeof origin === 'string' && origin === this.applyingFrom ? origin : null });
      this.pendingLogs.add(log);
      this.scheduleFlush();
    });
    return log;
  }

  /**
   * Refuses a write that would take a document past its cap, measured on what it holds: when
   * the log makes it look full, it is compacted first and measured again.
   */
  private async ensureRoom(log: DocLog, adding: number, cap: number): Promise<void> {
    if (log.storedBytes + adding <= cap) return;
    await this.flush();
    await this.compactLog(log, true);
    if (Y.encodeStateAsUpdate(log.doc).byteLength + adding > cap) throw new AppError('DOCUMENT_TOO_LARGE');
  }

  private async compactLog(log: DocLog, force = false): Promise<void> {
    if (this.held || (!force && log.updatesSinceCompact === 0) || log.lastSeq === 0) return;
    const state = Y.encodeStateAsUpdate(log.doc);
    const upTo = log.lastSeq;
    await this.opts.storage.compact(this.code, log.name, state, upTo);
    // Whatever was appended while the snapshot was written stays counted.
    if (log.lastSeq === upTo) {
      log.storedBytes = state.byteLength;
      log.updatesSinceCompact = 0;
    }
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
    // Every change that arrives before the scheduler runs it is projected, stored and sent as one.
    flushes.request(this.scheduledFlush);
  }

  private readonly scheduledFlush = () => {
    this.flushScheduled = false;
    void this.flush().catch((err) => this.opts.onError?.(err));
  };

  private async doFlush(): Promise<void> {
    // Derive what recipients see from everything applied so far (it may register new cards).
    const roadmap = this.roadmapDirty;
    this.roadmapDirty = false;
    // What the projection writes now (the derived documents, card registrations) is taken by
    // this very flush, below: it must not schedule another one.
    const scheduled = this.flushScheduled;
    this.flushScheduled = true;
    try {
      this.projection.update({ roadmap });
    } finally {
      this.flushScheduled = scheduled;
    }

    const batch: DocUpdate[] = [];
    const deliveries: Delivery[] = [];
    const touched: DocLog[] = [];
    // In the order of `logs` (the ledger first), as stored before; only those with something pending.
    const withPending =
      this.pendingLogs.size === 1 ? [...this.pendingLogs] : [...this.logs.values()].filter((l) => this.pendingLogs.has(l));
    this.pendingLogs = new Set();
    for (const log of withPending) {
      if (!log.pending.length) continue;
      const pending = log.pending;
      log.pending = [];
      touched.push(log);
      const merged = pending.length === 1 ? pending[0]!.update : Y.mergeUpdates(pending.map((p) => p.update));
      batch.push({ code: this.code, doc: log.name, update: merged });
      const pid = log.participantId;
      if (!pid) continue; // the ledger reaches nobody: what the room sees of it is derived
      // A phone's own change goes back to its other screens; the server's to all of them.
      const bySender = new Map<string | null, Uint8Array[]>();
      for (const p of pending) {
        const list = bySender.get(p.from);
        if (list) list.push(p.update);
        else bySender.set(p.from, [p.update]);
      }
      for (const [from, updates] of bySender) {
        deliveries.push({
          to: () => this.connectionsOf(pid).filter((id) => id !== from),
          doc: 'mine',
          update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
        });
      }
    }
    for (const which of ['room', 'console'] as const) {
      const updates = this.derived.filter((d) => d.doc === which).map((d) => d.update);
      if (!updates.length) continue;
      const to = which === 'room' ? () => this.connections.keys() : () => [...this.facilitators];
      deliveries.push({ to, doc: which, update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates) });
    }
    this.derived = [];

    const waiters = this.waiters;
    this.waiters = [];
    const held = this.held;
    const allBatch = held ? [...held.batch, ...batch] : batch;
    const allDeliveries = held ? [...held.deliveries, ...deliveries] : deliveries;
    if (!allBatch.length) {
      for (const d of allDeliveries) this.opts.transport.sendUpdate(d.to(), d.doc, d.update);
      this.held = null;
      for (const w of waiters) w.resolve();
      for (const resolve of this.settledWaiters.splice(0)) resolve();
      return;
    }
    let seqs: number[];
    try {
      seqs = await this.opts.storage.appendUpdates(allBatch);
    } catch (err) {
      this.held = { batch: allBatch, deliveries: allDeliveries };
      this.opts.onError?.(err);
      for (const w of waiters) w.reject(new AppError('STORAGE_UNAVAILABLE'));
      this.scheduleRetry();
      return;
    }
    this.held = null;
    allBatch.forEach((entry, i) => {
      const log = this.logsByName.get(entry.doc);
      if (!log) return;
      log.lastSeq = seqs[i]!;
      log.storedBytes += entry.update.byteLength;
      log.updatesSinceCompact++;
    });
    for (const d of allDeliveries) this.opts.transport.sendUpdate(d.to(), d.doc, d.update);
    for (const w of waiters) w.resolve();
    for (const resolve of this.settledWaiters.splice(0)) resolve();
    this.opts.onActivity?.(this.code);
    for (const log of touched) {
      if (log.updatesSinceCompact >= this.opts.compactEveryUpdates) void this.compactLog(log).catch((err) => this.opts.onError?.(err));
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush().catch((err) => this.opts.onError?.(err));
    }, this.opts.storageRetryMs);
    this.retryTimer.unref?.();
  }

  // ------------------------------------------------------------------ presence

  /** Who is online, coalesced: however many connections come and go in one turn, one delivery. */
  private schedulePresence(): void {
    if (this.presenceScheduled) return;
    this.presenceScheduled = true;
    setImmediate(() => {
      this.presenceScheduled = false;
      this.sendPresence();
    });
  }

  private sendPresence(): void {
    const payloads = this.presence();
    for (const which of ['room', 'console'] as const) {
      const payload = payloads[which];
      const key = JSON.stringify(payload);
      if (this.lastPresence.get(which) === key) continue;
      this.lastPresence.set(which, key);
      const to = this.connectionsWith((c) => (which === 'console') === (c.role === 'facilitator'));
      this.opts.transport.sendPresence(to, payload);
    }
  }

  /** The presence a connection gets when it joins (later changes arrive as they happen). */
  presenceFor(conn: Connection): PresencePayload {
    return this.presence()[conn.role === 'facilitator' ? 'console' : 'room'];
  }

  /** Who is online as each class of recipient may know it: ids for the console, a count for everyone else. */
  private presence(): Record<'room' | 'console', PresencePayload> {
    const online = new Set<string>();
    let consoles = 0;
    let projectors = 0;
    for (const c of this.connections.values()) {
      if (c.participantId && this.state.present(c.participantId)) online.add(c.participantId);
      else if (c.role === 'facilitator') consoles++;
      else if (c.role === 'viewer') projectors++;
    }
    return {
      room: { online: online.size },
      console: { online: online.size, ids: [...online].sort(), screens: { consoles, projectors } },
    };
  }
}
