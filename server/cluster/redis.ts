/**
 * The node's Redis connection, set up to fail fast rather than queue: when Redis is down, a
 * command errors at once (no offline queue, one try, a short timeout), so the callers' own
 * fallbacks take over (an owner keeps serving its rooms, limits fall back to this node's
 * counts) instead of requests hanging. It keeps reconnecting in the background.
 */
import { once } from 'node:events';
import { Redis } from 'ioredis';

export interface RedisOptions {
  /** Told about connection errors, at most once per outage (ioredis retries on its own). */
  onDown?: (err: Error) => void;
  onUp?: () => void;
  /** How long start-up waits for the first connection before going on without it. */
  connectWaitMs?: number;
}

export async function connectRedis(url: string, opts: RedisOptions = {}): Promise<Redis> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    // Keep trying, never more than 2 s apart.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    opts.onDown?.(err);
  });
  redis.on('ready', () => {
    if (down) opts.onUp?.();
    down = false;
  });
  // Start-up waits a moment for the first connection, so the first requests share limits;
  // a Redis that is down does not stop the node from starting.
  const wait = AbortSignal.timeout(opts.connectWaitMs ?? 3_000);
  await once(redis, 'ready', { signal: wait }).catch(() => {});
  return redis;
}
