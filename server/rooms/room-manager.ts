/**
 * Keeps live rooms: loads each once even when fifty phones ask at the same
 * instant (one shared promise per code), unloads a room when its last
 * connection has been gone for a while, and flushes everything on shutdown.
 */
import { AppError } from '../../shared/errors.ts';
import type { Storage } from '../storage/storage.ts';
import { Room, type RoomTransport } from './room.ts';

export interface RoomManagerOptions {
  storage: Storage;
  transportFor: (code: string) => RoomTransport;
  idleUnloadMs: number;
  maxParticipants: number;
  compactEveryUpdates: number;
  storageRetryMs: number;
  touchEveryMs: number;
  onError?: (err: unknown) => void;
}

export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastTouch = new Map<string, number>();
  /** How many times a room was loaded from storage (observable in tests). */
  loads = 0;

  constructor(private readonly opts: RoomManagerOptions) {}

  /** The live room for a code, loading it once. Rejects with WORKSHOP_NOT_FOUND. */
  get(code: string): Promise<Room> {
    let room = this.rooms.get(code);
    if (!room) {
      room = this.load(code);
      this.rooms.set(code, room);
      room.catch(() => this.rooms.delete(code));
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

  connected(room: Room, connectionId: string): void {
    room.connections.add(connectionId);
    const timer = this.unloadTimers.get(room.code);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(room.code);
    }
  }

  disconnected(room: Room, connectionId: string): void {
    room.dropConnection(connectionId);
    if (room.connections.size > 0) return;
    void room.flush().catch((err) => this.opts.onError?.(err));
    this.scheduleUnload(room);
  }

  /** Closes a room without saving more (the workshop was deleted). */
  async discard(code: string): Promise<void> {
    const room = await this.rooms.get(code)?.catch(() => null);
    this.rooms.delete(code);
    const timer = this.unloadTimers.get(code);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(code);
    room?.destroy();
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
    }
    this.rooms.clear();
  }

  private async load(code: string): Promise<Room> {
    const workshop = await this.opts.storage.getWorkshop(code);
    if (!workshop) throw new AppError('WORKSHOP_NOT_FOUND');
    const stored = (await this.opts.storage.loadDocuments(code)).get('board') ?? { updates: [], lastSeq: 0, bytes: 0 };
    this.loads++;
    const room = new Room(
      {
        code,
        storage: this.opts.storage,
        transport: this.opts.transportFor(code),
        maxParticipants: this.opts.maxParticipants,
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
      void (async () => {
        try {
          await room.compact();
        } catch (err) {
          this.opts.onError?.(err);
          return; // keep it in memory: nothing unsaved is dropped
        }
        if (room.connections.size > 0 || this.rooms.get(room.code) === undefined) return;
        this.rooms.delete(room.code);
        this.lastTouch.delete(room.code);
        room.destroy();
      })();
    }, this.opts.idleUnloadMs);
    timer.unref?.();
    this.unloadTimers.set(room.code, timer);
  }
}
