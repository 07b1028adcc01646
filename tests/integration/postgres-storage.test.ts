/**
 * What PostgreSQL adds to the storage contract (which it also passes): fencing between nodes,
 * a schema several nodes can start on at once, deletion that leaves no row, and an outage
 * reported as STORAGE_UNAVAILABLE. Real PostgreSQL, a database of each test's own.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStorage, SCHEMA_VERSION } from '../../server/storage/postgres.ts';
import { StaleEpoch, StorageUnavailable, type Storage, type WorkshopRecord } from '../../server/storage/storage.ts';
import { api } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { testDatabase } from '../helpers/services.ts';
import { tcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';

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

function keysOf(updates: Uint8Array[] | undefined): string[] {
  const doc = new Y.Doc();
  for (const u of updates ?? []) Y.applyUpdate(doc, u);
  return [...doc.getMap('m').keys()].sort();
}

let open: Storage[] = [];
let proxies: TcpProxy[] = [];
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close().catch(() => {});
  server = undefined;
  for (const s of open) await s.close().catch(() => {});
  for (const p of proxies) await p.close();
  open = [];
  proxies = [];
});

/** A node's storage: its own pool on the shared test database. */
async function node(url: string): Promise<Storage> {
  const s = await openPostgresStorage(url);
  open.push(s);
  return s;
}

describe('fencing: a write carrying an older lease epoch is refused', () => {
  it('refuses appends, compactions and replacements from an older epoch, storing nothing of the batch', async () => {
    const { url } = await testDatabase();
    const s = await node(url);
    await s.createWorkshop(record('AAAAAA'), new Map([['ledger', edit('start')]]));
    await s.createWorkshop(record('BBBBBB'), new Map([['ledger', edit('start')]]));
    await s.claim('AAAAAA', 5);
    await s.appendUpdates([{ code: 'AAAAAA', doc: 'ledger', update: edit('by-5'), epoch: 5 }]);
    // The same owner writes again and again under the same epoch.
    await s.appendUpdates([{ code: 'AAAAAA', doc: 'ledger', update: edit('by-5-again'), epoch: 5 }]);
    await s.claim('AAAAAA', 6);

    // A batch of two rooms, one of them stale: refused whole, B's update is not stored either.
    const refused = s.appendUpdates([
      { code: 'BBBBBB', doc: 'ledger', update: edit('b-late'), epoch: 1 },
      { code: 'AAAAAA', doc: 'ledger', update: edit('by-5-late'), epoch: 5 },
    ]);
    await expect(refused).rejects.toBeInstanceOf(StaleEpoch);
    await expect(refused).rejects.toMatchObject({ code: 'AAAAAA', offered: 5, recorded: 6 });
    expect(keysOf((await s.loadDocuments('AAAAAA')).get('ledger')?.updates)).toEqual(['by-5', 'by-5-again', 'start']);
    expect(keysOf((await s.loadDocuments('BBBBBB')).get('ledger')?.updates)).toEqual(['start']);

    const before = await s.loadDocuments('AAAAAA');
    await expect(s.compact('AAAAAA', 'ledger', edit('stale snapshot'), before.get('ledger')!.lastSeq, 5)).rejects.toBeInstanceOf(StaleEpoch);
    await expect(s.replaceDocuments('AAAAAA', new Map([['ledger', edit('stale replace')]]), 2, 5)).rejects.toBeInstanceOf(StaleEpoch);
    await expect(s.claim('AAAAAA', 4)).rejects.toBeInstanceOf(StaleEpoch);
    // A claim of the recorded epoch itself is refused too: after Redis lost its counters it hands
    // out low epochs again, and a second owner under the same epoch would pass the fence.
    await expect(s.claim('AAAAAA', 6)).rejects.toMatchObject({ name: 'StaleEpoch', offered: 6, recorded: 6 });
    expect(await s.loadDocuments('AAAAAA')).toEqual(before);

    // The current owner writes, compacts and replaces.
    const [seq] = await s.appendUpdates([{ code: 'AAAAAA', doc: 'ledger', update: edit('by-6'), epoch: 6 }]);
    const all = (await s.loadDocuments('AAAAAA')).get('ledger')!.updates;
    const merged = Y.mergeUpdates(all);
    await s.compact('AAAAAA', 'ledger', merged, seq!, 6);
    expect(keysOf((await s.loadDocuments('AAAAAA')).get('ledger')?.updates)).toEqual(['by-5', 'by-5-again', 'by-6', 'start']);
    await s.replaceDocuments('AAAAAA', new Map([['ledger', edit('replaced')]]), 2, 7);
    expect(keysOf((await s.loadDocuments('AAAAAA')).get('ledger')?.updates)).toEqual(['replaced']);
  });

  it('a paused owner that wakes up cannot write, and the new owner loads everything the old one committed', async () => {
    const { url } = await testDatabase();
    const [a, b] = [await node(url), await node(url)];
    await a.createWorkshop(record('CCCCCC'), new Map([['ledger', edit('start')]]));
    await a.claim('CCCCCC', 1);
    await a.appendUpdates([{ code: 'CCCCCC', doc: 'ledger', update: edit('acked-by-a'), epoch: 1 }]);
    // A stops (paused past its lease); B takes the room over: claim first, then load.
    await b.claim('CCCCCC', 2);
    const loaded = await b.loadDocuments('CCCCCC');
    expect(keysOf(loaded.get('ledger')?.updates)).toEqual(['acked-by-a', 'start']);
    // A wakes up and carries on as if it still owned the room.
    await expect(a.appendUpdates([{ code: 'CCCCCC', doc: 'ledger', update: edit('after-wake'), epoch: 1 }])).rejects.toMatchObject({
      name: 'StaleEpoch',
      recorded: 2,
    });
    await b.appendUpdates([{ code: 'CCCCCC', doc: 'ledger', update: edit('by-b'), epoch: 2 }]);
    expect(keysOf((await b.loadDocuments('CCCCCC')).get('ledger')?.updates)).toEqual(['acked-by-a', 'by-b', 'start']);
  });

  it('an owner writing when another node takes over: what it got acknowledged comes first and is kept, nothing of it lands after', async () => {
    const { url } = await testDatabase();
    const [a, b] = [await node(url), await node(url)];
    await a.createWorkshop(record('DDDDDD'), new Map([['ledger', edit('start')]]));
    await a.claim('DDDDDD', 1);
    const acked: { key: string; seq: number; by: 'a' | 'b' }[] = [];
    let tenAcked!: () => void;
    const atTen = new Promise<void>((resolve) => (tenAcked = resolve));
    // A writes one update after another, as a room flushing its edits, until it is refused.
    const writerA = (async () => {
      for (let i = 0; ; i++) {
        try {
          const [seq] = await a.appendUpdates([{ code: 'DDDDDD', doc: 'ledger', update: edit(`a${i}`), epoch: 1 }]);
          acked.push({ key: `a${i}`, seq: seq!, by: 'a' });
          if (acked.length === 10) tenAcked();
        } catch (err) {
          return err;
        }
      }
    })();
    // B takes the room over while A is mid-stream: claim, load, then write its own.
    await atTen;
    await b.claim('DDDDDD', 2);
    const loaded = keysOf((await b.loadDocuments('DDDDDD')).get('ledger')?.updates);
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const [seq] = await b.appendUpdates([{ code: 'DDDDDD', doc: 'ledger', update: edit(`b${i}`), epoch: 2 }]);
        acked.push({ key: `b${i}`, seq: seq!, by: 'b' });
      }),
    );
    expect(await writerA).toBeInstanceOf(StaleEpoch);
    const ackedA = acked.filter((x) => x.by === 'a');
    expect(ackedA.length).toBeGreaterThanOrEqual(10);
    // B loaded every update A had been acknowledged for before the claim...
    for (const x of ackedA) expect(loaded).toContain(x.key);
    // ...and A got none acknowledged after it: all of A's come before all of B's.
    const firstB = Math.min(...acked.filter((x) => x.by === 'b').map((x) => x.seq));
    for (const x of ackedA) expect(x.seq).toBeLessThan(firstB);
    // What is stored is exactly what was acknowledged, each once.
    const stored = keysOf((await b.loadDocuments('DDDDDD')).get('ledger')?.updates).filter((k) => k !== 'start');
    expect(stored).toEqual(acked.map((x) => x.key).sort());
  });
});

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
  await s.createWorkshop(record('EEEEEE'), new Map([['ledger', edit('x')], ['p:1', edit('mine')]]));
  await s.addParticipant({ code: 'EEEEEE', id: 'p1', name: 'Ana', tokenHash: 't1', joinedAt: 5, removed: false });
  const [seq] = await s.appendUpdates([{ code: 'EEEEEE', doc: 'ledger', update: edit('y'), epoch: 3 }]);
  await s.compact('EEEEEE', 'ledger', edit('xy'), seq!, 3);
  await s.createWorkshop(record('FFFFFF'), new Map([['ledger', edit('kept')]]));
  await s.deleteWorkshop('EEEEEE');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (await c.query<{ table_name: string }>("SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'code'")).rows;
    expect(tables.map((t) => t.table_name).sort()).toEqual(['fences', 'participants', 'snapshots', 'updates', 'workshops']);
    for (const { table_name } of tables) {
      expect((await c.query(`SELECT count(*)::int AS n FROM ${table_name} WHERE code = $1`, ['EEEEEE'])).rows[0].n, table_name).toBe(0);
    }
    expect((await c.query('SELECT count(*)::int AS n FROM updates WHERE code = $1', ['FFFFFF'])).rows[0].n).toBe(1);
  } finally {
    await c.end();
  }
});

describe('PostgreSQL out of reach', () => {
  it('reads and writes fail as StorageUnavailable while the network is cut, and work again when it returns', async () => {
    const { url } = await testDatabase();
    const proxy = await tcpProxy(url);
    proxies.push(proxy);
    const s = await node(proxy.url);
    await s.createWorkshop(record('GGGGGG'), new Map([['ledger', edit('before')]]));
    proxy.cut();
    await expect(s.appendUpdates([{ code: 'GGGGGG', doc: 'ledger', update: edit('during') }])).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(s.getWorkshop('GGGGGG')).rejects.toBeInstanceOf(StorageUnavailable);
    proxy.restore();
    await s.appendUpdates([{ code: 'GGGGGG', doc: 'ledger', update: edit('after') }]);
    expect(keysOf((await s.loadDocuments('GGGGGG')).get('ledger')?.updates)).toEqual(['after', 'before']);
  });

  it('the app on DATABASE_URL answers 503 STORAGE_UNAVAILABLE while PostgreSQL is out of reach, and serves again after', async () => {
    const { url } = await testDatabase();
    const proxy = await tcpProxy(url);
    proxies.push(proxy);
    server = await startServer({ DATABASE_URL: proxy.url });
    const created = await api<{ code: string }>(server.url, 'POST', '/api/workshops', { title: 'On PostgreSQL' });
    expect(created.status).toBe(201);
    proxy.cut();
    const refused = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', { title: 'During the cut' });
    expect([refused.status, refused.json?.error?.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
    proxy.restore();
    const info = await api<{ title: string }>(server.url, 'GET', `/api/workshops/${created.json!.code}`);
    expect([info.status, info.json?.title]).toEqual([200, 'On PostgreSQL']);
  });
});
