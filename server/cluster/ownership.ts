/**
 * Owning a room in cluster mode: take its lease (lease.ts), fence storage with the lease's
 * epoch, keep renewing, and give the room up the moment either says it is someone else's.
 *
 * The storage a room gets from `acquire` stamps every write with the epoch, so PostgreSQL
 * refuses a write from an owner that was paused past its lease (StaleEpoch); that refusal, or
 * a renewal Redis turns down, calls `onLost` and the room is dropped without saving more.
 * While Redis is out of reach the owner keeps its rooms (no one else can take them; if only
 * this node lost Redis and another took over, the fence refuses this one's writes).
 */
import { StaleEpoch, type Storage } from '../storage/storage.ts';
import type { Lease, LeaseHolder, RoomLeases } from './lease.ts';

/** The room is owned by another node; `holder` says which. */
export class NotOwner extends Error {
  constructor(
    readonly code: string,
    readonly holder: LeaseHolder,
  ) {
    super(`room ${code} is owned by ${holder.node} (epoch ${holder.epoch})`);
    this.name = 'NotOwner';
  }
}

export interface OwnershipOptions {
  leases: RoomLeases;
  storage: Storage;
  ttlMs: number;
  /** The room stopped being ours (lease taken over, or a write refused as stale): drop it. */
  onLost: (code: string) => void;
  /** This node took the room's lease and claimed it in storage (a metric counts the moves). */
  onAcquired?: (code: string) => void;
  onError?: (err: unknown) => void;
  /** A renewal ran `sinceLastMs` after the one before, past twice its period (a blocked event loop). */
  onLate?: (code: string, sinceLastMs: number) => void;
}

export class RoomOwnership {
  private readonly held = new Map<string, { lease: Lease; timer: ReturnType<typeof setInterval> }>();

  constructor(private readonly opts: OwnershipOptions) {}

  /** True while this node holds the room's lease. */
  owns(code: string): boolean {
    return this.held.has(code);
  }

  /**
   * Takes the room's lease and records its epoch in storage (claim before load: everything the
   * previous owner committed is then loaded, and nothing it tries later lands). Resolves with
   * the storage the room must write through. Throws NotOwner when another node holds it, and
   * whatever Redis or storage throw when they cannot be reached (new ownership waits).
   */
  async acquire(code: string): Promise<Storage> {
    let floor = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const got = await this.opts.leases.acquire(code, floor);
      if (!got.ok) throw new NotOwner(code, got.holder);
      // Renewing starts now, not after the claim: a slow database must not let the lease lapse.
      this.keep(code, got.lease);
      try {
        await this.opts.storage.claim(code, got.lease.epoch);
      } catch (err) {
        const h = this.held.get(code);
        if (h?.lease === got.lease) {
          clearInterval(h.timer);
          this.held.delete(code);
        }
        await this.opts.leases.release(got.lease).catch(() => false);
        // Redis lost its counters since storage last recorded an epoch: go above that one.
        if (err instanceof StaleEpoch) {
          floor = err.recorded;
          continue;
        }
        throw err;
      }
      if (this.held.get(code)?.lease !== got.lease) throw new Error(`room ${code}: lease lost while claiming it`);
      this.opts.onAcquired?.(code);
      return this.fenced(code, got.lease.epoch);
    }
    throw new Error(`room ${code}: could not take a lease above the recorded epoch`);
  }

  /** Gives the room up (unloaded, deleted, shutting down), so another node need not wait for the TTL. */
  async release(code: string): Promise<void> {
    const h = this.held.get(code);
    if (!h) return;
    this.held.delete(code);
    clearInterval(h.timer);
    await this.opts.leases.release(h.lease).catch((err) => this.opts.onError?.(err));
  }

  /** Stops renewing every lease (shutdown, after the rooms were flushed and released). */
  stop(): void {
    for (const h of this.held.values()) clearInterval(h.timer);
    this.held.clear();
  }

  private keep(code: string, lease: Lease): void {
    const every = Math.max(100, Math.floor(this.opts.ttlMs / 3));
    let last = Date.now();
    const timer = setInterval(() => {
      // Timers run on the event loop: one blocked past the TTL lets the lease lapse in Redis.
      // renew() takes it back if no one took the room meanwhile; say so, for the operator.
      const now = Date.now();
      if (now - last > 2 * every) this.opts.onLate?.(code, now - last);
      last = now;
      this.opts.leases.renew(lease).then(
        (ok) => {
          if (this.held.get(code)?.lease !== lease) {
            // Released while this renewal was under way, and maybe taken back by it: let it go again.
            if (ok) void this.opts.leases.release(lease).catch(() => false);
            return;
          }
          if (!ok) this.lose(code);
        },
        // Redis out of reach: keep serving; the fence guards against a new owner elsewhere.
        (err) => this.opts.onError?.(err),
      );
    }, every);
    timer.unref?.();
    this.held.set(code, { lease, timer });
  }

  private lose(code: string): void {
    const h = this.held.get(code);
    if (!h) return;
    this.held.delete(code);
    clearInterval(h.timer);
    h.lease.validUntil = 0;
    this.opts.onLost(code);
  }

  /** The storage a room writes through: every write carries the epoch; a stale one means the room is lost. */
  private fenced(code: string, epoch: number): Storage {
    const base = this.opts.storage;
    const refused = (err: unknown): never => {
      // Only when this epoch is still the one held: a late write from a room this node already
      // unloaded (and took again, under a newer epoch) must not drop the room it holds now.
      if (err instanceof StaleEpoch && err.code === code && this.held.get(code)?.lease.epoch === epoch) this.lose(code);
      throw err;
    };
    return {
      ...bound(base),
      appendUpdates: (batch) => base.appendUpdates(batch.map((u) => (u.code === code ? { ...u, epoch } : u))).catch(refused),
      compact: (c, doc, state, upTo) => base.compact(c, doc, state, upTo, c === code ? epoch : undefined).catch(refused),
      replaceDocuments: (c, docs, format) => base.replaceDocuments(c, docs, format, c === code ? epoch : undefined).catch(refused),
    };
  }
}

/** Every method of a storage, bound to it (storage objects are plain records of functions). */
function bound(storage: Storage): Storage {
  const out = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(storage)) out[name] = typeof fn === 'function' ? fn.bind(storage) : fn;
  return out as unknown as Storage;
}
