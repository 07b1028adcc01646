/** How the benchmark makes rooms and participants on each server, behind one interface. */
import { randomBytes } from 'node:crypto';
import type { ServerChild } from './proc.ts';
import { hocuspocusClient, rawSioClient, sioClient, type Conn } from './clients.ts';

export interface BenchParticipant {
  id: string;
  connect(observer: boolean): Conn;
}

export interface BenchRoom {
  name: string;
  participants: BenchParticipant[];
  /** A read-only client of the room (facilitator on ours, a plain client on Hocuspocus). */
  viewer(): Conn;
}

export interface Target {
  kind: ServerChild['kind'];
  server: ServerChild;
  /** A room with n participants; `board` is a stored board to start from. */
  makeRoom(n: number, board?: Uint8Array): Promise<{ room: BenchRoom; holder: Conn | null }>;
  /** Adds participants to an existing room (ours: HTTP joins). */
  addParticipants(room: BenchRoom, n: number): Promise<BenchParticipant[]>;
}

const newId = () => randomBytes(9).toString('base64url');

async function post<T>(url: string, body: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.ok) return (await res.json()) as T;
    if (attempt >= 3) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function pool<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

export function oursTarget(server: ServerChild): Target {
  const base = server.url;
  const joinAll = async (code: string, n: number): Promise<BenchParticipant[]> => {
    const out: BenchParticipant[] = new Array(n);
    await pool([...Array(n).keys()], 8, async (i) => {
      const p = await post<{ participantId: string; token: string }>(`${base}/api/workshops/${code}/participants`, { name: `Phone ${i + 1}` });
      out[i] = {
        id: p.participantId,
        connect: (observer) =>
          (observer ? sioClient : rawSioClient)(base, { v: 1, role: 'participant', code, token: p.token }),
      };
    });
    return out;
  };
  return {
    kind: 'ours',
    server,
    async makeRoom(n, board) {
      const w = await post<{ code: string; facilitatorKey: string }>(`${base}/api/workshops`, { title: 'Bench workshop', organisation: 'Bench' });
      if (board) await server.call('seed', { code: w.code, update: Buffer.from(board).toString('base64') });
      const viewer = () => rawSioClient(base, { v: 1, role: 'facilitator', code: w.code, key: w.facilitatorKey });
      // The facilitator's screen holds the room, as in a workshop.
      const holder = board ? viewer() : null;
      if (holder) await holder.synced;
      const participants = await joinAll(w.code, n);
      return { room: { name: w.code, participants, viewer }, holder };
    },
    async addParticipants(room, n) {
      const more = await joinAll(room.name, n);
      room.participants.push(...more);
      return more;
    },
  };
}

export function hocuspocusTarget(server: ServerChild): Target {
  const base = server.url;
  const make = (docName: string, n: number): BenchParticipant[] =>
    Array.from({ length: n }, () => ({ id: newId(), connect: () => hocuspocusClient(base, docName) }));
  return {
    kind: 'hocuspocus',
    server,
    async makeRoom(n, board) {
      const name = `room-${newId()}`;
      let holder: Conn | null = null;
      if (board) {
        // Hocuspocus keeps a document while a connection holds it: the seeding client stays.
        holder = hocuspocusClient(base, name);
        await holder.synced;
        await new Promise<void>((resolve, reject) => holder!.sendUpdate(board, (ok) => (ok ? resolve() : reject(new Error('seed refused')))));
      }
      return { room: { name, participants: make(name, n), viewer: () => hocuspocusClient(base, name) }, holder };
    },
    async addParticipants(room, n) {
      const more = make(room.name, n);
      room.participants.push(...more);
      return more;
    },
  };
}
