/**
 * The storage contract: every backend must pass this suite. SQLite is the default; PostgreSQL
 * (cluster mode) runs on a database of each test's own (tests/helpers/services.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { openPostgresStorage } from '../../server/storage/postgres.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import { StorageConflict, type Storage, type WorkshopRecord } from '../../server/storage/storage.ts';
import { tempDir } from '../helpers/server.ts';
import { testDatabase } from '../helpers/services.ts';

export type Backend = [string, () => Promise<{ storage: Storage; reopen: () => Promise<Storage> }>];

const backends: Backend[] = [
  [
    'sqlite',
    async () => {
      const dir = tempDir();
      return { storage: openSqliteStorage(dir), reopen: async () => openSqliteStorage(dir) };
    },
  ],
  [
    'postgres',
    async () => {
      const { url } = await testDatabase();
      return { storage: await openPostgresStorage(url), reopen: () => openPostgresStorage(url) };
    },
  ],
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

/** Records a doc's updates as they happen. */
function recorder(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
}

describe.each(backends)('storage contract: %s', (_name, make) => {
  let open: Storage[] = [];
  afterEach(async () => {
    for (const s of open) await s.close().catch(() => {});
    open = [];
  });
  const fresh = async () => {
    const m = await make();
    open.push(m.storage);
    return m;
  };

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
    await m.storage.createWorkshop(record('CCCCCC'), new Map([['ledger', a.update], ['p:1', b.update]]));
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
    open.push(again);
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
    await storage.createWorkshop(record('FFFFFF'), new Map([['ledger', update], ['p:1', other.update]]));
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
    await storage.replaceDocuments('GGGGGG', new Map([['ledger', docWith('new').update], ['p:x', docWith('mine').update]]), 2);
    const docs = await storage.loadDocuments('GGGGGG');
    expect([...docs.keys()].sort()).toEqual(['ledger', 'p:x']);
    expect(replay(docs.get('ledger')!.updates).getMap('m').get('k')).toBe('new');
    expect((await storage.getWorkshop('GGGGGG'))!.format).toBe(2);
  });

  it('updates the viewer key and title', async () => {
    const { storage } = await fresh();
    await storage.createWorkshop(record('HHHHHH'), one('ledger', docWith('x').update));
    await storage.updateWorkshop('HHHHHH', { viewerKey: 'rotated' });
    await storage.updateWorkshop('HHHHHH', { title: 'Renamed' });
    expect(await storage.getWorkshop('HHHHHH')).toMatchObject({ viewerKey: 'rotated', title: 'Renamed' });
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
    await storage.createWorkshop(record('KKKKKK', 100), new Map([['ledger', docWith('x').update], ['p:1', docWith('p').update]]));
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
    expect(w).toMatchObject({ title: 'Named offsite', format: 1, viewerKey: '' });
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
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    raw.close();
  });
});
