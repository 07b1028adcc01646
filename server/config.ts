/**
 * Configuration: typed defaults, overridden by the environment, validated once
 * and frozen. Nothing else reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

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
  TRUST_PROXY: bool.default(false),
  /** Workshops one address may create per minute. */
  CREATES_PER_MINUTE: int(1, 100_000).default(30),
  STATIC_DIR: z.string().default('dist/client'),
});

export const DEFAULTS = {
  compactEveryUpdates: 500,
  retentionSweepMs: 3_600_000,
  messageBurst: 120,
  awarenessEntriesExtra: 20,
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
  trustProxy: boolean;
  createsPerMinute: number;
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
    trustProxy: e.TRUST_PROXY,
    createsPerMinute: e.CREATES_PER_MINUTE,
  });
}
