/**
 * npm run soak [-- --minutes 3 --rooms 8 --clients 25 --storm 1000 --flood-seconds 20 --flood-sockets 200]
 *
 * A bounded soak of protocol 2. The server runs as a child process
 * (--expose-gc; asked over IPC for its heap after a full GC and for the truth
 * of a room: each participant's own document and the derived room and console
 * documents). Rooms of phones, a facilitator's console and a projector go
 * through the phases again and again: phones write, edit and delete their own
 * cards and markers, vote in Prioritise and edit the roadmap; the facilitator
 * moves phases and reveals; people join, leave, are removed and reconnect.
 * Then:
 *
 * - a presence flood: one participant tries to hold `flood-sockets` sockets at
 *   once, churning connect/disconnect; the caps refuse most. `/healthz` is
 *   timed from a separate process before and during it (p50/p99/max);
 * - a reconnect storm: `storm` clients drop within a second; time to resync;
 * - convergence: every participant's own document equals the server's, every
 *   screen's room document equals the server's projection, and every
 *   console's console document too;
 * - memory: heap after GC once everyone left and rooms unloaded, against the
 *   idle level.
 *
 * All clients come from one loopback address, standing in for many venues:
 * the per-address socket cap and join limits are raised for the soak; the
 * per-participant cap and connect rate (what the flood is about) keep their
 * defaults. Exit code 0 only if the room converged, memory returned, the
 * storm resynced, and `/healthz` stayed fast during the flood (p99 under
 * 250 ms, max under 1 s). SOAK_MINUTES also sets the duration (default 10).
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type * as YT from 'yjs';

/** Roots of each document, compared one by one (a Y.Doc only lists the roots it has used). */
const ROOTS = {
  room: ['meta', 'cards', 'stats', 'dists', 'votes', 'people', 'roadmap', 'initiatives'],
  console: ['cards', 'people'],
  mine: ['cards', 'markers', 'votes', 'public', 'clients'],
} as const;

/** A document's content as JSON with sorted keys (key order in a Y.Map depends on arrival order). */
function canonical(doc: YT.Doc, roots: readonly string[]): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(Object.fromEntries(roots.map((r) => [r, doc.getMap(r).toJSON()]))));
}

const mode = process.argv.includes('--serve') ? 'serve' : process.argv.includes('--probe') ? 'probe' : 'drive';
if (mode === 'serve') await serve();
else if (mode === 'probe') await probe();
else await drive();

/** The server side: the real app, plus IPC for heap after GC and a room's truth. */
async function serve(): Promise<void> {
  const { loadConfig } = await import('../server/config.ts');
  const { buildApp } = await import('../server/app.ts');
  const app = await buildApp(loadConfig());
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  process.send!({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
  process.on('message', async (m: { type: string; code?: string }) => {
    if (m.type === 'heap') {
      const gc = (globalThis as { gc?: () => void }).gc;
      for (let i = 0; i < 4; i++) {
        gc?.();
        await new Promise((r) => setTimeout(r, 50));
      }
      const mem = process.memoryUsage();
      process.send!({ type: 'heap', heapUsed: mem.heapUsed, rss: mem.rss, rooms: app.rooms.size, sockets: app.io.engine.clientsCount });
    } else if (m.type === 'truth') {
      const room = await app.rooms.get(m.code!);
      await room.flush();
      const mine: Record<string, string> = {};
      for (const pid of room.state.presentIds()) mine[pid] = canonical(room.state.privateDoc(pid), ROOTS.mine);
      process.send!({
        type: 'truth',
        code: m.code,
        mine,
        room: canonical(room.projection.room, ROOTS.room),
        console: canonical(room.projection.console, ROOTS.console),
        connections: room.connections.size,
      });
    } else if (m.type === 'stop') {
      await app.close();
      process.exit(0);
    }
  });
}

/** A separate process that times GET /healthz back to back, and reports a window of it. */
async function probe(): Promise<void> {
  const url = process.argv[process.argv.indexOf('--probe') + 1]!;
  const samples: Array<{ at: number; ms: number }> = [];
  process.on('message', (m: { type: string; from: number; to: number }) => {
    if (m.type !== 'window') return;
    const ms = samples
      .filter((s) => s.at >= m.from && s.at <= m.to)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const q = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]! : NaN);
    process.send!({
      type: 'window',
      n: ms.length,
      p50: q(50),
      p99: q(99),
      max: ms.length ? ms[ms.length - 1]! : NaN,
      failed: samples.filter((s) => s.at >= m.from && s.at <= m.to && s.ms < 0).length,
    });
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'probing' });
  for (;;) {
    const t0 = performance.now();
    let ms: number;
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
      await res.text();
      ms = res.ok ? performance.now() - t0 : -1;
    } catch {
      ms = 10_000;
    }
    samples.push({ at: Date.now(), ms });
    if (samples.length > 200_000) samples.splice(0, 100_000);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function drive(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '10' },
      rooms: { type: 'string', default: '8' },
      clients: { type: 'string', default: '25' },
      storm: { type: 'string', default: '1000' },
      'flood-seconds': { type: 'string', default: '20' },
      'flood-sockets': { type: 'string', default: '200' },
    },
  });
  const minutes = Number(values.minutes);
  const roomCount = Number(values.rooms);
  const perRoom = Number(values.clients);
  const stormSize = Number(values.storm);
  const floodSeconds = Number(values['flood-seconds']);
  const floodSockets = Number(values['flood-sockets']);
  const { io } = await import('socket.io-client');
  const { parser } = await import('../shared/wire/sio-parser.ts');
  const { putCard, deleteCard, putMarker, readMyCards } = await import('../shared/doc/private-doc.ts');
  const { readRoomBoard } = await import('../shared/doc/room-doc.ts');
  const { PROTOCOL_VERSION } = await import('../shared/schema/protocol.ts');
  const { createWorkshop, join, participant, facilitator, viewer, viewerKeyOf, eventually } = await import('../tests/helpers/clients.ts');
  type Conn = import('../client/lib/connection.ts').WorkshopConnection;
  type Phase = import('../shared/domain/canvas.ts').Phase;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-shift-soak-'));
  const child: ChildProcess = fork(path.resolve(import.meta.dirname, 'soak.ts'), ['--serve'], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ROOM_IDLE_UNLOAD_MS: '2000',
      MAX_PARTICIPANTS: '2000',
      STATIC_DIR: path.join(dataDir, 'none'),
      // One loopback address stands in for every venue: its per-address limits are lifted.
      MAX_CONNECTIONS_PER_ADDRESS: '100000',
      JOIN_BURST_PER_ADDRESS: '100000',
      JOINS_PER_MINUTE_PER_ADDRESS: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(proc: ChildProcess, type: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type !== type) return;
        proc.off('message', on);
        resolve(m as T);
      };
      proc.on('message', on);
    });
  const heap = async () => {
    const r = next<{ heapUsed: number; rss: number; rooms: number; sockets: number }>(child, 'heap');
    child.send({ type: 'heap' });
    return r;
  };
  const truth = async (code: string) => {
    const r = next<{ mine: Record<string, string>; room: string; console: string; connections: number }>(child, 'truth');
    child.send({ type: 'truth', code });
    return r;
  };
  const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
  let crashed = false;
  child.on('exit', (code) => {
    if (code !== 0) crashed = true;
  });

  const { port } = await next<{ port: number }>(child, 'listening');
  const url = `http://127.0.0.1:${port}`;
  // Idle level: the server after one workshop has come and gone (modules loaded, code paths warm).
  {
    const w = await createWorkshop(url);
    const f = facilitator(url, w.code, w.facilitatorKey);
    await f.whenSynced();
    f.close();
    await new Promise((r) => setTimeout(r, 3_000));
  }
  const idle = await heap();
  console.log(
    `soak: ${minutes} min, ${roomCount} rooms x ${perRoom} clients, storm ${stormSize}, flood ${floodSockets} sockets for ${floodSeconds} s; idle heap ${mb(idle.heapUsed)} (rss ${mb(idle.rss)})`,
  );

  interface Phone {
    conn: Conn;
    pid: string;
    token: string;
  }
  interface SoakRoom {
    code: string;
    key: string;
    fac: Conn;
    projector: Conn;
    phones: Phone[];
    step: number;
  }
  const rooms: SoakRoom[] = [];
  const counts = {
    cards: 0,
    deletes: 0,
    markers: 0,
    votes: 0,
    roadmapEdits: 0,
    commands: 0,
    joins: 0,
    leaves: 0,
    removals: 0,
    reconnects: 0,
  };
  const refused: Record<string, number> = {};
  const refuse = (code: string) => (refused[code] = (refused[code] ?? 0) + 1);
  const phone = (code: string, p: { participantId: string; token: string }): Phone => {
    const conn = participant(url, code, p.token);
    conn.on('rejected', (r) => refuse(`rejected:${r.code}`));
    return { conn, pid: p.participantId, token: p.token };
  };
  for (let r = 0; r < roomCount; r++) {
    const w = await createWorkshop(url, { title: `Soak ${r}`, settings: { anonymous: r % 2 === 1, minAnswers: 2 } });
    const fac = facilitator(url, w.code, w.facilitatorKey);
    const projector = viewer(url, w.code, viewerKeyOf(w));
    const people = await Promise.all(Array.from({ length: perRoom }, (_, i) => join(url, w.code, `P${i}`)));
    rooms.push({ code: w.code, key: w.facilitatorKey, fac, projector, phones: people.map((p) => phone(w.code, p)), step: 0 });
  }
  await Promise.all(rooms.flatMap((r) => [r.fac, r.projector, ...r.phones.map((p) => p.conn)]).map((c) => c.whenSynced()));

  /** The facilitator's script, one step every few seconds: through the phases, revealing, and round again. */
  const SCRIPT: Array<Array<Parameters<Conn['command']>[0]>> = [
    [
      { type: 'phase:set', phase: 'map' },
      { type: 'timer:start', durationMs: 300_000 },
    ],
    [{ type: 'reveal:set', phase: 'map', revealed: true }],
    [{ type: 'phase:set', phase: 'assess' }, { type: 'timer:reset' }],
    [{ type: 'reveal:set', phase: 'assess', revealed: true }],
    [{ type: 'phase:set', phase: 'prioritise' }],
    [{ type: 'reveal:set', phase: 'prioritise', revealed: true }],
    [
      { type: 'phase:set', phase: 'roadmap' },
      { type: 'roadmap:generate', apply: true },
    ],
    [{ type: 'roadmap:generate', apply: true }],
    [
      { type: 'phase:set', phase: 'map' },
      { type: 'reveal:set', phase: 'map', revealed: false },
      { type: 'reveal:set', phase: 'assess', revealed: false },
      { type: 'reveal:set', phase: 'prioritise', revealed: false },
    ],
  ];
  const DIMS = ['brand', 'people', 'leadership', 'conversation', 'content'];
  const rand = (n: number) => Math.floor(Math.random() * n);
  const phaseOf = (room: SoakRoom): Phase => readRoomBoard(room.fac.room).phase;

  async function act(room: SoakRoom, p: Phone, tick: number): Promise<void> {
    const mine = p.conn.mine!;
    const own = readMyCards(mine);
    const roll = Math.random();
    const phase = phaseOf(room);
    let result: Awaited<ReturnType<Conn['write']>> | Awaited<ReturnType<Conn['command']>>;
    if (phase === 'prioritise' && roll < 0.3) {
      const board = readRoomBoard(room.fac.room);
      const cards = board.cards.filter((c) => !c.hidden);
      const target = cards.length && Math.random() < 0.5 ? `card:${cards[rand(cards.length)]!.id}` : `dim:${DIMS[rand(DIMS.length)]}`;
      result = await p.conn.command({ type: 'vote:set', target, count: rand(3) });
      counts.votes++;
    } else if (phase === 'roadmap' && roll < 0.3) {
      const initiatives = readRoomBoard(room.fac.room).roadmap?.initiatives ?? [];
      if (!initiatives.length) return;
      result = await p.conn.command({
        type: 'roadmap:edit',
        initiativeId: initiatives[rand(initiatives.length)]!.id,
        patch: { owner: `Owner ${tick}` },
      });
      counts.roadmapEdits++;
    } else if (roll < 0.65 && own.length < 150) {
      const kind = Math.random() < 0.8 ? 'practice' : 'barrier';
      const id = own.length && Math.random() < 0.4 ? own[rand(own.length)]!.id : `c${rand(200)}`;
      result = await p.conn.write((d) =>
        putCard(d, id, {
          kind,
          text: `soak ${tick} ${p.pid.slice(0, 4)}`,
          dimension: kind === 'practice' ? DIMS[rand(DIMS.length)]! : null,
          stage: kind === 'practice' ? 1 + rand(5) : null,
          createdAt: Date.now(),
        }),
      );
      counts.cards++;
    } else if (roll < 0.8 && own.length) {
      result = await p.conn.write((d) => deleteCard(d, own[rand(own.length)]!.id));
      counts.deletes++;
    } else {
      result = await p.conn.write((d) =>
        putMarker(d, DIMS[rand(DIMS.length)]!, { current: 1 + rand(5), target: Math.random() < 0.2 ? null : 1 + rand(5) }),
      );
      counts.markers++;
    }
    if (!result.ok) refuse(result.error.code);
  }

  const end = Date.now() + minutes * 60_000;
  let tick = 0;
  const inflight = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };
  while (Date.now() < end && !crashed) {
    tick++;
    for (const room of rooms) {
      // Steady activity: a few phones act at once.
      for (let k = 0; k < 3; k++) {
        const p = room.phones[rand(room.phones.length)]!;
        if (p.conn.synced) track(act(room, p, tick).catch((err) => void refuse(`driver:${String(err).slice(0, 40)}`)));
      }
      if (tick % 15 === 0) {
        const steps = SCRIPT[room.step++ % SCRIPT.length]!;
        track(
          (async () => {
            for (const cmd of steps) {
              const r = await room.fac.command(cmd);
              counts.commands++;
              if (!r.ok) refuse(`facilitator:${r.error.code}`);
            }
          })(),
        );
      }
      // Now and then someone leaves for good (or is removed) and someone new joins.
      if (Math.random() < 0.05 && room.phones.length > 5) {
        const [gone] = room.phones.splice(rand(room.phones.length), 1);
        if (Math.random() < 0.3) {
          const r = await room.fac.command({ type: 'participant:remove', participantId: gone!.pid });
          if (!r.ok) refuse(`remove:${r.error.code}`);
          counts.removals++;
        }
        gone!.conn.close();
        counts.leaves++;
        const p = await join(url, room.code, `J${tick}`);
        room.phones.push(phone(room.code, p));
        counts.joins++;
      }
      // And a phone's connection drops (Wi-Fi blip) and comes back by itself.
      if (Math.random() < 0.1) {
        room.phones[rand(room.phones.length)]!.conn.socket.io.engine?.close();
        counts.reconnects++;
      }
    }
    if (tick % 150 === 0) {
      const h = await heap();
      console.log(
        `soak: ${Math.round((end - Date.now()) / 1000)} s left, heap ${mb(h.heapUsed)}, ${h.rooms} rooms, ${h.sockets} sockets, ${JSON.stringify(counts)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await Promise.all(inflight);

  // ---------------------------------------------------------------- the presence flood, /healthz timed from another process
  const prober = fork(path.resolve(import.meta.dirname, 'soak.ts'), ['--probe', url], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await next(prober, 'probing');
  const healthz = async (from: number, to: number) => {
    const r = next<{ n: number; p50: number; p99: number; max: number; failed: number }>(prober, 'window');
    prober.send({ type: 'window', from, to });
    return r;
  };
  const round1 = (x: number) => Math.round(x * 10) / 10;
  let flood: Record<string, unknown> = { skipped: true };
  let healthzOk = true;
  if (floodSeconds > 0 && floodSockets > 0 && !crashed) {
    const room = rooms[0]!;
    const baselineFrom = Date.now();
    await new Promise((r) => setTimeout(r, 5_000));
    const baseline = await healthz(baselineFrom, Date.now());
    const flooder = await join(url, room.code, 'Flood');
    // The room's other screens count the presence updates the flood makes them receive.
    const watchers = [room.fac, room.projector, ...room.phones.map((p) => p.conn)];
    const stats = { attempts: 0, accepted: 0, refusedByCode: {} as Record<string, number>, maxOpen: 0, presenceEventsPerScreen: 0 };
    let open = 0;
    let stop = false;
    const auth = { v: PROTOCOL_VERSION, role: 'participant', code: room.code, token: flooder.token };
    const slot = async () => {
      while (!stop) {
        stats.attempts++;
        const s = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, parser });
        const outcome = await new Promise<string>((resolve) => {
          s.once('connect', () => resolve('connected'));
          s.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve(err.data?.code ?? 'transport'));
        });
        if (outcome === 'connected') {
          stats.accepted++;
          stats.maxOpen = Math.max(stats.maxOpen, ++open);
          await new Promise((r) => setTimeout(r, rand(100)));
          open--;
        } else {
          stats.refusedByCode[outcome] = (stats.refusedByCode[outcome] ?? 0) + 1;
          await new Promise((r) => setTimeout(r, 50 + rand(100)));
        }
        s.close();
      }
    };
    let presenceEvents = 0;
    const onPresence = () => void presenceEvents++;
    for (const c of watchers) c.socket.on('presence', onPresence);
    const floodFrom = Date.now();
    const slots = Array.from({ length: floodSockets }, slot);
    await new Promise((r) => setTimeout(r, floodSeconds * 1_000));
    const floodTo = Date.now();
    stop = true;
    await Promise.all(slots);
    for (const c of watchers) c.socket.off('presence', onPresence);
    const during = await healthz(floodFrom, floodTo);
    stats.presenceEventsPerScreen = round1(presenceEvents / watchers.length);
    healthzOk = during.failed === 0 && during.p99 < 250 && during.max < 1_000 && stats.maxOpen <= 4;
    flood = {
      seconds: floodSeconds,
      sockets: floodSockets,
      ...stats,
      presencePerScreenPerSecond: round1(presenceEvents / watchers.length / floodSeconds),
      screensInRoom: watchers.length,
      healthzBaseline: { n: baseline.n, p50: round1(baseline.p50), p99: round1(baseline.p99), max: round1(baseline.max) },
      healthzDuringFlood: { n: during.n, p50: round1(during.p50), p99: round1(during.p99), max: round1(during.max), failed: during.failed },
      healthzOk,
    };
    console.log(`soak: presence flood ${JSON.stringify(flood)}`);
    console.log(
      `soak: /healthz from a separate process: before the flood p50 ${round1(baseline.p50)} p99 ${round1(baseline.p99)} max ${round1(baseline.max)} ms (${baseline.n} requests); ` +
        `during it p50 ${round1(during.p50)} p99 ${round1(during.p99)} max ${round1(during.max)} ms (${during.n} requests)`,
    );
  }
  prober.kill();

  // ---------------------------------------------------------------- the reconnect storm, in rooms of its own
  let stormMs = -1;
  if (stormSize > 0 && !crashed) {
    const stormRooms = await Promise.all(Array.from({ length: Math.ceil(stormSize / 200) }, () => createWorkshop(url)));
    const storm: Conn[] = [];
    for (const [i, w] of stormRooms.entries()) {
      const n = Math.min(200, stormSize - i * 200);
      for (let j = 0; j < n; j += 50) {
        const people = await Promise.all(Array.from({ length: Math.min(50, n - j) }, (_, k) => join(url, w.code, `S${j + k}`)));
        storm.push(...people.map((p) => participant(url, w.code, p.token)));
      }
    }
    await Promise.all(storm.map((c) => c.whenSynced()));
    const t0 = Date.now();
    await Promise.all(
      storm.map((c) => new Promise<void>((r) => setTimeout(() => (c.socket.io.engine?.close(), r()), Math.random() * 1_000))),
    );
    await eventually(() => storm.every((c) => c.synced), 30_000, 'the storm did not settle').catch(() => {});
    stormMs = storm.every((c) => c.synced) ? Date.now() - t0 : -1;
    console.log(
      `soak: reconnect storm of ${storm.length} clients: ${stormMs >= 0 ? `all synced ${stormMs} ms after the first drop` : 'NOT all synced within 30 s'}`,
    );
    for (const c of storm) c.close();
  }

  // ---------------------------------------------------------------- convergence: every document equals the server's
  let converged = true;
  const diverged: string[] = [];
  for (const room of rooms) {
    const screens = [room.fac, room.projector, ...room.phones.map((p) => p.conn)];
    const settled = await eventually(() => screens.every((c) => c.synced && c.pending === 0), 30_000, 'clients did not settle').then(
      () => true,
      () => false,
    );
    const check = async () => {
      const t = await truth(room.code);
      const bad: string[] = [];
      for (const p of room.phones) if (canonical(p.conn.mine!, ROOTS.mine) !== t.mine[p.pid]) bad.push(`mine of ${p.pid}`);
      for (const [name, c] of [
        ['console', room.fac],
        ['projector', room.projector],
        ...room.phones.map((p) => [`phone ${p.pid}`, p.conn] as const),
      ] as const) {
        if (canonical(c.room, ROOTS.room) !== t.room) bad.push(`room doc of ${name}`);
      }
      if (canonical(room.fac.console!, ROOTS.console) !== t.console) bad.push('console doc');
      return bad;
    };
    let bad: string[] = [];
    const same = await eventually(async () => (bad = await check()).length === 0, 15_000, 'diverged').then(
      () => true,
      () => false,
    );
    if (!settled || !same) {
      converged = false;
      diverged.push(`${room.code}: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}`);
      console.log(`soak: room ${room.code} did NOT converge (settled ${settled}; differing: ${bad.join(', ')})`);
    }
  }

  // ---------------------------------------------------------------- everyone leaves; rooms unload; memory should be back near idle
  for (const room of rooms) for (const c of [room.fac, room.projector, ...room.phones.map((p) => p.conn)]) c.close();
  await new Promise((r) => setTimeout(r, 6_000));
  const after = await heap();
  const grewBy = after.heapUsed - idle.heapUsed;
  const memoryOk = grewBy < Math.max(16 * 1_048_576, idle.heapUsed * 0.5);
  const summary = {
    minutes,
    rooms: roomCount,
    clientsPerRoom: perRoom,
    ...counts,
    refused,
    stormClients: stormSize,
    stormResyncMs: stormMs,
    flood,
    converged,
    ...(diverged.length ? { diverged } : {}),
    idleHeap: mb(idle.heapUsed),
    finalHeap: mb(after.heapUsed),
    heapGrowth: mb(grewBy),
    roomsLoadedAtEnd: after.rooms,
    socketsAtEnd: after.sockets,
    memoryOk,
    serverCrashed: crashed,
  };
  console.log(`soak: result ${JSON.stringify(summary)}`);
  child.send({ type: 'stop' });
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(converged && memoryOk && healthzOk && !crashed && (stormSize === 0 || stormMs >= 0) ? 0 : 1);
}
