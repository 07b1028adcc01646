/**
 * The workload: rooms of phones making small open-loop edits, observers
 * timing every edit's arrival, a load ladder to find the knee, a fixed-load
 * phase at half the knee, the exactly-once and convergence checks, the join
 * storm and the idle-heap measurements.
 *
 * An edit is a phone changing its own card (a practice card, new text each
 * time, about the size of a real one). On ours the phone writes its own
 * document; what the other screens receive depends on the session:
 * - revealed (the Map part revealed): the server writes the card, under its
 *   public id, into the room document, and every screen in the room receives
 *   it. This is the edit compared with Hocuspocus, where every edit of the one
 *   shared document reaches every other client.
 * - private (Map before the reveal): the server stores the edit and the room
 *   receives nothing (counts change only when a card is added or removed).
 *   Ours only; it shows what the private path costs and saves.
 * Each card's text carries "#<writer>.<edit>", so an observer knows which edit
 * a received value is, whichever document or client id carried it. The server
 * projects the latest value of a card once per flush: a value that reaches an
 * observer also delivers the earlier edits of that card it superseded
 * (counted as "conflated", timed at that arrival).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { defaultDimensions } from '../shared/domain/workshop-model.ts';
import type { Conn } from './clients.ts';
import { pool, type BenchRoom, type Target, type Visibility } from './targets.ts';
import { percentile, rng } from './stats.ts';

/** The generator's own event loop, watched through every phase. */
const genLoop = monitorEventLoopDelay({ resolution: 5 });
genLoop.enable();

const LOCAL = Symbol('local');
const REMOTE = Symbol('remote');
const DIMS = defaultDimensions().map((d) => d.key);
const TEXTS = [
  'More listening, less broadcasting',
  'Answer within a day',
  'Leaders post themselves',
  'Share customer stories',
  'Fewer approvals',
];
const TAG = /#(\d+)\.(\d+)$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Phase {
  lat: number[];
  ackLat: number[];
  edits: number;
  acks: number;
  expected: number;
  received: number;
  deliveries: number;
  conflated: number;
  /** Edits nobody else receives (ours, Map before the reveal). */
  private: boolean;
}

export interface PhaseResult {
  label: string;
  load: number;
  edits: number;
  p50: number;
  p99: number;
  max: number;
  late: number;
  conflated: number;
  /** From the intended send time to the server's ack (stored). */
  ackP50: number;
  ackP99: number;
  serverCpuMs: number;
  cpuUsPerDelivery: number;
  cpuUsPerEdit: number;
  bytesPerEdit: number;
  genCpuShare: number;
  sendLagP99: number;
  /** The generator's longest event-loop stall in the phase, ms: latency the generator added, not the server. */
  genLoopMaxMs: number;
  wallMs: number;
  /** CPU ms of the target's other processes during the phase (Redis, PostgreSQL), when it reports them. */
  sideCpuMs?: Record<string, number>;
}

/** Reads the edit a card value carries: [writer index, edit number]. Ours packs it (`t`, shared/doc/room-doc.ts). */
function tagOf(value: unknown): [number, number] | null {
  const card = value && typeof value === 'object' ? (value as { text?: unknown; t?: unknown }) : null;
  const text = card ? (card.text ?? card.t) : null;
  const m = typeof text === 'string' ? TAG.exec(text) : null;
  return m ? [Number(m[1]), Number(m[2])] : null;
}

class Writer {
  /** What this phone writes: its own document (ours), its copy of the shared one (Hocuspocus). */
  readonly doc = new Y.Doc();
  /** Observers: the room as this screen receives it. */
  readonly view: Y.Doc | null;
  sentAt: number[] = [];
  phaseOf: number[] = [];
  edits = 0;
  acked = 0;
  failed = 0;
  othersObserving = 0;
  roomSize = 0;
  /** Observers: the latest edit seen of each other writer. */
  lastSeen: Map<Writer, number> | null = null;
  duplicates = 0;
  /** Observers: writers whose card left the room (hidden again), until it comes back. */
  private readonly hidden = new Set<number>();
  private last: Uint8Array | null = null;
  private arrival = 0;
  private readonly createdAt = Date.now();
  private readonly key: string;

  constructor(
    readonly index: number,
    readonly pid: string,
    readonly conn: Conn,
    readonly shape: ShapeRun,
    cardKey: string,
    observer: boolean,
  ) {
    this.key = cardKey;
    this.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) this.last = u;
    });
    this.view = observer ? new Y.Doc() : null;
    if (this.view) {
      this.lastSeen = new Map();
      const cards = this.view.getMap('cards');
      cards.observe((e) => {
        for (const [key, change] of e.changes.keys) {
          if (change.action === 'delete') {
            // Hidden again (ours: the Map part un-revealed): its return is not a duplicate.
            const tag = tagOf(change.oldValue);
            if (tag) this.hidden.add(tag[0]);
            continue;
          }
          const tag = tagOf(cards.get(key));
          if (tag) this.seen(tag[0], tag[1], this.arrival, change.action === 'add' && this.hidden.delete(tag[0]));
        }
      });
      conn.onUpdate = (u, at) => {
        this.arrival = at;
        Y.applyUpdate(this.view!, u, REMOTE);
      };
    }
  }

  edit(intended: number, phaseIndex: number): void {
    const j = this.edits++;
    this.doc.transact(() => {
      this.doc.getMap('cards').set(this.key, {
        kind: 'practice',
        text: `${TEXTS[j % TEXTS.length]} #${this.index}.${j}`,
        dimension: DIMS[this.index % DIMS.length]!,
        stage: 1 + (j % 5),
        createdAt: this.createdAt,
      });
    }, LOCAL);
    this.sentAt[j] = intended;
    this.phaseOf[j] = phaseIndex;
    const ph = this.shape.phases[phaseIndex]!;
    ph.edits++;
    if (!ph.private) {
      ph.expected += this.othersObserving;
      ph.deliveries += this.roomSize - 1;
    }
    const update = this.last!;
    this.last = null;
    this.conn.sendUpdate(update, (ok) => {
      this.acked++;
      ph.acks++;
      ph.ackLat.push(performance.now() - intended);
      if (!ok) this.failed++;
    });
  }

  /**
   * An observer saw writer `index`'s edit `j` (and, if it skipped some, the ones it superseded).
   * A card that comes back after being hidden may carry the edit already seen: not a duplicate.
   */
  private seen(index: number, j: number, at: number, returned: boolean): void {
    const w = this.shape.writers[index];
    if (!w || w === this || !this.lastSeen) return;
    const last = this.lastSeen.get(w) ?? -1;
    if (j <= last) {
      if (!(returned && j === last)) this.duplicates++;
      return;
    }
    for (let k = last + 1; k <= j; k++) {
      const ph = this.shape.phases[w.phaseOf[k]!];
      if (!ph || ph.private) continue;
      ph.lat.push(at - w.sentAt[k]!);
      ph.received++;
      if (k < j) ph.conflated++;
    }
    this.lastSeen.set(w, j);
  }
}

export interface ShapeRun {
  rooms: BenchRoom[];
  writers: Writer[];
  byRoom: Writer[][];
  phases: Phase[];
  close(): void;
}

export async function setupShape(target: Target, rooms: number, perRoom: number, observersPerRoom: number): Promise<ShapeRun> {
  const made: BenchRoom[] = new Array(rooms);
  await pool([...Array(rooms).keys()], 4, async (i) => {
    made[i] = (await target.makeRoom(perRoom)).room;
  });
  // Before anyone connects: card edits reach every screen.
  await target.setVisibility(made, 'revealed');
  const shape: ShapeRun = {
    rooms: made,
    writers: [],
    byRoom: [],
    phases: [],
    close() {
      for (const w of shape.writers) w.conn.close();
    },
  };
  made.forEach((room) => {
    const list: Writer[] = [];
    room.participants.forEach((p, i) => {
      const observer = i < observersPerRoom;
      const w = new Writer(shape.writers.length, p.id, p.connect(observer), shape, target.cardKey(p.id), observer);
      w.roomSize = perRoom;
      w.othersObserving = observer ? observersPerRoom - 1 : observersPerRoom;
      list.push(w);
      shape.writers.push(w);
    });
    shape.byRoom.push(list);
  });
  for (let i = 0; i < shape.writers.length; i += 100) {
    await Promise.all(shape.writers.slice(i, i + 100).map((w) => w.conn.synced));
  }
  return shape;
}

/** Changes what card edits reach in every room of the shape, and lets the change reach the screens. */
export async function setVisibility(target: Target, shape: ShapeRun, visibility: Visibility): Promise<void> {
  await target.setVisibility(shape.rooms, visibility);
  await sleep(300);
}

function totalBytes(shape: ShapeRun): number {
  let n = 0;
  for (const w of shape.writers) n += w.conn.bytes();
  return n;
}

/**
 * Open-loop Poisson edits at `rate` per second in total for `durationMs`, then waits for
 * delivery. `private`: edits nobody else receives (ours, Map before the reveal).
 */
export async function runPhase(
  target: Target,
  shape: ShapeRun,
  label: string,
  rate: number,
  durationMs: number,
  drainMs: number,
  seed: number,
  opts: { private?: boolean; everyWriter?: boolean } = {},
): Promise<PhaseResult> {
  const phase: Phase = {
    lat: [],
    ackLat: [],
    edits: 0,
    acks: 0,
    expected: 0,
    received: 0,
    deliveries: 0,
    conflated: 0,
    private: !!opts.private,
  };
  const index = shape.phases.push(phase) - 1;
  const writers = shape.writers;
  const perWriter = rate / writers.length / 1000; // edits per ms
  const rand = rng(seed);
  const cpu0 = await target.server.cpuMs();
  const side0 = await target.sideCpuMs?.();
  const bytes0 = totalBytes(shape);
  const gen0 = process.cpuUsage();
  genLoop.reset();
  const start = performance.now() + 5;
  const end = start + durationMs;
  const events: { t: number; w: Writer }[] = [];
  for (const w of writers) {
    let t = start - Math.log(1 - rand()) / perWriter;
    // Warm-up: every phone writes at least once, so its card exists before the ladder.
    if (opts.everyWriter && t >= end) t = start + rand() * durationMs;
    while (t < end) {
      events.push({ t, w });
      t += -Math.log(1 - rand()) / perWriter;
    }
  }
  events.sort((a, b) => a.t - b.t);
  const lags: number[] = [];
  await new Promise<void>((resolve) => {
    let i = 0;
    const tick = () => {
      const now = performance.now();
      while (i < events.length && events[i]!.t <= now) {
        const e = events[i++]!;
        lags.push(now - e.t);
        e.w.edit(e.t, index);
      }
      if (i >= events.length) return resolve();
      const wait = events[i]!.t - performance.now();
      if (wait >= 1) setTimeout(tick, wait - 0.5);
      else setImmediate(tick);
    };
    tick();
  });
  const sentAt = performance.now();
  while (performance.now() - sentAt < drainMs && (phase.received < phase.expected || phase.acks < phase.edits)) await sleep(5);
  const wallMs = performance.now() - start;
  const gen = process.cpuUsage(gen0);
  const cpu1 = await target.server.cpuMs();
  const side1 = await target.sideCpuMs?.();
  const bytes1 = totalBytes(shape);
  const lat = phase.lat.slice();
  const late = phase.expected - phase.received;
  for (let k = 0; k < late; k++) lat.push(Infinity);
  const sorted = Float64Array.from(lat).sort();
  for (let k = phase.acks; k < phase.edits; k++) phase.ackLat.push(Infinity);
  const acks = Float64Array.from(phase.ackLat).sort();
  const lagSorted = Float64Array.from(lags).sort();
  return {
    label,
    load: rate,
    edits: phase.edits,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    late,
    conflated: phase.conflated,
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    serverCpuMs: cpu1 - cpu0,
    cpuUsPerDelivery: ((cpu1 - cpu0) * 1000) / Math.max(1, phase.deliveries),
    cpuUsPerEdit: ((cpu1 - cpu0) * 1000) / Math.max(1, phase.edits),
    bytesPerEdit: (bytes1 - bytes0) / Math.max(1, phase.edits),
    genCpuShare: (gen.user + gen.system) / 1000 / wallMs,
    sendLagP99: percentile(lagSorted, 99),
    genLoopMaxMs: genLoop.max / 1e6,
    wallMs,
    ...(side0 && side1
      ? { sideCpuMs: Object.fromEntries(Object.entries(side1).map(([name, ms]) => [name, ms - (side0[name] ?? NaN)])) }
      : {}),
  };
}

/** Warm-up: every writer creates its card (new keys, client ids bound, public ids registered). */
export function warmUp(target: Target, shape: ShapeRun, seed: number): Promise<PhaseResult> {
  const phones = shape.writers.length;
  return runPhase(target, shape, 'warm', Math.min(500, phones), Math.max(1000, ((2 * phones) / 500) * 1000), 5000, seed, {
    everyWriter: true,
  });
}

/** The latest edit of each writer a room document holds, by writer index; -2 for a writer with two cards. */
function latestByWriter(doc: Y.Doc): Map<number, number> {
  const out = new Map<number, number>();
  doc.getMap('cards').forEach((value) => {
    const tag = tagOf(value);
    if (tag) out.set(tag[0], out.has(tag[0]) ? -2 : tag[1]);
  });
  return out;
}

/**
 * Waits for everything, then checks that every edit reached every observer exactly once (or was
 * superseded by a later edit of the same card that did), every ack was ok, every observer's
 * room shows each writer's last edit, and so does a fresh screen in a few rooms.
 */
export async function checkShape(
  shape: ShapeRun,
  timeoutMs = 15_000,
): Promise<{ lost: number; duplicated: number; rejected: number; mismatched: number; converged: boolean }> {
  const start = performance.now();
  const done = () =>
    shape.phases.every((p) => p.received >= p.expected && p.acks >= p.edits) &&
    shape.byRoom.every((writers) =>
      writers.every((o) => !o.lastSeen || writers.every((w) => w === o || w.edits === 0 || o.lastSeen!.get(w) === w.edits - 1)),
    );
  while (!done() && performance.now() - start < timeoutMs) await sleep(20);
  let lost = 0;
  let duplicated = 0;
  let rejected = 0;
  let mismatched = 0;
  for (const w of shape.writers) rejected += w.failed + w.conn.errors.length;
  const compare = (doc: Y.Doc, writers: Writer[], skip: Writer | null) => {
    const latest = latestByWriter(doc);
    for (const w of writers) if (w !== skip && w.edits > 0 && latest.get(w.index) !== w.edits - 1) mismatched++;
  };
  shape.byRoom.forEach((writers) => {
    for (const o of writers) {
      if (!o.lastSeen) continue;
      duplicated += o.duplicates;
      for (const w of writers) if (w !== o) lost += Math.max(0, w.edits - 1 - (o.lastSeen.get(w) ?? -1));
      compare(o.view!, writers, o);
    }
  });
  // A fresh screen in a few rooms gets the same board from the server.
  for (let r = 0; r < Math.min(3, shape.rooms.length); r++) {
    const doc = new Y.Doc();
    const v = shape.rooms[r]!.viewer();
    v.onUpdate = (u) => Y.applyUpdate(doc, u);
    await v.synced;
    compare(doc, shape.byRoom[r]!, null);
    v.close();
    doc.destroy();
  }
  return { lost, duplicated, rejected, mismatched, converged: lost === 0 && duplicated === 0 && rejected === 0 && mismatched === 0 };
}

/** n phones with tokens connect to one room holding the fixture board at the same instant; times to synced. */
export async function joinStorm(
  target: Target,
  n: number,
  profileFile?: string,
): Promise<{
  p50: number;
  p99: number;
  max: number;
  bytesPerJoin: number;
  ok: boolean;
  wallMs: number;
  serverCpuMs: number;
  genCpuMs: number;
}> {
  const { room, holder } = await target.makeRoom(0, true);
  const phones = await target.addParticipants(room, n);
  await sleep(300);
  if (profileFile) await target.server.call('profileStart');
  const cpu0 = await target.server.cpuMs();
  const gen0 = process.cpuUsage();
  const wall0 = performance.now();
  const check = new Y.Doc();
  const t0: number[] = [];
  const conns: Conn[] = [];
  for (const p of phones) {
    t0.push(performance.now());
    const c = p.connect(false);
    if (!conns.length) c.onUpdate = (u) => Y.applyUpdate(check, u);
    conns.push(c);
  }
  await Promise.race([Promise.all(conns.map((c) => c.synced)), sleep(60_000)]);
  const times = conns.map((c, i) => (c.syncedAt ? c.syncedAt - t0[i]! : Infinity)).sort((a, b) => a - b);
  const wallMs = performance.now() - wall0;
  const gen = process.cpuUsage(gen0);
  const serverCpuMs = (await target.server.cpuMs()) - cpu0;
  if (profileFile) await target.server.call('profileStop', { file: profileFile });
  await sleep(200);
  const bytes = conns.reduce((s, c) => s + c.bytes(), 0);
  const ok = check.getMap('cards').size === target.fixtureCards && target.fixtureCards > 0;
  for (const c of conns) c.close();
  holder?.close();
  check.destroy();
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times[times.length - 1]!,
    bytesPerJoin: bytes / n,
    ok,
    wallMs,
    serverCpuMs,
    genCpuMs: (gen.user + gen.system) / 1000,
  };
}

function awarenessUpdate(clientId: number, state: unknown): Uint8Array {
  const json = JSON.stringify(state);
  const bytes = Buffer.from(json);
  const out: number[] = [1];
  const varUint = (v: number) => {
    while (v > 0x7f) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  varUint(clientId);
  varUint(1);
  varUint(bytes.length);
  return Uint8Array.from([...out, ...bytes]);
}

/** Heap of n idle connected participants (with presence), per participant, in KB. */
export async function idleParticipants(target: Target, n: number): Promise<number> {
  const { room } = await target.makeRoom(0);
  const holder = room.viewer();
  await holder.synced;
  // A first batch warms the server's code paths (compiled code is not a per-phone cost).
  const warm = 40;
  const phones = await target.addParticipants(room, n + warm);
  const conns: Conn[] = [];
  let h0 = 0;
  for (let i = 0; i < phones.length; i += i < warm ? warm : 50) {
    if (i === warm) {
      await sleep(300);
      h0 = (await target.server.heap()).heapUsed;
    }
    const batch = phones.slice(i, i + (i < warm ? warm : 50)).map((p) => {
      const c = p.connect(false);
      // Hocuspocus clients announce themselves (awareness); ours get presence from the server.
      if (c.sendAwareness)
        void c.synced.then(() =>
          c.sendAwareness!(awarenessUpdate(1 + Math.floor(Math.random() * 2 ** 30), { user: { id: p.id, name: 'Phone' } })),
        );
      return c;
    });
    conns.push(...batch);
    await Promise.all(batch.map((c) => c.synced));
  }
  await sleep(500);
  const h1 = (await target.server.heap()).heapUsed;
  for (const c of conns) c.close();
  holder.close();
  return (h1 - h0) / n / 1024;
}

/** Heap per idle room holding the fixture with one connection (the facilitator's screen), in MB; and whether empty rooms unload. */
export async function idleRooms(target: Target, k: number): Promise<{ perRoomMB: number; unloaded: boolean }> {
  const rooms0 = await target.server.call<number>('rooms');
  // One room first, to warm the code paths; it stays loaded through the measurement.
  const holders: Conn[] = [(await target.makeRoom(0, true)).holder!];
  await sleep(300);
  const h0 = (await target.server.heap()).heapUsed;
  for (let i = 0; i < k; i++) holders.push((await target.makeRoom(0, true)).holder!);
  await sleep(300);
  const h1 = (await target.server.heap()).heapUsed;
  for (const h of holders) h.close();
  let unloaded = false;
  const start = performance.now();
  while (performance.now() - start < 8_000) {
    if ((await target.server.call<number>('rooms')) <= rooms0) {
      unloaded = true;
      break;
    }
    await sleep(100);
  }
  return { perRoomMB: (h1 - h0) / k / 1024 / 1024, unloaded };
}

/** Waits until the server holds no more rooms than `n` (after a shape's connections closed). */
export async function waitRooms(target: Target, n: number, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs && (await target.server.call<number>('rooms')) > n) await sleep(100);
}
