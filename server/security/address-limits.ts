/**
 * Per-address limits for what one network address may hold or do: open
 * sockets (a held count, released on close) and joins (a token bucket). A
 * venue puts fifty phones behind one address, so both allow a room's worth at
 * once; what they stop is one device opening hundreds of sockets or filling a
 * room with made-up names.
 */
import { TokenBucket } from '../realtime/rate.ts';

/** Holds how many connections each address has open; one node's (below) or every node's (Redis). */
export interface AddressConnections {
  /** Takes one slot for `address`; false when it already holds the cap. */
  acquire(address: string): boolean | Promise<boolean>;
  release(address: string): void;
  close?(): void;
}

export class ConnectionCounter implements AddressConnections {
  private readonly open = new Map<string, number>();
  constructor(private readonly cap: number) {}

  /** Takes one slot for `address`; false when it already holds `cap`. */
  acquire(address: string): boolean {
    const n = this.open.get(address) ?? 0;
    if (n >= this.cap) return false;
    this.open.set(address, n + 1);
    return true;
  }

  release(address: string): void {
    const n = (this.open.get(address) ?? 0) - 1;
    if (n > 0) this.open.set(address, n);
    else this.open.delete(address);
  }

  held(address: string): number {
    return this.open.get(address) ?? 0;
  }

  /** Every address holding a slot. */
  addresses(): IterableIterator<string> {
    return this.open.keys();
  }
}

/** Token buckets by key (an address, a participant), pruned when idle and full. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, { bucket: TokenBucket; seen: number }>();
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    return this.entry(key).bucket.take();
  }

  /** Milliseconds until `key` may take again. */
  waitMs(key: string): number {
    return this.entry(key).bucket.waitMs();
  }

  private entry(key: string) {
    const t = this.now();
    let entry = this.buckets.get(key);
    if (!entry) {
      if (this.buckets.size >= 50_000) this.prune(t);
      entry = { bucket: new TokenBucket(this.perSecond, this.burst, this.now), seen: t };
      this.buckets.set(key, entry);
    }
    entry.seen = t;
    return entry;
  }

  /** Forgets buckets idle long enough to have refilled completely. */
  private prune(t: number): void {
    const full = (this.burst / this.perSecond) * 1000;
    for (const [key, e] of this.buckets) if (t - e.seen > full) this.buckets.delete(key);
  }
}
