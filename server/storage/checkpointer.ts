/**
 * Runs SQLite's WAL checkpoints on a worker thread with its own connection, so
 * the event loop never stalls copying pages into the database file. SQLite lets
 * a PASSIVE checkpoint run beside writers; if the worker fails, automatic
 * checkpoints come back on the main connection so the WAL cannot grow forever.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

// Plain CommonJS so it runs the same under tsx, node and vitest.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
// data_version changes when another connection commits: an idle database costs one cheap read a tick.
const version = db.prepare('PRAGMA data_version').pluck();
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
let seen = null;
const timer = setInterval(() => {
  try {
    const now = version.get();
    if (now === seen) return;
    checkpoint.get();
    seen = now;
  } catch {}
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(db: Database.Database, file: string, everyMs = 1_000): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, everyMs } });
  worker.unref();
  let stopped = false;
  let stopping: Promise<void> | null = null;
  const fallBack = () => {
    if (!stopped && db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  let exited = false;
  worker.on('error', fallBack);
  worker.on('exit', () => {
    exited = true;
    fallBack();
  });
  return {
    stop() {
      stopped = true;
      stopping ??= new Promise<void>((resolve) => {
        const done = () => resolve();
        if (exited) return done();
        worker.once('message', () => void worker.terminate().then(done, done));
        worker.once('exit', done);
        worker.postMessage('close');
      });
      return stopping;
    },
  };
}
