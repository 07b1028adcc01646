/**
 * The workload: rooms of writers making small open-loop edits, observers
 * timing every edit's arrival, a load ladder to find the knee, a fixed-load
 * phase at half the knee, the exactly-once and convergence checks, the join
 * storm and the idle-heap measurements.
 */
import * as Y from 'yjs';
import { defaultDimensions, maps } from '../shared/board.ts';
import type { Conn } from './clients.ts';
import { pool, type BenchRoom, type Target } from './targets.ts';
import { percentile, rng } from './stats.ts';

const LOCAL = Symbol('local');
const REMOTE = Symbol('remote');
const DIMS = defaultDimensions().map((d) => d.key);
const TEXTS = ['More listening, less broadcasting', 'Answer within a day', 'Leaders post themselves', 'Share customer stories', 'Fewer approvals'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Phase {
  lat: number[];
  edits: number;
  acks: number;
  expected: number;
  received: number;
  deliveries: number;
}

export interface PhaseResult {
  label: string;
  load: number;
  edits: number;
  p50: number;
  p99: number;
  max: number;
  late: number;
  serverCpuMs: number;
  cpuUsPerDelivery: number;
  bytesPerEdit: number;
  genCpuShare: number;
  sendLagP99: number;
  wallMs: number;
}

class Writer {
  doc = new Y.Doc();
  sentAt: number[] = [];
  phaseOf: number[] = [];
  edits = 0;
  acked = 0;
  failed = 0;
  othersObserving = 0;
  roomSize = 0;
  seen: Map<Writer, Uint8Array> | null = null;
  private last: Uint8Array | null = null;

  constructor(
    readonly pid: string,
    readonly conn: Conn,
    readonly shape: ShapeRun,
    readonly roomIndex: number,
    observer: boolean,
  ) {
    this.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) this.last = u;
    });
    if (observer) {
      this.seen = new Map();
      conn.onUpdate = (u, at) => this.receive(u, at);
    }
  }

  edit(intended: number, phaseIndex: number): void {
    const j = this.edits++;
    const clock = j; // only this writer writes with this client id
    const pid = this.pid;
    this.doc.transact(() => {
      if (j % 2 === 0) {
        maps(this.doc).cards.set(`${pid}/b0`, {
          kind: 'barrier',
          text: `${TEXTS[(j >> 1) % TEXTS.length]} (${j})`,
          dimension: null,
          stage: null,
          createdAt: Math.round(performance.timeOrigin + intended),
        });
      } else {
        maps(this.doc).markers.set(`${pid}/${DIMS[(j >> 1) % DIMS.length]}`, { current: 1 + ((j * 7) % 5), target: 1 + ((j * 3) % 5) });
      }
    }, LOCAL);
    this.sentAt[clock] = intended;
    this.phaseOf[clock] = phaseIndex;
    const ph = this.shape.phases[phaseIndex]!;
    ph.edits++;
    ph.expected += this.othersObserving;
    ph.deliveries += this.roomSize - 1;
    const update = this.last!;
    this.last = null;
    this.conn.sendUpdate(update, (ok) => {
      this.acked++;
      ph.acks++;
      if (!ok) this.failed++;
    });
  }

  private receive(u: Uint8Array, at: number): void {
    const { structs } = Y.decodeUpdate(u);
    const byClient = this.shape.byClient;
    for (const s of structs) {
      const w = byClient.get(s.id.client);
      if (!w || w === this || !(s instanceof Y.Item)) continue;
      let seen = this.seen!.get(w);
      const end = s.id.clock + s.length;
      if (!seen || seen.length < end) {
        const grown = new Uint8Array(Math.max(end * 2, 64));
        if (seen) grown.set(seen);
        this.seen!.set(w, (seen = grown));
      }
      for (let c = s.id.clock; c < end; c++) {
        if (++seen[c]! !== 1) continue;
        const ph = this.shape.phases[w.phaseOf[c]!];
        if (!ph) continue;
        ph.lat.push(at - w.sentAt[c]!);
        ph.received++;
      }
    }
    Y.applyUpdate(this.doc, u, REMOTE);
  }
}

export interface ShapeRun {
  rooms: BenchRoom[];
  writers: Writer[];
  byRoom: Writer[][];
  byClient: Map<number, Writer>;
  phases: Phase[];
  close(): void;
}

export async function setupShape(target: Target, rooms: number, perRoom: number, observersPerRoom: number): Promise<ShapeRun> {
  const made: BenchRoom[] = new Array(rooms);
  await pool([...Array(rooms).keys()], 4, async (i) => {
    made[i] = (await target.makeRoom(perRoom)).room;
  });
  const shape: ShapeRun = {
    rooms: made,
    writers: [],
    byRoom: [],
    byClient: new Map(),
    phases: [],
    close() {
      for (const w of shape.writers) w.conn.close();
    },
  };
  made.forEach((room, r) => {
    const list: Writer[] = [];
    room.participants.forEach((p, i) => {
      const observer = i < observersPerRoom;
      const w = new Writer(p.id, p.connect(observer), shape, r, observer);
      while (shape.byClient.has(w.doc.clientID)) w.doc.clientID = Math.floor(Math.random() * 2 ** 31);
      shape.byClient.set(w.doc.clientID, w);
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

function totalBytes(shape: ShapeRun): number {
  let n = 0;
  for (const w of shape.writers) n += w.conn.bytes();
  return n;
}

/** Open-loop Poisson edits at `rate` per second in total for `durationMs`, then waits for delivery. */
export async function runPhase(
  target: Target,
  shape: ShapeRun,
  label: string,
  rate: number,
  durationMs: number,
  drainMs: number,
  seed: number,
): Promise<PhaseResult> {
  const phase: Phase = { lat: [], edits: 0, acks: 0, expected: 0, received: 0, deliveries: 0 };
  const index = shape.phases.push(phase) - 1;
  const writers = shape.writers;
  const perWriter = rate / writers.length / 1000; // edits per ms
  const rand = rng(seed);
  const cpu0 = await target.server.cpuMs();
  const bytes0 = totalBytes(shape);
  const gen0 = process.cpuUsage();
  const start = performance.now() + 5;
  const end = start + durationMs;
  const events: { t: number; w: Writer }[] = [];
  for (const w of writers) {
    let t = start - Math.log(1 - rand()) / perWriter;
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
  const bytes1 = totalBytes(shape);
  const lat = phase.lat.slice();
  const late = phase.expected - phase.received;
  for (let k = 0; k < late; k++) lat.push(Infinity);
  const sorted = Float64Array.from(lat).sort();
  const lagSorted = Float64Array.from(lags).sort();
  return {
    label,
    load: rate,
    edits: phase.edits,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    late,
    serverCpuMs: cpu1 - cpu0,
    cpuUsPerDelivery: ((cpu1 - cpu0) * 1000) / Math.max(1, phase.deliveries),
    bytesPerEdit: (bytes1 - bytes0) / Math.max(1, phase.edits),
    genCpuShare: (gen.user + gen.system) / 1000 / wallMs,
    sendLagP99: percentile(lagSorted, 99),
    wallMs,
  };
}

/** Waits for everything, then checks that every edit arrived exactly once everywhere and every doc converged. */
export async function checkShape(shape: ShapeRun, timeoutMs = 15_000): Promise<{ lost: number; duplicated: number; rejected: number; mismatched: number; converged: boolean }> {
  const start = performance.now();
  const done = () => shape.phases.every((p) => p.received >= p.expected && p.acks >= p.edits);
  while (!done() && performance.now() - start < timeoutMs) await sleep(20);
  let lost = 0;
  let duplicated = 0;
  let rejected = 0;
  let mismatched = 0;
  for (const w of shape.writers) rejected += w.failed + w.conn.errors.length;
  const compare = (doc: Y.Doc, writers: Writer[], skip: Writer | null) => {
    const target = maps(doc);
    for (const w of writers) {
      if (w === skip) continue;
      for (const root of ['cards', 'markers'] as const) {
        maps(w.doc)[root].forEach((value, key) => {
          if (!key.startsWith(`${w.pid}/`)) return;
          if (JSON.stringify(target[root].get(key)) !== JSON.stringify(value)) mismatched++;
        });
      }
    }
  };
  shape.byRoom.forEach((writers) => {
    for (const o of writers) {
      if (!o.seen) continue;
      for (const w of writers) {
        if (w === o) continue;
        const seen = o.seen.get(w);
        for (let c = 0; c < w.edits; c++) {
          const n = seen?.[c] ?? 0;
          if (n === 0) lost++;
          else if (n > 1) duplicated++;
        }
      }
      compare(o.doc, writers, o);
    }
  });
  // A fresh client in a few rooms gets the same board from the server.
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

/** n phones with tokens connect to one room holding `board` at the same instant; times to synced. */
export async function joinStorm(target: Target, board: Uint8Array, n: number, profileFile?: string): Promise<{ p50: number; p99: number; max: number; bytesPerJoin: number; ok: boolean; wallMs: number; serverCpuMs: number; genCpuMs: number }> {
  const { room, holder } = await target.makeRoom(0, board);
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
  const fixture = new Y.Doc();
  Y.applyUpdate(fixture, board);
  const ok = maps(check).cards.size === maps(fixture).cards.size && maps(check).cards.size > 0;
  for (const c of conns) c.close();
  holder?.close();
  check.destroy();
  fixture.destroy();
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1]!, bytesPerJoin: bytes / n, ok, wallMs, serverCpuMs, genCpuMs: (gen.user + gen.system) / 1000 };
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
      void c.synced.then(() => c.sendAwareness(awarenessUpdate(1 + Math.floor(Math.random() * 2 ** 30), { user: { id: p.id, name: 'Phone' } })));
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

/** Heap per idle room holding `board` with one connection (the facilitator's screen), in MB; and whether empty rooms unload. */
export async function idleRooms(target: Target, board: Uint8Array, k: number): Promise<{ perRoomMB: number; unloaded: boolean }> {
  const rooms0 = await target.server.call<number>('rooms');
  // One room first, to warm the code paths; it stays loaded through the measurement.
  const holders: Conn[] = [(await target.makeRoom(0, board)).holder!];
  await sleep(300);
  const h0 = (await target.server.heap()).heapUsed;
  for (let i = 0; i < k; i++) holders.push((await target.makeRoom(0, board)).holder!);
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
