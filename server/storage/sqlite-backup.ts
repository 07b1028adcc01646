/**
 * Copies of the SQLite store: a consistent backup taken while the server runs (SQLite's online
 * backup API, through better-sqlite3), and a restore that refuses while a server holds the
 * folder and keeps the file it replaces. Used by `npm run backup` / `npm run restore`
 * (scripts/) and by BACKUP_EVERY_MINUTES (backup-schedule.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dataDirHolder, holdDataDir } from './data-lock.ts';

export const DB_FILE = 'social-shift.db';

/** Copies DATA_DIR's store to `dest` (written beside it first, then renamed: never half a file). */
export async function backupSqlite(dataDir: string, dest: string): Promise<{ bytes: number }> {
  const source = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(source)) throw new Error(`No SQLite store at ${source}.`);
  fs.mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  const partial = `${dest}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All remaining pages in one step, so one read transaction: a write by the running server
    // between steps would restart the copy, and a busy room writes every few milliseconds.
    await db.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    db.close();
  }
  checkStore(partial);
  fs.renameSync(partial, dest);
  return { bytes: fs.statSync(dest).size };
}

/** Throws unless `file` is a sound SQLite file holding this app's tables. */
export function checkStore(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged: ${String(check)}`);
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workshops'").get()) {
      throw new Error(`${file} is a SQLite file but not a Social Shift store.`);
    }
  } finally {
    db.close();
  }
}

/**
 * Puts `backup` in place as DATA_DIR's store. Refuses while a live server holds the folder;
 * the store it replaces (with its WAL) moves to DATA_DIR/replaced-<time>/. Returns that folder.
 */
export function restoreSqlite(dataDir: string, backup: string, now = new Date()): { keptAt: string | null } {
  checkStore(backup);
  fs.mkdirSync(dataDir, { recursive: true });
  const holder = dataDirHolder(dataDir);
  if (holder !== null) throw new Error(`A server (pid ${holder}) is using ${dataDir}. Stop it, then restore.`);
  const release = holdDataDir(dataDir);
  try {
    const store = path.join(dataDir, DB_FILE);
    let keptAt: string | null = null;
    const existing = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`].filter((f) => fs.existsSync(path.join(dataDir, f)));
    if (existing.length) {
      keptAt = path.join(dataDir, `replaced-${now.toISOString().replace(/[:.]/g, '-')}`);
      fs.mkdirSync(keptAt);
      for (const f of existing) fs.renameSync(path.join(dataDir, f), path.join(keptAt, f));
    }
    fs.copyFileSync(backup, `${store}.partial`);
    fs.renameSync(`${store}.partial`, store);
    return { keptAt };
  } finally {
    release();
  }
}
