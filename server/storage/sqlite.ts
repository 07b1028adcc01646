/** The embedded default: one SQLite file (WAL) through better-sqlite3. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from './checkpointer.ts';
import { holdDataDir } from './data-lock.ts';
import {
  StorageConflict,
  StorageUnavailable,
  translatingErrors,
  type DocUpdate,
  type Storage,
  type StoredDocument,
  type WorkshopRecord,
} from './storage.ts';

/** The layout this code writes; older files are upgraded in place when opened (`migrate`). */
const SCHEMA_VERSION = 3;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  code TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  facilitator_key_hash TEXT NOT NULL,
  viewer_key TEXT NOT NULL DEFAULT '',
  report_key TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL,
  format INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS workshops_last_active ON workshops(last_active_at);
CREATE TABLE IF NOT EXISTS participants (
  code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (code, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS participants_token ON participants(code, token_hash);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_code_doc_seq ON updates(code, doc, seq);
CREATE TABLE IF NOT EXISTS snapshots (
  code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
  doc TEXT NOT NULL,
  data BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL,
  PRIMARY KEY (code, doc)
);
`;

/**
 * Version 1 files (before per-person documents) kept one document per workshop: their updates
 * and snapshot become the document named "board", and the workshop keeps format 1 until its
 * room upgrades the content (server/rooms/upgrade-v1.ts). Runs in one transaction.
 */
function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const hasTables = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workshops'").get() !== undefined;
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    if (hasTables && version < 2) {
      db.exec(`
        ALTER TABLE workshops ADD COLUMN viewer_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE workshops ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE updates ADD COLUMN doc TEXT NOT NULL DEFAULT 'board';
        DROP INDEX IF EXISTS updates_code_seq;
        ALTER TABLE snapshots RENAME TO snapshots_v1;
      `);
    }
    // Version 3: the report link's key.
    if (hasTables && version < 3) db.exec(`ALTER TABLE workshops ADD COLUMN report_key TEXT NOT NULL DEFAULT '';`);
    db.exec(SCHEMA);
    if (hasTables && version < 2) {
      db.exec(`
        INSERT INTO snapshots (code, doc, data, up_to_seq) SELECT code, 'board', data, up_to_seq FROM snapshots_v1;
        DROP TABLE snapshots_v1;
      `);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

type WorkshopRow = {
  code: string;
  title: string;
  facilitator_key_hash: string;
  viewer_key: string;
  report_key: string;
  created_at: number;
  last_active_at: number;
  format: number;
};
type ParticipantRow = { code: string; id: string; name: string; token_hash: string; joined_at: number; removed: number };

/** SQLite's codes for a disk that is full, read-only or failing, or a file held by someone else. */
const UNAVAILABLE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|NOMEM)/;

function fromSqlite(err: unknown): Error | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE.test(code) ? new StorageUnavailable(`SQLite: ${code}`, { cause: err }) : null;
}

const blob = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export function openSqliteStorage(dataDir: string, fileName = 'social-shift.db'): Storage {
  fs.mkdirSync(dataDir, { recursive: true });
  // `npm run restore` will not swap the file while this process holds the folder.
  const release = holdDataDir(dataDir);
  const db = new Database(path.join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a process crash (SIGKILL); only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten, not left in free pages: a deleted workshop's candid views must be gone from the file.
  db.pragma('secure_delete = ON');
  migrate(db);
  const checkpointer = startCheckpointer(db, path.join(dataDir, fileName));

  const q = {
    insertWorkshop: db.prepare(
      'INSERT INTO workshops (code, title, facilitator_key_hash, viewer_key, created_at, last_active_at, format) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    setViewerKey: db.prepare('UPDATE workshops SET viewer_key = ? WHERE code = ?'),
    setReportKey: db.prepare('UPDATE workshops SET report_key = ? WHERE code = ?'),
    setTitle: db.prepare('UPDATE workshops SET title = ? WHERE code = ?'),
    setFormat: db.prepare('UPDATE workshops SET format = ? WHERE code = ?'),
    getWorkshop: db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE code = ?'),
    deleteWorkshop: db.prepare('DELETE FROM workshops WHERE code = ?'),
    deleteUpdates: db.prepare('DELETE FROM updates WHERE code = ?'),
    deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE code = ?'),
    deleteParticipants: db.prepare('DELETE FROM participants WHERE code = ?'),
    touch: db.prepare('UPDATE workshops SET last_active_at = MAX(last_active_at, ?) WHERE code = ?'),
    inactive: db.prepare<[number], { code: string }>('SELECT code FROM workshops WHERE last_active_at < ?'),
    insertParticipant: db.prepare('INSERT INTO participants (code, id, name, token_hash, joined_at, removed) VALUES (?, ?, ?, ?, ?, ?)'),
    participantByToken: db.prepare<[string, string], ParticipantRow>('SELECT * FROM participants WHERE code = ? AND token_hash = ?'),
    countParticipants: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM participants WHERE code = ? AND removed = 0'),
    removeParticipant: db.prepare('UPDATE participants SET removed = 1 WHERE code = ? AND id = ?'),
    appendUpdate: db.prepare('INSERT INTO updates (code, doc, data) VALUES (?, ?, ?)'),
    snapshots: db.prepare<[string], { doc: string; data: Buffer; up_to_seq: number }>(
      'SELECT doc, data, up_to_seq FROM snapshots WHERE code = ?',
    ),
    updates: db.prepare<[string], { doc: string; seq: number; data: Buffer }>(
      'SELECT doc, seq, data FROM updates WHERE code = ? ORDER BY seq',
    ),
    upsertSnapshot: db.prepare(
      'INSERT INTO snapshots (code, doc, data, up_to_seq) VALUES (?, ?, ?, ?) ON CONFLICT(code, doc) DO UPDATE SET data = excluded.data, up_to_seq = excluded.up_to_seq',
    ),
    deleteUpdatesUpTo: db.prepare('DELETE FROM updates WHERE code = ? AND doc = ? AND seq <= ?'),
    // Reads the file, not a constant: a deleted or unreadable database fails it.
    ping: db.prepare("SELECT COUNT(*) FROM workshops WHERE code = ''"),
  };

  const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
    code: r.code,
    title: r.title,
    facilitatorKeyHash: r.facilitator_key_hash,
    viewerKey: r.viewer_key,
    reportKey: r.report_key,
    createdAt: r.created_at,
    lastActiveAt: r.last_active_at,
    format: r.format,
  });

  const create = db.transaction((w: WorkshopRecord, docs: ReadonlyMap<string, Uint8Array>) => {
    q.insertWorkshop.run(w.code, w.title, w.facilitatorKeyHash, w.viewerKey, w.createdAt, w.lastActiveAt, w.format);
    for (const [doc, state] of docs) q.appendUpdate.run(w.code, doc, blob(state));
  });
  const insert = (batch: readonly DocUpdate[]) =>
    batch.map((u) => Number(q.appendUpdate.run(u.code, u.doc, blob(u.update)).lastInsertRowid));
  const append = db.transaction(insert);
  const appendAll = db.transaction((batches: ReadonlyArray<readonly DocUpdate[]>) => batches.map(insert));

  /**
   * Appends asked for in one stretch of synchronous code (the rooms flushed in one event-loop
   * turn: see `Room`'s flush scheduling) share one transaction: one commit, one write of the
   * WAL's pages, instead of one per room. Each caller still hears only after that commit. When
   * the shared transaction fails, each batch is tried alone, so one refused batch (a workshop
   * deleted meanwhile) does not refuse the others, and a batch is still all or nothing.
   */
  let queued: Array<{ batch: readonly DocUpdate[]; resolve: (seqs: number[]) => void; reject: (err: unknown) => void }> = [];
  const commitQueued = () => {
    const jobs = queued;
    queued = [];
    if (jobs.length > 1) {
      try {
        const seqs = appendAll(jobs.map((j) => j.batch));
        jobs.forEach((j, i) => j.resolve(seqs[i]!));
        return;
      } catch {
        // Each alone below, to find whose batch it was.
      }
    }
    for (const j of jobs) {
      try {
        j.resolve(append(j.batch));
      } catch (err) {
        j.reject(err);
      }
    }
  };
  const replace = db.transaction((code: string, docs: ReadonlyMap<string, Uint8Array>, format: number) => {
    q.deleteUpdates.run(code);
    q.deleteSnapshot.run(code);
    for (const [doc, state] of docs) q.appendUpdate.run(code, doc, blob(state));
    q.setFormat.run(format, code);
  });
  const remove = db.transaction((code: string) => {
    q.deleteUpdates.run(code);
    q.deleteSnapshot.run(code);
    q.deleteParticipants.run(code);
    q.deleteWorkshop.run(code);
  });
  const compact = db.transaction((code: string, doc: string, state: Uint8Array, upTo: number) => {
    q.upsertSnapshot.run(code, doc, blob(state), upTo);
    q.deleteUpdatesUpTo.run(code, doc, upTo);
  });

  const storage: Storage = {
    async createWorkshop(record, docs) {
      try {
        create(record, docs);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StorageConflict(`workshop ${record.code} exists`);
        throw err;
      }
    },
    async getWorkshop(code) {
      const row = q.getWorkshop.get(code);
      return row ? toWorkshop(row) : null;
    },
    async deleteWorkshop(code) {
      remove(code);
      // The WAL still holds the old pages until a checkpoint; fold it in and empty it now.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async updateWorkshop(code, patch) {
      if (patch.viewerKey !== undefined) q.setViewerKey.run(patch.viewerKey, code);
      if (patch.reportKey !== undefined) q.setReportKey.run(patch.reportKey, code);
      if (patch.title !== undefined) q.setTitle.run(patch.title, code);
    },
    async touchWorkshop(code, at) {
      q.touch.run(at, code);
    },
    async listInactive(before) {
      return q.inactive.all(before).map((r) => r.code);
    },
    async addParticipant(p) {
      q.insertParticipant.run(p.code, p.id, p.name, p.tokenHash, p.joinedAt, p.removed ? 1 : 0);
    },
    async findParticipantByToken(code, tokenHash) {
      const r = q.participantByToken.get(code, tokenHash);
      return r ? { code: r.code, id: r.id, name: r.name, tokenHash: r.token_hash, joinedAt: r.joined_at, removed: r.removed === 1 } : null;
    },
    async countParticipants(code) {
      return q.countParticipants.get(code)?.n ?? 0;
    },
    async markParticipantRemoved(code, id) {
      q.removeParticipant.run(code, id);
    },
    appendUpdates(batch) {
      if (!batch.length) return Promise.resolve([]);
      return new Promise((resolve, reject) => {
        if (queued.push({ batch, resolve, reject }) === 1) queueMicrotask(commitQueued);
      });
    },
    async loadDocuments(code) {
      const docs = new Map<string, StoredDocument>();
      const of = (name: string) => {
        let d = docs.get(name);
        if (!d) docs.set(name, (d = { updates: [], lastSeq: 0, bytes: 0 }));
        return d;
      };
      for (const snap of q.snapshots.all(code)) {
        const d = of(snap.doc);
        d.updates.push(new Uint8Array(snap.data));
        d.bytes += snap.data.byteLength;
        d.lastSeq = snap.up_to_seq;
      }
      for (const row of q.updates.iterate(code)) {
        const d = of(row.doc);
        if (row.seq <= d.lastSeq) continue;
        d.updates.push(new Uint8Array(row.data));
        d.bytes += row.data.byteLength;
        d.lastSeq = row.seq;
      }
      return docs;
    },
    async compact(code, doc, state, upToSeq) {
      compact(code, doc, state, upToSeq);
    },
    async replaceDocuments(code, docs, format) {
      replace(code, docs, format);
    },
    // One node, one writer: there is no one to fence, so epochs are accepted and ignored.
    async claim() {},
    async ping() {
      q.ping.get();
    },
    async close() {
      await checkpointer.stop();
      if (db.open) {
        // Fold the WAL into the file on a clean stop.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
      release();
    },
  };
  return translatingErrors(storage, fromSqlite);
}
