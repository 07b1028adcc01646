/**
 * npm run soak [-- --minutes 3 --rooms 8 --clients 25 --storm 1000]
 *
 * A bounded soak: the server runs as a child process (--expose-gc, asked over
 * IPC for its heap after a full GC). Rooms get steady edits, joins, leaves and
 * reconnects; near the end a reconnect storm drops `storm` clients within a
 * second and times their resync. It ends by checking that every client of
 * every room converged on the server's board, and that server memory returned
 * near its idle level once everyone left. Exit code 0 only if both hold.
 * SOAK_MINUTES also sets the duration (default 10).
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';

if (process.argv.includes('--serve')) {
  // The server side: the real app, plus an IPC hook that reports heap after GC.
  const { loadConfig } = await import('../server/config.ts');
  const { buildApp } = await import('../server/app.ts');
  const app = await buildApp(loadConfig());
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  process.send!({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'heap') {
      const gc = (globalThis as { gc?: () => void }).gc;
      for (let i = 0; i < 4; i++) {
        gc?.();
        await new Promise((r) => setTimeout(r, 50));
      }
      const mem = process.memoryUsage();
      process.send!({ type: 'heap', heapUsed: mem.heapUsed, rss: mem.rss, rooms: app.rooms.size, sockets: app.io.engine.clientsCount });
    } else if (m.type === 'stop') {
      await app.close();
      process.exit(0);
    }
  });
} else {
  await drive();
}

async function drive(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '10' },
      rooms: { type: 'string', default: '8' },
      clients: { type: 'string', default: '25' },
      storm: { type: 'string', default: '1000' },
    },
  });
  const minutes = Number(values.minutes);
  const roomCount = Number(values.rooms);
  const perRoom = Number(values.clients);
  const stormSize = Number(values.storm);
  const { putCard, deleteCard, putMarker, readBoard, maps } = await import('../shared/board.ts');
  const { createWorkshop, join, participant, facilitator, eventually } = await import('../tests/helpers/clients.ts');
  type Conn = import('../client/lib/connection.ts').WorkshopConnection;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-shift-soak-'));
  const child: ChildProcess = fork(path.resolve(import.meta.dirname, 'soak.ts'), ['--serve'], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ROOM_IDLE_UNLOAD_MS: '2000', MAX_PARTICIPANTS: '2000', STATIC_DIR: path.join(dataDir, 'none') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string) => new Promise<T>((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
  });
  const heap = async () => {
    const r = next<{ heapUsed: number; rss: number; rooms: number; sockets: number }>('heap');
    child.send({ type: 'heap' });
    return r;
  };
  const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
  let crashed = false;
  child.on('exit', (code) => {
    if (code !== 0) crashed = true;
  });

  const { port } = await next<{ port: number }>('listening');
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
  console.log(`soak: ${minutes} min, ${roomCount} rooms x ${perRoom} clients, storm ${stormSize}; idle heap ${mb(idle.heapUsed)} (rss ${mb(idle.rss)})`);

  interface RoomState {
    code: string;
    key: string;
    fac: Conn;
    phones: Array<{ conn: Conn; pid: string; token: string }>;
  }
  const rooms: RoomState[] = [];
  const counts = { edits: 0, deletes: 0, markers: 0, commands: 0, joins: 0, leaves: 0, reconnects: 0, rejected: 0 };
  const phone = (code: string, p: { participantId: string; token: string }) => {
    const conn = participant(url, code, p.token);
    conn.on('rejected', () => counts.rejected++);
    return { conn, pid: p.participantId, token: p.token };
  };
  for (let r = 0; r < roomCount; r++) {
    const w = await createWorkshop(url, { title: `Soak ${r}` });
    const fac = facilitator(url, w.code, w.facilitatorKey);
    const people = await Promise.all(Array.from({ length: perRoom }, (_, i) => join(url, w.code, `P${i}`)));
    rooms.push({ code: w.code, key: w.facilitatorKey, fac, phones: people.map((p) => phone(w.code, p)) });
  }
  await Promise.all(rooms.flatMap((r) => [r.fac, ...r.phones.map((p) => p.conn)]).map((c) => c.whenSynced()));

  const rand = (n: number) => Math.floor(Math.random() * n);
  const end = Date.now() + minutes * 60_000;
  let tick = 0;
  while (Date.now() < end && !crashed) {
    tick++;
    for (const room of rooms) {
      // Steady edits: a few phones write, edit or delete their own cards, or set a marker.
      for (let k = 0; k < 3; k++) {
        const p = room.phones[rand(room.phones.length)]!;
        if (!p.conn.synced) continue;
        const own = [...maps(p.conn.doc).cards.keys()].filter((key) => key.startsWith(`${p.pid}/`));
        const roll = Math.random();
        if (roll < 0.6 && own.length < 150) {
          putCard(p.conn.doc, p.pid, `c${rand(200)}`, { kind: 'practice', text: `soak ${tick}`, dimension: 'brand', stage: 1 + rand(5), createdAt: Date.now() });
          counts.edits++;
        } else if (roll < 0.8 && own.length) {
          deleteCard(p.conn.doc, own[rand(own.length)]!);
          counts.deletes++;
        } else {
          putMarker(p.conn.doc, p.pid, 'people', { current: 1 + rand(5), target: 1 + rand(5) });
          counts.markers++;
        }
      }
      if (tick % 10 === 0) {
        void room.fac.command(Math.random() < 0.5 ? { type: 'timer:start', durationMs: 60_000 } : { type: 'phase:set', phase: 'map' });
        counts.commands++;
      }
      // Now and then someone leaves for good and someone new joins.
      if (Math.random() < 0.05 && room.phones.length > 5) {
        const [gone] = room.phones.splice(rand(room.phones.length), 1);
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
      console.log(`soak: ${Math.round((end - Date.now()) / 1000)} s left, heap ${mb(h.heapUsed)}, ${h.rooms} rooms, ${h.sockets} sockets, ${JSON.stringify(counts)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  // The reconnect storm, in rooms of its own.
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
    await Promise.all(storm.map((c) => new Promise<void>((r) => setTimeout(() => (c.socket.io.engine?.close(), r()), Math.random() * 1_000))));
    await eventually(() => storm.every((c) => c.synced), 30_000, 'the storm did not settle').catch(() => {});
    stormMs = storm.every((c) => c.synced) ? Date.now() - t0 : -1;
    console.log(`soak: reconnect storm of ${storm.length} clients: ${stormMs >= 0 ? `all synced ${stormMs} ms after the first drop` : 'NOT all synced within 30 s'}`);
    for (const c of storm) c.close();
  }

  // Convergence: every live client of every room holds the server's board.
  let converged = true;
  for (const room of rooms) {
    const all = [room.fac, ...room.phones.map((p) => p.conn)];
    const ok = await eventually(() => all.every((c) => c.synced && c.pending === 0), 30_000, 'clients did not settle').then(() => true, () => false);
    const fresh = facilitator(url, room.code, room.key);
    await fresh.whenSynced();
    const truth = JSON.stringify({ cards: readBoard(fresh.doc).cards, markers: readBoard(fresh.doc).markers });
    const sv = Buffer.from(Y.encodeStateVector(fresh.doc));
    const same = await eventually(
      () => all.every((c) => JSON.stringify({ cards: readBoard(c.doc).cards, markers: readBoard(c.doc).markers }) === truth),
      15_000,
      'diverged',
    ).then(() => true, () => false);
    const behind = all.filter((c) => Buffer.compare(Buffer.from(Y.encodeStateVector(c.doc)), sv) !== 0).length;
    if (!ok || !same) {
      converged = false;
      console.log(`soak: room ${room.code} did NOT converge (settled ${ok}, same board ${same}, state vectors differing ${behind})`);
    }
    fresh.close();
  }

  // Everyone leaves; rooms unload; memory should be back near idle.
  for (const room of rooms) for (const c of [room.fac, ...room.phones.map((p) => p.conn)]) c.close();
  await new Promise((r) => setTimeout(r, 6_000));
  const after = await heap();
  const grewBy = after.heapUsed - idle.heapUsed;
  const memoryOk = grewBy < Math.max(16 * 1_048_576, idle.heapUsed * 0.5);
  const summary = {
    minutes,
    rooms: roomCount,
    clientsPerRoom: perRoom,
    ...counts,
    stormClients: stormSize,
    stormResyncMs: stormMs,
    converged,
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
  process.exit(converged && memoryOk && !crashed && (stormSize === 0 || stormMs >= 0) ? 0 : 1);
}
