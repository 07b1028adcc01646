/**
 * Owners in an anonymous room, checked on the wire (the wire audit's approach): who said
 * "I'll take this" reaches the console and the volunteer's own phone, and nobody else, until
 * the facilitator confirms; then the confirmed owner reaches every screen with the roadmap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putMarker } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { readVolunteers } from '../../shared/doc/console-doc.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { closeAll, createWorkshop, eventually, facilitator, join, participant, viewer, viewerKeyOf } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { WireLog } from '../helpers/wire.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('a volunteer in an anonymous workshop', () => {
  it('is named to the console alone until confirmed, then on every screen as the owner', async () => {
    const w = await createWorkshop(server.url, {
      title: 'Owners',
      organisation: 'Acme',
      settings: { anonymous: true, privateUntilReveal: false, minAnswers: 1 },
    });
    const fac = facilitator(server.url, w.code, w.facilitatorKey);
    const facWire = new WireLog(fac.socket);
    const proj = viewer(server.url, w.code, viewerKeyOf(w));
    const projWire = new WireLog(proj.socket);
    const zoe = await join(server.url, w.code, 'Zoe Volunteer');
    const yan = await join(server.url, w.code, 'Yan Other');
    const z = participant(server.url, w.code, zoe.token);
    const y = participant(server.url, w.code, yan.token);
    const yWire = new WireLog(y.socket);
    const conns = [fac, proj, z, y];
    try {
      await Promise.all(conns.map((c) => c.whenSynced()));
      const cmd = async (...args: Parameters<WorkshopConnection['command']>) => {
        const ack = await fac.command(...args);
        expect(ack.ok, JSON.stringify(ack)).toBe(true);
      };
      await cmd({ type: 'phase:set', phase: 'assess' });
      for (const c of [z, y]) await c.write((d) => putMarker(d, 'leadership', { current: 2, target: 4 }));
      await cmd({ type: 'phase:set', phase: 'roadmap' });
      await cmd({ type: 'roadmap:generate', apply: true });
      const id = await eventually(() => readRoomBoard(z.room).roadmap?.initiatives[0]?.id);

      const offer = await z.command({ type: 'owner:volunteer', initiativeId: id!, offer: true });
      expect(offer).toEqual({ ok: true });
      await eventually(() => readVolunteers(fac.console!)[id!]?.[0]?.name === 'Zoe Volunteer');
      await eventually(() => readRoomBoard(z.room, { mine: { doc: z.mine!, participantId: zoe.participantId } }).me?.offers.includes(id!));
      // Another phone's or the projector's own roadmap says nothing of who offered.
      expect(yWire.saw('Zoe Volunteer')).toBe(false);
      expect(projWire.saw('Zoe Volunteer')).toBe(false);
      expect(yWire.saw(zoe.participantId)).toBe(false);

      await cmd({ type: 'owner:confirm', initiativeId: id!, participantId: zoe.participantId });
      await eventually(() =>
        [proj, y].every((c) => readRoomBoard(c.room).roadmap?.initiatives.find((i) => i.id === id)?.ownerConfirmed === true),
      );
      expect(readRoomBoard(proj.room).roadmap!.initiatives.find((i) => i.id === id)!.owner).toBe('Zoe Volunteer');
      // The name, never the participant id.
      expect(projWire.saw(zoe.participantId)).toBe(false);
      expect(yWire.saw(zoe.participantId)).toBe(false);
      expect(facWire.saw('Zoe Volunteer')).toBe(true);
    } finally {
      closeAll(...conns);
    }
  });
});
