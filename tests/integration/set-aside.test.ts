/**
 * Setting a card aside, checked on the wire (the wire audit's approach): every event each
 * connection receives is recorded and its Yjs content decoded. A card set aside before the
 * reveal leaves the server to nobody but its author and the facilitator's console; one set
 * aside later goes from every board, reaches no screen that connects afterwards, and no
 * export, archive or roadmap quotes it. Restored, it comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCard, putMarker } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { readAside } from '../../shared/doc/console-doc.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { api, closeAll, createWorkshop, eventually, facilitator, join, participant, viewer, viewerKeyOf } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { WireLog } from '../helpers/wire.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const SPAM = 'SPAM-LINE buy followers now';
const LATER = 'LATER-LINE asdf test';
const practice = (text: string) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: Date.now() });

describe('a card set aside', () => {
  it('leaves the server to nobody but its author and the console, and no export quotes it', async () => {
    const w = await createWorkshop(server.url, {
      title: 'Moderation',
      organisation: 'Acme',
      settings: { anonymous: false, privateUntilReveal: true, minAnswers: 1 },
    });
    const auth = { authorization: `Bearer ${w.facilitatorKey}` };
    const fac = facilitator(server.url, w.code, w.facilitatorKey);
    const facWire = new WireLog(fac.socket);
    const proj = viewer(server.url, w.code, viewerKeyOf(w));
    const projWire = new WireLog(proj.socket);
    const people: Array<{ conn: WorkshopConnection; wire: WireLog }> = [];
    for (const name of ['Ada', 'Ben']) {
      const j = await join(server.url, w.code, name);
      const conn = participant(server.url, w.code, j.token);
      people.push({ conn, wire: new WireLog(conn.socket) });
    }
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const conns = [fac, proj, ada.conn, ben.conn];
    await Promise.all(conns.map((c) => c.whenSynced()));
    const room = await server.app.rooms.get(w.code);
    const cmd = async (...args: Parameters<WorkshopConnection['command']>) => {
      const ack = await fac.command(...args);
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
    };
    const texts = (conn: WorkshopConnection) => readRoomBoard(conn.room).cards.map((c) => c.text);
    const settled = () => eventually(async () => (await room.flush(), people.every((p) => p.conn.pending === 0)));
    let late: WorkshopConnection | undefined;
    try {
      // Map: Ada writes a test line and a real card; the facilitator sets the line aside before the reveal.
      await cmd({ type: 'phase:set', phase: 'map' });
      await ada.conn.write((d) => putCard(d, 's1', practice(SPAM)));
      await ada.conn.write((d) => putCard(d, 'a1', practice('We answer every complaint within a day')));
      await ada.conn.write((d) => putMarker(d, 'brand', { current: 2, target: 4 }));
      await ben.conn.write((d) => putMarker(d, 'brand', { current: 2, target: 4 }));
      await settled();
      const spamId = await eventually(() => readRoomBoard(fac.room, { console: fac.console }).cards.find((c) => c.text === SPAM)?.id);
      await cmd({ type: 'card:set-aside', cardId: spamId!, aside: true });
      await eventually(() => readAside(fac.console!).some((c) => c.text === SPAM));
      expect(readRoomBoard(fac.room, { console: fac.console }).cards.some((c) => c.text === SPAM)).toBe(false);
      await cmd({ type: 'reveal:set', phase: 'map', revealed: true });
      await eventually(() => texts(ben.conn).includes('We answer every complaint within a day'));
      // The author still has it, marked; nobody else ever received it.
      const own = readRoomBoard(ada.conn.room, { mine: { doc: ada.conn.mine!, participantId: '' } }).cards.find((c) => c.text === SPAM);
      expect(own).toMatchObject({ mine: true, aside: true });
      expect(facWire.saw(SPAM)).toBe(true);
      expect(ben.wire.saw(SPAM)).toBe(false);
      expect(projWire.saw(SPAM)).toBe(false);
      expect(readRoomBoard(proj.room).stats.practiceCards).toBe(1);

      // A revealed card set aside later: gone from every board, never sent to a screen that joins afterwards.
      await ben.conn.write((d) => putCard(d, 'b1', practice(LATER)));
      await settled();
      await eventually(() => texts(proj).includes(LATER));
      const laterId = readRoomBoard(proj.room).cards.find((c) => c.text === LATER)!.id;
      await cmd({ type: 'card:set-aside', cardId: laterId, aside: true });
      await eventually(() => [proj, ada.conn, fac].every((c) => !texts(c).includes(LATER)));
      late = viewer(server.url, w.code, viewerKeyOf(w));
      const lateWire = new WireLog(late.socket);
      await late.whenSynced();
      await eventually(() => texts(late!).length === 1);
      expect(lateWire.saw(LATER)).toBe(false);
      expect(lateWire.saw(SPAM)).toBe(false);

      // Roadmap and every export: neither line, whatever the phase.
      await cmd({ type: 'phase:set', phase: 'roadmap' });
      await cmd({ type: 'roadmap:generate', apply: true });
      await eventually(() => readRoomBoard(proj.room).roadmap !== null);
      for (const path of ['export.md', 'archive.json']) {
        const res = await api(server.url, 'GET', `/api/workshops/${w.code}/${path}`, undefined, auth);
        expect(res.status, path).toBe(200);
        expect(res.text, path).toContain('We answer every complaint within a day');
        expect(res.text, path).not.toContain(SPAM);
        expect(res.text, path).not.toContain(LATER);
      }
      expect(JSON.stringify(readRoomBoard(proj.room).roadmap)).not.toContain(LATER);

      // Restored: back on every screen and in the export.
      await cmd({ type: 'card:set-aside', cardId: laterId, aside: false });
      await eventually(() => [proj, ada.conn, late!].every((c) => texts(c).includes(LATER)));
      const md = await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, auth);
      expect(md.text).toContain(LATER);
      expect(md.text).not.toContain(SPAM);
    } finally {
      closeAll(...conns, late);
    }
  });
});
