/**
 * Overload shedding: past a limit (here the heap limit, lowered in-process), new requests and
 * new connections are refused with SERVER_BUSY and a Retry-After, while a room already open
 * keeps syncing; the probes still answer. Back under the limit, the door opens again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { putCard } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { PROTOCOL_VERSION } from '../../shared/schema/protocol.ts';
import { api, codeOf, createWorkshop, eventually, facilitator, handshake, join, participant } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('overload', () => {
  it('refuses a new join and a new connection with SERVER_BUSY while an open room still syncs', async () => {
    server = await startServer();
    const w = await createWorkshop(server.url, { title: 'Busy day', settings: { privateUntilReveal: false } });
    const [ana, ben] = await Promise.all([join(server.url, w.code, 'Ana'), join(server.url, w.code, 'Ben')]);
    const phone = participant(server.url, w.code, ana.token);
    const board = facilitator(server.url, w.code, w.facilitatorKey);
    try {
      await Promise.all([phone.whenSynced(), board.whenSynced()]);

      server.app.load.setLimits({ maxHeapUsedBytes: 1 });
      expect(server.app.load.busy).toBe('heap');

      const refused = await api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'Cy' });
      expect([refused.status, codeOf(refused)]).toEqual([503, 'SERVER_BUSY']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}`)).status).toBe(503);
      expect(await handshake(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: ben.token })).toBe('SERVER_BUSY');
      // A busy node is alive, and still ready: the load balancer must not restart it or drop it.
      expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
      expect((await api(server.url, 'GET', '/readyz')).status).toBe(200);

      // The room already open keeps working: a card written now is stored and reaches the console.
      expect(
        await phone.write((d) => putCard(d, 'c1', { kind: 'barrier', text: 'Still here', dimension: 'brand', stage: null, createdAt: 1 })),
      ).toEqual({
        ok: true,
        queued: false,
      });
      await eventually(() => readRoomBoard(board.room).cards.some((c) => c.text === 'Still here'), 15_000, 'the open room stopped syncing');
      expect(server.app.load.busy).toBe('heap');

      server.app.load.setLimits({ maxHeapUsedBytes: 0 });
      expect(server.app.load.busy).toBe(null);
      expect((await api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'Cy' })).status).toBe(201);
      expect(await handshake(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: ben.token })).toBe('connected');
    } finally {
      phone.close();
      board.close();
    }
  });

  it('an event loop held up past its limit is seen as busy, and recovers once it runs freely', async () => {
    server = await startServer({ MAX_EVENT_LOOP_DELAY_MS: '200' });
    const w = await createWorkshop(server.url);
    // Block the loop (server and test share it) for longer than the limit, once. The sampler
    // runs every half second; if its turn comes before the lag histogram has recorded the block
    // (libuv's order among timers due at once), the next turn sees it. So: busy within a second.
    const until = Date.now() + 600;
    while (Date.now() < until) {
      /* busy */
    }
    await eventually(() => server!.app.load.busy === 'event loop', 3_000, 'a loop held up for 600 ms was not seen as busy');
    await eventually(() => server!.app.load.busy === null, 10_000, 'still shedding once the loop ran freely');
    expect((await api(server.url, 'GET', `/api/workshops/${w.code}`)).status).toBe(200);
  });
});
