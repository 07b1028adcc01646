/**
 * Failed joins per address counted in Redis, so a guesser spreading attempts over several
 * nodes meets one limit. The same fixed window as the in-memory limiter: the first failure
 * starts it (the key's TTL), the count resets when it ends.
 *
 * When Redis cannot be reached, each node falls back to counting on its own: guessing stays
 * bounded (by the limit times the number of nodes) and joins keep working, rather than every
 * join failing with Redis.
 */
import type { Redis } from 'ioredis';
import { FailureLimiter, type FailedJoinLimit } from './failure-limiter.ts';

// KEYS[1] the address' counter; ARGV[1] the window in ms. The window starts with the first failure.
const FAIL = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`;

export interface RedisFailureLimiterOptions {
  prefix: string;
  limit: number;
  windowMs: number;
  /** Told when Redis fails and this node counts on its own. */
  onFallback?: (err: unknown) => void;
}

export class RedisFailureLimiter implements FailedJoinLimit {
  private readonly local: FailureLimiter;

  constructor(
    private readonly redis: Redis,
    private readonly opts: RedisFailureLimiterOptions,
  ) {
    this.local = new FailureLimiter(opts.limit, opts.windowMs);
  }

  private key(address: string): string {
    return `${this.opts.prefix}failed-joins:${address}`;
  }

  async allowed(address: string): Promise<boolean> {
    try {
      const count = await this.redis.get(this.key(address));
      return (count === null ? 0 : Number(count)) < this.opts.limit;
    } catch (err) {
      this.opts.onFallback?.(err);
      return this.local.allowed(address);
    }
  }

  async fail(address: string): Promise<void> {
    // Counted here too, so the fallback is not empty-handed when Redis goes away.
    await this.local.fail(address);
    try {
      await this.redis.eval(FAIL, 1, this.key(address), this.opts.windowMs);
    } catch (err) {
      this.opts.onFallback?.(err);
    }
  }
}
