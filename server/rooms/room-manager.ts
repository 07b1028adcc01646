/**
 * Keeps live rooms: loads each once even when fifty phones ask at the same
 * instant (one shared promise per code), unloads a room when its last
 * connection has been gone for a while, and flushes everything on shutdown.
 */
import * as Y from 'yjs';
import { AppError } from '../../shared/domain/errors.ts';
import type { Storage, WorkshopRecord } from '../storage/storage.ts';
import { newSecret } from '../security/secrets.ts';
import { FORMAT, V1_BOARD_DOC } from './docs.ts';
import { Room, type Connection, type RoomTransport } from './room.ts';
import { upgradeV1 } from './upgrade-v1.ts';

export interface RoomManagerOptions {
  storage: Storage;
  transportFor: (code: string) => RoomTransport;
  idleUnloadMs: number;
  compactEveryUpdates: number;
  storageRetryMs: number;
  touchEveryMs: number;
  onError?: (err: unknown) => void;
  /**
   * Cluster mode: a room is loaded only by the node that owns it. `acquire` takes the room
   * (throws when another node has it) and returns the storage the room writes through;
   * `release` gives it up when the room leaves memory.
   */
  ownership?: {
    acquire(code: string): Promise<Storage>;
    release(code: string): Promise<void>;
  };
}

export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastTouch = new Map<string, number>();
  /**
   * Rooms on their way out (storing, then giving up their lease). Loading the same code waits
   * for this: a load racing the release would find this node's own lease still in Redis and be
   * refused as owned by another node, or have the release drop the lease the new room holds.
   */
  private readonly unloading = new Map<string, Promise<void>>();
  /** How often each room was asked for: one asked for while it was being stored stays loaded. */
  private readonly asked = new Map<string, number>();
  /** How many times a room was loaded from storage (observable in tests). */
  loads = 0;

  constructor(private readonly opts: RoomManagerOptions) {}

  /** The live room for a code, loading it once. Rejects with WORKSHOP_NOT_FOUND. */
  get(code: string): Promise<Room> {
    this.asked.set(code, (this.asked.get(code) ?? 0) + 1);
    let room = this.rooms.get(code);
    if (!room) {
      room = this.load(code);
      this.rooms.set(code, room);
      room.catch(() => {
        this.rooms.delete(code);
        this.asked.delete(code);
      });
    }
    return room;
  }

  /** The room if it is in memory, without loading it. */
  peek(code: string): Promise<Room> | undefined {
    return this.rooms.get(code);
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Adds a connection to a room; false when its person already has `cap` connections open. */
  connected(room: Room, connectionId: string, conn: Connection, cap: number): boolean {
    if (!room.connect(connectionId, conn, cap)) return false;
    const timer = this.unloadTimers.get(room.code);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(room.code);
    }
    return true;
  }

  disconnected(room: Room, connectionId: string): void {
    room.disconnect(connectionId);
    if (room.connections.size > 0) return;
    void room.flush().catch((err) => this.opts.onError?.(err));
    this.scheduleUnload(room);
  }

  /** Closes a room without saving more (the workshop was deleted). */
  async discard(code: string): Promise<void> {
    const room = await this.rooms.get(code)?.catch(() => null);
    this.rooms.delete(code);
    this.asked.delete(code);
    const timer = this.unloadTimers.get(code);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(code);
    room?.destroy();
    await this.leaving(code, this.release(code));
  }

  /** Holds loads of `code` back until `done` settles. */
  private async leaving(code: string, done: Promise<void>): Promise<void> {
    const gone = done.finally(() => {
      if (this.unloading.get(code) === gone) this.unloading.delete(code);
    });
    this.unloading.set(code, gone);
    await gone;
  }

  /** Stores and compacts every room, then drops them (graceful shutdown). */
  async closeAll(): Promise<void> {
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    for (const r of rooms) {
      if (r.status !== 'fulfilled') continue;
      try {
        await r.value.compact();
      } catch (err) {
        this.opts.onError?.(err);
      }
      r.value.destroy();
      await this.release(r.value.code);
    }
    this.rooms.clear();
    this.asked.clear();
  }

  private async release(code: string): Promise<void> {
    await this.opts.ownership?.release(code).catch((err) => this.opts.onError?.(err));
  }

  private async load(code: string): Promise<Room> {
    await this.unloading.get(code);
    const workshop = await this.opts.storage.getWorkshop(code);
    if (!workshop) throw new AppError('WORKSHOP_NOT_FOUND');
    const storage = this.opts.ownership ? await this.opts.ownership.acquire(code) : this.opts.storage;
    try {
      return await this.loadOwned(code, workshop, storage);
    } catch (err) {
      await this.release(code);
      throw err;
    }
  }

  private async loadOwned(code: string, workshop: WorkshopRecord, storage: Storage): Promise<Room> {
    let stored = await storage.loadDocuments(code);
    if (workshop.format < FORMAT) {
      // Stored by the first version: one shared document. Upgraded once, atomically, before anyone sees it.
      const board = new Y.Doc();
      for (const u of stored.get(V1_BOARD_DOC)?.updates ?? []) Y.applyUpdate(board, u);
      await storage.replaceDocuments(code, upgradeV1(board), FORMAT);
      board.destroy();
      stored = await storage.loadDocuments(code);
    }
    // Workshops from before projector keys get one.
    if (!workshop.viewerKey) await storage.updateWorkshop(code, { viewerKey: newSecret() });
    this.loads++;
    const room = new Room(
      {
        code,
        storage,
        transport: this.opts.transportFor(code),
        compactEveryUpdates: this.opts.compactEveryUpdates,
        storageRetryMs: this.opts.storageRetryMs,
        onActivity: (c) => this.touch(c),
        onError: this.opts.onError,
      },
      stored,
    );
    // Loaded by an HTTP call with nobody connected: unload unless someone connects.
    this.scheduleUnload(room);
    return room;
  }

  private touch(code: string): void {
    const now = Date.now();
    if (now - (this.lastTouch.get(code) ?? 0) < this.opts.touchEveryMs) return;
    this.lastTouch.set(code, now);
    void this.opts.storage.touchWorkshop(code, now).catch((err) => this.opts.onError?.(err));
  }

  private scheduleUnload(room: Room): void {
    if (this.unloadTimers.has(room.code)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.code);
      if (room.connections.size > 0) return;
      const askedBefore = this.asked.get(room.code);
      void (async () => {
        try {
          await room.compact();
        } catch (err) {
          this.opts.onError?.(err);
          return; // keep it in memory: nothing unsaved is dropped
        }
        if (room.connections.size > 0 || this.rooms.get(room.code) === undefined) return;
        // Asked for while it was being stored (an HTTP join between its awaits): not now.
        if (this.asked.get(room.code) !== askedBefore) return this.scheduleUnload(room);
        this.rooms.delete(room.code);
        this.lastTouch.delete(room.code);
        this.asked.delete(room.code);
        room.destroy();
        await this.leaving(room.code, this.release(room.code));
      })();
    }, this.opts.idleUnloadMs);
    timer.unref?.();
    this.unloadTimers.set(room.code, timer);
  }
}
