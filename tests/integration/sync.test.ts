import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCard, putMarker, readBoard, readCards } from '../../shared/board.ts';
import { closeAll, createWorkshop, eventually, facilitator, join, participant } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const practice = (text: string, dimension = 'leadership', stage = 2) => ({ kind: 'practice' as const, text, dimension, stage, createdAt: 1 });
const boardOf = (c: WorkshopConnection) => {
  const b = readBoard(c.doc);
  return { cards: b.cards, markers: b.markers, phase: b.phase, participants: b.participants.map((p) => p.name) };
};

/** A workshop with its facilitator and two participants, all connected and synced. */
async function roomOfThree() {
  const w = await createWorkshop(server.url);
  const a = await join(server.url, w.code, 'Ana');
  const b = await join(server.url, w.code, 'Ben');
  const f = facilitator(server.url, w.code, w.facilitatorKey);
  const pa = participant(server.url, w.code, a.token);
  const pb = participant(server.url, w.code, b.token);
  await Promise.all([f.whenSynced(), pa.whenSynced(), pb.whenSynced()]);
  return { w, a, b, f, pa, pb };
}

describe('real-time sync', () => {
  it('a facilitator and two participants converge on the same board', async () => {
    const { a, b, f, pa, pb } = await roomOfThree();
    try {
      putCard(pa.doc, a.participantId, 'c1', practice('Our agency runs the Twitter account'));
      putCard(pb.doc, b.participantId, 'c2', practice('Complaints go to a shared inbox', 'conversation', 1));
      putMarker(pb.doc, b.participantId, 'leadership', { current: 2, target: 4 });
      expect((await f.command({ type: 'phase:set', phase: 'map' })).ok).toBe(true);

      await eventually(() => [f, pa, pb].every((c) => readCards(c.doc).length === 2 && readBoard(c.doc).phase === 'map'));
      const expected = boardOf(f);
      expect(boardOf(pa)).toEqual(expected);
      expect(boardOf(pb)).toEqual(expected);
      expect(expected.participants).toEqual(['Ana', 'Ben']);
      expect(expected.cards.map((c) => c.text).sort()).toEqual(['Complaints go to a shared inbox', 'Our agency runs the Twitter account']);
      expect(expected.markers).toEqual([{ participantId: b.participantId, dimension: 'leadership', current: 2, target: 4 }]);
    } finally {
      closeAll(f, pa, pb);
    }
  });

  it('edits made while disconnected reach everyone once, and missed edits reach the phone', async () => {
    const { a, b, f, pa, pb } = await roomOfThree();
    try {
      pa.socket.disconnect();
      await eventually(() => pa.status === 'offline');
      putCard(pa.doc, a.participantId, 'off1', practice('Written on the train'));
      putCard(pa.doc, a.participantId, 'off2', practice('Second offline card', 'people', 3));
      expect(pa.pending).toBe(2);
      // Meanwhile the room moves on without Ana.
      putCard(pb.doc, b.participantId, 'on1', practice('Added while Ana was away', 'brand', 2));
      await f.command({ type: 'phase:set', phase: 'assess' });
      await eventually(() => readCards(f.doc).length === 1);

      pa.socket.connect();
      await eventually(() => [f, pa, pb].every((c) => readCards(c.doc).length === 3), 10_000, 'cards did not converge');
      await eventually(() => pa.pending === 0, 5_000, 'offline edits were not acknowledged');
      for (const c of [f, pa, pb]) {
        const texts = readCards(c.doc).map((x) => x.text).sort();
        expect(texts).toEqual(['Added while Ana was away', 'Second offline card', 'Written on the train']);
        expect(readBoard(c.doc).phase).toBe('assess');
      }
    } finally {
      closeAll(f, pa, pb);
    }
  });

  it('a reconnecting participant keeps its identity', async () => {
    const w = await createWorkshop(server.url);
    const a = await join(server.url, w.code, 'Ana');
    const first = participant(server.url, w.code, a.token);
    await first.whenSynced();
    putCard(first.doc, a.participantId, 'keep', practice('Mine'));
    await eventually(() => first.pending === 0);
    first.close();
    const again = participant(server.url, w.code, a.token);
    try {
      await again.whenSynced();
      expect(again.welcome?.participantId).toBe(a.participantId);
      expect(again.welcome?.name).toBe('Ana');
      // The same person can still edit the card written from the first connection.
      putCard(again.doc, a.participantId, 'keep', practice('Mine, edited'));
      await eventually(() => again.pending === 0);
      expect(readCards(again.doc).map((c) => c.text)).toEqual(['Mine, edited']);
    } finally {
      again.close();
    }
  });
});
