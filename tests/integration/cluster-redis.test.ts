/**
 * Rooms across nodes when Redis fails, beyond the owner losing it (cluster-faults.test.ts):
 * real server processes, the network to Redis cut for real (tcp-proxy.ts).
 * - Redis cut from a node that forwards: its phones are told to try again and keep their
 *   edits; once Redis is back they reconnect, catch up and their edits land once.
 * - Redis cut from every node: owned rooms keep serving, new ownership waits, and the rooms
 *   are served again once it returns.
 * - Redis comes back empty (leases and epoch counters gone): epochs do not go backwards, the
 *   fence still refuses an owner paused through it, and the rooms are taken again.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { putCard, readMyCards } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { PROTOCOL_VERSION } from '../../shared/schema/protocol.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { api, codeOf, createWorkshop, eventually, facilitator, handshake, join, participant } from '../helpers/clients.ts';
import { startCluster, type TestCluster } from '../helpers/cluster.ts';
import { tcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';

let cluster: TestCluster | undefined;
const conns: WorkshopConnection[] = [];
const proxies: TcpProxy[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.close();
  cluster?.stop();
  cluster = undefined;
  for (const p of proxies.splice(0)) await p.close();
});

type Node = TestCluster['nodes'][number];
const card = (text: string, at: number) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: at });
const consoleTexts = (f: WorkshopConnection) => readRoomBoard(f.room, { console: f.console }).cards.map((c) => c.text);
const boardTexts = (c: WorkshopConnection) => readRoomBoard(c.room).cards.map((x) => x.text);
const open = { title: 'Redis faults', settings: { privateUntilReveal: false } };
const stored = { ok: true, queued: false };
const kept = { ok: true, queued: true };

/** Nodes `through` reach Redis by one proxy the test cuts; the others directly. */
async function clusterWithRedisProxy(count: number, through: number[], env: Record<string, string> = {}) {
  let proxy!: TcpProxy;
  const c = await startCluster(count, 4_000, {
    env,
    nodeEnv: async (i, shared): Promise<Record<string, string>> => {
      if (!through.includes(i)) return {};
      if (!proxy) {
        proxy = await tcpProxy(shared.REDIS_URL!);
        proxies.push(proxy);
      }
      return { REDIS_URL: proxy.url };
    },
  });
  return { cluster: c, proxy, nodes: c.nodes as [Node, Node, ...Node[]] };
}

/** A console, with the room in the map phase (cards may be written), connected to `url`. */
async function mapping(url: string, w: { code: string; facilitatorKey: string }): Promise<WorkshopConnection> {
  const fac = facilitator(url, w.code, w.facilitatorKey);
  conns.push(fac);
  await fac.whenSynced();
  expect((await fac.command({ type: 'phase:set', phase: 'map' })).ok).toBe(true);
  return fac;
}

async function phone(url: string, code: string, name: string, joinAt = url): Promise<WorkshopConnection> {
  const p = participant(url, code, (await join(joinAt, code, name)).token);
  conns.push(p);
  await p.whenSynced();
  return p;
}

/** Which nodes say they are alive in Redis (their heartbeat keys). */
async function aliveCount(c: TestCluster): Promise<number> {
  return (await c.redis.redis.keys(`${c.redis.prefix}node:*:alive`)).length;
}

const leaseEpoch = async (c: TestCluster, code: string) =>
  Number(((await c.redis.redis.get(`${c.redis.prefix}{room:${code}}:lease`)) ?? '0:').split(':')[0]);

describe('Redis out of reach', () => {
  it('from a node that forwards: its phones are told to try again and keep their edits; once it returns they catch up and the edits land once', async () => {
    const { cluster: c, proxy, nodes } = await clusterWithRedisProxy(2, [1]);
    cluster = c;
    const [a, b] = nodes;
    const w = await createWorkshop(a.url, open);
    const fac = await mapping(a.url, w);
    expect(await c.ownerOf(w.code)).toBe(0);
    const pia = await phone(a.url, w.code, 'Pia');
    // Quinn's phone on B, forwarded to A.
    const quinn = await phone(b.url, w.code, 'Quinn');
    expect(await quinn.write((d) => putCard(d, 'q0', card('Quinn before', 0)))).toEqual(stored);
    const refusals: string[] = [];
    quinn.on('rejected', (r) => refusals.push(r.code));

    proxy.cut();
    // B cannot reach the owner: the edit is kept on the phone, which is told why.
    expect(await quinn.write((d) => putCard(d, 'q1', card('Quinn during the cut', 1)))).toEqual(kept);
    await eventually(() => refusals.length > 0, 20_000, 'Quinn was not told why');
    expect(new Set(refusals)).toEqual(new Set(['STORAGE_UNAVAILABLE']));
    // The owner is not affected: Pia's edits are stored.
    expect(await pia.write((d) => putCard(d, 'p1', card('Pia during the cut', 2)))).toEqual(stored);
    // A new phone reaching B cannot be routed, and is told to try again (not refused for good).
    const late = await join(a.url, w.code, 'Late');
    expect(await handshake(b.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: late.token })).toBe(
      'STORAGE_UNAVAILABLE',
    );
    // Long enough for the owner to stop hearing B (its heartbeat expires) and let its guests go.
    await eventually(async () => (await aliveCount(c)) === 1, 20_000, 'B still counted as alive');
    expect(readMyCards(quinn.mine!).map((x) => x.text)).toContain('Quinn during the cut');
    expect(quinn.pending).toBeGreaterThan(0);
    expect(consoleTexts(fac).sort()).toEqual(['Pia during the cut', 'Quinn before']);

    proxy.restore();
    const restoredAt = Date.now();
    // Quinn's phone reconnects by itself, sends what it kept and gets what it missed.
    await eventually(
      () => quinn.status === 'online' && quinn.synced && quinn.pending === 0,
      30_000,
      "Quinn's kept edit was not sent again",
    );
    await eventually(
      () => boardTexts(quinn).includes('Pia during the cut'),
      20_000,
      `Quinn's board missed Pia's edit: ${boardTexts(quinn).join(', ')}`,
    );
    await eventually(() => consoleTexts(fac).includes('Quinn during the cut'), 20_000, "the console did not get Quinn's kept edit");
    const landedMs = Date.now() - restoredAt;
    expect(await quinn.write((d) => putCard(d, 'q2', card('Quinn after', 3)))).toEqual(stored);

    const f = facilitator(b.url, w.code, w.facilitatorKey);
    conns.push(f);
    await f.whenSynced();
    const all = ['Quinn before', 'Quinn during the cut', 'Pia during the cut', 'Quinn after'].sort();
    await eventually(() => consoleTexts(f).length === all.length, 10_000, `the console on B shows ${consoleTexts(f).join(', ')}`);
    expect(consoleTexts(f).sort()).toEqual(all);
    console.log(
      `Redis cut from a forwarding node: ${refusals.length} "try again" answers; its phone caught up and its kept edit landed ${landedMs} ms after Redis returned`,
    );
  }, 90_000);

  it('from every node: owned rooms keep serving, a room no one owns waits, and every room is served again once it returns', async () => {
    const { cluster: c, proxy, nodes } = await clusterWithRedisProxy(2, [0, 1], { ROOM_IDLE_UNLOAD_MS: '200' });
    cluster = c;
    const [a, b] = nodes;
    const w = await createWorkshop(a.url, open);
    const fac = await mapping(a.url, w);
    expect(await c.ownerOf(w.code)).toBe(0);
    const pia = await phone(a.url, w.code, 'Pia');
    const quinn = await phone(b.url, w.code, 'Quinn');
    const idle = await createWorkshop(b.url, open);
    await eventually(async () => (await c.ownerOf(idle.code)) === null, 10_000, 'the second room was not let go');

    proxy.cut();
    const cutAt = Date.now();
    const acked: string[] = [];
    const piaWrites = async (text: string) => {
      expect(await pia.write((d) => putCard(d, `p${acked.length}`, card(text, acked.length))), `"${text}"`).toEqual(stored);
      acked.push(text);
    };
    await piaWrites('Pia just after the cut');
    expect(await quinn.write((d) => putCard(d, 'q1', card('Quinn during the cut', 50)))).toEqual(kept);
    // No node can tell who holds the second room, so none takes it.
    for (const n of [a, b]) {
      const r = await api(n.url, 'GET', `/api/workshops/${idle.code}`);
      expect([r.status, codeOf(r)]).toEqual([503, 'STORAGE_UNAVAILABLE']);
    }
    // A's lease runs out in Redis (nobody can renew it); A still serves its own phones.
    await eventually(
      async () => (await c.redis.redis.pttl(`${c.redis.prefix}{room:${w.code}}:lease`)) < 0,
      20_000,
      'the lease outlived its TTL',
    );
    await piaWrites('Pia after the lease ran out');
    await eventually(() => acked.every((t) => consoleTexts(fac).includes(t)), 10_000, "the console on A did not get Pia's edits");
    expect(await c.ownerOf(idle.code)).toBeNull();
    const cutMs = Date.now() - cutAt;

    proxy.restore();
    const restoredAt = Date.now();
    await eventually(async () => (await c.ownerOf(w.code)) !== null, 20_000, 'nobody holds the room after Redis returned');
    await eventually(
      () => [pia, quinn, fac].every((x) => x.status === 'online' && x.synced) && pia.pending === 0 && quinn.pending === 0,
      30_000,
      'the phones and the console did not settle',
    );
    const servedMs = Date.now() - restoredAt;
    await piaWrites('Pia after Redis returned');
    expect(await quinn.write((d) => putCard(d, 'q2', card('Quinn after Redis returned', 51)))).toEqual(stored);
    expect((await api(b.url, 'GET', `/api/workshops/${idle.code}`)).status).toBe(200);

    const f = facilitator(b.url, w.code, w.facilitatorKey);
    conns.push(f);
    await f.whenSynced();
    const all = [...acked, 'Quinn during the cut', 'Quinn after Redis returned'].sort();
    await eventually(() => consoleTexts(f).length === all.length, 20_000, `the console on B shows ${consoleTexts(f).join(', ')}`);
    expect(consoleTexts(f).sort()).toEqual(all);
    console.log(
      `Redis cut from every node for ${cutMs} ms: the owner stored ${acked.length - 1} edits meanwhile; every connection settled ${servedMs} ms after it returned`,
    );
  }, 90_000);

  it('comes back empty: epochs do not go backwards, the fence refuses an owner paused through it, and the rooms are taken again', async () => {
    const { cluster: c, proxy, nodes } = await clusterWithRedisProxy(2, [0, 1]);
    cluster = c;
    const [a, b] = nodes;
    // Room 1 on A (its first owner: epoch 1), room 2 on B.
    const w1 = await createWorkshop(a.url, open);
    const fac1 = await mapping(a.url, w1);
    fac1.close();
    const pia = await phone(a.url, w1.code, 'Pia');
    expect(await c.ownerOf(w1.code)).toBe(0);
    expect(await leaseEpoch(c, w1.code)).toBe(1);
    expect(await pia.write((d) => putCard(d, 'p0', card('Pia before', 0)))).toEqual(stored);
    const w2 = await createWorkshop(b.url, open);
    const fac2 = await mapping(b.url, w2);
    const quinn = await phone(b.url, w2.code, 'Quinn');
    expect(await c.ownerOf(w2.code)).toBe(1);
    const epoch2 = await leaseEpoch(c, w2.code);
    expect(await quinn.write((d) => putCard(d, 'q0', card('Quinn before', 0)))).toEqual(stored);

    // A pauses; Redis restarts and has lost everything (connections reset, keys gone).
    a.child.kill('SIGSTOP');
    proxy.cut();
    let cursor = '0';
    do {
      const [next, keys] = await c.redis.redis.scan(cursor, 'MATCH', `${c.redis.prefix}*`, 'COUNT', 500);
      if (keys.length) await c.redis.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    proxy.restore();

    // Room 2: B's renewal finds no lease; B steps down, the phone comes back, the room is taken
    // again under a newer epoch than before, though Redis' counter started again from nothing.
    await eventually(
      async () => (await c.ownerOf(w2.code)) !== null && quinn.status === 'online' && quinn.synced,
      30_000,
      'room 2 was not served again',
    );
    expect(await leaseEpoch(c, w2.code)).toBeGreaterThan(epoch2);
    expect(await quinn.write((d) => putCard(d, 'q1', card('Quinn after', 1)))).toEqual(stored);

    // Room 1: taken by B while A sleeps. Redis offers epoch 1 again, A's own; PostgreSQL
    // refuses that claim, and B holds the room above it.
    const rae = await phone(b.url, w1.code, 'Rae');
    expect(await c.ownerOf(w1.code)).toBe(1);
    expect(await leaseEpoch(c, w1.code)).toBeGreaterThan(1);
    const db = new pg.Client({ connectionString: c.env.DATABASE_URL });
    await db.connect();
    const fence = (await db.query<{ epoch: string }>('SELECT epoch FROM fences WHERE code = $1', [w1.code])).rows[0]?.epoch;
    await db.end();
    expect(Number(fence)).toBe(await leaseEpoch(c, w1.code));
    expect(await rae.write((d) => putCard(d, 'r0', card('Rae through B', 2)))).toEqual(stored);

    // A wakes still holding epoch 1: nothing it is sent is stored; it gives the room up, and
    // Pia's phone comes back through B with its edit.
    const piaWrite = pia.write((d) => putCard(d, 'p1', card('Pia sent to the paused owner', 3)));
    a.child.kill('SIGCONT');
    expect(await piaWrite).toEqual(kept);
    await eventually(() => /room moved to another node/.test(a.output()), 20_000, `A did not give the room up:\n${a.output()}`);
    await eventually(() => pia.status === 'online' && pia.synced && pia.pending === 0, 30_000, "Pia's phone did not settle");

    const f1 = facilitator(b.url, w1.code, w1.facilitatorKey);
    conns.push(f1);
    await f1.whenSynced();
    const all1 = ['Pia before', 'Rae through B', 'Pia sent to the paused owner'].sort();
    await eventually(() => consoleTexts(f1).length === all1.length, 20_000, `room 1 shows ${consoleTexts(f1).join(', ')}`);
    expect(consoleTexts(f1).sort()).toEqual(all1);
    await eventually(() => consoleTexts(fac2).length === 2, 20_000, `room 2 shows ${consoleTexts(fac2).join(', ')}`);
    expect(consoleTexts(fac2).sort()).toEqual(['Quinn after', 'Quinn before']);
    console.log(
      `Redis emptied: room 2 retaken at epoch ${await leaseEpoch(c, w2.code)} (was ${epoch2}); room 1 at epoch ${await leaseEpoch(c, w1.code)} (its paused owner held 1)`,
    );
  }, 90_000);
});
