/** The storage contract: every backend must pass this suite. SQLite is the one we ship. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import { StorageConflict, type Storage } from '../../server/storage/storage.ts';
import { tempDir } from '../helpers/server.ts';

const backends: Array<[string, () => { storage: Storage; reopen: () => Storage }]> = [
  [
    'sqlite',
    () => {
      const dir = tempDir();
      return { storage: openSqliteStorage(dir), reopen: () => openSqliteStorage(dir) };
    },
  ],
];

const record = (code: string, lastActiveAt = 1_000) => ({ code, title: 'T', facilitatorKeyHash: 'h'.repeat(64), createdAt: 1_000, lastActiveAt });

function docWith(text: string): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', text);
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

function replay(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

describe.each(backends)('storage contract: %s', (_name, make) => {
  let open: Storage[] = [];
  afterEach(async () => {
    for (const s of open) await s.close();
    open = [];
  });
  const fresh = () => {
    const m = make();
    open.push(m.storage);
    return m;
  };

  it('creates, reads and refuses a duplicate code', async () => {
    const { storage } = fresh();
    await storage.createWorkshop(record('AAAAAA'), docWith('x').update);
    expect(await storage.getWorkshop('AAAAAA')).toMatchObject({ code: 'AAAAAA', title: 'T' });
    expect(await storage.getWorkshop('BBBBBB')).toBeNull();
    await expect(storage.createWorkshop(record('AAAAAA'), new Uint8Array([0, 0]))).rejects.toBeInstanceOf(StorageConflict);
  });

  it('keeps appended updates in order, across a reopen', async () => {
    const m = fresh();
    const { doc, update } = docWith('one');
    await m.storage.createWorkshop(record('CCCCCC'), update);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('k', 'two');
    doc.getMap('m').set('k', 'three');
    const seqA = await m.storage.appendUpdate('CCCCCC', updates[0]!);
    const seqB = await m.storage.appendUpdate('CCCCCC', updates[1]!);
    expect(seqB).toBeGreaterThan(seqA);
    await m.storage.close();
    const again = m.reopen();
    open.push(again);
    const loaded = await again.loadDocument('CCCCCC');
    expect(loaded.updates).toHaveLength(3);
    expect(loaded.lastSeq).toBe(seqB);
    expect(replay(loaded.updates).getMap('m').get('k')).toBe('three');
  });

  it('compacts into a snapshot and keeps later updates', async () => {
    const { storage } = fresh();
    const { doc, update } = docWith('a');
    await storage.createWorkshop(record('DDDDDD'), update);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('k', 'b');
    const seq = await storage.appendUpdate('DDDDDD', updates[0]!);
    await storage.compact('DDDDDD', Y.encodeStateAsUpdate(doc), seq);
    doc.getMap('m').set('k', 'c');
    await storage.appendUpdate('DDDDDD', updates[1]!);
    const loaded = await storage.loadDocument('DDDDDD');
    expect(loaded.updates).toHaveLength(2);
    expect(replay(loaded.updates).getMap('m').get('k')).toBe('c');
  });

  it('stores participants by token hash and marks removals', async () => {
    const { storage } = fresh();
    await storage.createWorkshop(record('EEEEEE'), docWith('x').update);
    await storage.addParticipant({ code: 'EEEEEE', id: 'p1', name: 'Ana', tokenHash: 't1', joinedAt: 5, removed: false });
    await storage.addParticipant({ code: 'EEEEEE', id: 'p2', name: 'Ben', tokenHash: 't2', joinedAt: 6, removed: false });
    expect(await storage.findParticipantByToken('EEEEEE', 't1')).toMatchObject({ id: 'p1', name: 'Ana', removed: false });
    expect(await storage.findParticipantByToken('EEEEEE', 'nope')).toBeNull();
    expect(await storage.countParticipants('EEEEEE')).toBe(2);
    await storage.markParticipantRemoved('EEEEEE', 'p2');
    expect(await storage.countParticipants('EEEEEE')).toBe(1);
    expect(await storage.findParticipantByToken('EEEEEE', 't2')).toMatchObject({ removed: true });
  });

  it('deletes every trace of a workshop and lists inactive ones', async () => {
    const { storage } = fresh();
    await storage.createWorkshop(record('FFFFFF', 100), docWith('x').update);
    await storage.createWorkshop(record('GGGGGG', 5_000), docWith('y').update);
    await storage.addParticipant({ code: 'FFFFFF', id: 'p1', name: 'Ana', tokenHash: 't1', joinedAt: 5, removed: false });
    expect(await storage.listInactive(1_000)).toEqual(['FFFFFF']);
    await storage.touchWorkshop('FFFFFF', 9_000);
    expect(await storage.listInactive(1_000)).toEqual([]);
    await storage.deleteWorkshop('FFFFFF');
    expect(await storage.getWorkshop('FFFFFF')).toBeNull();
    expect(await storage.findParticipantByToken('FFFFFF', 't1')).toBeNull();
    expect((await storage.loadDocument('FFFFFF')).updates).toHaveLength(0);
    expect(await storage.getWorkshop('GGGGGG')).not.toBeNull();
  });
});

describe('sqlite specifics', () => {
  it('uses WAL mode in the data folder', async () => {
    const dir = tempDir();
    const s = openSqliteStorage(dir);
    await s.createWorkshop(record('HHHHHH'), docWith('x').update);
    expect(fs.existsSync(path.join(dir, 'social-shift.db-wal'))).toBe(true);
    await s.close();
  });
});
