/**
 * Configuration: typed defaults, overridden by the environment, validated once
 * and frozen. Nothing else reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** An empty variable (REDIS_URL=) counts as unset, as a shell user expects. */
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());

const EnvSchema = z.object({
  PORT: int(0, 65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** Extra origins allowed to open a socket, comma separated; same origin is always allowed. */
  ALLOWED_ORIGINS: z.string().default(''),
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
  /** Joins one address may make at once, then per minute: fifty phones join in a burst, nobody fills a room with made-up names. */
  JOIN_BURST_PER_ADDRESS: int(1, 100_000).default(60),
  JOINS_PER_MINUTE_PER_ADDRESS: int(1, 100_000).default(20),
  TRUST_PROXY: bool.default(false),
  /** Workshops one address may create per minute. */
  CREATES_PER_MINUTE: int(1, 100_000).default(30),
  STATIC_DIR: z.string().default('dist/client'),
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
});

export const DEFAULTS = {
  compactEveryUpdates: 500,
  retentionSweepMs: 3_600_000,
  messageBurst: 120,
  /** Connects per participant: a burst, then per second (each one changes who is online). */
  connectBurst: 10,
  connectsPerSecond: 0.5,
  storageRetryMs: 2_000,
  touchEveryMs: 60_000,
} as const;

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  allowedOrigins: readonly string[];
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  retentionMs: number;
  maxParticipants: number;
  failedJoinsPerWindow: number;
  failedJoinWindowMs: number;
  roomIdleUnloadMs: number;
  messagesPerSecond: number;
  maxConnectionsPerParticipant: number;
  maxConnectionsPerAddress: number;
  joinBurstPerAddress: number;
  joinsPerMinutePerAddress: number;
  trustProxy: boolean;
  createsPerMinute: number;
  redisUrl: string | undefined;
  databaseUrl: string | undefined;
  redisPrefix: string;
  leaseTtlMs: number;
  databaseQueryTimeoutMs: number;
  /** Several nodes serve the same workshops: on when both Redis and PostgreSQL are given. */
  cluster: boolean;
}>;

/** Reads the environment (or an override object, for tests) into a frozen Config. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${detail}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    staticDir: path.resolve(e.STATIC_DIR),
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    retentionMs: e.RETENTION_DAYS * 86_400_000,
    maxParticipants: e.MAX_PARTICIPANTS,
    failedJoinsPerWindow: e.FAILED_JOINS_PER_WINDOW,
    failedJoinWindowMs: e.FAILED_JOIN_WINDOW_MS,
    roomIdleUnloadMs: e.ROOM_IDLE_UNLOAD_MS,
    messagesPerSecond: e.MESSAGES_PER_SECOND,
    maxConnectionsPerParticipant: e.MAX_CONNECTIONS_PER_PARTICIPANT,
    maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
    joinBurstPerAddress: e.JOIN_BURST_PER_ADDRESS,
    joinsPerMinutePerAddress: e.JOINS_PER_MINUTE_PER_ADDRESS,
    trustProxy: e.TRUST_PROXY,
    createsPerMinute: e.CREATES_PER_MINUTE,
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL,
    redisPrefix: e.REDIS_PREFIX,
    leaseTtlMs: e.LEASE_TTL_MS,
    databaseQueryTimeoutMs: e.DATABASE_QUERY_TIMEOUT_MS,
    cluster: e.REDIS_URL !== undefined && e.DATABASE_URL !== undefined,
  });
}
