/**
 * The privacy table (issue 9), checked on the wire: a scripted workshop with
 * three participants, the facilitator and the projector goes through every
 * phase, in all four combinations of anonymous and private-until-reveal. Every
 * event each connection receives is recorded and its Yjs content decoded; the
 * table is asserted on that, and on command replies, HTTP routes and the export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCard, putMarker } from '../../shared/doc/private-doc.ts';
import { readRoomBoard, unpackCard } from '../../shared/doc/room-doc.ts';
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

const NAMES = ['Ada Quinn', 'Ben Osei', 'Cora Lind'];
const practice = (text: string, dimension = 'brand', stage = 2) => ({
  kind: 'practice' as const,
  text,
  dimension,
  stage,
  createdAt: Date.now(),
});

interface Person {
  id: string;
  name: string;
  token: string;
  conn: WorkshopConnection;
  wire: WireLog;
}

async function scenario(anonymous: boolean, privateUntilReveal: boolean) {
  const w = await createWorkshop(server.url, {
    title: 'Audit',
    organisation: 'Acme',
    settings: { anonymous, privateUntilReveal, minAnswers: 2 },
  });
  const fac = facilitator(server.url, w.code, w.facilitatorKey);
  const facWire = new WireLog(fac.socket);
  const proj = viewer(server.url, w.code, viewerKeyOf(w));
  const projWire = new WireLog(proj.socket);
  const people: Person[] = [];
  for (const name of NAMES) {
    const j = await join(server.url, w.code, name);
    const conn = participant(server.url, w.code, j.token);
    people.push({ id: j.participantId, name, token: j.token, conn, wire: new WireLog(conn.socket) });
  }
  await Promise.all([fac, proj, ...people.map((p) => p.conn)].map((c) => c.whenSynced()));
  const [a, b, c] = people as [Person, Person, Person];
  const room = await server.app.rooms.get(w.code);
  const view = (conn: WorkshopConnection) => readRoomBoard(conn.room, { console: conn.console });
  const settled = () => eventually(async () => (await room.flush(), people.every((p) => p.conn.pending === 0)));
  const cmd = async (...args: Parameters<WorkshopConnection['command']>) => {
    const ack = await fac.command(...args);
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
  };
  const everyone = [facWire, projWire, a.wire, b.wire, c.wire];
  const replies: unknown[] = [];

  // ---------------------------------------------------------------- Map
  await cmd({ type: 'phase:set', phase: 'map' });
  await a.conn.write((d) => putCard(d, 'a1', practice('Ada-practice: every reply needs two sign-offs')));
  await b.conn.write((d) => putCard(d, 'b1', practice('Ben-practice: the agency writes our posts', 'content', 2)));
  await settled();
  await eventually(() => view(fac).cards.length === 2 && view(proj).stats.practiceCards === 2);
  // The facilitator reads card text before the reveal (to move misplaced cards), never who wrote it.
  expect(facWire.saw('Ada-practice')).toBe(true);
  if (privateUntilReveal) {
    for (const wire of [projWire, b.wire, c.wire]) expect(wire.saw('Ada-practice')).toBe(false);
    for (const wire of [projWire, a.wire, c.wire]) expect(wire.saw('Ben-practice')).toBe(false);
    // Counts only: the projector knows two cards exist, from two people.
    expect(view(proj).stats).toMatchObject({ practiceCards: 2, hiddenPractice: 2, peopleWithCards: 2 });
    await cmd({ type: 'reveal:set', phase: 'map', revealed: true });
  }
  await eventually(() => [proj, a.conn, b.conn, c.conn].every((x) => readRoomBoard(x.room).cards.length === 2));
  for (const wire of everyone) expect(wire.saw('Ben-practice')).toBe(true);

  // ---------------------------------------------------------------- Assess
  await cmd({ type: 'phase:set', phase: 'assess' });
  await a.conn.write((d) => putMarker(d, 'leadership', { current: 1, target: 4 }));
  await b.conn.write((d) => putMarker(d, 'leadership', { current: 5, target: 5 }));
  await c.conn.write((d) => putMarker(d, 'leadership', { current: 3, target: 3 }));
  await settled();
  await eventually(() => view(proj).stats.answers.leadership === 3);
  if (privateUntilReveal) {
    // Nobody gets a distribution before the reveal, not even the console.
    for (const x of [fac, proj, a.conn]) expect(view(x).dists).toEqual({});
    await cmd({ type: 'reveal:set', phase: 'assess', revealed: true });
  }
  await eventually(() => [fac, proj, a.conn, b.conn, c.conn].every((x) => readRoomBoard(x.room).dists.leadership?.answers === 3));
  expect(view(proj).dists.leadership).toEqual({ current: [1, 0, 1, 0, 1], target: [0, 0, 1, 1, 1], answers: 3 });

  // ---------------------------------------------------------------- Prioritise
  await cmd({ type: 'phase:set', phase: 'prioritise' });
  await c.conn.write((d) =>
    putCard(d, 'c1', {
      kind: 'barrier',
      text: 'Cora-barrier: the platform contract runs to March',
      dimension: 'technology',
      stage: null,
      createdAt: Date.now(),
    }),
  );
  await settled();
  await eventually(() => view(fac).cards.some((x) => x.kind === 'barrier'));
  const barrierId = view(fac).cards.find((x) => x.kind === 'barrier')!.id;
  const voteA = await a.conn.command({ type: 'vote:set', target: 'dim:leadership', count: 2 });
  replies.push(voteA);
  expect(voteA).toEqual({ ok: true, data: { used: 2, budget: 5, pool: 'change' } });
  if (privateUntilReveal) {
    for (const wire of [projWire, a.wire, b.wire]) expect(wire.saw('Cora-barrier')).toBe(false);
    // Nobody votes on a barrier nobody has seen.
    const early = await b.conn.command({ type: 'vote:set', target: `card:${barrierId}`, count: 1 });
    replies.push(early);
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_VALUE' } });
    // Vote totals are not out yet either.
    expect(readRoomBoard(proj.room).votes).toBeNull();
    await cmd({ type: 'reveal:set', phase: 'prioritise', revealed: true });
  }
  await eventually(() => readRoomBoard(b.conn.room).cards.some((x) => x.id === barrierId));
  const voteB = await b.conn.command({ type: 'vote:set', target: `card:${barrierId}`, count: 1 });
  replies.push(voteB);
  expect(voteB.ok).toBe(true);
  await eventually(
    () => readRoomBoard(proj.room).votes?.[`card:${barrierId}`] === 1 && readRoomBoard(proj.room).votes?.['dim:leadership'] === 2,
  );

  // ---------------------------------------------------------------- Roadmap and Export
  await cmd({ type: 'phase:set', phase: 'roadmap' });
  const preview = await fac.command({ type: 'roadmap:generate', apply: false });
  replies.push(preview);
  await cmd({ type: 'roadmap:generate', apply: true });
  await eventually(() => readRoomBoard(a.conn.room).roadmap !== null);
  const first = readRoomBoard(a.conn.room).roadmap!.initiatives[0]!;
  replies.push(await a.conn.command({ type: 'roadmap:edit', initiativeId: first.id, patch: { benchmark: 'Replies within four hours' } }));
  await eventually(() => readRoomBoard(c.conn.room).roadmap?.initiatives[0]?.benchmark === 'Replies within four hours');
  await cmd({ type: 'phase:set', phase: 'export' });
  await eventually(() => readRoomBoard(proj.room).phase === 'export');
  const exported = await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, {
    authorization: `Bearer ${w.facilitatorKey}`,
  });
  const info = await api(server.url, 'GET', `/api/workshops/${w.code}`);
  // What leaves for the room at the end: a phone's copy, and the report link's page.
  const phoneCopy = await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, { authorization: `Bearer ${b.token}` });
  const link = await api<{ reportUrl: string }>(server.url, 'POST', `/api/workshops/${w.code}/report-link`, undefined, {
    authorization: `Bearer ${w.facilitatorKey}`,
  });
  const reportPage = await api(server.url, 'GET', new URL(link.json.reportUrl).pathname);
  const roomDocClients = new Set([room.projection.room.clientID]);
  const consoleDocClients = new Set([room.projection.console.clientID]);
  return {
    w,
    fac,
    proj,
    facWire,
    projWire,
    people,
    replies,
    exported,
    phoneCopy,
    reportPage,
    info,
    roomDocClients,
    consoleDocClients,
    close: () => closeAll(fac, proj, ...people.map((p) => p.conn)),
  };
}

describe.each([
  [false, false],
  [false, true],
  [true, false],
  [true, true],
])('wire audit: anonymous %s, private until reveal %s', (anonymous, privateUntilReveal) => {
  it('every connection receives only what the privacy table allows, on every read path', async () => {
    const s = await scenario(anonymous, privateUntilReveal);
    try {
      const participantWires = s.people.map((p) => p.wire);
      // No one's marker values leave their own document: only per-dimension distributions do.
      for (const wire of [s.facWire, s.projWire, ...participantWires]) expect(wire.markerValues()).toEqual([]);
      // The projector never receives the facilitator key.
      expect(s.projWire.saw(s.w.facilitatorKey)).toBe(false);
      // Shared documents carry only the server's Yjs client ids: no phone's id reaches another device.
      for (const wire of [s.facWire, s.projWire, ...participantWires]) {
        for (const id of wire.clientIds('room')) expect(s.roomDocClients.has(id)).toBe(true);
        for (const id of wire.clientIds('console')) expect(s.consoleDocClients.has(id)).toBe(true);
      }
      // A phone's own document comes back with its own ids and the server's, and only to that phone.
      for (const p of s.people) {
        const others = s.people.filter((q) => q !== p);
        for (const q of others)
          for (const id of q.wire.clientIds('mine')) expect(p.wire.clientIds('mine').has(id) && id !== p.conn.mine!.clientID).toBe(false);
      }
      // In an anonymous workshop no name or participant id of anyone else reaches a phone or the
      // projector, not even through presence; on the console names sit only in the people list.
      for (const p of s.people) {
        for (const q of s.people) {
          if (q === p) continue;
          expect(p.wire.saw(q.id)).toBe(false);
          expect(p.wire.saw(q.name)).toBe(!anonymous);
        }
      }
      for (const q of s.people) {
        expect(s.projWire.saw(q.id)).toBe(false);
        expect(s.projWire.saw(q.name)).toBe(!anonymous);
        expect(s.facWire.saw(q.name)).toBe(true);
      }
      // Cards travel packed (shared/doc/room-doc.ts): their author is `a`; any other value's `author` counts too.
      const authors = [...s.facWire.sharedValues(), ...s.projWire.sharedValues()]
        .flatMap((v) => [v.author, unpackCard(v)?.author])
        .filter((a) => typeof a === 'string');
      if (anonymous) {
        expect(authors).toEqual([]);
        // No link from a name to how much that person answered or wrote.
        const peopleEntries = s.facWire.sharedValues().filter((v) => typeof v.name === 'string' && 'joinedAt' in v);
        expect(peopleEntries.length).toBeGreaterThan(0);
        expect(peopleEntries.filter((v) => 'answered' in v || 'cards' in v)).toEqual([]);
        for (const q of s.people) expect(s.exported.text).not.toContain(q.name);
        for (const copy of [s.phoneCopy, s.reportPage]) for (const q of s.people) expect(copy.text).not.toContain(q.name);
      } else {
        // A revealed card may show its author in a named workshop.
        expect(authors).toContain('Ada Quinn');
        expect(s.exported.text).toContain('Ada Quinn');
      }
      // Command replies and HTTP routes keep the promise too.
      for (const reply of s.replies) for (const q of s.people) expect(JSON.stringify(reply)).not.toContain(q.id);
      expect(s.info.json).toMatchObject({ participants: 3 });
      for (const q of s.people) expect(s.info.text).not.toContain(q.name);
      expect(s.exported.text).not.toContain(s.w.facilitatorKey);
      for (const q of s.people) expect(s.exported.text).not.toContain(q.id);
      expect([s.phoneCopy.status, s.reportPage.status]).toEqual([200, 200]);
      for (const copy of [s.phoneCopy, s.reportPage]) {
        expect(copy.text).toContain('Ada-practice: every reply needs two sign-offs');
        for (const secret of [s.w.facilitatorKey, viewerKeyOf(s.w), ...s.people.flatMap((q) => [q.id, q.token])])
          expect(copy.text).not.toContain(secret);
      }
    } finally {
      s.close();
    }
  });
});
