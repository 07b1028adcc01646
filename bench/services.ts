/**
 * Redis and PostgreSQL for the nodes comparison: REDIS_URL / DATABASE_URL when set, else the
 * machine's own at 127.0.0.1:6379 / 127.0.0.1:5432 when they answer, else started here as the
 * tests start them (scripts/services.mjs). Each arm of each run gets its own database and key
 * prefix, dropped afterwards, and the CPU both services spend on it is read as it goes.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';
import { deleteKeys, startServices } from '../scripts/services.mjs';

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

export interface BenchServices {
  redisUrl: string;
  /** A database to connect to as an administrator (to create and drop the runs' databases). */
  adminUrl: string;
  /** What was started here, if anything. */
  started: string[];
  stop(): Promise<void>;
}

export async function benchServices(): Promise<BenchServices> {
  const env = {
    REDIS_URL: process.env.REDIS_URL || ((await answers(6379)) ? 'redis://127.0.0.1:6379' : undefined),
    DATABASE_URL: process.env.DATABASE_URL || ((await answers(5432)) ? 'postgres://postgres@127.0.0.1:5432/postgres' : undefined),
  };
  const s = await startServices(env);
  return { redisUrl: s.env.REDIS_URL, adminUrl: s.env.DATABASE_URL, started: s.started, stop: s.stop };
}

export interface RunStore {
  /** The environment that puts a node on this run's database and key prefix. */
  env: { REDIS_URL: string; DATABASE_URL: string; REDIS_PREFIX: string };
  /**
   * CPU ms so far: `redis`, the whole Redis server (INFO cpu; it may serve others too);
   * `postgres`, the backends connected to this run's database (/proc, so only when
   * PostgreSQL runs on this machine; NaN otherwise). WAL writer and checkpointer are not counted.
   */
  cpuMs(): Promise<Record<string, number>>;
  drop(): Promise<void>;
}

/** Reads utime + stime of a process, in ms; null when it is gone or not ours to see. */
function procCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (CLK_TCK 100 on Linux)
  } catch {
    return null;
  }
}

async function asAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function runStore(services: BenchServices): Promise<RunStore> {
  const unique = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const name = `social_shift_bench_${unique}`;
  const prefix = `social-shift-bench:${unique}:`;
  await asAdmin(services.adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(services.adminUrl);
  url.pathname = `/${name}`;
  const redis = new Redis(services.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const watcher = new pg.Client({ connectionString: services.adminUrl });
  await watcher.connect();
  // Backends come and go (the nodes' pools): each one's last reading stays counted.
  const backends = new Map<number, number>();
  let local = true;
  return {
    env: { REDIS_URL: services.redisUrl, DATABASE_URL: url.toString(), REDIS_PREFIX: prefix },
    async cpuMs() {
      const info = await redis.info('cpu');
      const field = (key: string) => Number(new RegExp(`^${key}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
      const { rows } = await watcher.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
      for (const { pid } of rows) {
        const ms = procCpuMs(pid);
        if (ms === null) local = false;
        else backends.set(pid, ms);
      }
      let postgres = 0;
      for (const ms of backends.values()) postgres += ms;
      return { redis: (field('used_cpu_user') + field('used_cpu_sys')) * 1000, postgres: local ? postgres : NaN };
    },
    async drop() {
      await watcher.end().catch(() => {});
      await asAdmin(services.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}
