/**
 * The probes a load balancer asks: /healthz (the process answers) and /readyz (storage, and
 * Redis in cluster mode, answer within a short timeout). Dependencies are cut with a TCP proxy,
 * not stopped, so the shared services stay up for the other tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { api, eventually } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { testDatabase, testRedis } from '../helpers/services.ts';
import { tcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';

let server: TestServer | undefined;
let proxies: TcpProxy[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  await Promise.all(proxies.map((p) => p.close()));
  proxies = [];
});

type Ready = { ok: boolean; checks: Record<string, string> };
const readyz = (url: string) => api<Ready>(url, 'GET', '/readyz');

describe('health and readiness', () => {
  it('SQLite: /healthz and /readyz answer 200, naming what was checked', async () => {
    server = await startServer();
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
    const ready = await readyz(server.url);
    expect([ready.status, ready.json]).toEqual([200, { ok: true, checks: { storage: 'ok' } }]);
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('cluster mode: /readyz is 503 while PostgreSQL or Redis is cut, names which, tells no secret, and is 200 again after', async () => {
    const db = await testDatabase();
    const redis = await testRedis();
    // A password in the URL, to check it never shows (trust auth ignores it).
    const dbUrl = new URL(db.url);
    dbUrl.password = 'sekrit-password';
    const pg = await tcpProxy(dbUrl.toString());
    const rd = await tcpProxy(redis.url);
    proxies.push(pg, rd);
    server = await startServer({
      DATABASE_URL: pg.url,
      REDIS_URL: rd.url,
      REDIS_PREFIX: redis.prefix,
      READY_TIMEOUT_MS: '1000',
      DATABASE_QUERY_TIMEOUT_MS: '2000',
    });
    await eventually(async () => (await readyz(server!.url)).status === 200, 15_000, 'never ready');
    expect((await readyz(server.url)).json.checks).toEqual({ storage: 'ok', redis: 'ok' });

    pg.cut();
    const down = (await eventually(
      async () => {
        const r = await readyz(server!.url);
        return r.status === 503 ? r : null;
      },
      15_000,
      '/readyz stayed 200 with PostgreSQL cut',
    ))!;
    expect(down.json.ok).toBe(false);
    expect(down.json.checks.storage).not.toBe('ok');
    expect(down.json.checks.redis).toBe('ok');
    for (const secret of ['sekrit', 'postgres://', String(new URL(pg.url).port), 'stack', 'Error']) expect(down.text).not.toContain(secret);
    // Liveness does not depend on storage: a load balancer must not restart a node for its database.
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
    pg.restore();
    await eventually(async () => (await readyz(server!.url)).status === 200, 20_000, '/readyz did not come back after PostgreSQL returned');

    rd.cut();
    const noRedis = (await eventually(
      async () => {
        const r = await readyz(server!.url);
        return r.status === 503 ? r : null;
      },
      15_000,
      '/readyz stayed 200 with Redis cut',
    ))!;
    expect(noRedis.json.checks).toEqual({ storage: 'ok', redis: expect.stringMatching(/failed|timeout/) });
    expect(noRedis.text).not.toContain('redis://');
    rd.restore();
    await eventually(async () => (await readyz(server!.url)).status === 200, 20_000, '/readyz did not come back after Redis returned');
  }, 90_000);
});
