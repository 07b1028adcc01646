/**
 * Storms of connections: fifty phones opening one cold room load it once, an
 * empty room unloads, and 200 clients that all drop within a second are all
 * synced again within 10 s (on a busy machine, within three cold starts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { putCard } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import type { DocName } from '../../shared/schema/protocol.ts';
import type { Room } from '../../server/rooms/room.ts';
import { createWorkshop, eventually, facilitator, join, participant } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
const conns: WorkshopConnection[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.close();
  await server?.close();
  server = undefined;
});

const card = (text: string) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: 1 });

describe('rooms load once and unload when idle', () => {
  it('fifty clients joining one unloaded room at the same instant load it once', async () => {
    server = await startServer({ ROOM_IDLE_UNLOAD_MS: '50' });
    const url = server.url;
    const w = await createWorkshop(url, { title: 'Storm', settings: { privateUntilReveal: false } });
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => join(url, w.code, `Phone ${i + 1}`)));
    // Let the room created by the joins unload, so the storm starts cold.
    await eventually(() => server!.app.rooms.peek(w.code) === undefined, 5_000, 'room did not unload');
    const loadsBefore = server.app.rooms.loads;
    const phones = people.map((p) => participant(url, w.code, p.token));
    conns.push(...phones);
    await Promise.all(phones.map((c) => c.whenSynced()));
    expect(server.app.rooms.loads - loadsBefore).toBe(1);
    expect(await phones[0]!.write((d) => putCard(d, 'hello', card('hello room')))).toEqual({ ok: true, queued: false });
    await eventually(() => phones.every((c) => readRoomBoard(c.room).cards.length === 1), 10_000, 'not everyone received the card');
    for (const c of conns.splice(0)) c.close();
    await eventually(() => server!.app.rooms.peek(w.code) === undefined, 5_000, 'empty room was not unloaded');
  });
});

describe('a reconnect storm', () => {
  it('200 clients drop within a second and are all synced again within 10 s (longer only on a machine that is slower to start them cold)', async () => {
    // One test machine is one address: let it join four rooms of 49.
    server = await startServer({ MAX_PARTICIPANTS: '1000', JOIN_BURST_PER_ADDRESS: '400' });
    const url = server.url;
    const workshops = await Promise.all(Array.from({ length: 4 }, () => createWorkshop(url)));
    const clients: Array<{ conn: WorkshopConnection; code: string; storm: boolean }> = [];
    for (const w of workshops) {
      const people = await Promise.all(Array.from({ length: 49 }, (_, i) => join(url, w.code, `S${i}`)));
      for (const p of people) clients.push({ conn: participant(url, w.code, p.token), code: w.code, storm: clients.length % 7 === 0 });
      clients.push({ conn: facilitator(url, w.code, w.facilitatorKey), code: w.code, storm: false });
    }
    conns.push(...clients.map((c) => c.conn));
    // How long this machine, as loaded as it is now, takes to sync the same 200 clients from cold.
    const coldStart = Date.now();
    await Promise.all(clients.map((c) => c.conn.whenSynced()));
    const coldMs = Date.now() - coldStart;

    const started = Date.now();
    // Every client loses its connection at a random moment within one second; some keep editing meanwhile.
    await Promise.all(
      clients.map(
        (c, i) =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              c.conn.socket.io.engine.close();
              if (c.storm) void c.conn.write((d) => putCard(d, 'storm', card(`during storm ${i}`)));
              resolve();
            }, Math.random() * 1_000),
          ),
      ),
    );
    const fac = clients.find((c) => c.conn.console)!;
    void fac.conn.command({ type: 'phase:set', phase: 'map' });

    // Synced: every document a client holds has exactly the server's state.
    const rooms = new Map<string, Room>();
    for (const w of workshops) rooms.set(w.code, await server.app.rooms.get(w.code));
    const same = (a: Y.Doc, b: Y.Doc) => Buffer.compare(Buffer.from(Y.encodeStateVector(a)), Buffer.from(Y.encodeStateVector(b))) === 0;
    const synced = () =>
      clients.every((c) => {
        if (!c.conn.synced || c.conn.pending !== 0) return false;
        const room = rooms.get(c.code)!;
        const conn = { role: c.conn.welcome!.role, participantId: c.conn.welcome!.participantId };
        return (['room', 'mine', 'console'] as DocName[]).every((name) => {
          const local = name === 'room' ? c.conn.room : name === 'mine' ? c.conn.mine : c.conn.console;
          return !local || same(local, room.docFor(conn, name)!);
        });
      });
    // 10 s on a machine with its cores to itself. A busy one (CI's 2 shared cores) gets what three cold
    // starts take there: a storm that snowballs (everyone retrying on everyone) takes far longer either way.
    const budget = Math.max(10_000, 3 * coldMs);
    await eventually(synced, budget, `not every client was synced again within ${budget} ms (a cold start took ${coldMs} ms)`);
    const ms = Date.now() - started;
    const stormCards = [...rooms.values()].reduce((n, room) => n + room.state.fullBoard().cards.length, 0);
    expect(stormCards).toBe(clients.filter((c) => c.storm).length);
    console.log(
      `reconnect storm: ${clients.length} clients dropped within 1 s, all synced ${ms} ms after the first drop (a cold start took ${coldMs} ms)`,
    );
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // Setting up 196 seats and 200 sockets is not what is timed (the 10 s are, from the first drop).
  }, 90_000);
});
