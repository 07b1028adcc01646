/**
 * The data folder fills up or turns read-only, caused for real where the
 * sandbox allows (a small tmpfs, filled; needs root and mount, else skipped):
 * writes are refused with STORAGE_UNAVAILABLE, phones are told and keep their
 * edits, nobody receives a change the server could not store, nothing stored
 * is damaged, and service resumes when space returns. (SIGKILL is crash.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { putCard } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { PROTOCOL_VERSION } from '../../shared/schema/protocol.ts';
import { api, connected, createWorkshop, eventually, facilitator, join, participant, rawSocket, viewerKeyOf } from '../helpers/clients.ts';
import { sendSync, step1Frame } from '../helpers/crafted.ts';
import { startServer, tempDir, type TestServer } from '../helpers/server.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import { StorageUnavailable, type Storage } from '../../server/storage/storage.ts';

let server: TestServer | undefined;
const conns: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.close();
  await server?.close().catch(() => {});
  server = undefined;
});

const card = (text: string) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: 1 });
const texts = (c: WorkshopConnection) => readRoomBoard(c.room).cards.map((x) => x.text);
const duringFault = (c: WorkshopConnection) => texts(c).filter((t) => t.startsWith('during fault')).length;

/** Mounts a small tmpfs, or returns null when the sandbox does not allow it. */
function mountTmpfs(sizeKb: number): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = tempDir('social-shift-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return null;
  }
}
const canMount = (() => {
  const dir = mountTmpfs(64);
  if (!dir) return false;
  execFileSync('umount', [dir]);
  return true;
})();

/** Storage whose writes fail as SQLite's do on a read-only file while `state.on`. */
function readOnlySwitch(inner: Storage, state: { on: boolean }): Storage {
  const writes = new Set([
    'createWorkshop',
    'deleteWorkshop',
    'touchWorkshop',
    'addParticipant',
    'markParticipantRemoved',
    'appendUpdates',
    'compact',
    'replaceDocuments',
    'updateWorkshop',
    'claim',
  ]);
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !writes.has(prop) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (state.on) {
          const raw = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
          throw new StorageUnavailable('SQLite: SQLITE_READONLY', { cause: raw });
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * Folds SQLite's write-ahead log into the database and truncates it to nothing, so that the
 * server's next write needs new disk space. (A WAL that was checkpointed is reused from its
 * start, and a write that fits in it would succeed on a full disk.)
 */
async function emptyWal(dataDir: string): Promise<void> {
  const db = new Database(path.join(dataDir, 'social-shift.db'));
  try {
    await eventually(() => (db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>)[0]!.busy === 0, 5_000, 'the WAL stayed busy');
  } finally {
    db.close();
  }
  expect(fs.statSync(path.join(dataDir, 'social-shift.db-wal')).size).toBe(0);
}

function fill(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    // Squeeze out the last partial chunk too.
    for (let size = 32 * 1024; size >= 512; size >>= 1) {
      try {
        for (;;) fs.writeSync(fd, chunk.subarray(0, size));
      } catch {
        /* next smaller size */
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

describe.skipIf(!canMount)('the data folder fills up or turns read-only (a real tmpfs)', () => {
  let mounted: string | null = null;
  afterEach(() => {
    if (mounted) {
      try {
        execFileSync('mount', ['-o', 'remount,rw', mounted], { stdio: 'ignore' });
      } catch {
        /* already rw */
      }
      execFileSync('umount', ['-l', mounted], { stdio: 'ignore' });
      mounted = null;
    }
  });

  for (const fault of ['full', 'read-only'] as const) {
    it(`${fault}: writes are refused with STORAGE_UNAVAILABLE, phones are told, nothing stored is damaged, service resumes`, async () => {
      mounted = mountTmpfs(8 * 1024);
      const dataDir = mounted!;
      // A live `remount,ro` is refused (EBUSY) while SQLite holds the file open for writing, so the
      // read-only case is the one fault not caused for real: a wrapper throws SQLite's own error.
      const readOnly = { on: false };
      const storage = fault === 'read-only' ? readOnlySwitch(openSqliteStorage(dataDir), readOnly) : undefined;
      server = await startServer({ DATA_DIR: dataDir }, storage ? { storage } : {});
      // Open to the room as it is written, so any change that got out would show on Ben's phone.
      const w = await createWorkshop(server.url, { title: 'Faults', settings: { privateUntilReveal: false } });
      const [ana, ben] = await Promise.all([join(server.url, w.code, 'Ana'), join(server.url, w.code, 'Ben')]);
      const pa = participant(server.url, w.code, ana.token);
      const pb = participant(server.url, w.code, ben.token);
      const f = facilitator(server.url, w.code, w.facilitatorKey);
      conns.push(pa, pb, f);
      await Promise.all([pa, pb, f].map((c) => c.whenSynced()));
      expect(
        await pa.write((d) => {
          for (let i = 0; i < 20; i++) putCard(d, `ok${i}`, card(`stored ${i}`));
        }),
      ).toEqual({ ok: true, queued: false });
      await eventually(() => texts(pb).length === 20);

      // The fault, for real.
      let filler: string | null = null;
      if (fault === 'full') {
        await emptyWal(dataDir);
        filler = fill(dataDir);
      } else readOnly.on = true;

      // A projector opens during the fault; every frame it gets is noted with whether space is back.
      let restored = false;
      const receivedDuringFault: string[] = [];
      const late = rawSocket(server.url, { v: PROTOCOL_VERSION, role: 'viewer', code: w.code, key: viewerKeyOf(w) });
      conns.push(late);
      late.on('sync', (data: Uint8Array) => {
        if (!restored && Buffer.from(data).includes('during fault')) receivedDuringFault.push('room');
      });
      const lateSynced = (async () => {
        await connected(late);
        return sendSync(late, step1Frame('room', new Uint8Array([0])));
      })();
      lateSynced.catch(() => {}); // awaited below; a test failing before then must not leave it unhandled

      const told: string[] = [];
      pa.on('rejected', (p) => told.push(p.code));
      // Refused for now, kept on the phone to send again: not lost, not "refused for good".
      for (let i = 0; i < 3; i++)
        expect(await pa.write((d) => putCard(d, `during${i}`, card(`during fault ${i}`)))).toEqual({ ok: true, queued: true });
      expect(told).toContain('STORAGE_UNAVAILABLE');
      expect(pa.pending).toBeGreaterThan(0);
      const cmd = await f.command({ type: 'phase:set', phase: 'map' });
      expect(cmd).toMatchObject({ ok: false, error: { code: 'STORAGE_UNAVAILABLE' } });
      const joinRes = await api<{ error: { code: string } }>(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'Late' });
      expect([joinRes.status, joinRes.json?.error?.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
      const createRes = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', { title: 'New' });
      expect([createRes.status, createRes.json?.error?.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
      // Nobody sees a change the server could not store: not the screens already there, and not one
      // that opens now (a projector asking for the room is answered once the change is stored).
      expect(duringFault(pb)).toBe(0);
      expect(receivedDuringFault).toEqual([]);
      expect(readRoomBoard(f.room, { console: f.console }).phase).toBe('lobby');
      // Reads still work.
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}`)).status).toBe(200);

      // Space returns.
      restored = true;
      if (filler) fs.rmSync(filler);
      else readOnly.on = false;
      await eventually(() => duringFault(pb) === 3, 15_000, 'service did not resume');
      expect(await lateSynced).toEqual({ ok: true });
      await eventually(() => pa.pending === 0, 10_000, 'the phone still holds unsent edits');
      expect(await f.command({ type: 'phase:set', phase: 'map' })).toMatchObject({ ok: true });
      expect((await api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'Late' })).status).toBe(201);

      // Nothing stored was damaged: the file checks clean and a fresh load has every card once.
      await server.close();
      server = undefined;
      const db = new Database(path.join(dataDir, 'social-shift.db'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      server = await startServer({ DATA_DIR: dataDir });
      const check = facilitator(server.url, w.code, w.facilitatorKey);
      conns.push(check);
      await check.whenSynced();
      expect(texts(check).length).toBe(23);
      expect(new Set(texts(check)).size).toBe(23);
      expect(readRoomBoard(check.room).phase).toBe('map');
    });
  }
});
