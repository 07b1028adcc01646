/**
 * One participant cannot hurt the room: not by filling the stored state, not by
 * opening sockets, not by making presence churn, not by filling the room with
 * made-up names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { putCard, putMarker } from '../../shared/doc/private-doc.ts';
import { PROTOCOL_VERSION, type HandshakeRefusal } from '../../shared/schema/protocol.ts';
import type { DocUpdate } from '../../server/storage/storage.ts';
import { api, closeAll, connected, createWorkshop, eventually, facilitator, join, participant, rawSocket } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
/** Bytes appended per document name, as storage received them. */
const appended = new Map<string, number>();
beforeAll(async () => {
  // Generous message rates: what is tested here is what the room stores and delivers, not the rate limit.
  server = await startServer({ MESSAGES_PER_SECOND: '100000' });
  const storage = server.app.storage;
  const append = storage.appendUpdates.bind(storage);
  storage.appendUpdates = async (batch: readonly DocUpdate[]) => {
    for (const u of batch) appended.set(`${u.code}/${u.doc}`, (appended.get(`${u.code}/${u.doc}`) ?? 0) + u.update.byteLength);
    return append(batch);
  };
});
afterAll(async () => {
  await server.close();
});

const practice = (text: string) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: Date.now() });

function refusedWith(socket: Socket): Promise<HandshakeRefusal> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected')));
    socket.once('connect_error', (err) => resolve((err as Error & { data: HandshakeRefusal }).data));
  });
}

describe('isolation', () => {
  it("500 roadmap edits by one participant do not refuse another's card, and each stores only the field it changed", async () => {
    const w = await createWorkshop(server.url);
    const a = await join(server.url, w.code, 'Ana');
    const b = await join(server.url, w.code, 'Ben');
    const f = facilitator(server.url, w.code, w.facilitatorKey);
    const pa = participant(server.url, w.code, a.token);
    const pb = participant(server.url, w.code, b.token);
    try {
      await Promise.all([f, pa, pb].map((c) => c.whenSynced()));
      await pa.write((d) => putMarker(d, 'brand', { current: 2, target: 4 }));
      await f.command({ type: 'phase:set', phase: 'roadmap' });
      await f.command({ type: 'roadmap:generate', apply: true });
      const room = await server.app.rooms.get(w.code);
      const initiative = room.state.fullBoard().roadmap!.initiatives[0]!.id;
      const before = appended.get(`${w.code}/ledger`) ?? 0;
      const edits = Array.from({ length: 500 }, (_, i) =>
        pa.command({ type: 'roadmap:edit', initiativeId: initiative, patch: { benchmark: `Benchmark take ${i}: ${'x'.repeat(400)}` } }),
      );
      const acks = await Promise.all(edits);
      expect(acks.filter((x) => !x.ok).map((x) => JSON.stringify(x))).toEqual([]);
      const perEdit = ((appended.get(`${w.code}/ledger`) ?? 0) - before) / 500;
      // One field (~450 bytes of text), not the whole roadmap (several KB) each time.
      expect(perEdit).toBeLessThan(1_000);
      expect(await pb.write((d) => putCard(d, 'b1', practice('Still room for my card')))).toEqual({ ok: true, queued: false });
      expect(room.state.fullBoard().cards.map((c) => c.text)).toContain('Still room for my card');
    } finally {
      closeAll(f, pa, pb);
    }
  });

  it('refuses sockets past the per-participant cap with a named error, and lets one in when another closes', async () => {
    const w = await createWorkshop(server.url);
    const a = await join(server.url, w.code, 'Ana');
    const auth = { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: a.token };
    const open: Socket[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        const s = rawSocket(server.url, auth);
        await connected(s);
        open.push(s);
      }
      const fifth = rawSocket(server.url, auth);
      open.push(fifth);
      expect(await refusedWith(fifth)).toMatchObject({ code: 'TOO_MANY_CONNECTIONS' });
      open[0]!.close();
      await eventually(async () => {
        const s = rawSocket(server.url, auth);
        open.push(s);
        try {
          await connected(s);
          return true;
        } catch {
          return false;
        }
      });
    } finally {
      for (const s of open) s.close();
    }
  });

  it('a flood of connects and disconnects by one participant is limited, and presence reaches the others coalesced', async () => {
    const w = await createWorkshop(server.url);
    const flooder = await join(server.url, w.code, 'Flo');
    const calm = await join(server.url, w.code, 'Cal');
    const watcher = participant(server.url, w.code, calm.token);
    const f = facilitator(server.url, w.code, w.facilitatorKey);
    await Promise.all([watcher.whenSynced(), f.whenSynced()]);
    let deliveries = 0;
    watcher.socket.on('presence', () => deliveries++);
    f.socket.on('presence', () => deliveries++);
    const auth = { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: flooder.token };
    let accepted = 0;
    const refusals = new Map<string, number>();
    const sockets: Socket[] = [];
    try {
      // 200 attempts as fast as the client can make them; each accepted one also closes at once.
      await Promise.all(
        Array.from({ length: 200 }, async () => {
          const s = rawSocket(server.url, auth);
          sockets.push(s);
          try {
            await connected(s);
            accepted++;
            s.close();
          } catch (err) {
            const code = (err as Error & { data?: HandshakeRefusal }).data?.code ?? 'network';
            refusals.set(code, (refusals.get(code) ?? 0) + 1);
          }
        }),
      );
      const health = await api(server.url, 'GET', '/healthz');
      expect(health.status).toBe(200);
      // The connect limit lets a burst through, then refuses by name.
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThanOrEqual(12);
      expect(refusals.get('RATE_LIMITED') ?? 0).toBeGreaterThan(150);
      // Let the last closes land, then count: each accepted connect and close is at most one
      // delivery per watching connection, and coalescing makes it fewer.
      await eventually(async () => (await server.app.rooms.get(w.code)).connections.size === 2);
      await new Promise((r) => setImmediate(r));
      const changes = accepted * 2;
      expect(deliveries).toBeLessThanOrEqual(changes * 2);
      expect(watcher.presence.online).toBe(1);
    } finally {
      for (const s of sockets) s.close();
      closeAll(watcher, f);
    }
  });

  it('a room of phones behind one address joins in a burst; past it joins are paced with a Retry-After, and a refused join creates nobody', async () => {
    const w = await createWorkshop(server.url);
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) => api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: `Phone ${i}` })),
    );
    expect(burst.filter((r) => r.status === 201)).toHaveLength(100);
    const more = await Promise.all(
      Array.from({ length: 40 }, (_, i) => api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: `Late ${i}` })),
    );
    const refused = more.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(20);
    expect(refused[0]!.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Refused joins created nobody.
    const info = await api<{ participants: number }>(server.url, 'GET', `/api/workshops/${w.code}`);
    expect(info.json.participants).toBe(100 + more.filter((r) => r.status === 201).length);
  });
});
