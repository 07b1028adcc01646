/**
 * Backups you can restore: a copy taken (with the real `npm run backup` script) while a phone
 * writes a card every 50 ms holds every card acknowledged before it began; `npm run restore`
 * refuses while a server holds the folder and otherwise puts the copy in place, keeping the old
 * store. For PostgreSQL, the pg_dump / pg_restore commands docs/operations.md gives, proven the same way.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateMaps, putCard } from '../../shared/doc/private-doc.ts';
import { api, createWorkshop, join, participant } from '../helpers/clients.ts';
import { startServer, tempDir, type TestServer } from '../helpers/server.ts';
import { testDatabase } from '../helpers/services.ts';
import { scheduleBackups } from '../../server/storage/backup-schedule.ts';
import { checkStore } from '../../server/storage/sqlite-backup.ts';

const root = path.resolve(import.meta.dirname, '../..');
let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** Runs a command; resolves with its exit code and output (never rejects on a non-zero exit). */
function run(file: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  // The test run's own PostgreSQL and Redis are in our environment: a script uses them only when given.
  const { DATABASE_URL: _d, REDIS_URL: _r, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(file, args, { cwd: root, env: { ...inherited, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}
const script = (name: 'backup' | 'restore', file: string, dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, file], { DATA_DIR: dataDir });

/** The card ids a phone's own document holds, read back through a fresh connection. */
async function cardsOf(url: string, code: string, token: string): Promise<Set<string>> {
  const phone = participant(url, code, token);
  try {
    await phone.whenSynced();
    return new Set(privateMaps(phone.mine!).cards.keys());
  } finally {
    phone.close();
  }
}

describe('SQLite backup and restore', () => {
  it('a backup taken while a phone writes every 50 ms holds every card acknowledged before it began; restore refuses while the server runs', async () => {
    const server = await startServer();
    servers.push(server);
    const w = await createWorkshop(server.url);
    const ana = await join(server.url, w.code, 'Ana');
    const phone = participant(server.url, w.code, ana.token);
    const acked: string[] = [];
    let writing = true;
    let writer: Promise<void> = Promise.resolve();
    try {
      await phone.whenSynced();
      writer = (async () => {
        for (let i = 0; writing; i++) {
          const id = `card-${i}`;
          const r = await phone.write((d) =>
            putCard(d, id, { kind: 'barrier', text: `Card ${i}`, dimension: 'brand', stage: null, createdAt: i }),
          );
          if (r.ok && !r.queued) acked.push(id);
          await new Promise((res) => setTimeout(res, 50));
        }
      })();
      // Let some cards land, then take the copy while the writes go on.
      while (acked.length < 10) await new Promise((res) => setTimeout(res, 20));
      const ackedBefore = [...acked];
      const file = path.join(tempDir('social-shift-backup-'), 'copy.db');
      const backup = await script('backup', file, server.dataDir);
      expect(backup.code, backup.out).toBe(0);
      const during = acked.length;
      // The writes went on while the copy was made.
      while (acked.length < during + 3) await new Promise((res) => setTimeout(res, 20));
      writing = false;
      await writer;

      // Not over a running server's folder: nothing there changes.
      const before = fs.statSync(path.join(server.dataDir, 'social-shift.db')).ino;
      const refused = await script('restore', file, server.dataDir);
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/A server \(pid \d+\) is using/);
      expect(fs.statSync(path.join(server.dataDir, 'social-shift.db')).ino).toBe(before);

      // Into a new folder it goes, and a server there reads every card acknowledged before the copy began.
      const fresh = tempDir('social-shift-restored-');
      const restored = await script('restore', file, fresh);
      expect(restored.code, restored.out).toBe(0);
      const second = await startServer({ DATA_DIR: fresh });
      servers.push(second);
      expect((await api<{ title: string }>(second.url, 'GET', `/api/workshops/${w.code}`)).json.title).toBe('Test workshop');
      const cards = await cardsOf(second.url, w.code, ana.token);
      for (const id of ackedBefore) expect(cards.has(id), `${id} acknowledged before the backup, missing after restore`).toBe(true);
    } finally {
      writing = false;
      await writer.catch(() => {});
      phone.close();
    }
  }, 120_000);

  it('restore keeps the store it replaces, once no server holds the folder', async () => {
    const a = await startServer();
    const w = await createWorkshop(a.url, { title: 'Kept' });
    const file = path.join(tempDir('social-shift-backup-'), 'kept.db');
    expect((await script('backup', file, a.dataDir)).code).toBe(0);
    await a.close();
    const later = await startServer({ DATA_DIR: a.dataDir });
    await createWorkshop(later.url, { title: 'After the backup' });
    await later.close();

    const restored = await script('restore', file, a.dataDir);
    expect(restored.code, restored.out).toBe(0);
    const kept = fs.readdirSync(a.dataDir).filter((f) => f.startsWith('replaced-'));
    expect(kept).toHaveLength(1);
    expect(fs.readdirSync(path.join(a.dataDir, kept[0]!))).toContain('social-shift.db');
    const b = await startServer({ DATA_DIR: a.dataDir });
    servers.push(b);
    expect((await api<{ title: string }>(b.url, 'GET', `/api/workshops/${w.code}`)).json.title).toBe('Kept');
    // Not a store: refused, nothing touched.
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, 'not a database');
    await b.close();
    servers = [];
    expect((await script('restore', junk, a.dataDir)).code).toBe(1);
    expect(fs.readdirSync(a.dataDir).filter((f) => f.startsWith('replaced-'))).toHaveLength(1);
  }, 120_000);
});

describe('BACKUP_EVERY_MINUTES', () => {
  it('keeps rotating copies in DATA_DIR/backups/, no more than it is told to keep, each a sound store', async () => {
    const server = await startServer();
    servers.push(server);
    await createWorkshop(server.url);
    const folder = path.join(server.dataDir, 'backups');
    const made = new Set<string>();
    let most = 0;
    const errors: unknown[] = [];
    const stop = scheduleBackups({ dataDir: server.dataDir, everyMs: 30, keep: 2, onError: (e) => errors.push(e) });
    try {
      while (made.size < 5 && errors.length === 0) {
        const now = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.db')) : [];
        now.forEach((f) => made.add(f));
        most = Math.max(most, now.length);
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      stop();
    }
    expect(errors).toEqual([]);
    expect(most).toBeLessThanOrEqual(2);
    for (const f of fs.readdirSync(folder).filter((x) => x.endsWith('.db'))) checkStore(path.join(folder, f));
  }, 60_000);
});

describe('PostgreSQL backup and restore (pg_dump / pg_restore)', () => {
  it('the schema restores into an empty database and a workshop reads back', async () => {
    const source = await testDatabase();
    const server = await startServer({ DATABASE_URL: source.url });
    servers.push(server);
    const w = await createWorkshop(server.url, { title: 'Dumped' });
    const ana = await join(server.url, w.code, 'Ana');
    const phone = participant(server.url, w.code, ana.token);
    try {
      await phone.whenSynced();
      expect(
        await phone.write((d) => putCard(d, 'kept-card', { kind: 'barrier', text: 'Kept', dimension: 'brand', stage: null, createdAt: 1 })),
      ).toEqual({ ok: true, queued: false });
    } finally {
      phone.close();
    }
    // The commands docs/operations.md gives, run while the server is up (pg_dump reads one snapshot).
    const dump = path.join(tempDir('social-shift-pgdump-'), 'social-shift.dump');
    const dumped = await run('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, `--dbname=${source.url}`]);
    expect(dumped.code, dumped.out).toBe(0);
    const target = await testDatabase();
    const restored = await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url}`, dump]);
    expect(restored.code, restored.out).toBe(0);

    const second = await startServer({ DATABASE_URL: target.url });
    servers.push(second);
    const info = await api<{ title: string; participants: number }>(second.url, 'GET', `/api/workshops/${w.code}`);
    expect([info.status, info.json.title, info.json.participants]).toEqual([200, 'Dumped', 1]);
    expect((await cardsOf(second.url, w.code, ana.token)).has('kept-card')).toBe(true);
  }, 120_000);
});
