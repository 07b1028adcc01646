/**
 * PostgreSQL storage (cluster mode: several nodes share it), with node-postgres.
 * The same layout as SQLite: per (workshop, document) an append log plus a compacted
 * snapshot. Adds fencing: each workshop keeps the newest lease epoch that wrote to it, and a
 * write carrying an older one is refused (StaleEpoch) inside the same transaction.
 */
import pg from 'pg';
import {
  StaleEpoch,
  StorageConflict,
  StorageUnavailable,
  translatingErrors,
  type DocUpdate,
  type Storage,
  type StoredDocument,
  type WorkshopRecord,
} from './storage.ts';

/**
 * Migrations by version, applied in order at start under an advisory lock, so that several
 * nodes starting together apply each exactly once. Append new versions; never edit old ones.
 */
const MIGRATIONS: readonly string[] = [
  // 1: the layout of SQLite's version 2, plus the fencing epoch per workshop.
  `
  CREATE TABLE workshops (
    code text PRIMARY KEY,
    title text NOT NULL,
    facilitator_key_hash text NOT NULL,
    viewer_key text NOT NULL DEFAULT '',
    created_at bigint NOT NULL,
    last_active_at bigint NOT NULL,
    format integer NOT NULL DEFAULT 1
  );
  CREATE INDEX workshops_last_active ON workshops (last_active_at);
  CREATE TABLE participants (
    code text NOT NULL REFERENCES workshops (code) ON DELETE CASCADE,
    id text NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL,
    joined_at bigint NOT NULL,
    removed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (code, id),
    UNIQUE (code, token_hash)
  );
  CREATE TABLE updates (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL REFERENCES workshops (code) ON DELETE CASCADE,
    doc text NOT NULL,
    data bytea NOT NULL
  );
  CREATE INDEX updates_code_doc_seq ON updates (code, doc, seq);
  CREATE TABLE snapshots (
    code text NOT NULL REFERENCES workshops (code) ON DELETE CASCADE,
    doc text NOT NULL,
    data bytea NOT NULL,
    up_to_seq bigint NOT NULL,
    PRIMARY KEY (code, doc)
  );
  CREATE TABLE fences (
    code text PRIMARY KEY REFERENCES workshops (code) ON DELETE CASCADE,
    epoch bigint NOT NULL
  );
  `,
  // 2: the report link's key ('' while there is none).
  `ALTER TABLE workshops ADD COLUMN report_key text NOT NULL DEFAULT '';`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Any constant: the key of the advisory lock migrations hold. */
const MIGRATION_LOCK = 0x5_0c1a1;

async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const row = (await c.query<{ version: number }>('SELECT version FROM schema_version')).rows[0];
    const from = row?.version ?? 0;
    if (from > SCHEMA_VERSION)
      throw new Error(`The database has schema version ${from}; this server knows up to ${SCHEMA_VERSION}. Upgrade the server.`);
    for (let v = from; v < SCHEMA_VERSION; v++) await c.query(MIGRATIONS[v]!);
    if (!row) await c.query('INSERT INTO schema_version (version) VALUES ($1)', [SCHEMA_VERSION]);
    else if (from < SCHEMA_VERSION) await c.query('UPDATE schema_version SET version = $1', [SCHEMA_VERSION]);
  });
}

async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client whose socket dies emits 'error'; unheard, that would crash the process.
  // The query under way fails with it anyway; here it only marks the client as not reusable.
  const onSocketError = (err: Error) => (broken = err);
  c.on('error', onSocketError);
  try {
    await c.query('BEGIN');
    const result = await fn(c);
    await c.query('COMMIT');
    return result;
  } catch (err) {
    if (fromPostgres(err) instanceof StorageUnavailable) {
      // The connection hung or died: a ROLLBACK would wait behind it for a second query timeout
      // (the refusal then came after a phone had given up waiting). Dropping the connection
      // rolls the transaction back on the server.
      broken ??= err as Error;
    } else {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      await c.query('ROLLBACK').catch((e: Error) => (broken = e));
    }
    throw err;
  } finally {
    c.off('error', onSocketError);
    c.release(broken);
  }
}

/** Socket-level failures: the server is down, restarting or out of reach. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres' own words for a connection that ended or never came. */
const NETWORK_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection refused/i;

/**
 * SQLSTATE classes that mean "not now" rather than "never": connection exceptions (08),
 * insufficient resources such as a full disk (53), operator intervention such as a shutdown
 * (57P), system and I/O errors (58), a read-only standby (25006), and the transient
 * serialization failure and deadlock (40001, 40P01).
 */
function passing(sqlState: string): boolean {
  return /^(08|53|57P|58)/.test(sqlState) || sqlState === '25006' || sqlState === '40001' || sqlState === '40P01';
}

function fromPostgres(err: unknown): Error | null {
  if (err instanceof StaleEpoch || err instanceof StorageConflict || err instanceof StorageUnavailable) return null;
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  if (NETWORK_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && passing(code)) || NETWORK_MESSAGES.test(message)) {
    return new StorageUnavailable(`PostgreSQL: ${code || message}`, { cause: err });
  }
  return null;
}

const bytes = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/**
 * Records each (code, epoch) in `fences` and throws StaleEpoch when a newer epoch is already
 * there. The row locks it takes are held until the transaction ends, so a concurrent writer
 * with a newer epoch waits for this one and is then recorded after it: writes and claims of
 * one room are ordered by epoch. Codes are locked in sorted order, so two batches naming the
 * same rooms cannot deadlock.
 *
 * A claim must be strictly newer: two nodes can then never hold the same epoch, even when
 * Redis lost its counters and hands out an epoch storage has already recorded (it then
 * starts again from 1, the very epoch a room's first owner may still be writing under).
 */
async function fence(c: pg.PoolClient, epochs: ReadonlyMap<string, number>, claiming = false): Promise<void> {
  if (!epochs.size) return;
  const codes = [...epochs.keys()].sort();
  const offered = codes.map((code) => epochs.get(code)!);
  const { rows } = await c.query<{ code: string }>(
    `INSERT INTO fences (code, epoch)
     SELECT code, epoch FROM unnest($1::text[], $2::bigint[]) AS t(code, epoch) ORDER BY code
     ON CONFLICT (code) DO UPDATE SET epoch = excluded.epoch
       WHERE fences.epoch < excluded.epoch OR (fences.epoch = excluded.epoch AND NOT $3::boolean)
     RETURNING code`,
    [codes, offered, claiming],
  );
  if (rows.length === codes.length) return;
  const passed = new Set(rows.map((r) => r.code));
  const stale = codes.find((code) => !passed.has(code))!;
  const recorded = await c.query<{ epoch: string }>('SELECT epoch FROM fences WHERE code = $1', [stale]);
  throw new StaleEpoch(stale, epochs.get(stale)!, Number(recorded.rows[0]?.epoch ?? 0));
}

/** The epoch each workshop of a batch is written under (the oldest, if a batch mixes them). */
function epochsOf(batch: readonly DocUpdate[]): Map<string, number> {
  const epochs = new Map<string, number>();
  for (const u of batch) {
    if (u.epoch === undefined) continue;
    const seen = epochs.get(u.code);
    if (seen === undefined || u.epoch < seen) epochs.set(u.code, u.epoch);
  }
  return epochs;
}

const one = (code: string, epoch: number | undefined) => new Map(epoch === undefined ? [] : [[code, epoch]]);

type WorkshopRow = {
  code: string;
  title: string;
  facilitator_key_hash: string;
  viewer_key: string;
  report_key: string;
  created_at: string;
  last_active_at: string;
  format: number;
};

const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
  code: r.code,
  title: r.title,
  facilitatorKeyHash: r.facilitator_key_hash,
  viewerKey: r.viewer_key,
  reportKey: r.report_key,
  createdAt: Number(r.created_at),
  lastActiveAt: Number(r.last_active_at),
  format: r.format,
});

export interface PostgresOptions {
  /** Connections this node keeps at most. */
  poolSize?: number;
  /** How long a query may take before the store counts as unavailable. */
  queryTimeoutMs?: number;
  /** Where a dropped idle connection is reported (the pool replaces it by itself). */
  onError?: (err: Error) => void;
}

/** Connects, creates or migrates the schema, and returns the storage. Fails when the database cannot be reached. */
export async function openPostgresStorage(url: string, opts: PostgresOptions = {}): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    // A new connection waits no longer than a query would: either way the write is refused
    // in time for the phone to hear why.
    connectionTimeoutMillis: Math.min(5_000, opts.queryTimeoutMs ?? 10_000),
    query_timeout: opts.queryTimeoutMs ?? 10_000,
    keepAlive: true,
  });
  // An idle connection the server drops must not crash the process: the pool discards it.
  pool.on('error', (err) => opts.onError?.(err));
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw fromPostgres(err) ?? err;
  }

  const insertDocs = async (c: pg.PoolClient, code: string, docs: ReadonlyMap<string, Uint8Array>) => {
    if (!docs.size) return;
    await c.query('INSERT INTO updates (code, doc, data) SELECT $1, doc, data FROM unnest($2::text[], $3::bytea[]) AS t(doc, data)', [
      code,
      [...docs.keys()],
      [...docs.values()].map(bytes),
    ]);
  };

  const storage: Storage = {
    async createWorkshop(w, docs) {
      try {
        await inTransaction(pool, async (c) => {
          await c.query(
            'INSERT INTO workshops (code, title, facilitator_key_hash, viewer_key, created_at, last_active_at, format) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [w.code, w.title, w.facilitatorKeyHash, w.viewerKey, w.createdAt, w.lastActiveAt, w.format],
          );
          await insertDocs(c, w.code, docs);
        });
      } catch (err) {
        if (
          (err as { code?: string; constraint?: string }).code === '23505' &&
          (err as { constraint?: string }).constraint === 'workshops_pkey'
        ) {
          throw new StorageConflict(`workshop ${w.code} exists`);
        }
        throw err;
      }
    },
    async getWorkshop(code) {
      const { rows } = await pool.query<WorkshopRow>('SELECT * FROM workshops WHERE code = $1', [code]);
      return rows[0] ? toWorkshop(rows[0]) : null;
    },
    async updateWorkshop(code, patch) {
      // COALESCE keeps what the patch leaves out; one statement, so both change together.
      await pool.query(
        'UPDATE workshops SET viewer_key = COALESCE($2, viewer_key), title = COALESCE($3, title), report_key = COALESCE($4, report_key) WHERE code = $1',
        [code, patch.viewerKey ?? null, patch.title ?? null, patch.reportKey ?? null],
      );
    },
    async deleteWorkshop(code) {
      // Participants, updates, snapshots and the fence go with it (ON DELETE CASCADE).
      await pool.query('DELETE FROM workshops WHERE code = $1', [code]);
    },
    async touchWorkshop(code, at) {
      await pool.query('UPDATE workshops SET last_active_at = GREATEST(last_active_at, $1) WHERE code = $2', [at, code]);
    },
    async listInactive(before) {
      const { rows } = await pool.query<{ code: string }>('SELECT code FROM workshops WHERE last_active_at < $1', [before]);
      return rows.map((r) => r.code);
    },
    async addParticipant(p) {
      await pool.query('INSERT INTO participants (code, id, name, token_hash, joined_at, removed) VALUES ($1, $2, $3, $4, $5, $6)', [
        p.code,
        p.id,
        p.name,
        p.tokenHash,
        p.joinedAt,
        p.removed,
      ]);
    },
    async findParticipantByToken(code, tokenHash) {
      const { rows } = await pool.query<{
        code: string;
        id: string;
        name: string;
        token_hash: string;
        joined_at: string;
        removed: boolean;
      }>('SELECT * FROM participants WHERE code = $1 AND token_hash = $2', [code, tokenHash]);
      const r = rows[0];
      return r
        ? { code: r.code, id: r.id, name: r.name, tokenHash: r.token_hash, joinedAt: Number(r.joined_at), removed: r.removed }
        : null;
    },
    async countParticipants(code) {
      const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM participants WHERE code = $1 AND NOT removed', [
        code,
      ]);
      return rows[0]?.n ?? 0;
    },
    async markParticipantRemoved(code, id) {
      await pool.query('UPDATE participants SET removed = true WHERE code = $1 AND id = $2', [code, id]);
    },
    async appendUpdates(batch) {
      if (!batch.length) return [];
      return inTransaction(pool, async (c) => {
        await fence(c, epochsOf(batch));
        // One statement for the whole batch. Identity values are drawn in the order the rows
        // are inserted (ORDER BY i), so the sorted sequence numbers map back to the batch order
        // whatever order RETURNING lists them in.
        const { rows } = await c.query<{ seq: string }>(
          `INSERT INTO updates (code, doc, data)
           SELECT code, doc, data FROM unnest($1::text[], $2::text[], $3::bytea[]) WITH ORDINALITY AS t(code, doc, data, i) ORDER BY i
           RETURNING seq`,
          [batch.map((u) => u.code), batch.map((u) => u.doc), batch.map((u) => bytes(u.update))],
        );
        return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
      });
    },
    async loadDocuments(code) {
      // One statement, so one snapshot of the tables: a compaction committing in between
      // cannot make us read the old snapshot and the already-trimmed log.
      const { rows } = await pool.query<{ doc: string; snapshot: boolean; seq: string; data: Buffer }>(
        `SELECT doc, true AS snapshot, up_to_seq AS seq, data FROM snapshots WHERE code = $1
         UNION ALL
         SELECT doc, false, seq, data FROM updates WHERE code = $1
         ORDER BY snapshot DESC, seq`,
        [code],
      );
      const docs = new Map<string, StoredDocument>();
      for (const row of rows) {
        let d = docs.get(row.doc);
        if (!d) docs.set(row.doc, (d = { updates: [], lastSeq: 0, bytes: 0 }));
        const seq = Number(row.seq);
        if (!row.snapshot && seq <= d.lastSeq) continue;
        d.updates.push(new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
        d.bytes += row.data.byteLength;
        d.lastSeq = seq;
      }
      return docs;
    },
    async compact(code, doc, state, upToSeq, epoch) {
      await inTransaction(pool, async (c) => {
        await fence(c, one(code, epoch));
        await c.query(
          `INSERT INTO snapshots (code, doc, data, up_to_seq) VALUES ($1, $2, $3, $4)
           ON CONFLICT (code, doc) DO UPDATE SET data = excluded.data, up_to_seq = excluded.up_to_seq`,
          [code, doc, bytes(state), upToSeq],
        );
        await c.query('DELETE FROM updates WHERE code = $1 AND doc = $2 AND seq <= $3', [code, doc, upToSeq]);
      });
    },
    async replaceDocuments(code, docs, format, epoch) {
      await inTransaction(pool, async (c) => {
        await fence(c, one(code, epoch));
        await c.query('DELETE FROM updates WHERE code = $1', [code]);
        await c.query('DELETE FROM snapshots WHERE code = $1', [code]);
        await insertDocs(c, code, docs);
        await c.query('UPDATE workshops SET format = $2 WHERE code = $1', [code, format]);
      });
    },
    async claim(code, epoch) {
      await inTransaction(pool, (c) => fence(c, one(code, epoch), true));
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
  return translatingErrors(storage, fromPostgres);
}
