/**
 * Counts failed joins per address in a fixed window. Only failures count, so a
 * room of phones behind one venue NAT joining correctly never trips it, while
 * guessing room codes does. (@fastify/rate-limit counts every request and cannot
 * see Socket.IO handshakes, hence this small counter.)
 */
export interface FailedJoinLimit {
  /** True while this address may still try. */
  allowed(address: string): Promise<boolean>;
  fail(address: string): Promise<void>;
}

/** The counts of one process (one node; and the fallback of the Redis-backed limiter). */
export class FailureLimiter implements FailedJoinLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async allowed(address: string): Promise<boolean> {
    const w = this.current(address);
    return !w || w.count < this.limit;
  }

  async fail(address: string): Promise<void> {
    const w = this.current(address);
    if (w) w.count++;
    else this.windows.set(address, { start: this.now(), count: 1 });
    if (this.windows.size > 100_000) this.prune();
  }

  retryAfterMs(address: string): number {
    const w = this.current(address);
    return w ? Math.max(0, w.start + this.windowMs - this.now()) : 0;
  }

  private current(address: string) {
    const w = this.windows.get(address);
    if (w && this.now() - w.start >= this.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return w;
  }

  private prune(): void {
    for (const [k, w] of this.windows) if (this.now() - w.start >= this.windowMs) this.windows.delete(k);
  }
}
