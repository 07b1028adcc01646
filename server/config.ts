/**
 * Configuration: typed defaults, overridden by the environment, validated once
 * and frozen. Nothing else reads process.env.
 *
 * Each setting is written once, in EnvSchema: its Config field is the variable's name in
 * camelCase (MAX_PARTICIPANTS -> maxParticipants), with the type its schema produces. Only
 * values computed from several settings, or kept in other units, are spelled out in `derive`.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** An empty variable (REDIS_URL=) counts as unset, as a shell user expects. */
const unsetIfEmpty = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const optionalUrl = unsetIfEmpty(z.string().url());
const folder = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((p) => path.resolve(p));

const EnvSchema = z.object({
  PORT: int(0, 65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: folder('./data'),
  /** Extra origins allowed to open a socket, comma separated; same origin is always allowed. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s): readonly string[] =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RETENTION_DAYS: z.coerce.number().min(0.0001).max(3650).default(30),
  MAX_PARTICIPANTS: int(1, 10_000).default(300),
  FAILED_JOINS_PER_WINDOW: int(1, 100_000).default(60),
  FAILED_JOIN_WINDOW_MS: int(1_000, 86_400_000).default(10 * 60_000),
  ROOM_IDLE_UNLOAD_MS: int(0, 86_400_000).default(30_000),
  MESSAGES_PER_SECOND: int(1, 100_000).default(60),
  /** Sockets one participant may hold at once (phone, laptop, a reload still closing). */
  MAX_CONNECTIONS_PER_PARTICIPANT: int(1, 1_000).default(4),
  /** Sockets one network address may hold: a venue puts a whole room behind one. */
  MAX_CONNECTIONS_PER_ADDRESS: int(1, 100_000).default(400),
  /**
   * Joins one address may make into one workshop at once, then per minute. Counted per
   * workshop: a venue's NAT puts a whole room behind one address, and knowing the room code is
   * the gate. A phone refused here waits the Retry-After it is given and tries again by itself.
   */
  JOIN_BURST_PER_ADDRESS: int(1, 100_000).default(100),
  JOINS_PER_MINUTE_PER_ADDRESS: int(1, 100_000).default(300),
  TRUST_PROXY: bool.default(false),
  /** Workshops one address may create per minute. */
  CREATES_PER_MINUTE: int(1, 100_000).default(30),
  STATIC_DIR: folder('dist/client'),
  /** Redis (redis://...): rate limits shared by every node, and room leases in cluster mode. */
  REDIS_URL: optionalUrl,
  /** PostgreSQL (postgres://...): storage shared by every node, in place of the SQLite file. */
  DATABASE_URL: optionalUrl,
  /** Put in front of every Redis key, so several deployments can share one Redis. */
  REDIS_PREFIX: z.string().default('social-shift:'),
  /** Cluster mode: how long a room's lease lasts unrenewed, so how soon another node takes over a dead owner's rooms. */
  LEASE_TTL_MS: int(500, 120_000).default(5_000),
  /**
   * How long a PostgreSQL query may hang (an unresponsive database, a dropped network) before
   * the write is refused as STORAGE_UNAVAILABLE. Keep it well under a phone's 15 s wait for an
   * answer, so the phone hears why rather than timing out.
   */
  DATABASE_QUERY_TIMEOUT_MS: int(200, 60_000).default(10_000),
  /** How long /readyz waits for storage (and Redis) to answer before calling the node not ready. */
  READY_TIMEOUT_MS: int(50, 30_000).default(1_000),
  /** /metrics on the main port, for a scraper that sends "Authorization: Bearer <token>". Unset: no /metrics there. */
  METRICS_TOKEN: unsetIfEmpty(z.string().min(16, 'use at least 16 characters')),
  /** /metrics without a token on this port, bound to 127.0.0.1 only (a scraper on the same machine). */
  METRICS_PORT: unsetIfEmpty(int(1, 65_535)),
  /** New requests and connections are refused with SERVER_BUSY while the event loop lags more than this (0: never). */
  MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000).default(1_000),
  /** ... or while the JavaScript heap holds more than this many MB (0: 90% of Node's heap limit). */
  MAX_HEAP_USED_MB: int(0, 1_000_000).default(0),
  /** SQLite: a copy into DATA_DIR/backups/ every this many minutes (0: none), keeping the newest BACKUPS_KEPT. */
  BACKUP_EVERY_MINUTES: int(0, 525_600).default(0),
  BACKUPS_KEPT: int(1, 10_000).default(24),
});

type Env = z.output<typeof EnvSchema>;
/** MAX_PARTICIPANTS -> maxParticipants, at the type level. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}${Capitalize<CamelCase<Tail>>}`
  : Lowercase<S>;
type Camelised<T> = { [K in keyof T & string as CamelCase<K>]: T[K] };
const camelCase = (key: string) => key.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The values that are not one variable as it is. */
function derive({ retentionDays, ...fields }: Camelised<Env>) {
  return {
    ...fields,
    retentionMs: retentionDays * 86_400_000,
    /** Several nodes serve the same workshops: on when both Redis and PostgreSQL are given. */
    cluster: fields.redisUrl !== undefined && fields.databaseUrl !== undefined,
  };
}

export type Config = Readonly<ReturnType<typeof derive>>;

/** Every variable the server reads (docs/operations.md lists each; a unit test holds it to that). */
export const ENV_KEYS = Object.keys(EnvSchema.shape) as readonly (keyof Env)[];

export const DEFAULTS = {
  compactEveryUpdates: 500,
  retentionSweepMs: 3_600_000,
  messageBurst: 120,
  /** Connects per participant: a burst, then per second (each one changes who is online). */
  connectBurst: 10,
  connectsPerSecond: 0.5,
  storageRetryMs: 2_000,
  touchEveryMs: 60_000,
  /** What a SERVER_BUSY refusal asks a client to wait, in seconds, before it tries again. */
  busyRetryAfterS: 5,
  /** How often the event loop and heap are sampled for the overload check. */
  loadSampleMs: 500,
} as const;

/** Reads the environment (or an override object, for tests) into a frozen Config. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${detail}`);
  }
  const fields = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [camelCase(k), v])) as Camelised<Env>;
  return Object.freeze(derive(fields));
}
