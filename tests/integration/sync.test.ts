/**
 * Real-time sync over real sockets: every screen converges on the room as the
 * privacy table allows it, a phone's own document follows that person to each
 * of their screens and to nobody else's, and edits made offline arrive once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCard, putMarker, readMyCards } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
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

const practice = (text: string, dimension = 'leadership', stage = 2) => ({
  kind: 'practice' as const,
  text,
  dimension,
  stage,
  createdAt: Date.now(),
});
const barrier = (text: string) => ({ kind: 'barrier' as const, text, dimension: 'brand', stage: null, createdAt: Date.now() });

/** Every `sync` frame a connection receives, as bytes: what its owner could read off the wire. */
function tap(conn: WorkshopConnection): (text: string) => boolean {
  const frames: Buffer[] = [];
  conn.socket.on('sync', (data) => frames.push(Buffer.from(data as Uint8Array)));
  return (text) => frames.some((f) => f.includes(text));
}

/** What a screen shows: the console with its own doc, a phone with its own. */
function boardOf(c: WorkshopConnection) {
  const pid = c.welcome?.participantId;
  return readRoomBoard(c.room, { console: c.console, mine: c.mine && pid ? { doc: c.mine, participantId: pid } : null });
}
const texts = (c: WorkshopConnection) =>
  boardOf(c)
    .cards.map((x) => x.text)
    .sort();

/** A named, private-until-reveal workshop with its facilitator and two participants, all connected and synced. */
async function roomOfThree() {
  const w = await createWorkshop(server.url);
  const a = await join(server.url, w.code, 'Ana');
  const b = await join(server.url, w.code, 'Ben');
  const f = facilitator(server.url, w.code, w.facilitatorKey);
  const pa = participant(server.url, w.code, a.token);
  const pb = participant(server.url, w.code, b.token);
  const bReceived = tap(pb);
  await Promise.all([f.whenSynced(), pa.whenSynced(), pb.whenSynced()]);
  const room = await server.app.rooms.get(w.code);
  return { w, a, b, f, pa, pb, room, bReceived };
}

describe('real-time sync', () => {
  it('the console, two phones and the server converge on the room as the privacy table allows', async () => {
    const { f, pa, pb, room, bReceived } = await roomOfThree();
    try {
      expect((await f.command({ type: 'phase:set', phase: 'map' })).ok).toBe(true);
      expect(await pa.write((d) => putCard(d, 'c1', practice('Our agency runs the Twitter account')))).toEqual({ ok: true, queued: false });
      expect(await pb.write((d) => putCard(d, 'c2', practice('Complaints go to a shared inbox', 'conversation', 1)))).toEqual({
        ok: true,
        queued: false,
      });
      expect(await pb.write((d) => putMarker(d, 'leadership', { current: 2, target: 4 }))).toEqual({ ok: true, queued: false });

      // Before the reveal: the console has both cards (no author), each phone its own, the room counts.
      await eventually(() => texts(f).length === 2 && [f, pa, pb].every((c) => boardOf(c).stats.practiceCards === 2));
      expect(boardOf(f).cards.map((c) => [c.text, c.hidden, c.author])).toEqual(
        expect.arrayContaining([
          ['Our agency runs the Twitter account', true, null],
          ['Complaints go to a shared inbox', true, null],
        ]),
      );
      expect(texts(pa)).toEqual(['Our agency runs the Twitter account']);
      expect(texts(pb)).toEqual(['Complaints go to a shared inbox']);
      expect(bReceived('Our agency runs the Twitter account')).toBe(false);

      // After it: one room, the same on every screen and on the server.
      expect((await f.command({ type: 'reveal:set', phase: 'map', revealed: true })).ok).toBe(true);
      const serverView = () => JSON.stringify(readRoomBoard(room.projection.room));
      await eventually(
        () => [f, pa, pb].every((c) => JSON.stringify(readRoomBoard(c.room)) === serverView()),
        10_000,
        'screens did not converge',
      );
      const shown = readRoomBoard(pa.room);
      expect(shown.phase).toBe('map');
      expect(shown.people.map((p) => p.name)).toEqual(['Ana', 'Ben']);
      expect(shown.cards.map((c) => [c.text, c.author]).sort()).toEqual([
        ['Complaints go to a shared inbox', 'Ben'],
        ['Our agency runs the Twitter account', 'Ana'],
      ]);
      // A marker is never one person's values on the wire: one answer counted, no distribution yet.
      expect(shown.stats.answers.leadership).toBe(1);
      expect(shown.dists).toEqual({});
      expect(boardOf(pb).me?.markers).toEqual({ leadership: { current: 2, target: 4 } });
    } finally {
      closeAll(f, pa, pb);
    }
  });

  it('edits made offline while the room moves on and reveals arrive once, and reach others only as the table allows', async () => {
    const { a, f, pa, pb, room, bReceived } = await roomOfThree();
    try {
      expect((await f.command({ type: 'phase:set', phase: 'map' })).ok).toBe(true);
      pa.socket.disconnect();
      await eventually(() => pa.status === 'offline');
      for (const [id, value] of [
        ['off1', practice('Written on the train')],
        ['off2', practice('Second offline card', 'people', 3)],
        ['off3', barrier('Legal signs off every post')],
      ] as const) {
        expect(await pa.write((d) => putCard(d, id, value))).toEqual({ ok: true, queued: true });
      }
      expect(pa.pending).toBe(3);
      // Meanwhile the room moves on without Ana: Ben writes, Map is revealed, the session moves to Assess.
      await pb.write((d) => putCard(d, 'on1', practice('Added while Ana was away', 'brand', 2)));
      expect((await f.command({ type: 'reveal:set', phase: 'map', revealed: true })).ok).toBe(true);
      expect((await f.command({ type: 'phase:set', phase: 'assess' })).ok).toBe(true);
      await eventually(() => texts(f).length === 1);

      pa.socket.connect();
      await eventually(() => pa.synced && pa.pending === 0, 10_000, 'offline edits were not acknowledged');
      const practices = ['Added while Ana was away', 'Second offline card', 'Written on the train'];
      // The revealed part reaches everyone; the barrier (Prioritise, not revealed) only the console.
      await eventually(() => texts(pb).join() === practices.join() && texts(f).length === 4, 10_000, 'cards did not converge');
      const all = ['Legal signs off every post', ...practices].sort();
      expect(texts(f)).toEqual(all);
      expect(texts(pa)).toEqual(all);
      for (const c of [f, pa, pb]) expect(readRoomBoard(c.room).phase).toBe('assess');
      expect(bReceived('Legal signs off every post')).toBe(false);
      expect(bReceived('Written on the train')).toBe(true);
      // Once each: the server registered every card one time, and Ana's phone knows each public id.
      const board = room.state.fullBoard();
      expect(board.cards.filter((c) => c.authorId === a.participantId)).toHaveLength(3);
      expect(new Set(board.cards.map((c) => c.id)).size).toBe(4);
      await eventually(() => readMyCards(pa.mine!).every((c) => c.publicId !== null));
    } finally {
      closeAll(f, pa, pb);
    }
  });

  it("a person's own document follows them to each of their screens, and to nobody else's", async () => {
    const { w, a, f, pa, pb, bReceived } = await roomOfThree();
    const laptop = participant(server.url, w.code, a.token);
    try {
      await laptop.whenSynced();
      expect(await pa.write((d) => putCard(d, 'p1', practice('Typed on the phone')))).toEqual({ ok: true, queued: false });
      await eventually(() => readMyCards(laptop.mine!).some((c) => c.text === 'Typed on the phone'));
      expect(await laptop.write((d) => putMarker(d, 'brand', { current: 1, target: 3 }))).toEqual({ ok: true, queued: false });
      await eventually(() => boardOf(pa).me?.markers.brand?.current === 1);
      expect(laptop.welcome?.participantId).toBe(a.participantId);
      // Ben's phone got neither; the console got the card (to move it), never the marker values.
      await eventually(() => texts(f).includes('Typed on the phone'));
      expect(bReceived('Typed on the phone')).toBe(false);
      expect(texts(pb)).toEqual([]);
    } finally {
      closeAll(f, pa, pb, laptop);
    }
  });

  it('a reconnecting participant keeps its identity and its cards', async () => {
    const w = await createWorkshop(server.url);
    const a = await join(server.url, w.code, 'Ana');
    const first = participant(server.url, w.code, a.token);
    await first.whenSynced();
    expect(await first.write((d) => putCard(d, 'keep', practice('Mine')))).toEqual({ ok: true, queued: false });
    first.close();
    const again = participant(server.url, w.code, a.token);
    try {
      await again.whenSynced();
      expect(again.welcome).toMatchObject({ role: 'participant', participantId: a.participantId, name: 'Ana' });
      expect(readMyCards(again.mine!).map((c) => c.text)).toEqual(['Mine']);
      // The same person can still edit the card written from the first connection.
      expect(await again.write((d) => putCard(d, 'keep', practice('Mine, edited')))).toEqual({ ok: true, queued: false });
      expect(readMyCards(again.mine!).map((c) => c.text)).toEqual(['Mine, edited']);
      const room = await server.app.rooms.get(w.code);
      expect(room.state.fullBoard().cards.map((c) => [c.authorId, c.text])).toEqual([[a.participantId, 'Mine, edited']]);
    } finally {
      again.close();
    }
  });
});
