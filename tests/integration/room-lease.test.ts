/**
 * Room leases in real Redis (a key prefix of each test's own): one owner at a time, an epoch
 * that only goes up, and check-and-act renewal and release that never touch someone else's lease.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RoomLeases, type Lease } from '../../server/cluster/lease.ts';
import { eventually } from '../helpers/clients.ts';
import { testRedis, type TestRedis } from '../helpers/services.ts';

const clients: Redis[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});

/** A node: its own connection, as separate processes have. */
function node(t: TestRedis, name: string, ttlMs = 10_000): RoomLeases {
  const redis = new Redis(t.url, { maxRetriesPerRequest: 1 });
  clients.push(redis);
  return new RoomLeases(redis, { node: name, prefix: t.prefix, ttlMs });
}

function held(result: Awaited<ReturnType<RoomLeases['acquire']>>): Lease {
  if (!result.ok) throw new Error(`held by ${result.holder.node}`);
  return result.lease;
}

describe('room leases', () => {
  it('one node owns a room; another is told who, and takes it over once it is released, with a higher epoch', async () => {
    const t = await testRedis();
    const [a, b] = [node(t, 'node-a'), node(t, 'node-b')];
    const lease = held(await a.acquire('ROOM01'));
    expect(await b.acquire('ROOM01')).toEqual({ ok: false, holder: { node: 'node-a', epoch: lease.epoch } });
    expect(await b.holder('ROOM01')).toEqual({ node: 'node-a', epoch: lease.epoch });
    // Another room is independent.
    expect((await b.acquire('ROOM02')).ok).toBe(true);

    expect(await a.renew(lease)).toBe(true);
    expect(await a.release(lease)).toBe(true);
    expect(await b.holder('ROOM01')).toBeNull();
    const next = held(await b.acquire('ROOM01'));
    expect(next.epoch).toBeGreaterThan(lease.epoch);
  });

  it('of twenty nodes racing for one room, exactly one wins and the others all name it', async () => {
    const t = await testRedis();
    const nodes = Array.from({ length: 20 }, (_, i) => node(t, `node-${i}`));
    const results = await Promise.all(nodes.map((n) => n.acquire('RACE01')));
    const winners = results.flatMap((r, i) => (r.ok ? [{ i, lease: r.lease }] : []));
    expect(winners).toHaveLength(1);
    const { i, lease } = winners[0]!;
    for (const r of results) if (!r.ok) expect(r.holder).toEqual({ node: `node-${i}`, epoch: lease.epoch });
  });

  it("a lease not renewed expires; the old holder can then neither renew nor release the new owner's lease, and the epoch went up", async () => {
    const t = await testRedis();
    const a = node(t, 'node-a', 300);
    const b = node(t, 'node-b', 10_000);
    const old = held(await a.acquire('EXPIRE'));
    // This node stops counting itself the owner before Redis lets the key go.
    const pttl = await t.redis.pttl(`${t.prefix}{room:EXPIRE}:lease`);
    expect(old.validUntil).toBeLessThanOrEqual(Date.now() + pttl);
    await eventually(async () => (await b.holder('EXPIRE')) === null, 5_000, 'the lease did not expire');
    const taken = held(await b.acquire('EXPIRE'));
    expect(taken.epoch).toBeGreaterThan(old.epoch);
    expect(await a.renew(old)).toBe(false);
    expect(await a.release(old)).toBe(false);
    expect(await b.holder('EXPIRE')).toEqual({ node: 'node-b', epoch: taken.epoch });
    expect(await b.renew(taken)).toBe(true);
  });

  it('a lease that lapsed (a renewal came late) is taken back by the renewal while no one took the room since, and only then', async () => {
    const t = await testRedis();
    const a = node(t, 'node-a', 300);
    const b = node(t, 'node-b', 300);
    const lease = held(await a.acquire('LAPSE1'));
    await eventually(async () => (await b.holder('LAPSE1')) === null, 5_000, 'the lease did not expire');
    // Nobody took it: the late renewal takes it back, same epoch.
    expect(await a.renew(lease)).toBe(true);
    expect(await b.holder('LAPSE1')).toEqual({ node: 'node-a', epoch: lease.epoch });
    // It lapses again, and B takes the room and gives it back meanwhile: too late for A.
    await eventually(async () => (await b.holder('LAPSE1')) === null, 5_000, 'the lease did not expire');
    await b.release(held(await b.acquire('LAPSE1')));
    expect(await a.renew(lease)).toBe(false);
    expect(await b.holder('LAPSE1')).toBeNull();
    // Nor after Redis lost the counter: who took the room meanwhile cannot be told.
    const again = held(await a.acquire('LAPSE1'));
    await t.redis.del(`${t.prefix}{room:LAPSE1}:lease`, `${t.prefix}{room:LAPSE1}:epoch`);
    expect(await a.renew(again)).toBe(false);
  });

  it('after Redis lost every key, the epoch still goes past the one storage last recorded', async () => {
    const t = await testRedis();
    const a = node(t, 'node-a');
    let last = 0;
    for (let i = 0; i < 3; i++) {
      const lease = held(await a.acquire('AMNESIA'));
      last = lease.epoch;
      await a.release(lease);
    }
    // Redis restarts empty (it keeps nothing on disk): the lease and the counter are gone.
    await t.redis.del(`${t.prefix}{room:AMNESIA}:lease`, `${t.prefix}{room:AMNESIA}:epoch`);
    // Without the floor the counter starts again from 1, below what storage has recorded...
    const naive = held(await a.acquire('AMNESIA'));
    expect(naive.epoch).toBeLessThan(last);
    await a.release(naive);
    // ...with it (storage's StaleEpoch names the recorded epoch), it jumps past, and stays past.
    const floored = held(await a.acquire('AMNESIA', last));
    expect(floored.epoch).toBe(last + 1);
    await a.release(floored);
    expect(held(await a.acquire('AMNESIA')).epoch).toBe(last + 2);
  });

  it('renewal moves the local deadline forward; release makes it pass at once', async () => {
    const t = await testRedis();
    let clock = 1_000_000;
    const redis = new Redis(t.url, { maxRetriesPerRequest: 1 });
    clients.push(redis);
    const a = new RoomLeases(redis, { node: 'node-a', prefix: t.prefix, ttlMs: 10_000, now: () => clock });
    const lease = held(await a.acquire('CLOCK1'));
    expect(lease.validUntil).toBe(1_000_000 + 10_000 - 100);
    clock += 4_000;
    expect(await a.renew(lease)).toBe(true);
    expect(lease.validUntil).toBe(1_004_000 + 10_000 - 100);
    await a.release(lease);
    expect(lease.validUntil).toBe(0);
  });
});
