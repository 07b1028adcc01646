/** How the benchmark makes rooms and participants on each server, behind one interface. */
import { randomBytes } from 'node:crypto';
import { PROTOCOL_VERSION, type CreateWorkshopReply, type JoinReply } from '../shared/schema/protocol.ts';
import type { ServerChild } from './proc.ts';
import { facilitatorCommands, hocuspocusClient, rawSioClient, sioClient, type Conn } from './clients.ts';
import type { FixtureOptions } from './fixture.ts';

export interface BenchParticipant {
  id: string;
  connect(observer: boolean): Conn;
}

export interface BenchRoom {
  name: string;
  participants: BenchParticipant[];
  /** A read-only client of the room (the projector on ours, a plain client on Hocuspocus). */
  viewer(): Conn;
  /** Ours: the facilitator key, to move the session between phases. */
  key?: string;
  /** Ours, several nodes: the index of the room's home node (see oursTarget). */
  node?: number;
}

/**
 * What phones' card edits reach. `revealed`: every screen (ours: the Map part revealed, so the
 * server writes each edited card into the room document; Hocuspocus: always). `private`: ours
 * only, Map before the reveal: the server stores the edit and tells the room nothing but counts.
 */
export type Visibility = 'revealed' | 'private';

export interface Target {
  kind: ServerChild['kind'];
  server: ServerChild;
  /** A room with n participants; `withBoard` starts it from the fixture board (bench/fixture.ts). */
  makeRoom(n: number, withBoard?: boolean): Promise<{ room: BenchRoom; holder: Conn | null }>;
  /** Adds participants to an existing room (ours: HTTP joins). */
  addParticipants(room: BenchRoom, n: number): Promise<BenchParticipant[]>;
  /** Sets what card edits reach (ours: facilitator commands; Hocuspocus has only `revealed`). */
  setVisibility(rooms: BenchRoom[], visibility: Visibility): Promise<void>;
  /** Cards in the fixture board as a joining phone sees them. */
  fixtureCards: number;
  /** The key under which a phone writes its card: ours, in its own document; Hocuspocus, in the shared one. */
  cardKey(participantId: string): string;
  /** CPU ms used so far by the services behind the server (Redis, PostgreSQL), by name, when measured. */
  sideCpuMs?(): Promise<Record<string, number>>;
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

/**
 * Our server. `nodes`: the base URLs of several nodes of one cluster (default: the server's
 * own). Each room then has a home node, in turn (it is created there and its facilitator,
 * projector and the commands that set it up connect there, so the home node ends up owning
 * it), and its phones go to the nodes round-robin from the home one: with two nodes, every
 * other phone reaches a node that does not own its room, as behind a load balancer without
 * sticky sessions.
 */
export function oursTarget(server: ServerChild, fixture: FixtureOptions, fixtureCards: number, nodes: string[] = [server.url]): Target {
  let made = 0;
  const homeOf = (room: BenchRoom) => nodes[room.node ?? 0]!;
  const joinAll = async (code: string, home: number, first: number, n: number): Promise<BenchParticipant[]> => {
    const out: BenchParticipant[] = new Array(n);
    const join = async (i: number) => {
      const base = nodes[(home + first + i) % nodes.length]!;
      const p = await post<JoinReply>(`${base}/api/workshops/${code}/participants`, { name: `Phone ${first + i + 1}` });
      out[i] = {
        id: p.participantId,
        connect: (observer) =>
          (observer ? sioClient : rawSioClient)(base, { v: PROTOCOL_VERSION, role: 'participant', code, token: p.token }),
      };
    };
    // A join loads the room where it lands: with several nodes, the first one goes alone, to the home node.
    const alone = nodes.length > 1 && first === 0 && n > 0 ? 1 : 0;
    if (alone) await join(0);
    await pool(
      [...Array(n - alone).keys()].map((i) => i + alone),
      8,
      join,
    );
    return out;
  };
  return {
    kind: 'ours',
    server,
    fixtureCards,
    cardKey: () => 'c0',
    async makeRoom(n, withBoard) {
      const home = made++ % nodes.length;
      const base = nodes[home]!;
      const w = await post<CreateWorkshopReply>(`${base}/api/workshops`, { title: 'Bench workshop', organisation: 'Bench' });
      if (withBoard) await server.call('seed', { code: w.code, options: fixture });
      const viewerKey = /#view=(.+)$/.exec(w.boardUrl)![1]!;
      const viewer = () => rawSioClient(base, { v: PROTOCOL_VERSION, role: 'viewer', code: w.code, key: viewerKey });
      // The facilitator's screen holds the room, as in a workshop.
      const holder = withBoard
        ? rawSioClient(base, { v: PROTOCOL_VERSION, role: 'facilitator', code: w.code, key: w.facilitatorKey })
        : null;
      if (holder) await holder.synced;
      const participants = await joinAll(w.code, home, 0, n);
      return { room: { name: w.code, participants, viewer, key: w.facilitatorKey, node: home }, holder };
    },
    async addParticipants(room, n) {
      const more = await joinAll(room.name, room.node ?? 0, room.participants.length, n);
      room.participants.push(...more);
      return more;
    },
    async setVisibility(rooms, visibility) {
      await pool(rooms, 8, (room) =>
        facilitatorCommands(homeOf(room), room.name, room.key!, [
          { type: 'phase:set', phase: 'map' },
          { type: 'reveal:set', phase: 'map', revealed: visibility === 'revealed' },
        ]),
      );
    },
  };
}

export function hocuspocusTarget(server: ServerChild, board: Uint8Array, fixtureCards: number): Target {
  const base = server.url;
  const make = (docName: string, n: number): BenchParticipant[] =>
    Array.from({ length: n }, () => ({ id: newId(), connect: () => hocuspocusClient(base, docName) }));
  return {
    kind: 'hocuspocus',
    server,
    fixtureCards,
    cardKey: (participantId) => `${participantId}/c0`,
    async makeRoom(n, withBoard) {
      const name = `room-${newId()}`;
      let holder: Conn | null = null;
      if (withBoard) {
        // Hocuspocus keeps a document while a connection holds it: the seeding client stays.
        holder = hocuspocusClient(base, name);
        await holder.synced;
        await new Promise<void>((resolve, reject) =>
          holder!.sendUpdate(board, (ok) => (ok ? resolve() : reject(new Error('seed refused')))),
        );
      }
      return { room: { name, participants: make(name, n), viewer: () => hocuspocusClient(base, name) }, holder };
    },
    async addParticipants(room, n) {
      const more = make(room.name, n);
      room.participants.push(...more);
      return more;
    },
    async setVisibility(_rooms, visibility) {
      // One shared document: every edit reaches everyone. There is no private path to measure.
      if (visibility !== 'revealed') throw new Error('Hocuspocus has no private path');
    },
  };
}
