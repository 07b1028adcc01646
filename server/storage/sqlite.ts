/** The embedded default: one SQLite file (WAL) through better-sqlite3. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from './checkpointer.ts';
import { StorageConflict, type ParticipantRecord, type Storage, type StoredDocument, type WorkshopRecord } from './storage.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  code TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  facilitator_key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL
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
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_code_seq ON updates(code, seq);
CREATE TABLE IF NOT EXISTS snapshots (
  code TEXT PRIMARY KEY REFERENCES workshops(code) ON DELETE CASCADE,
  data BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL
);
`;

type WorkshopRow = { code: string; title: string; facilitator_key_hash: string; created_at: number; last_active_at: number };
type ParticipantRow = { code: string; id: string; name: string; token_hash: string; joined_at: number; removed: number };

export function openSqliteStorage(dataDir: string, fileName = 'social-shift.db'): Storage {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a process crash (SIGKILL); only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten, not left in free pages: a deleted workshop's candid views must be gone from the file.
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA);
  const checkpointer = startCheckpointer(db, path.join(dataDir, fileName));

  const q = {
    insertWorkshop: db.prepare('INSERT INTO workshops (code, title, facilitator_key_hash, created_at, last_active_at) VALUES (?, ?, ?, ?, ?)'),
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
    appendUpdate: db.prepare('INSERT INTO updates (code, data) VALUES (?, ?)'),
    snapshot: db.prepare<[string], { data: Buffer; up_to_seq: number }>('SELECT data, up_to_seq FROM snapshots WHERE code = ?'),
    updatesAfter: db.prepare<[string, number], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE code = ? AND seq > ? ORDER BY seq'),
    upsertSnapshot: db.prepare('INSERT INTO snapshots (code, data, up_to_seq) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET data = excluded.data, up_to_seq = excluded.up_to_seq'),
    deleteUpdatesUpTo: db.prepare('DELETE FROM updates WHERE code = ? AND seq <= ?'),
  };

  const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
    code: r.code,
    title: r.title,
    facilitatorKeyHash: r.facilitator_key_hash,
    createdAt: r.created_at,
    lastActiveAt: r.last_active_at,
  });

  const create = db.transaction((w: WorkshopRecord, state: Uint8Array) => {
    q.insertWorkshop.run(w.code, w.title, w.facilitatorKeyHash, w.createdAt, w.lastActiveAt);
    q.appendUpdate.run(w.code, Buffer.from(state));
  });
  const remove = db.transaction((code: string) => {
    q.deleteUpdates.run(code);
    q.deleteSnapshot.run(code);
    q.deleteParticipants.run(code);
    q.deleteWorkshop.run(code);
  });
  const compact = db.transaction((code: string, state: Uint8Array, upTo: number) => {
    q.upsertSnapshot.run(code, Buffer.from(state), upTo);
    q.deleteUpdatesUpTo.run(code, upTo);
  });

  return {
    async createWorkshop(record, initialState) {
      try {
        create(record, initialState);
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
    async appendUpdate(code, update) {
      return Number(q.appendUpdate.run(code, Buffer.from(update.buffer, update.byteOffset, update.byteLength)).lastInsertRowid);
    },
    async loadDocument(code): Promise<StoredDocument> {
      const snap = q.snapshot.get(code);
      const updates: Uint8Array[] = [];
      let bytes = 0;
      let lastSeq = snap?.up_to_seq ?? 0;
      if (snap) {
        updates.push(new Uint8Array(snap.data));
        bytes += snap.data.byteLength;
      }
      for (const row of q.updatesAfter.iterate(code, lastSeq)) {
        updates.push(new Uint8Array(row.data));
        bytes += row.data.byteLength;
        lastSeq = row.seq;
      }
      return { updates, lastSeq, bytes };
    },
    async compact(code, state, upToSeq) {
      compact(code, state, upToSeq);
    },
    async close() {
      await checkpointer.stop();
      if (db.open) {
        // Fold the WAL into the file on a clean stop.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}
