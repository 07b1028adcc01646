/**
 * Each test its own PostgreSQL database or Redis key prefix, dropped when the test ends,
 * on the services tests/helpers/global-services.ts provides.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';
import { inject, onTestFinished } from 'vitest';
import { deleteKeys, type ServiceUrls } from '../../scripts/services.mjs';

export function serviceUrls(): ServiceUrls {
  const s = inject('services');
  if ('error' in s) throw new Error(`Redis and PostgreSQL are not available to the tests: ${s.error}`);
  return s;
}

/** Unique across parallel test workers and runs sharing one server. */
const uniqueName = () => `${process.pid}_${randomBytes(5).toString('hex')}`;

async function asAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serviceUrls().DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
}

/** A new, empty database for this test; dropped (its connections ended) when the test finishes. */
export async function testDatabase(): Promise<TestDatabase> {
  const name = `social_shift_test_${uniqueName()}`;
  await asAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  onTestFinished(() => asAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}));
  const url = new URL(serviceUrls().DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

export interface TestRedis {
  url: string;
  /** Put in front of every key this test's code writes. */
  prefix: string;
  /** A client for the test's own checks (closed when the test finishes). */
  redis: Redis;
}

/** A key prefix of this test's own; its keys are deleted when the test finishes. */
export async function testRedis(): Promise<TestRedis> {
  const url = serviceUrls().REDIS_URL;
  const prefix = `social-shift-test:${uniqueName()}:`;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  onTestFinished(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });
  return { url, prefix, redis };
}
