/**
 * Owning a room (server/cluster/ownership.ts) on real Redis and PostgreSQL: a write refused as
 * stale drops the room only when it was written under the epoch this node holds now.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomLeases } from '../../server/cluster/lease.ts';
import { RoomOwnership } from '../../server/cluster/ownership.ts';
import { RoomManager } from '../../server/rooms/room-manager.ts';
import { openPostgresStorage } from '../../server/storage/postgres.ts';
import { StaleEpoch, type Storage } from '../../server/storage/storage.ts';
import { testDatabase, testRedis } from '../helpers/services.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function edit(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, true);
  return Y.encodeStateAsUpdate(doc);
}

describe('room ownership', () => {
  it('a late write from a room this node unloaded and took again is refused, and the room it holds now stays', async () => {
    const [db, t] = await Promise.all([testDatabase(), testRedis()]);
    const storage: Storage = await openPostgresStorage(db.url);
    cleanup.push(() => storage.close());
    const redis = new Redis(t.url, { maxRetriesPerRequest: 1 });
    cleanup.push(() => redis.disconnect());
    const lost: string[] = [];
    const ownership = new RoomOwnership({
      leases: new RoomLeases(redis, { node: 'node-a', prefix: t.prefix, ttlMs: 10_000 }),
      storage,
      ttlMs: 10_000,
      onLost: (code) => lost.push(code),
    });
    cleanup.push(() => ownership.stop());
    await storage.createWorkshop(
      {
        code: 'OWNED1',
        title: 'T',
        facilitatorKeyHash: 'h'.repeat(64),
        viewerKey: 'view',
        createdAt: 1_000,
        lastActiveAt: 1_000,
        format: 2,
      },
      new Map([['ledger', edit('created')]]),
    );

    // Loaded, unloaded (lease released), loaded again: the second load holds a newer epoch.
    const before = await ownership.acquire('OWNED1');
    await ownership.release('OWNED1');
    const now = await ownership.acquire('OWNED1');

    // The unloaded room's last write arrives after the new claim: refused, and nothing else.
    await expect(before.appendUpdates([{ code: 'OWNED1', doc: 'ledger', update: edit('late') }])).rejects.toBeInstanceOf(StaleEpoch);
    expect(lost).toEqual([]);
    expect(ownership.owns('OWNED1')).toBe(true);
    await now.appendUpdates([{ code: 'OWNED1', doc: 'ledger', update: edit('current') }]);

    // A stale write under the epoch held now still gives the room up: another node took over.
    await storage.claim('OWNED1', 1_000);
    await expect(now.appendUpdates([{ code: 'OWNED1', doc: 'ledger', update: edit('fenced') }])).rejects.toBeInstanceOf(StaleEpoch);
    expect(lost).toEqual(['OWNED1']);
    expect(ownership.owns('OWNED1')).toBe(false);
  });

  it('a room asked for while it is still giving up its lease loads again on this node, and its writes land', async () => {
    const [db, t] = await Promise.all([testDatabase(), testRedis()]);
    const storage: Storage = await openPostgresStorage(db.url);
    cleanup.push(() => storage.close());
    const redis = new Redis(t.url, { maxRetriesPerRequest: 1 });
    cleanup.push(() => redis.disconnect());
    const ownership = new RoomOwnership({
      leases: new RoomLeases(redis, { node: 'node-a', prefix: t.prefix, ttlMs: 10_000 }),
      storage,
      ttlMs: 10_000,
      onLost: () => {},
    });
    cleanup.push(() => ownership.stop());
    await storage.createWorkshop(
      {
        code: 'UNLOAD',
        title: 'T',
        facilitatorKeyHash: 'h'.repeat(64),
        viewerKey: 'view',
        createdAt: 1_000,
        lastActiveAt: 1_000,
        format: 2,
      },
      new Map([['ledger', edit('created')]]),
    );
    // The release to Redis is held at a gate: a slow round trip, the window a phone's join can land in.
    let releasing!: () => void;
    const releaseStarted = new Promise<void>((r) => (releasing = r));
    let openGate!: () => void;
    const gate = new Promise<void>((r) => (openGate = r));
    const errors: unknown[] = [];
    let acquired = 0;
    const rooms = new RoomManager({
      storage,
      transportFor: () => ({ sendUpdate() {}, sendPresence() {}, close() {} }),
      idleUnloadMs: 20,
      compactEveryUpdates: 1_000,
      storageRetryMs: 100,
      touchEveryMs: 60_000,
      onError: (err) => errors.push(err),
      ownership: {
        acquire: (code) => {
          // A load that does not wait for the release asks now, while the lease is still held.
          if (++acquired > 1) openGate();
          return ownership.acquire(code);
        },
        release: async (code) => {
          releasing();
          await gate;
          await ownership.release(code);
        },
      },
    });
    cleanup.push(() => rooms.closeAll());

    const first = await rooms.get('UNLOAD'); // nobody connects: it unloads after 20 ms
    await releaseStarted;
    const again = rooms.get('UNLOAD'); // a join arrives while the lease is still being given up
    // A round trip to Redis later the release goes through (or at once, if the load asked first).
    setTimeout(openGate, 300);
    const room = await again;
    expect(room).not.toBe(first);
    expect(ownership.owns('UNLOAD')).toBe(true);
    await room.addParticipant('p1', 'Ada', 2_000, 'r-1');
    await room.settled();
    expect(errors).toEqual([]);
    // What the reloaded room wrote is in PostgreSQL: the participant it added.
    const stored = await storage.loadDocuments('UNLOAD');
    const ledger = new Y.Doc();
    for (const u of stored.get('ledger')?.updates ?? []) Y.applyUpdate(ledger, u);
    expect(ledger.getMap('participants').has('p1')).toBe(true);
  });
});
