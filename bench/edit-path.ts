/**
 * `node --import tsx bench/edit-path.ts [--rooms 100] [--size 5] [--per-turn 1] [--edits 20000]`:
 * the server's CPU per phone edit on the room's path alone (validate, apply, project, store in
 * SQLite, hand the deliveries to a transport that drops them, resolve the ack), without
 * Socket.IO or a network. Rooms are in Map with the Map part revealed, as in `npm run bench`;
 * each phone edits its own practice card. `--per-turn K` makes K phones of K different rooms
 * edit in the same event-loop turn (what a loaded server sees); each turn waits for its acks, and
 * since the next turn's rooms differ, the flush scheduler holds each flush for its 1 ms window
 * (server/rooms/flush-scheduler.ts): read CPU per edit, not wall time. Prints CPU per edit (all
 * threads of this process, and the main thread's share by wall time) and the time to the ack.
 * `--rate N` offers the edits open-loop instead, Poisson at N edits a second over every phone (as
 * the sockets of `npm run bench` would), and times each ack from when its edit was due.
 * `--storage none` keeps SQLite for everything but the appends of edits, which are counted and
 * answered at once: the difference is what storing each edit before its ack costs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { openSqliteStorage } from '../server/storage/sqlite.ts';
import { RoomManager } from '../server/rooms/room-manager.ts';
import { WorkshopService } from '../server/workshop-service.ts';
import type { Room } from '../server/rooms/room.ts';

const { values: args } = parseArgs({
  options: {
    rooms: { type: 'string', default: '100' },
    size: { type: 'string', default: '5' },
    'per-turn': { type: 'string', default: '1' },
    edits: { type: 'string', default: '20000' },
    storage: { type: 'string', default: 'sqlite' },
    rate: { type: 'string', default: '0' },
  },
});
const ROOMS = Number(args.rooms);
const SIZE = Number(args.size);
const PER_TURN = Number(args['per-turn']);
const EDITS = Number(args.edits);
const RATE = Number(args.rate);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edit-path-'));
const sqlite = openSqliteStorage(dir);
if (args.storage !== 'sqlite' && args.storage !== 'none') throw new Error(`--storage is sqlite or none (got ${args.storage})`);
let appendedSeq = 1_000_000;
/** With `--storage none`, a room's appends are answered without being written (set once the rooms exist). */
let skipAppends = false;
/** Storage commits: sqlite.ts commits the appends of one synchronous stretch together, so they are counted so. */
let commits = 0;
let inStretch = false;
const storage: typeof sqlite = Object.create(sqlite, {
  appendUpdates: {
    value: (batch: Parameters<typeof sqlite.appendUpdates>[0]) => {
      if (!inStretch) {
        inStretch = true;
        commits++;
        queueMicrotask(() => (inStretch = false));
      }
      return skipAppends ? Promise.resolve(batch.map(() => ++appendedSeq)) : sqlite.appendUpdates(batch);
    },
  },
});
let delivered = 0;
const rooms = new RoomManager({
  storage,
  transportFor: () => ({
    sendUpdate: (to) => {
      for (const _ of to) delivered++;
    },
    sendPresence: () => {},
    close: () => {},
  }),
  idleUnloadMs: 3_600_000,
  compactEveryUpdates: 500,
  storageRetryMs: 1_000,
  touchEveryMs: 60_000,
});
const service = new WorkshopService({ storage, rooms, maxParticipants: 1_000, retentionMs: 86_400_000 });

interface Phone {
  room: Room;
  pid: string;
  conn: string;
  doc: Y.Doc;
  edits: number;
}
const TEXTS = [
  'We ask customers what they need before we build',
  'Teams share what they learn every week',
  'Leaders make time for people to try things',
];
const phones: Phone[][] = [];
for (let r = 0; r < ROOMS; r++) {
  const w = await service.create({ title: 'Bench', organisation: 'Bench' });
  const room = await rooms.get(w.code);
  await room.runCommand({ type: 'phase:set', phase: 'map' }, { role: 'facilitator', participantId: null });
  await room.runCommand({ type: 'reveal:set', phase: 'map', revealed: true }, { role: 'facilitator', participantId: null });
  const list: Phone[] = [];
  for (let i = 0; i < SIZE; i++) {
    const { participantId } = await service.join(w.code, `Phone ${i + 1}`);
    const conn = `${w.code}-${i}`;
    rooms.connected(room, conn, { role: 'participant', participantId }, 10);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.state.privateDoc(participantId)));
    list.push({ room, pid: participantId, conn, doc, edits: 0 });
  }
  // Observers (a projector and a facilitator's console), as in the benchmark.
  rooms.connected(room, `${w.code}-v`, { role: 'viewer', participantId: null }, 10);
  rooms.connected(room, `${w.code}-f`, { role: 'facilitator', participantId: null }, 10);
  phones.push(list);
}

/** The phone's next edit of its card, as the update its Y.Doc produces. */
function nextEdit(p: Phone, index: number): Uint8Array {
  const sv = Y.encodeStateVector(p.doc);
  const j = p.edits++;
  p.doc.getMap('cards').set('c0', {
    kind: 'practice',
    text: `${TEXTS[j % TEXTS.length]} #${index}.${j}`,
    dimension: 'brand',
    stage: 1 + (j % 5),
    createdAt: 1,
  });
  return Y.encodeStateAsUpdate(p.doc, sv);
}

let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
const ackMs: number[] = [];

async function run(n: number, record: boolean): Promise<void> {
  let r = 0;
  for (let done = 0; done < n; done += PER_TURN) {
    const acks: Promise<void>[] = [];
    for (let k = 0; k < PER_TURN; k++) {
      const list = phones[r++ % ROOMS]!;
      const i = Math.floor(rand() * SIZE);
      const p = list[i]!;
      const update = nextEdit(p, i);
      const t0 = performance.now();
      acks.push(p.room.applyParticipantUpdate(update, p.pid, p.conn).then(() => void (record && ackMs.push(performance.now() - t0))));
    }
    await Promise.all(acks);
  }
}

/** Open loop: edits due at Poisson times (RATE a second), each applied when due, none awaited before the next. */
async function runOpen(n: number, record: boolean): Promise<void> {
  const start = performance.now();
  let due = start;
  const acks: Promise<void>[] = [];
  let r = 0;
  for (let done = 0; done < n; done++) {
    due += (-Math.log(1 - rand()) * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const list = phones[r++ % ROOMS]!;
    const i = Math.floor(rand() * SIZE);
    const p = list[i]!;
    const update = nextEdit(p, i);
    const t0 = due;
    acks.push(p.room.applyParticipantUpdate(update, p.pid, p.conn).then(() => void (record && ackMs.push(performance.now() - t0))));
  }
  await Promise.all(acks);
}

skipAppends = args.storage === 'none';
// Every phone creates its card (client id bound, public id registered), then a warm-up.
for (const list of phones) for (const [i, p] of list.entries()) await p.room.applyParticipantUpdate(nextEdit(p, i), p.pid, p.conn);
await (RATE > 0 ? runOpen : run)(Math.min(EDITS, 2_000), false);
delivered = 0;
commits = 0;

const cpu0 = process.cpuUsage();
const t0 = performance.now();
await (RATE > 0 ? runOpen : run)(EDITS, true);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
ackMs.sort((a, b) => a - b);
const q = (p: number) => ackMs[Math.min(ackMs.length - 1, Math.floor(p * ackMs.length))]!.toFixed(3);
console.log(
  `${ROOMS}x${SIZE}, ${RATE > 0 ? `open loop at ${RATE}/s` : `${PER_TURN} per turn`}, ${EDITS} edits, storage ${args.storage}: cpu ${((cpu.user + cpu.system) / EDITS).toFixed(1)} us/edit ` +
    `(user ${(cpu.user / EDITS).toFixed(1)}, system ${(cpu.system / EDITS).toFixed(1)}), wall ${((wall * 1000) / EDITS).toFixed(1)} us/edit, ` +
    `${(delivered / EDITS).toFixed(2)} deliveries/edit, ${(commits / EDITS).toFixed(2)} commits/edit, ack p50 ${q(0.5)} p99 ${q(0.99)} ms; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
await rooms.closeAll();
await storage.close();
fs.rmSync(dir, { recursive: true, force: true });
