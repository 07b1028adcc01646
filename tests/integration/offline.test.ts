/**
 * A phone that loses the venue Wi-Fi keeps working on its own document. When it
 * comes back, its edits arrive once, whatever happened meanwhile (the phase
 * moved on, the facilitator revealed), and reach the others only as the
 * privacy table allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCard, readMyCards } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { closeAll, createWorkshop, eventually, facilitator, join, participant, viewer, viewerKeyOf } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const practice = (text: string) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: Date.now() });

async function room() {
  const w = await createWorkshop(server.url, { title: 'Offline', settings: { privateUntilReveal: true } });
  const a = await join(server.url, w.code, 'Ada');
  const b = await join(server.url, w.code, 'Ben');
  const f = facilitator(server.url, w.code, w.facilitatorKey);
  const v = viewer(server.url, w.code, viewerKeyOf(w));
  const pa = participant(server.url, w.code, a.token);
  const pb = participant(server.url, w.code, b.token);
  await Promise.all([f, v, pa, pb].map((c) => c.whenSynced()));
  expect((await f.command({ type: 'phase:set', phase: 'map' })).ok).toBe(true);
  const server_ = await server.app.rooms.get(w.code);
  const storedCards = () =>
    server_.state
      .fullBoard()
      .cards.filter((c) => c.authorId === a.participantId)
      .map((c) => c.text)
      .sort();
  return { w, a, b, f, v, pa, pb, storedCards };
}

describe('offline edits', () => {
  it('written before the reveal and sent after it, they arrive once and every screen sees them then', async () => {
    const { f, v, pa, pb, storedCards } = await room();
    try {
      pa.socket.disconnect();
      await eventually(() => pa.status === 'offline');
      expect(await pa.write((d) => putCard(d, 'off1', practice('Written on the train')))).toEqual({ ok: true, queued: true });
      await pa.write((d) => putCard(d, 'off2', practice('Second offline card')));
      // Edited again before it was ever sent: still one card.
      await pa.write((d) => putCard(d, 'off1', practice('Written on the train, edited')));
      expect(pa.pending).toBe(3);
      // Meanwhile the room reveals and moves on.
      await f.command({ type: 'reveal:set', phase: 'map', revealed: true });
      await f.command({ type: 'phase:set', phase: 'assess' });
      await eventually(() => readRoomBoard(pb.room).phase === 'assess');

      pa.socket.connect();
      await eventually(() => pa.pending === 0, 10_000, 'offline edits were not acknowledged');
      expect(storedCards()).toEqual(['Second offline card', 'Written on the train, edited']);
      // Revealed already: the room sees them as they arrive, each once.
      for (const c of [pb, v, f]) {
        await eventually(() => readRoomBoard(c.room).cards.length === 2, 10_000, 'cards did not reach everyone');
        expect(
          readRoomBoard(c.room)
            .cards.map((x) => x.text)
            .sort(),
        ).toEqual(['Second offline card', 'Written on the train, edited']);
      }
      expect(
        readMyCards(pa.mine!)
          .map((c) => c.text)
          .sort(),
      ).toEqual(['Second offline card', 'Written on the train, edited']);
    } finally {
      closeAll(f, v, pa, pb);
    }
  });

  it('sent while the map is still private, they reach the console and the counts, and nobody else', async () => {
    const { f, v, pa, pb, storedCards } = await room();
    try {
      pa.socket.disconnect();
      await eventually(() => pa.status === 'offline');
      await pa.write((d) => putCard(d, 'quiet', practice('Only the console may read this yet')));
      await f.command({ type: 'phase:set', phase: 'map' });
      pa.socket.connect();
      await eventually(() => pa.pending === 0);
      expect(storedCards()).toEqual(['Only the console may read this yet']);
      await eventually(() => readRoomBoard(v.room).stats.hiddenPractice === 1);
      await eventually(() => readRoomBoard(f.room, { console: f.console }).cards.length === 1);
      for (const c of [pb, v]) expect(readRoomBoard(c.room).cards).toEqual([]);
      // Reconnecting again sends nothing twice.
      pa.socket.disconnect();
      await eventually(() => pa.status === 'offline');
      pa.socket.connect();
      await eventually(() => pa.status === 'online');
      expect(storedCards()).toEqual(['Only the console may read this yet']);
    } finally {
      closeAll(f, v, pa, pb);
    }
  });
});
