/**
 * Rooms across nodes: real server processes sharing PostgreSQL and Redis. A room lives on
 * one node (its lease holder); connections on the others are forwarded to it. Each recipient
 * still receives only what the privacy table allows, and removing a participant or deleting
 * the workshop on one node reaches connections on the other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { putCard } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { api, codeOf, createWorkshop, eventually, facilitator, join, participant, viewer, viewerKeyOf } from '../helpers/clients.ts';
import { startCluster, type TestCluster } from '../helpers/cluster.ts';
import { WireLog } from '../helpers/wire.ts';

let cluster: TestCluster | undefined;
const conns: WorkshopConnection[] = [];
afterEach(() => {
  for (const c of conns.splice(0)) c.close();
  cluster?.stop();
  cluster = undefined;
});

const practice = (text: string) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: Date.now() });
const consoleTexts = (f: WorkshopConnection) => readRoomBoard(f.room, { console: f.console }).cards.map((c) => c.text);
const roomTexts = (c: WorkshopConnection) => readRoomBoard(c.room).cards.map((x) => x.text);

describe('two nodes serve one workshop', () => {
  it('a console on one node and phones on the other converge; privacy holds on the wire; remove and delete reach the other node', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes as [NonNullable<TestCluster['nodes'][0]>, NonNullable<TestCluster['nodes'][0]>];
    const w = await createWorkshop(a.url, { title: 'Across', organisation: 'Acme', settings: { privateUntilReveal: true, minAnswers: 2 } });
    const fac = facilitator(a.url, w.code, w.facilitatorKey);
    conns.push(fac);
    await fac.whenSynced();
    expect(await cluster.ownerOf(w.code)).toBe(0);

    // Joining over HTTP on B runs on A, the owner; the phones and the projector connect to B.
    const ada = await join(b.url, w.code, 'Ada Quinn');
    const ben = await join(b.url, w.code, 'Ben Osei');
    const adaPhone = participant(b.url, w.code, ada.token);
    const benPhone = participant(b.url, w.code, ben.token);
    const proj = viewer(b.url, w.code, viewerKeyOf(w));
    conns.push(adaPhone, benPhone, proj);
    const [benWire, projWire, facWire] = [benPhone, proj, fac].map((c) => new WireLog(c.socket)) as [WireLog, WireLog, WireLog];
    await Promise.all([adaPhone, benPhone, proj].map((c) => c.whenSynced()));
    expect(await cluster.ownerOf(w.code)).toBe(0);
    await eventually(() => fac.presence.online === 2, 10_000, 'the console did not see both phones online');

    expect((await fac.command({ type: 'phase:set', phase: 'map' })).ok).toBe(true);
    const written = await adaPhone.write((d) => putCard(d, 'a1', practice('Ada-secret: two sign-offs for every reply')));
    expect(written).toEqual({ ok: true, queued: false });
    // The console (on A) reads it; nobody else does before the reveal, on either node.
    await eventually(
      () => consoleTexts(fac).includes('Ada-secret: two sign-offs for every reply'),
      10_000,
      'the console did not get the card',
    );
    await eventually(() => readRoomBoard(proj.room).stats.practiceCards === 1, 10_000, 'the projector did not count the card');
    for (const wire of [benWire, projWire]) expect(wire.saw('Ada-secret: two sign-offs for every reply')).toBe(false);
    for (const wire of [benWire, projWire]) expect(wire.saw(ada.participantId)).toBe(false);
    expect(facWire.saw('Ada-secret: two sign-offs for every reply')).toBe(true);

    expect((await fac.command({ type: 'reveal:set', phase: 'map', revealed: true })).ok).toBe(true);
    await eventually(
      () => [proj, adaPhone, benPhone].every((c) => roomTexts(c).includes('Ada-secret: two sign-offs for every reply')),
      10_000,
      'the reveal did not reach node B',
    );
    // Write rules are the owner's: a phone cannot write the room document through B either.
    const forged = await benPhone.socket.timeout(5_000).emitWithAck('command', { type: 'phase:set', phase: 'roadmap' } as never);
    expect(forged).toMatchObject({ ok: false, error: { code: 'NOT_FACILITATOR' } });

    // Remove Ben from the console on A: his phone on B is closed, for good.
    const closedBen = new Promise((resolve) => benPhone.on('closed', resolve));
    expect((await fac.command({ type: 'participant:remove', participantId: ben.participantId })).ok).toBe(true);
    expect(await closedBen).toEqual({ reason: 'removed' });
    await eventually(() => fac.presence.online === 1, 10_000, 'the console still counts Ben online');

    // A phone's copy and the report link, asked of B, run on A (the owner), refusals included.
    const copy = () => api(b.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, { authorization: `Bearer ${ada.token}` });
    expect(codeOf(await copy())).toBe('COPY_NOT_READY');
    expect((await fac.command({ type: 'phase:set', phase: 'export' })).ok).toBe(true);
    const taken = await copy();
    expect(taken.status).toBe(200);
    expect(taken.text).toContain('Ada-secret: two sign-offs for every reply');
    const made = await api<{ reportUrl: string }>(b.url, 'POST', `/api/workshops/${w.code}/report-link`, undefined, {
      authorization: `Bearer ${w.facilitatorKey}`,
    });
    const page = await api(b.url, 'GET', new URL(made.json.reportUrl).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Across');

    // Delete over HTTP on B: the console on A is told and closed.
    const closedFac = new Promise((resolve) => fac.on('closed', resolve));
    const del = await api(b.url, 'DELETE', `/api/workshops/${w.code}`, undefined, { authorization: `Bearer ${w.facilitatorKey}` });
    expect(del.status).toBe(204);
    expect(await closedFac).toEqual({ reason: 'deleted' });
    await eventually(() => adaPhone.status === 'offline' || adaPhone.status === 'refused', 10_000, 'the phone on B stayed connected');
    expect((await api(a.url, 'GET', `/api/workshops/${w.code}`)).status).toBe(404);
  }, 60_000);

  it('when a forwarding node dies, its phones leave the room on the owner (presence, unload)', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes as [NonNullable<TestCluster['nodes'][0]>, NonNullable<TestCluster['nodes'][0]>];
    const w = await createWorkshop(a.url);
    const fac = facilitator(a.url, w.code, w.facilitatorKey);
    conns.push(fac);
    await fac.whenSynced();
    const j = await join(a.url, w.code, 'Ada');
    const phone = participant(b.url, w.code, j.token);
    conns.push(phone);
    phone.socket.io.reconnection(false);
    await phone.whenSynced();
    await eventually(() => fac.presence.online === 1, 10_000, 'the console did not see the phone online');
    b.child.kill('SIGKILL');
    await eventually(() => fac.presence.online === 0, 30_000, 'the phone of the dead node still counts as online');
  }, 60_000);
});
