import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCard, readCards } from '../../shared/board.ts';
import { createWorkshop, eventually, join, participant } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ ROOM_IDLE_UNLOAD_MS: '50' });
});
afterAll(async () => {
  await server.close();
});

describe('rooms load once and unload when idle', () => {
  it('fifty clients joining one unloaded room at the same instant load it once', async () => {
    const w = await createWorkshop(server.url);
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => join(server.url, w.code, `Phone ${i + 1}`)));
    // Let the room created by the joins unload, so the storm starts cold.
    await eventually(() => server.app.rooms.peek(w.code) === undefined, 5_000, 'room did not unload');
    const loadsBefore = server.app.rooms.loads;
    const conns = people.map((p) => participant(server.url, w.code, p.token));
    try {
      await Promise.all(conns.map((c) => c.whenSynced()));
      expect(server.app.rooms.loads - loadsBefore).toBe(1);
      putCard(conns[0]!.doc, people[0]!.participantId, 'hello', { kind: 'practice', text: 'hello room', dimension: 'brand', stage: 2, createdAt: 1 });
      await eventually(() => conns.every((c) => readCards(c.doc).length === 1), 10_000, 'not everyone received the card');
    } finally {
      for (const c of conns) c.close();
    }
    await eventually(() => server.app.rooms.peek(w.code) === undefined, 5_000, 'empty room was not unloaded');
  });
});
