/**
 * Data lifecycle: a facilitator's delete removes the workshop everywhere (live
 * screens told, every link dead, not a byte left in the database file), and the
 * retention sweep removes workshops inactive past the retention period while
 * keeping active ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { putCard } from '../../shared/doc/private-doc.ts';
import { PROTOCOL_VERSION } from '../../shared/schema/protocol.ts';
import { loadConfig } from '../../server/config.ts';
import { hashSecret } from '../../server/security/secrets.ts';
import {
  api,
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

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const DAY = 86_400_000;
const dbFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('social-shift.db'))
    .map((f) => path.join(dir, f));
const fileHolds = (dir: string, text: string) => dbFiles(dir).some((f) => fs.readFileSync(f).includes(text));

function setLastActive(dataDir: string, code: string, at: number): void {
  const db = new Database(path.join(dataDir, 'social-shift.db'));
  db.pragma('busy_timeout = 5000');
  db.prepare('UPDATE workshops SET last_active_at = ? WHERE code = ?').run(at, code);
  db.close();
}

describe('deletion', () => {
  it('tells every live screen, kills every link, and leaves no trace of the board in the database files', async () => {
    server = await startServer();
    const w = await createWorkshop(server.url, { title: 'Offsite to forget' });
    const ana = await join(server.url, w.code, 'Anastasia-Quill');
    const phone = participant(server.url, w.code, ana.token);
    const board = facilitator(server.url, w.code, w.facilitatorKey);
    const projector = viewer(server.url, w.code, viewerKeyOf(w));
    await Promise.all([phone.whenSynced(), board.whenSynced(), projector.whenSynced()]);
    const secret = 'Our-CEO-never-reads-the-intranet';
    expect(
      await phone.write((d) => putCard(d, 'c', { kind: 'barrier', text: secret, dimension: 'brand', stage: null, createdAt: 1 })),
    ).toEqual({ ok: true, queued: false });
    // Compact so the card also sits in a snapshot, not only in the update log.
    await (await server.app.rooms.get(w.code)).compact();
    expect(fileHolds(server.dataDir, secret)).toBe(true);
    expect(fileHolds(server.dataDir, 'Anastasia-Quill')).toBe(true);

    const closed: string[] = [];
    for (const c of [phone, board, projector]) c.on('closed', (p) => closed.push(p.reason));
    const res = await api(server.url, 'DELETE', `/api/workshops/${w.code}`, undefined, { authorization: `Bearer ${w.facilitatorKey}` });
    expect(res.status).toBe(204);
    await eventually(() => closed.length === 3, 5_000, 'live connections were not told');
    expect(closed).toEqual(['deleted', 'deleted', 'deleted']);

    expect((await api(server.url, 'GET', `/api/workshops/${w.code}`)).status).toBe(404);
    expect((await api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'Late' })).status).toBe(404);
    for (const [auth, code] of [
      // Every screen hears the workshop is gone, in words ("This workshop no longer exists"), not that its link is wrong.
      [{ role: 'participant', token: ana.token }, 'WORKSHOP_NOT_FOUND'],
      [{ role: 'facilitator', key: w.facilitatorKey }, 'WORKSHOP_NOT_FOUND'],
      [{ role: 'viewer', key: viewerKeyOf(w) }, 'WORKSHOP_NOT_FOUND'],
    ] as const) {
      const again = rawSocket(server.url, { v: PROTOCOL_VERSION, code: w.code, ...auth });
      await expect(connected(again), auth.role).rejects.toMatchObject({ data: { code } });
      again.close();
    }
    expect(
      (await api(server.url, 'DELETE', `/api/workshops/${w.code}`, undefined, { authorization: `Bearer ${w.facilitatorKey}` })).status,
    ).toBe(404);

    // Not in the tables, and not in free pages or the write-ahead log either.
    expect(await server.app.storage.getWorkshop(w.code)).toBeNull();
    expect((await server.app.storage.loadDocuments(w.code)).size).toBe(0);
    expect(await server.app.storage.findParticipantByToken(w.code, hashSecret(ana.token))).toBeNull();
    expect(fileHolds(server.dataDir, secret), 'the deleted card is still in the database files').toBe(false);
    expect(fileHolds(server.dataDir, 'Anastasia-Quill'), 'a deleted name is still in the database files').toBe(false);
    expect(fileHolds(server.dataDir, 'Offsite to forget')).toBe(false);
    phone.close();
    board.close();
    projector.close();
  });
});

describe('retention', () => {
  it('defaults to 30 days after the last activity', () => {
    expect(loadConfig({}).retentionMs).toBe(30 * DAY);
    expect(loadConfig({ RETENTION_DAYS: '7' }).retentionMs).toBe(7 * DAY);
  });

  it('removes workshops inactive past the period, keeps recent ones and any room with someone in it', async () => {
    server = await startServer({ RETENTION_DAYS: '2', ROOM_IDLE_UNLOAD_MS: '0' });
    const stale = await createWorkshop(server.url, { title: 'Stale' });
    const staleAna = await join(server.url, stale.code, 'Ana');
    const recent = await createWorkshop(server.url, { title: 'Recent' });
    const occupied = await createWorkshop(server.url, { title: 'Occupied' });
    const live = facilitator(server.url, occupied.code, occupied.facilitatorKey);
    await live.whenSynced();
    const now = Date.now();
    setLastActive(server.dataDir, stale.code, now - 2 * DAY - 60_000);
    setLastActive(server.dataDir, recent.code, now - 2 * DAY + 60 * 60_000);
    setLastActive(server.dataDir, occupied.code, now - 30 * DAY);
    await eventually(() => server!.app.rooms.peek(stale.code) === undefined, 5_000, 'stale room stayed loaded');

    const deleted = await server.app.workshops.expire();
    expect(deleted).toEqual([stale.code]);
    expect(await server.app.storage.getWorkshop(stale.code)).toBeNull();
    expect(await server.app.storage.findParticipantByToken(stale.code, hashSecret(staleAna.token))).toBeNull();
    expect((await server.app.storage.loadDocuments(stale.code)).size).toBe(0);
    expect((await api(server.url, 'GET', `/api/workshops/${stale.code}`)).status).toBe(404);
    const gone = rawSocket(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: stale.code, token: staleAna.token });
    await expect(connected(gone)).rejects.toMatchObject({ data: { code: 'WORKSHOP_NOT_FOUND' } });
    gone.close();
    expect(await server.app.storage.getWorkshop(recent.code)).not.toBeNull();
    expect(await server.app.storage.getWorkshop(occupied.code)).not.toBeNull();
    // A second sweep finds nothing more to do.
    expect(await server.app.workshops.expire()).toEqual([]);
    live.close();
  });

  it('activity moves the clock: an edit in a stale-looking room makes it recent again', async () => {
    server = await startServer({ RETENTION_DAYS: '2', ROOM_IDLE_UNLOAD_MS: '0' });
    const w = await createWorkshop(server.url);
    const ana = await join(server.url, w.code, 'Ana');
    // Touches are throttled per loaded room; start from an unloaded one, as after a quiet week.
    await eventually(() => server!.app.rooms.peek(w.code) === undefined, 5_000, 'room stayed loaded');
    setLastActive(server.dataDir, w.code, Date.now() - 10 * DAY);
    const phone = participant(server.url, w.code, ana.token);
    await phone.whenSynced();
    expect(
      await phone.write((d) => putCard(d, 'c', { kind: 'practice', text: 'still here', dimension: 'brand', stage: 3, createdAt: 1 })),
    ).toEqual({ ok: true, queued: false });
    await eventually(
      async () => ((await server!.app.storage.getWorkshop(w.code))?.lastActiveAt ?? 0) > Date.now() - DAY,
      5_000,
      'activity was not recorded',
    );
    phone.close();
    expect(await server.app.workshops.expire()).toEqual([]);
  });
});
