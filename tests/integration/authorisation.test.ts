/**
 * The authorisation matrix: every facilitator action attempted by everyone who
 * is not this workshop's facilitator (a participant, the projector, a
 * stranger, another workshop's facilitator). Each is refused with the right
 * named error and the workshop is unchanged, in memory and in storage; then
 * its own facilitator does the same actions, proving they were real actions to
 * refuse. And the projector key: read-only, on any device, until rotated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { putCard } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { PROTOCOL_VERSION, type Command, type WorkshopLinksReply } from '../../shared/schema/protocol.ts';
import {
  api,
  closeAll,
  connected,
  createWorkshop,
  eventually,
  facilitator,
  join,
  participant,
  rawSocket,
  viewer,
  viewerKeyOf,
} from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { roomFingerprint, sendCommand } from '../helpers/crafted.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ FAILED_JOINS_PER_WINDOW: '1000' });
});
afterAll(async () => {
  await server.close();
});

const v = PROTOCOL_VERSION;

async function handshakeError(auth: Record<string, unknown>): Promise<string | undefined> {
  const s = rawSocket(server.url, auth);
  try {
    await connected(s);
    return undefined;
  } catch (err) {
    return (err as { data?: { code?: string } }).data?.code;
  } finally {
    s.close();
  }
}

/** A workshop with one participant's card on it. */
async function workshopWithCard(title: string) {
  const w = await createWorkshop(server.url, { title, organisation: 'Acme' });
  const ana = await join(server.url, w.code, 'Ana');
  const phone = participant(server.url, w.code, ana.token);
  await phone.whenSynced();
  expect(
    await phone.write((d) => putCard(d, 'c1', { kind: 'practice', text: 'A card', dimension: 'brand', stage: 2, createdAt: 1 })),
  ).toEqual({ ok: true, queued: false });
  phone.close();
  const room = await server.app.rooms.get(w.code);
  return { w, ana, room, cardId: room.state.registration(ana.participantId, 'c1')!.id };
}

describe('authorisation matrix', () => {
  it("every facilitator action is refused to a participant, the projector, a stranger and another workshop's facilitator", async () => {
    const { w: a, ana, room, cardId } = await workshopWithCard('Workshop A');
    const b = await createWorkshop(server.url, { title: 'Workshop B' });
    const bo = await join(server.url, b.code, 'Bo');

    const stored = async () => {
      const docs = await server.app.storage.loadDocuments(a.code);
      return JSON.stringify([await server.app.storage.getWorkshop(a.code), [...docs].map(([name, d]) => [name, d.lastSeq])]);
    };
    const before = { state: await roomFingerprint(room), stored: await stored() };

    const commands: Command[] = [
      { type: 'phase:set', phase: 'map' },
      { type: 'settings:update', settings: { votesPerPerson: 9, anonymous: true } },
      { type: 'timer:start', durationMs: 60_000 },
      { type: 'timer:pause' },
      { type: 'timer:resume' },
      { type: 'timer:add', ms: 30_000 },
      { type: 'timer:reset' },
      { type: 'reveal:set', phase: 'map', revealed: true },
      { type: 'lock:set', locked: true },
      { type: 'card:move', cardId, dimension: 'people', stage: 4 },
      { type: 'participant:remove', participantId: ana.participantId },
      { type: 'roadmap:generate', apply: true },
      { type: 'viewer:rotate' },
      // Last: the control run below would otherwise move the card into a dimension this removes.
      { type: 'template:set', dimensions: [{ name: 'Only one' }] },
    ];

    // Connected actors of workshop A who are not its facilitator.
    const asParticipant = rawSocket(server.url, { v, role: 'participant', code: a.code, token: ana.token });
    const asViewer = rawSocket(server.url, { v, role: 'viewer', code: a.code, key: viewerKeyOf(a) });
    // B's facilitator, in B's own room: commands there can never reach A.
    const otherFacilitator = rawSocket(server.url, { v, role: 'facilitator', code: b.code, key: b.facilitatorKey });
    const actors: Socket[] = [asParticipant, asViewer, otherFacilitator];
    await Promise.all(actors.map(connected));

    for (const c of commands) {
      expect(await sendCommand(asParticipant, c), `participant ${c.type}`).toMatchObject({ ok: false, error: { code: 'NOT_FACILITATOR' } });
      expect(await sendCommand(asViewer, c), `projector ${c.type}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Commands name no workshop: B's facilitator reaching for A's participant or card finds nothing,
    // and rotating a projector key rotates B's.
    expect(await sendCommand(otherFacilitator, { type: 'participant:remove', participantId: ana.participantId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await sendCommand(otherFacilitator, { type: 'card:move', cardId, dimension: 'people', stage: 4 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await sendCommand(otherFacilitator, { type: 'viewer:rotate' })).toMatchObject({ ok: true });

    // Handshakes into A: no credentials, the wrong credentials, another workshop's, a key of the wrong kind.
    const handshakes = [
      [{ v, role: 'participant', code: a.code }, 'UNAUTHENTICATED'],
      [{ v, role: 'facilitator', code: a.code }, 'UNAUTHENTICATED'],
      [{ v, role: 'viewer', code: a.code }, 'UNAUTHENTICATED'],
      [{}, 'UNAUTHENTICATED'],
      [{ v, role: 'facilitator', code: a.code, key: ana.token }, 'FORBIDDEN'],
      [{ v, role: 'participant', code: a.code, token: bo.token }, 'UNAUTHENTICATED'],
      [{ v, role: 'facilitator', code: a.code, key: b.facilitatorKey }, 'FORBIDDEN'],
      [{ v, role: 'viewer', code: a.code, key: b.facilitatorKey }, 'FORBIDDEN'],
      [{ v, role: 'viewer', code: a.code, key: viewerKeyOf(b) }, 'FORBIDDEN'],
      [{ v, role: 'viewer', code: a.code, key: ana.token }, 'FORBIDDEN'],
      // The projector key opens the projector, nothing more.
      [{ v, role: 'facilitator', code: a.code, key: viewerKeyOf(a) }, 'FORBIDDEN'],
      [{ v, role: 'participant', code: a.code, token: viewerKeyOf(a) }, 'UNAUTHENTICATED'],
    ] as const;
    for (const [auth, code] of handshakes) expect(await handshakeError(auth), JSON.stringify(auth)).toBe(code);

    // HTTP: the console's projector link, export and delete. (Without a key, /links answers only
    // where phones join: the stranger gets that, and no projector key, below.)
    const http: Array<[string, Record<string, string>, number, string]> = [
      ['stranger (no token)', {}, 401, 'UNAUTHENTICATED'],
      ['participant token', { authorization: `Bearer ${ana.token}` }, 403, 'FORBIDDEN'],
      ['projector key', { authorization: `Bearer ${viewerKeyOf(a)}` }, 403, 'FORBIDDEN'],
      ["another workshop's facilitator", { authorization: `Bearer ${b.facilitatorKey}` }, 403, 'FORBIDDEN'],
      ['malformed header', { authorization: a.facilitatorKey }, 401, 'UNAUTHENTICATED'],
    ];
    const open = await api(server.url, 'GET', `/api/workshops/${a.code}/links`);
    expect(open.status).toBe(200);
    expect(open.text).not.toContain(viewerKeyOf(a));
    for (const [who, headers, status, code] of http) {
      const paths = [
        ['GET', `/api/workshops/${a.code}/links`],
        ['GET', `/api/workshops/${a.code}/export.md`],
        ['DELETE', `/api/workshops/${a.code}`],
      ] as const;
      for (const [method, path] of paths.filter(([m, p]) => !(p.endsWith('/links') && Object.keys(headers).length === 0))) {
        const res = await api<{ error: { code: string } }>(server.url, method, path, undefined, headers);
        expect([res.status, res.json?.error?.code], `${who}: ${method} ${path}`).toEqual([status, code]);
        expect(res.text).not.toContain('A card');
        expect(res.text).not.toContain(viewerKeyOf(a));
      }
    }

    expect(await roomFingerprint(room), 'the room changed').toBe(before.state);
    expect(await stored(), 'storage changed').toBe(before.stored);
    for (const s of actors) s.close();

    // The control: A's own facilitator can do every one of them.
    const own = rawSocket(server.url, { v, role: 'facilitator', code: a.code, key: a.facilitatorKey });
    await connected(own);
    for (const c of commands) expect(await sendCommand(own, c), c.type).toMatchObject({ ok: true });
    expect(room.state.fullBoard().cards[0]).toMatchObject({ dimension: 'people', stage: 4 });
    expect(await roomFingerprint(room)).not.toBe(before.state);
    expect(await stored()).not.toBe(before.stored);
    for (const path of [`/api/workshops/${a.code}/links`, `/api/workshops/${a.code}/export.md`]) {
      expect((await api(server.url, 'GET', path, undefined, { authorization: `Bearer ${a.facilitatorKey}` })).status, path).toBe(200);
    }
    own.close();
    const deleted = await api(server.url, 'DELETE', `/api/workshops/${a.code}`, undefined, { authorization: `Bearer ${a.facilitatorKey}` });
    expect(deleted.status).toBe(204);
    expect(await server.app.storage.getWorkshop(a.code)).toBeNull();
    expect(await server.app.storage.getWorkshop(b.code)).not.toBeNull();
  });
});

describe('the projector key', () => {
  it('opens the board read-only on any device; once rotated, the old key is refused and its screens are closed', async () => {
    const { w } = await workshopWithCard('Projected');
    const ben = await join(server.url, w.code, 'Ben');
    const console = facilitator(server.url, w.code, w.facilitatorKey);
    const phone = participant(server.url, w.code, ben.token);
    // The same link opened on two machines (the projector PC and a laptop in the back).
    const projectors = [viewer(server.url, w.code, viewerKeyOf(w)), viewer(server.url, w.code, viewerKeyOf(w))];
    const closed: string[] = [];
    for (const p of projectors) p.on('closed', (c) => closed.push(c.reason));
    const others: string[] = [];
    for (const c of [console, phone]) c.on('closed', (x) => others.push(x.reason));
    try {
      await Promise.all([console, phone, ...projectors].map((c) => c.whenSynced()));
      for (const p of projectors) {
        expect(p.welcome).toMatchObject({ role: 'viewer', participantId: null, name: null });
        expect(p.console).toBeNull();
        expect(p.mine).toBeNull();
        expect(readRoomBoard(p.room).title).toBe('Projected');
        // A count of who is here, never who.
        expect(Object.keys(p.presence)).toEqual(['online']);
      }
      await eventually(() => console.presence.screens?.projectors === 2);

      const rotated = await console.command({ type: 'viewer:rotate' });
      expect(rotated.ok).toBe(true);
      const newKey = rotated.ok ? rotated.data!.viewerKey : '';
      expect(newKey).not.toBe(viewerKeyOf(w));
      expect(newKey).not.toBe(w.facilitatorKey);
      await eventually(() => closed.length === 2, 5_000, 'the old projector screens were not closed');
      expect(closed).toEqual(['rotated', 'rotated']);
      await eventually(() => console.presence.screens?.projectors === 0);
      // Only projectors: the console and the phone stay.
      expect(console.status).toBe('online');
      expect(phone.status).toBe('online');
      expect(others).toEqual([]);

      // The old link now says why it stopped, in words; the new one works; the console hands out the new one.
      const stale = viewer(server.url, w.code, viewerKeyOf(w));
      await eventually(() => stale.status === 'refused', 5_000, 'the old key was not refused');
      expect(stale.refusal).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/projector link/) });
      stale.close();
      expect(await handshakeError({ v, role: 'viewer', code: w.code, key: newKey })).toBeUndefined();
      const links = await api<WorkshopLinksReply>(server.url, 'GET', `/api/workshops/${w.code}/links`, undefined, {
        authorization: `Bearer ${w.facilitatorKey}`,
      });
      expect(links.json.boardUrl).toMatch(new RegExp(`#view=${newKey}$`));
    } finally {
      closeAll(console, phone, ...projectors);
    }
  });
});
