/**
 * With REDIS_URL, rate limits hold across nodes: a guesser spreading wrong codes over two
 * nodes meets one limit, and so does someone creating workshops on both. When Redis is out of
 * reach, each node counts on its own and nothing waits on Redis. Real Redis, a key prefix of
 * each test's own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { connectRedis } from '../../server/cluster/redis.ts';
import { RedisFailureLimiter } from '../../server/security/redis-failure-limiter.ts';
import { RedisConnectionCounter } from '../../server/security/redis-connection-counter.ts';
import { api, codeOf, createWorkshop, eventually, handshake } from '../helpers/clients.ts';
import { PROTOCOL_VERSION } from '../../shared/schema/protocol.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { testRedis } from '../helpers/services.ts';
import { tcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';

let servers: TestServer[] = [];
let redisClients: Redis[] = [];
let proxies: TcpProxy[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  for (const r of redisClients) r.disconnect();
  for (const p of proxies) await p.close();
  servers = [];
  redisClients = [];
  proxies = [];
});

/** Two nodes sharing one Redis (each with its own SQLite: only the limits are shared here). */
async function twoNodes(env: Record<string, string>): Promise<[TestServer, TestServer]> {
  const t = await testRedis();
  const shared = { REDIS_URL: t.url, REDIS_PREFIX: t.prefix, ...env };
  const a = await startServer(shared);
  const b = await startServer(shared);
  servers.push(a, b);
  return [a, b];
}

describe('limits shared through Redis', () => {
  it('wrong codes on one node and wrong tokens on another count against one limit for the address', async () => {
    const [a, b] = await twoNodes({ FAILED_JOINS_PER_WINDOW: '6' });
    const w = await createWorkshop(b.url);
    for (let i = 0; i < 3; i++) expect((await api(a.url, 'GET', `/api/workshops/ZZZZZ${'234'[i]}`)).status).toBe(404);
    for (let i = 0; i < 3; i++)
      expect(await handshake(b.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: 'z'.repeat(43) })).toBe(
        'UNAUTHENTICATED',
      );
    // Six failures in all, three on each node: both nodes now refuse, even a right code.
    const info = await api(b.url, 'GET', `/api/workshops/${w.code}`);
    expect([info.status, codeOf(info)]).toEqual([429, 'RATE_LIMITED']);
    expect(codeOf(await api(a.url, 'GET', `/api/workshops/${w.code}`))).toBe('RATE_LIMITED');
    expect(await handshake(a.url, { v: PROTOCOL_VERSION, role: 'facilitator', code: w.code, key: w.facilitatorKey })).toBe('RATE_LIMITED');
  });

  it('workshops created on either node count against one per-minute limit', async () => {
    const [a, b] = await twoNodes({ CREATES_PER_MINUTE: '2' });
    await createWorkshop(a.url);
    await createWorkshop(b.url);
    const res = await api(a.url, 'POST', '/api/workshops', { title: 'One too many' });
    expect([res.status, codeOf(res)]).toEqual([429, 'RATE_LIMITED']);
    expect(codeOf(await api(b.url, 'POST', '/api/workshops', { title: 'Still too many' }))).toBe('RATE_LIMITED');
  });
});

describe('Redis out of reach', () => {
  it('a node keeps creating and joining workshops, and still limits wrong codes on its own', async () => {
    const t = await testRedis();
    const proxy = await tcpProxy(t.url);
    proxies.push(proxy);
    const node = await startServer({ REDIS_URL: proxy.url, REDIS_PREFIX: t.prefix, FAILED_JOINS_PER_WINDOW: '2' });
    servers.push(node);
    proxy.cut();
    const w = await createWorkshop(node.url);
    expect((await api(node.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'Ana' })).status).toBe(201);
    const unvisited = await createWorkshop(node.url);
    for (let i = 0; i < 2; i++) expect((await api(node.url, 'GET', `/api/workshops/ZZZZZ${'23'[i]}`)).status).toBe(404);
    // Refused like a wrong code; only the room this address already joined stays open to it.
    expect(codeOf(await api(node.url, 'GET', `/api/workshops/${unvisited.code}`))).toBe('RATE_LIMITED');
    expect((await api(node.url, 'GET', `/api/workshops/${w.code}`)).status).toBe(200);
  });
});

describe('the Redis-backed failed-join limiter', () => {
  it('opens again when the window ends', async () => {
    const t = await testRedis();
    const limiter = new RedisFailureLimiter(t.redis, { prefix: t.prefix, limit: 3, windowMs: 400 });
    for (let i = 0; i < 3; i++) await limiter.fail('203.0.113.7');
    expect(await limiter.allowed('203.0.113.7')).toBe(false);
    expect(await limiter.allowed('203.0.113.8')).toBe(true);
    await eventually(() => limiter.allowed('203.0.113.7'), 5_000, 'the window never ended');
  });

  it('with Redis out of reach, each node counts on its own, promptly, and shared counting resumes when Redis returns', async () => {
    const t = await testRedis();
    const proxy = await tcpProxy(t.url);
    proxies.push(proxy);
    const fallbacks: unknown[] = [];
    const limiterOn = async () => {
      const redis = await connectRedis(proxy.url);
      redisClients.push(redis);
      return new RedisFailureLimiter(redis, { prefix: t.prefix, limit: 3, windowMs: 60_000, onFallback: (err) => fallbacks.push(err) });
    };
    const [a, b] = [await limiterOn(), await limiterOn()];
    proxy.cut();
    const started = Date.now();
    for (let i = 0; i < 3; i++) await a.fail('198.51.100.1');
    expect(await a.allowed('198.51.100.1')).toBe(false);
    // B saw none of A's failures: counting is per node while Redis is away.
    expect(await b.allowed('198.51.100.1')).toBe(true);
    expect(fallbacks.length).toBeGreaterThan(0);
    // Nothing waited for Redis (the client's timeouts are about a second; this took far less than a retry loop).
    expect(Date.now() - started).toBeLessThan(5_000);

    proxy.restore();
    // Back to shared counts: B's failures reach Redis and A sees them.
    await eventually(
      async () => {
        await b.fail('198.51.100.2');
        return !(await a.allowed('198.51.100.2'));
      },
      10_000,
      'shared counting did not resume',
    );
  });
});

describe('open connections per address through Redis', () => {
  it('two nodes meet one cap; a node that stops writing its count (it died) stops holding slots; without Redis each caps its own', async () => {
    const t = await testRedis();
    const proxy = await tcpProxy(t.url);
    proxies.push(proxy);
    const [ra, rb] = await Promise.all([connectRedis(t.url), connectRedis(proxy.url)]);
    redisClients.push(ra, rb);
    const fallbacks: unknown[] = [];
    const a = new RedisConnectionCounter(ra, { prefix: t.prefix, node: 'a', cap: 3, ttlMs: 600 });
    const b = new RedisConnectionCounter(rb, { prefix: t.prefix, node: 'b', cap: 3, ttlMs: 600, onFallback: (err) => fallbacks.push(err) });
    try {
      const venue = '203.0.113.7';
      expect([await a.acquire(venue), await a.acquire(venue), await b.acquire(venue)]).toEqual([true, true, true]);
      expect([await a.acquire(venue), await b.acquire(venue)]).toEqual([false, false]);
      // Another address has its own count.
      expect(await b.acquire('198.51.100.1')).toBe(true);
      // A slot given back on one node is free on the other.
      a.release(venue);
      await eventually(() => b.acquire(venue), 5_000, 'the released slot stayed taken');
      expect(await a.acquire(venue)).toBe(false);
      // A stops writing its count (as when its process dies): its slot comes free.
      a.close();
      await eventually(() => b.acquire(venue), 5_000, "the stopped node's count did not expire");
      expect(await b.acquire(venue)).toBe(false);
      // Redis out of reach from B: it answers at once, from its own count.
      proxy.cut();
      expect(await b.acquire(venue)).toBe(false);
      expect(await b.acquire('192.0.2.9')).toBe(true);
      expect(fallbacks.length).toBeGreaterThan(0);
    } finally {
      a.close();
      b.close();
    }
  });
});
