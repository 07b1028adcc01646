/**
 * What PostgreSQL adds to the storage contract (which it also passes, with fencing and the
 * network cut: tests/integration/storage-contract.test.ts): a schema several nodes can start
 * on at once, and deletion that leaves no row. Real PostgreSQL, a database of each test's own.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStorage, SCHEMA_VERSION } from '../../server/storage/postgres.ts';
import type { Storage, WorkshopRecord } from '../../server/storage/storage.ts';
import { testDatabase } from '../helpers/services.ts';

const record = (code: string): WorkshopRecord => ({
  code,
  title: 'T',
  facilitatorKeyHash: 'h'.repeat(64),
  viewerKey: `view-${code}`,
  createdAt: 1_000,
  lastActiveAt: 1_000,
  format: 2,
});

/** A small Yjs update that sets m.k = text, on a doc of its own (so every update is new content). */
function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(text, true);
  return Y.encodeStateAsUpdate(doc);
}

let open: Storage[] = [];
afterEach(async () => {
  for (const s of open) await s.close().catch(() => {});
  open = [];
});

/** A node's storage: its own pool on the shared test database. */
async function node(url: string): Promise<Storage> {
  const s = await openPostgresStorage(url);
  open.push(s);
  return s;
}

describe('schema', () => {
  it('is created once when several nodes start on an empty database together, and a newer schema is refused', async () => {
    const { url } = await testDatabase();
    await Promise.all([node(url), node(url), node(url)]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      expect((await c.query('SELECT version FROM schema_version')).rows).toEqual([{ version: SCHEMA_VERSION }]);
      await c.query('UPDATE schema_version SET version = $1', [SCHEMA_VERSION + 1]);
    } finally {
      await c.end();
    }
    await expect(openPostgresStorage(url)).rejects.toThrow(/Upgrade the server/);
  });
});

it('deleting a workshop leaves no row of it in any table', async () => {
  const { url } = await testDatabase();
  const s = await node(url);
  await s.createWorkshop(
    record('EEEEEE'),
    new Map([
      ['ledger', edit('x')],
      ['p:1', edit('mine')],
    ]),
  );
  await s.addParticipant({ code: 'EEEEEE', id: 'p1', name: 'Ana', tokenHash: 't1', joinedAt: 5, removed: false });
  const [seq] = await s.appendUpdates([{ code: 'EEEEEE', doc: 'ledger', update: edit('y'), epoch: 3 }]);
  await s.compact('EEEEEE', 'ledger', edit('xy'), seq!, 3);
  await s.createWorkshop(record('FFFFFF'), new Map([['ledger', edit('kept')]]));
  await s.deleteWorkshop('EEEEEE');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (
      await c.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'code'",
      )
    ).rows;
    expect(tables.map((t) => t.table_name).sort()).toEqual(['fences', 'participants', 'snapshots', 'updates', 'workshops']);
    for (const { table_name } of tables) {
      expect((await c.query(`SELECT count(*)::int AS n FROM ${table_name} WHERE code = $1`, ['EEEEEE'])).rows[0].n, table_name).toBe(0);
    }
    expect((await c.query('SELECT count(*)::int AS n FROM updates WHERE code = $1', ['FFFFFF'])).rows[0].n).toBe(1);
  } finally {
    await c.end();
  }
});
