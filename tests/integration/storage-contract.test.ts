/**
 * The storage contract: every backend must pass this suite. SQLite is the default; PostgreSQL
 * (cluster mode) runs on a database of each test's own (tests/helpers/services.ts).
 *
 * Beside what every backend stores, two things the cluster leans on are held here too, so that
 * a new backend cannot pass while breaking them: fencing (`claim`, StaleEpoch), which a backend
 * declares, and the app runs a cluster only on a backend that declares it; and a real fault
 * of the backend's own kind, during which writes are refused as StorageUnavailable and after
 * which the same handle works again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { openPostgresStorage } from '../../server/storage/postgres.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import { StaleEpoch, StorageConflict, StorageUnavailable, type Storage, type WorkshopRecord } from '../../server/storage/storage.ts';
import { api } from '../helpers/clients.ts';
import { startServer, tempDir, type TestServer } from '../helpers/server.ts';
import { testDatabase, testRedis } from '../helpers/services.ts';
import { tcpProxy } from '../helpers/tcp-proxy.ts';

/** One store of a test's own, and what can be done to it from outside. */
interface Store {
  /** The environment that makes the app use this store. */
  env: Record<string, string>;
  /** A new handle on the store: the same node restarted, or another node. */
  open(): Promise<Storage>;
  /** Causes the backend's fault for real; the returned function ends it. */
  outage(): Promise<() => Promise<void>>;
}

interface Backend {
  name: string;
  /**
   * Whether `claim` fences writers by lease epoch, so that several nodes may share the store
   * (cluster mode). One that does not accepts every epoch, and the app must not cluster on it.
   */
  fencing: boolean;
  /** The fault caused by `outage`, as the tests' names say it. */
  fault: string;
  /** Whether reads are still answered during that fault (else they too are StorageUnavailable). */
  readsThroughFault: boolean;
  store(cleanup: Array<() => Promise<void>>): Promise<Store>;
}

const backends: Backend[] = [
  {
    name: 'sqlite',
    fencing: false,
    // A file has no network to cut, and root (as tests may run) writes to a read-only folder
    // anyway; another writer holding the file is a fault any machine can cause. Writes wait
    // out SQLite's busy timeout (5 s), then fail; reads go on (WAL).
    fault: 'the file held by another writer',
    readsThroughFault: true,
    async store() {
      const dir = tempDir();
      return {
        env: { DATA_DIR: dir },
        open: async () => openSqliteStorage(dir),
        async outage() {
          const other = new Database(path.join(dir, 'social-shift.db'));
          other.exec('BEGIN IMMEDIATE');
          return async () => {
            other.exec('ROLLBACK');
            other.close();
          };
        },
      };
    },
  },
  {
    name: 'postgres',
    fencing: true,
    fault: 'the network to PostgreSQL cut',
    readsThroughFault: false,
    async store(cleanup) {
      const { url } = await testDatabase();
      // Every handle goes through a proxy of the test's own, so the network can be cut.
      const proxy = await tcpProxy(url);
      cleanup.push(() => proxy.close());
      return {
        env: { DATABASE_URL: proxy.url },
        open: () => openPostgresStorage(proxy.url),
        async outage() {
          proxy.cut();
          return async () => proxy.restore();
        },
      };
    },
  },
];

const record = (code: string, lastActiveAt = 1_000): WorkshopRecord => ({
  code,
  title: 'T',
  facilitatorKeyHash: 'h'.repeat(64),
  viewerKey: `view-${code}`,
  createdAt: 1_000,
  lastActiveAt,
  format: 2,
});

function docWith(text: string): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', text);
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

const one = (name: string, update: Uint8Array) => new Map([[name, update]]);

function replay(updates: Uint8Array[] | undefined): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates ?? []) Y.applyUpdate(doc, u);
  return doc;
}

/** An update that adds the key `text` to m, on a doc of its own (so every update is new content). */
function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(text, true);
  return Y.encodeStateAsUpdate(doc);
}

function keysOf(updates: Uint8Array[] | undefined): string[] {
  return [...replay(updates).getMap('m').keys()].sort();
}

/** Records a doc's updates as they happen. */
function recorder(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
}

describe.each(backends)('storage contract: $name', (backend) => {
  let open: Storage[] = [];
  let cleanup: Array<() => Promise<void>> = [];
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close().catch(() => {});
    server = undefined;
    for (const s of open) await s.close().catch(() => {});
    for (const c of cleanup) await c();
    open = [];
    cleanup = [];
  });
  const handle = async (store: Store) => {
    const storage = await store.open();
    open.push(storage);
    return storage;
  };
  const fresh = async () => {
    const store = await backend.store(cleanup);
    return { store, storage: await handle(store), reopen: () => handle(store) };
  };

  it('answers a ping (the readiness probe)', async () => {
    const { storage } = await fresh();
    await expect(storage.ping()).resolves.toBeUndefined();
  });

  it('creates, reads and refuses a duplicate code', async () => {
    const { storage } = await fresh();
    await storage.createWorkshop(record('AAAAAA'), one('ledger', docWith('x').update));
    expect(await storage.getWorkshop('AAAAAA')).toMatchObject({ code: 'AAAAAA', title: 'T', viewerKey: 'view-AAAAAA', format: 2 });
    expect(await storage.getWorkshop('BBBBBB')).toBeNull();
    await expect(storage.createWorkshop(record('AAAAAA'), one('ledger', new Uint8Array([0, 0])))).rejects.toBeInstanceOf(StorageConflict);
  });

  it('keeps each document of a workshop apart, in order, across a reopen', async () => {
    const m = await fresh();
    const a = docWith('a1');
    const b = docWith('b1');
    await m.storage.createWorkshop(
      record('CCCCCC'),
      new Map([
        ['ledger', a.update],
        ['p:1', b.update],
      ]),
    );
    const ua = recorder(a.doc);
    const ub = recorder(b.doc);
    a.doc.getMap('m').set('k', 'a2');
    b.doc.getMap('m').set('k', 'b2');
    a.doc.getMap('m').set('k', 'a3');
    const seqs = await m.storage.appendUpdates([
      { code: 'CCCCCC', doc: 'ledger', update: ua[0]! },
      { code: 'CCCCCC', doc: 'p:1', update: ub[0]! },
    ]);
    const [last] = await m.storage.appendUpdates([{ code: 'CCCCCC', doc: 'ledger', update: ua[1]! }]);
    expect(seqs).toHaveLength(2);
    expect(seqs[1]!).toBeGreaterThan(seqs[0]!);
    expect(last!).toBeGreaterThan(seqs[1]!);
    await m.storage.close();
    const again = await m.reopen();
    const docs = await again.loadDocuments('CCCCCC');
    expect([...docs.keys()].sort()).toEqual(['ledger', 'p:1']);
    expect(docs.get('ledger')!.updates).toHaveLength(3);
    expect(docs.get('ledger')!.lastSeq).toBe(last);
    expect(replay(docs.get('ledger')!.updates).getMap('m').get('k')).toBe('a3');
    expect(replay(docs.get('p:1')!.updates).getMap('m').get('k')).toBe('b2');
  });

  it('appends a batch of several workshops in one call, and nothing of a batch that fails', async () => {
    const { storage } = await fresh();
    await storage.createWorkshop(record('DDDDDD'), one('ledger', docWith('d').update));
    await storage.createWorkshop(record('EEEEEE'), one('ledger', docWith('e').update));
    const d = docWith('d2').update;
    const e = docWith('e2').update;
    const seqs = await storage.appendUpdates([
      { code: 'DDDDDD', doc: 'ledger', update: d },
      { code: 'EEEEEE', doc: 'ledger', update: e },
    ]);
    expect(new Set(seqs).size).toBe(2);
    expect((await storage.loadDocuments('DDDDDD')).get('ledger')!.updates).toHaveLength(2);
    expect((await storage.loadDocuments('EEEEEE')).get('ledger')!.updates).toHaveLength(2);
    // A batch naming a workshop that does not exist is refused whole.
    await expect(
      storage.appendUpdates([
        { code: 'DDDDDD', doc: 'ledger', update: d },
        { code: 'ZZZZZZ', doc: 'ledger', update: e },
      ]),
    ).rejects.toThrow();
    expect((await storage.loadDocuments('DDDDDD')).get('ledger')!.updates).toHaveLength(2);
    expect(await storage.appendUpdates([])).toEqual([]);
  });

  it('keeps appends asked for in the same turn apart: each its own sequence numbers, each all or nothing', async () => {
    const { storage } = await fresh();
    await storage.createWorkshop(record('FFFFFF'), one('ledger', docWith('f').update));
    await storage.createWorkshop(record('GGGGGG'), one('ledger', docWith('g').update));
    const f = docWith('f2').update;
    const g = docWith('g2').update;
    // Several rooms flushing in one turn, one of them writing to a workshop deleted meanwhile.
    const results = await Promise.allSettled([
      storage.appendUpdates([{ code: 'FFFFFF', doc: 'ledger', update: f }]),
      storage.appendUpdates([
        { code: 'GGGGGG', doc: 'ledger', update: g },
        { code: 'ZZZZZZ', doc: 'ledger', update: g },
      ]),
      storage.appendUpdates([
        { code: 'GGGGGG', doc: 'p:1', update: g },
        { code: 'FFFFFF', doc: 'p:1', update: f },
      ]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [first, , third] = results as Array<PromiseFulfilledResult<number[]>>;
    expect(first!.value).toHaveLength(1);
    expect(third!.value).toHaveLength(2);
    expect(third!.value[1]!).toBeGreaterThan(third!.value[0]!);
    expect(third!.value[0]!).toBeGreaterThan(first!.value[0]!);
    const fDocs = await storage.loadDocuments('FFFFFF');
    const gDocs = await storage.loadDocuments('GGGGGG');
    expect(fDocs.get('ledger')!.updates).toHaveLength(2);
    expect(fDocs.get('ledger')!.lastSeq).toBe(first!.value[0]);
    expect(fDocs.get('p:1')!.lastSeq).toBe(third!.value[1]);
    // Nothing of the refused batch, not even its part for a workshop that exists.
    expect(gDocs.get('ledger')!.updates).toHaveLength(1);
    expect(gDocs.get('p:1')!.lastSeq).toBe(third!.value[0]);
  });

  it('compacts one document into a snapshot and keeps later updates and other documents', async () => {
    const { storage } = await fresh();
    const { doc, update } = docWith('a');
    const other = docWith('other');
    await storage.createWorkshop(
      record('FFFFFF'),
      new Map([
        ['ledger', update],
        ['p:1', other.update],
      ]),
    );
    const updates = recorder(doc);
    doc.getMap('m').set('k', 'b');
    const [seq] = await storage.appendUpdates([{ code: 'FFFFFF', doc: 'ledger', update: updates[0]! }]);
    await storage.compact('FFFFFF', 'ledger', Y.encodeStateAsUpdate(doc), seq!);
    doc.getMap('m').set('k', 'c');
    await storage.appendUpdates([{ code: 'FFFFFF', doc: 'ledger', update: updates[1]! }]);
    const docs = await storage.loadDocuments('FFFFFF');
    expect(docs.get('ledger')!.updates).toHaveLength(2);
    expect(replay(docs.get('ledger')!.updates).getMap('m').get('k')).toBe('c');
    expect(replay(docs.get('p:1')!.updates).getMap('m').get('k')).toBe('other');
  });

  it('replaces every document and the format at once (an upgrade)', async () => {
    const { storage } = await fresh();
    await storage.createWorkshop({ ...record('GGGGGG'), format: 1 }, one('board', docWith('old').update));
    await storage.appendUpdates([{ code: 'GGGGGG', doc: 'board', update: docWith('old2').update }]);
    await storage.replaceDocuments(
      'GGGGGG',
      new Map([
        ['ledger', docWith('new').update],
        ['p:x', docWith('mine').update],
      ]),
      2,
    );
    const docs = await storage.loadDocuments('GGGGGG');
    expect([...docs.keys()].sort()).toEqual(['ledger', 'p:x']);
    expect(replay(docs.get('ledger')!.updates).getMap('m').get('k')).toBe('new');
    expect((await storage.getWorkshop('GGGGGG'))!.format).toBe(2);
  });

  it('updates the viewer key, the report key and title', async () => {
    const { storage } = await fresh();
    await storage.createWorkshop(record('HHHHHH'), one('ledger', docWith('x').update));
    expect(await storage.getWorkshop('HHHHHH')).toMatchObject({ reportKey: '' });
    await storage.updateWorkshop('HHHHHH', { viewerKey: 'rotated' });
    await storage.updateWorkshop('HHHHHH', { title: 'Renamed' });
    await storage.updateWorkshop('HHHHHH', { reportKey: 'report' });
    expect(await storage.getWorkshop('HHHHHH')).toMatchObject({ viewerKey: 'rotated', title: 'Renamed', reportKey: 'report' });
    // Revoking leaves no key: '' opens nothing.
    await storage.updateWorkshop('HHHHHH', { reportKey: '' });
    expect(await storage.getWorkshop('HHHHHH')).toMatchObject({ viewerKey: 'rotated', reportKey: '' });
  });

  it('stores participants by token hash and marks removals', async () => {
    const { storage } = await fresh();
    await storage.createWorkshop(record('JJJJJJ'), one('ledger', docWith('x').update));
    await storage.addParticipant({ code: 'JJJJJJ', id: 'p1', name: 'Ana', tokenHash: 't1', joinedAt: 5, removed: false });
    await storage.addParticipant({ code: 'JJJJJJ', id: 'p2', name: 'Ben', tokenHash: 't2', joinedAt: 6, removed: false });
    expect(await storage.findParticipantByToken('JJJJJJ', 't1')).toMatchObject({ id: 'p1', name: 'Ana', removed: false });
    expect(await storage.findParticipantByToken('JJJJJJ', 'nope')).toBeNull();
    expect(await storage.countParticipants('JJJJJJ')).toBe(2);
    await storage.markParticipantRemoved('JJJJJJ', 'p2');
    expect(await storage.countParticipants('JJJJJJ')).toBe(1);
    expect(await storage.findParticipantByToken('JJJJJJ', 't2')).toMatchObject({ removed: true });
  });

  it('deletes every trace of a workshop and lists inactive ones', async () => {
    const { storage } = await fresh();
    await storage.createWorkshop(
      record('KKKKKK', 100),
      new Map([
        ['ledger', docWith('x').update],
        ['p:1', docWith('p').update],
      ]),
    );
    await storage.createWorkshop(record('MMMMMM', 5_000), one('ledger', docWith('y').update));
    await storage.addParticipant({ code: 'KKKKKK', id: 'p1', name: 'Ana', tokenHash: 't1', joinedAt: 5, removed: false });
    expect(await storage.listInactive(1_000)).toEqual(['KKKKKK']);
    await storage.touchWorkshop('KKKKKK', 9_000);
    expect(await storage.listInactive(1_000)).toEqual([]);
    await storage.deleteWorkshop('KKKKKK');
    expect(await storage.getWorkshop('KKKKKK')).toBeNull();
    expect(await storage.findParticipantByToken('KKKKKK', 't1')).toBeNull();
    expect((await storage.loadDocuments('KKKKKK')).size).toBe(0);
    expect(await storage.getWorkshop('MMMMMM')).not.toBeNull();
  });

  it(`out of reach (${backend.fault}): writes are refused as StorageUnavailable, nothing of them is stored, and the same handle works again after`, async () => {
    const { store, storage } = await fresh();
    await storage.createWorkshop(record('PPPPPP'), one('ledger', edit('before')));
    const end = await store.outage();
    try {
      await expect(storage.appendUpdates([{ code: 'PPPPPP', doc: 'ledger', update: edit('during') }])).rejects.toBeInstanceOf(
        StorageUnavailable,
      );
      // Reads go on where the fault lets them (SQLite's WAL), else are refused the same way.
      if (backend.readsThroughFault) expect(await storage.getWorkshop('PPPPPP')).toMatchObject({ code: 'PPPPPP' });
      else await expect(storage.getWorkshop('PPPPPP')).rejects.toBeInstanceOf(StorageUnavailable);
    } finally {
      await end();
    }
    await storage.appendUpdates([{ code: 'PPPPPP', doc: 'ledger', update: edit('after') }]);
    expect(keysOf((await storage.loadDocuments('PPPPPP')).get('ledger')?.updates)).toEqual(['after', 'before']);
  });

  it(`the app on it answers 503 STORAGE_UNAVAILABLE during the fault (${backend.fault}), and serves again after`, async () => {
    const store = await backend.store(cleanup);
    server = await startServer(store.env);
    const created = await api<{ code: string }>(server.url, 'POST', '/api/workshops', { title: 'Before the fault' });
    expect(created.status).toBe(201);
    const end = await store.outage();
    try {
      const refused = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', { title: 'During the fault' });
      expect([refused.status, refused.json?.error?.code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
    } finally {
      await end();
    }
    const info = await api<{ title: string }>(server.url, 'GET', `/api/workshops/${created.json!.code}`);
    expect([info.status, info.json?.title]).toEqual([200, 'Before the fault']);
    expect((await api(server.url, 'POST', '/api/workshops', { title: 'After the fault' })).status).toBe(201);
  });

  it(
    backend.fencing
      ? 'the app, given Redis as well, runs a cluster on it'
      : 'the app, given Redis as well, runs no cluster on it: it has no fencing',
    async () => {
      const redis = await testRedis();
      const store = await backend.store(cleanup);
      server = await startServer({ ...store.env, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix });
      // A cluster node says it is alive on Redis before the app is ready (server/cluster/bus.ts).
      const nodes = await redis.redis.keys(`${redis.prefix}node:*`);
      expect(nodes.length > 0).toBe(backend.fencing);
    },
  );

  // Registered only where it applies: a backend's declared capability is not a gap to report as skipped.
  if (!backend.fencing)
    it('accepts every epoch, older ones too: it declares no fencing', async () => {
      const { storage } = await fresh();
      await storage.createWorkshop(record('RRRRRR'), one('ledger', edit('start')));
      await storage.claim('RRRRRR', 5);
      await storage.claim('RRRRRR', 4);
      await storage.appendUpdates([{ code: 'RRRRRR', doc: 'ledger', update: edit('by-1'), epoch: 1 }]);
      expect(keysOf((await storage.loadDocuments('RRRRRR')).get('ledger')?.updates)).toEqual(['by-1', 'start']);
    });

  if (backend.fencing)
    describe('fencing: a write carrying an older lease epoch is refused', () => {
      it('refuses appends, compactions and replacements from an older epoch, storing nothing of the batch', async () => {
        const { storage: s } = await fresh();
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
        await expect(s.compact('AAAAAA', 'ledger', edit('stale snapshot'), before.get('ledger')!.lastSeq, 5)).rejects.toBeInstanceOf(
          StaleEpoch,
        );
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
        const m = await fresh();
        const [a, b] = [m.storage, await m.reopen()];
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
        const m = await fresh();
        const [a, b] = [m.storage, await m.reopen()];
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
});

describe('sqlite specifics', () => {
  it('uses WAL mode in the data folder', async () => {
    const dir = tempDir();
    const s = openSqliteStorage(dir);
    await s.createWorkshop(record('NNNNNN'), one('ledger', docWith('x').update));
    expect(fs.existsSync(path.join(dir, 'social-shift.db-wal'))).toBe(true);
    await s.close();
  });

  it('opens a file written by the first version, keeping its workshops as one "board" document of format 1', async () => {
    const dir = tempDir();
    fs.copyFileSync(path.resolve(import.meta.dirname, '../fixtures/v1-store/social-shift.db'), path.join(dir, 'social-shift.db'));
    const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/v1-store/workshops.json'), 'utf8'));
    const s = openSqliteStorage(dir);
    const w = await s.getWorkshop(fixture.named.code);
    expect(w).toMatchObject({ title: 'Named offsite', format: 1, viewerKey: '', reportKey: '' });
    const docs = await s.loadDocuments(fixture.named.code);
    expect([...docs.keys()]).toEqual(['board']);
    const board = replay(docs.get('board')!.updates);
    expect(board.getMap('meta').get('title')).toBe('Named offsite');
    expect(board.getMap('cards').size).toBe(4);
    await s.close();
    // Opened again, the upgraded file is left as it is.
    const again = openSqliteStorage(dir);
    expect((await again.loadDocuments(fixture.named.code)).get('board')!.updates.length).toBeGreaterThan(0);
    await again.close();
    const raw = new Database(path.join(dir, 'social-shift.db'), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    raw.close();
  });
});
