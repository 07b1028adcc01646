/**
 * BACKUP_EVERY_MINUTES: rotating copies of the SQLite store in DATA_DIR/backups/, the newest
 * BACKUPS_KEPT kept. A copy on the same disk guards against a bad restore or a deleted
 * workshop, not a lost disk: copy the folder elsewhere too (docs/operations.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupSqlite } from './sqlite-backup.ts';

export function scheduleBackups(opts: { dataDir: string; everyMs: number; keep: number; onError: (err: unknown) => void }): () => void {
  const folder = path.join(opts.dataDir, 'backups');
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await backupSqlite(opts.dataDir, path.join(folder, `social-shift-${new Date().toISOString().replace(/[:.]/g, '-')}.db`));
      // The names sort by time: drop all but the newest `keep`.
      const copies = fs
        .readdirSync(folder)
        .filter((f) => /^social-shift-.*\.db$/.test(f))
        .sort();
      for (const f of copies.slice(0, Math.max(0, copies.length - opts.keep))) fs.rmSync(path.join(folder, f), { force: true });
    } catch (err) {
      opts.onError(err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), opts.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
