/**
 * /metrics: off unless asked for, refused without its token, and counting what happens (an
 * edit moves the counter) without ever naming a room, a person or a token.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { putCard } from '../../shared/doc/private-doc.ts';
import { api, createWorkshop, eventually, join, participant } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TOKEN = 'metrics-token-for-tests-0123456789';
const scrape = (url: string, token?: string) => api(url, 'GET', '/metrics', undefined, token ? { authorization: `Bearer ${token}` } : {});
/** The value of one sample line (`name{labels} value`), 0 when absent. */
const sample = (text: string, line: string) => Number(new RegExp(`^${line.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe('/metrics', () => {
  it('is not there unless METRICS_TOKEN or METRICS_PORT is set', async () => {
    server = await startServer();
    expect((await scrape(server.url, TOKEN)).status).toBe(404);
  });

  it('is refused without the token, and with it shows an edit counted, labelled by nothing that names a room or a person', async () => {
    server = await startServer({ METRICS_TOKEN: TOKEN });
    for (const token of [undefined, 'wrong-token-of-the-same-length-0123']) {
      const refused = await scrape(server.url, token);
      expect([refused.status, (refused.json as { error: { code: string } }).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    const w = await createWorkshop(server.url);
    const ana = await join(server.url, w.code, 'Ana Secretname');
    const before = (await scrape(server.url, TOKEN)).text;
    const phone = participant(server.url, w.code, ana.token);
    try {
      await phone.whenSynced();
      expect(
        await phone.write((d) => putCard(d, 'c1', { kind: 'barrier', text: 'Budget', dimension: 'brand', stage: null, createdAt: 1 })),
      ).toEqual({ ok: true, queued: false });
      const after = (await eventually(
        async () => {
          const r = await scrape(server!.url, TOKEN);
          return sample(r.text, 'social_shift_edits_applied_total{kind="update"}') >
            sample(before, 'social_shift_edits_applied_total{kind="update"}')
            ? r
            : null;
        },
        10_000,
        'the edit was not counted',
      ))!;
      expect(after.status).toBe(200);
      expect(after.headers.get('content-type')).toContain('text/plain');
      expect(sample(after.text, 'social_shift_rooms_loaded')).toBe(1);
      expect(sample(after.text, 'social_shift_connections{role="participant"}')).toBe(1);
      expect(sample(after.text, 'social_shift_ack_latency_seconds_count{kind="sync"}')).toBeGreaterThan(0);
      expect(after.text).toMatch(/^social_shift_storage_seconds_count\{operation="appendUpdates",outcome="ok"\} [1-9]/m);
      expect(after.text).toMatch(/^process_cpu_user_seconds_total /m);
      for (const secret of [w.code, w.code.toLowerCase(), 'Secretname', ana.token, ana.participantId, w.facilitatorKey, TOKEN])
        expect(after.text).not.toContain(secret);
      // A refusal counts by its code.
      await api(server.url, 'GET', '/api/workshops/ZZZZZ2');
      expect(
        sample((await scrape(server.url, TOKEN)).text, 'social_shift_refusals_total{code="WORKSHOP_NOT_FOUND"}'),
      ).toBeGreaterThanOrEqual(1);
      if (process.env.SHOW_METRICS)
        console.log(
          after.text
            .split('\n')
            .filter((l) => l.startsWith('social_shift'))
            .slice(0, 40)
            .join('\n'),
        );
    } finally {
      phone.close();
    }
  });

  it('METRICS_PORT serves it without a token on 127.0.0.1 only, and not on the main port', async () => {
    const port = await freePort();
    server = await startServer({ METRICS_PORT: String(port) });
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('social_shift_rooms_loaded 0');
    expect((await scrape(server.url)).status).toBe(404);
  });
});
