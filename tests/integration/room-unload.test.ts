/**
 * Unloading an idle room (server/rooms/room-manager.ts) on a real SQLite file: a room asked
 * for while it is being stored on its way out stays loaded, so an HTTP join that got it keeps
 * writing to a live room and not to one being destroyed.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { RoomManager } from '../../server/rooms/room-manager.ts';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { eventually } from '../helpers/clients.ts';
import { tempDir } from '../helpers/server.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function edit(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, true);
  return Y.encodeStateAsUpdate(doc);
}

describe('unloading an idle room', () => {
  it('a room asked for while its last state is being stored stays loaded, and unloads later', async () => {
    const base = openSqliteStorage(tempDir());
    cleanup.push(() => base.close());
    await base.createWorkshop(
      {
        code: 'IDLE01',
        title: 'T',
        facilitatorKeyHash: 'h'.repeat(64),
        viewerKey: 'view',
        createdAt: 1_000,
        lastActiveAt: 1_000,
        format: 2,
      },
      new Map([['ledger', edit('created')]]),
    );
    // The first compaction on the way out is held at a gate: a slow disk.
    let compacting!: () => void;
    const compactStarted = new Promise<void>((r) => (compacting = r));
    let openGate!: () => void;
    const gate = new Promise<void>((r) => (openGate = r));
    let compactions = 0;
    const storage: Storage = {
      ...base,
      compact: async (...args) => {
        if (++compactions === 1) {
          compacting();
          await gate;
        }
        return base.compact(...args);
      },
    };
    const rooms = new RoomManager({
      storage,
      transportFor: () => ({ sendUpdate() {}, sendPresence() {}, close() {} }),
      idleUnloadMs: 20,
      compactEveryUpdates: 1_000,
      storageRetryMs: 100,
      touchEveryMs: 60_000,
    });
    cleanup.push(() => rooms.closeAll());

    const room = await rooms.get('IDLE01');
    room.state.ledger.getMap('meta').set('title', 'Renamed'); // something to store on the way out
    await compactStarted;
    // An HTTP join asks for the room now, and writes to it after its own await.
    expect(await rooms.get('IDLE01')).toBe(room);
    openGate();
    await room.addParticipant('p1', 'Ada', 2_000, 'r-1');
    expect(rooms.peek('IDLE01')).toBeDefined();
    expect(await rooms.peek('IDLE01')).toBe(room);
    // Nobody connects: it unloads on the next round, with what the join wrote stored.
    await eventually(() => expect(rooms.peek('IDLE01')).toBeUndefined());
    const ledger = new Y.Doc();
    for (const u of (await base.loadDocuments('IDLE01')).get('ledger')?.updates ?? []) Y.applyUpdate(ledger, u);
    expect(ledger.getMap('participants').has('p1')).toBe(true);
  });
});
