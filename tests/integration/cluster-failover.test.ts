/**
 * When a room's owner fails: real processes, real signals. SIGKILL the owner mid-burst and
 * another node takes the room over within seconds with every acknowledged edit present once;
 * SIGSTOP it past its lease and, on waking, nothing it tries to write lands (the fence), and
 * its phones reconnect through the new owner.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { putCard, readMyCards } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import type { WorkshopConnection, WriteResult } from '../../client/lib/connection.ts';
import { createWorkshop, eventually, facilitator, join, participant } from '../helpers/clients.ts';
import { startCluster, type TestCluster } from '../helpers/cluster.ts';

let cluster: TestCluster | undefined;
const conns: WorkshopConnection[] = [];
afterEach(() => {
  for (const c of conns.splice(0)) c.close();
  cluster?.stop();
  cluster = undefined;
});

const card = (text: string, at: number) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: at });
const consoleTexts = (f: WorkshopConnection) => readRoomBoard(f.room, { console: f.console }).cards.map((c) => c.text);

describe('the owner of a room fails', () => {
  it('SIGKILL mid-burst: another node takes over within seconds; every acknowledged edit is there once, and the phones resync', async () => {
    cluster = await startCluster(3);
    const [a, b, c] = cluster.nodes as [TestCluster['nodes'][0], TestCluster['nodes'][0], TestCluster['nodes'][0]];
    const w = await createWorkshop(a!.url);
    const fac = facilitator(a!.url, w.code, w.facilitatorKey);
    conns.push(fac);
    await fac.whenSynced();
    expect(await cluster.ownerOf(w.code)).toBe(0);
    expect((await fac.command({ type: 'phase:set', phase: 'map' })).ok).toBe(true);
    fac.close();

    // Twenty phones on B and C, forwarded to A.
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => join(i % 2 ? b!.url : c!.url, w.code, `P${i}`)));
    const phones = people.map((p, i) => participant(i % 2 ? b!.url : c!.url, w.code, p.token));
    conns.push(...phones);
    await Promise.all(phones.map((p) => p.whenSynced()));
    // What a person would notice: an edit refused for a reason other than "try again" (the
    // phone then drops it and offers it back), or cards reported as not saved. Neither may happen.
    const refused: string[] = [];
    const lostCards: string[] = [];
    let retryLater = 0;
    phones.forEach((p, i) => {
      p.on('rejected', (r) => (r.code === 'STORAGE_UNAVAILABLE' ? retryLater++ : refused.push(`phone ${i}: ${r.code} ${r.message}`)));
      p.on('lost', (cards) => lostCards.push(...cards.map((c) => `phone ${i}: ${c.id}`)));
    });
    // Each phone writes numbered cards; an edit counts as acknowledged when write() says stored.
    const written = phones.map(() => [] as string[]);
    const acked = new Set<string>();
    let seq = 0;
    const write = (n: number) => {
      const i = seq++;
      const text = `edit ${i}`;
      written[n]!.push(text);
      void phones[n]!.write((d) => putCard(d, `e${i}`, card(text, i))).then((r: WriteResult) => {
        if (r.ok && !r.queued) acked.add(text);
      });
    };
    const burst = setInterval(() => {
      for (let n = 0; n < phones.length; n++) if (written[n]!.length < 80) write(n);
    }, 100);
    await eventually(() => acked.size >= 100, 30_000, 'the burst did not get going');
    const ackedAtKill = new Set(acked);
    const killedAt = Date.now();
    a!.child.kill('SIGKILL');
    await a!.exited;

    // B or C takes the room; the phones come back through it and the burst carries on.
    await eventually(async () => [1, 2].includes((await cluster!.ownerOf(w.code)) ?? -1), 20_000, 'nobody took the room over');
    const leaseMs = Date.now() - killedAt;
    // Every phone settles with the new owner: nothing it kept waits to be sent.
    await eventually(() => written.every((list) => list.length >= 80), 30_000, 'the burst did not finish');
    clearInterval(burst);
    await eventually(() => phones.every((p) => p.synced && p.pending === 0), 30_000, 'phones did not settle');
    const settledMs = Date.now() - killedAt;
    expect(await phones[0]!.write((d) => putCard(d, 'probe', card('after the takeover', 0)))).toEqual({ ok: true, queued: false });
    written[0]!.push('after the takeover');

    // A console on a surviving node: every acknowledged edit, and exactly what the phones hold, once.
    const f = facilitator(b!.url, w.code, w.facilitatorKey);
    conns.push(f);
    await f.whenSynced();
    const present = new Set(consoleTexts(f));
    const lost = [...ackedAtKill].filter((t) => !present.has(t));
    expect(lost, `lost ${lost.length} of ${ackedAtKill.size} acknowledged edits`).toEqual([]);
    const held = phones.flatMap((p) => readMyCards(p.mine!).map((x) => x.text));
    const all = written.flat();
    // Every edit written, acknowledged or not, is on the phones and on the board, each once:
    // "try again" answers were retried by the phones themselves until they landed.
    expect(refused, 'edits refused for good').toEqual([]);
    expect(lostCards, 'cards the phones reported as not saved').toEqual([]);
    expect(held.length).toBe(new Set(held).size);
    expect(new Set(held)).toEqual(new Set(all));
    await eventually(
      () => consoleTexts(f).length === all.length,
      30_000,
      `the console shows ${consoleTexts(f).length} of the ${all.length} edits written`,
    );
    const shown = consoleTexts(f);
    expect(shown.length, 'an edit shown twice').toBe(new Set(shown).size);
    expect(new Set(shown)).toEqual(new Set(all));
    const lostAcked = [...acked].filter((t) => !shown.includes(t));
    expect(lostAcked, 'acknowledged edits missing').toEqual([]);
    console.log(
      `SIGKILL of the owner (lease ${cluster.env.LEASE_TTL_MS} ms): another node held the room after ${leaseMs} ms; ` +
        `every phone back and settled after ${settledMs} ms; ${ackedAtKill.size} acknowledged at the kill, ${all.length} written, all held by the phones and shown once (${retryLater} "try again" answers retried), ${acked.size} acknowledged and all present`,
    );
  }, 90_000);

  it('SIGSTOP past its lease: a new owner serves, and once continued the old one writes nothing; its phone goes through the new owner', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes as [TestCluster['nodes'][0], TestCluster['nodes'][0]];
    const w = await createWorkshop(a!.url);
    const [p, q] = await Promise.all([join(a!.url, w.code, 'Pia'), join(a!.url, w.code, 'Quinn')]);
    // Pia's phone on A (which owns the room), Quinn's phone and the console on B.
    const pia = participant(a!.url, w.code, p.token);
    conns.push(pia);
    await pia.whenSynced();
    expect(await cluster.ownerOf(w.code)).toBe(0);
    const quinn = participant(b!.url, w.code, q.token);
    const fac = facilitator(b!.url, w.code, w.facilitatorKey);
    conns.push(quinn, fac);
    await Promise.all([quinn.whenSynced(), fac.whenSynced()]);
    expect((await fac.command({ type: 'phase:set', phase: 'map' })).ok).toBe(true);
    expect(await pia.write((d) => putCard(d, 'before', card('before the pause', 1)))).toEqual({ ok: true, queued: false });

    a!.child.kill('SIGSTOP');
    const stoppedAt = Date.now();
    // The lease runs out; B notices, its connections reconnect, and B takes the room.
    await eventually(async () => (await cluster!.ownerOf(w.code)) === 1, 20_000, 'B did not take the room over');
    await eventually(() => fac.status === 'online' && quinn.status === 'online', 20_000, 'the console and phone on B did not come back');
    const takeoverMs = Date.now() - stoppedAt;
    expect(await quinn.write((d) => putCard(d, 'during', card('written through B', 2)))).toEqual({ ok: true, queued: false });

    // Pia writes to the paused A: the message waits in its socket until A wakes.
    const piaWrite = pia.write((d) => putCard(d, 'paused', card('sent to the paused owner', 3)));
    a!.child.kill('SIGCONT');
    // A does not acknowledge it: it finds the room is no longer its own (lease or fence) and drops it.
    expect(await piaWrite).toEqual({ ok: true, queued: true });
    await eventually(() => /room moved to another node/.test(a!.output()), 10_000, `A did not give the room up:\n${a!.output()}`);
    expect(await cluster.ownerOf(w.code)).toBe(1);

    // Pia's phone reconnects (to A, which forwards to B), and her edit lands once, through B.
    await eventually(
      () => consoleTexts(fac).includes('sent to the paused owner'),
      20_000,
      'the edit kept on the phone did not arrive through B',
    );
    await eventually(() => pia.synced && pia.pending === 0, 10_000, "Pia's phone did not settle");
    expect(consoleTexts(fac).sort()).toEqual(['before the pause', 'sent to the paused owner', 'written through B'].sort());
    console.log(`SIGSTOP of the owner: B served again after ${takeoverMs} ms (lease ${cluster.env.LEASE_TTL_MS} ms)`);
  }, 60_000);

  it('frozen past its lease while no other node wanted the room (a blocked event loop): on waking it takes the lease back, and its phone never reconnects', async () => {
    cluster = await startCluster(2);
    const [a] = cluster.nodes as [TestCluster['nodes'][0], TestCluster['nodes'][0]];
    const w = await createWorkshop(a!.url);
    const fac = facilitator(a!.url, w.code, w.facilitatorKey);
    conns.push(fac);
    await fac.whenSynced();
    expect((await fac.command({ type: 'phase:set', phase: 'map' })).ok).toBe(true);
    const pia = participant(a!.url, w.code, (await join(a!.url, w.code, 'Pia')).token);
    conns.push(pia);
    await pia.whenSynced();
    expect(await cluster.ownerOf(w.code)).toBe(0);
    const epochKey = `${cluster.redis.prefix}{room:${w.code}}:epoch`;
    const epoch = await cluster.redis.redis.get(epochKey);
    expect(await pia.write((d) => putCard(d, 'before', card('before the freeze', 1)))).toEqual({ ok: true, queued: false });
    const drops: string[] = [];
    pia.on('status', (s) => s !== 'online' && drops.push(s));

    // Frozen (no timer runs, as under a long synchronous task) until the lease has lapsed in Redis.
    a!.child.kill('SIGSTOP');
    await eventually(async () => (await cluster!.ownerOf(w.code)) === null, 20_000, 'the lease did not lapse');
    a!.child.kill('SIGCONT');
    // Its first renewal takes the lease back under the same epoch, and says it ran late.
    await eventually(async () => (await cluster!.ownerOf(w.code)) === 0, 20_000, 'A did not take its lease back');
    await eventually(() => /lease renewal ran late/.test(a!.output()), 10_000, `A did not say its renewal was late:\n${a!.output()}`);
    expect(await cluster.redis.redis.get(epochKey)).toBe(epoch);
    expect(await pia.write((d) => putCard(d, 'after', card('after the freeze', 2)))).toEqual({ ok: true, queued: false });
    expect(drops).toEqual([]);
    expect(a!.output()).not.toMatch(/room moved to another node/);
    await eventually(() => consoleTexts(fac).length === 2, 10_000, `the console shows ${consoleTexts(fac).join(', ')}`);
  }, 60_000);
});
