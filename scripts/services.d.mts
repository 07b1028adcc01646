/** Types for scripts/services.mjs (plain JavaScript, so that `node scripts/test.mjs` runs it as it is). */
export interface ServiceUrls {
  REDIS_URL: string;
  DATABASE_URL: string;
}
export interface Services {
  env: ServiceUrls;
  /** What this call started (empty when both URLs were given). */
  started: string[];
  /** Stops what this call started and removes its folders. */
  stop(): Promise<void>;
}
export function startServices(env?: Record<string, string | undefined>): Promise<Services>;
/** Deletes every key under `prefix` (SCAN in pages, then UNLINK); `redis` is an ioredis client. */
export function deleteKeys(redis: import('ioredis').Redis, prefix: string): Promise<void>;
