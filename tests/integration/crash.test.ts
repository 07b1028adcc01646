/** SIGKILL during a burst of edits: every acknowledged edit survives the restart, nothing doubles. */
import { afterEach, describe, expect, it } from 'vitest';
import { putCard, readCards } from '../../shared/board.ts';
import { createWorkshop, eventually, facilitator, join, participant } from '../helpers/clients.ts';
import { startServerProcess, tempDir, type ServerProcess } from '../helpers/server.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';

let proc: ServerProcess | undefined;
afterEach(() => {
  proc?.child.kill('SIGKILL');
});

describe('crash safety', () => {
  it('keeps every acknowledged edit when the server is killed mid-burst', async () => {
    const dataDir = tempDir();
    proc = await startServerProcess(dataDir);
    const w = await createWorkshop(proc.url);
    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => join(proc!.url, w.code, `P${i}`)));
    const conns = people.map((p) => participant(proc!.url, w.code, p.token));
    await Promise.all(conns.map((c) => c.whenSynced()));

    // Each edit is acknowledged when its `pending` count drops; record the acked ones.
    const acked = new Set<string>();
    let written = 0;
    const writeOne = (c: WorkshopConnection, pid: string, i: number) => {
      const id = `k${i}`;
      putCard(c.doc, pid, id, { kind: 'practice', text: `edit ${i}`, dimension: 'brand', stage: 2, createdAt: i });
      written++;
      return `${pid}/${id}`;
    };
    const track: Array<{ c: WorkshopConnection; key: string }> = [];
    const burst = setInterval(() => {
      conns.forEach((c, n) => {
        if (c.status !== 'online') return;
        track.push({ c, key: writeOne(c, people[n]!.participantId, written) });
      });
    }, 5);
    const ackWatcher = setInterval(() => {
      // A connection with nothing pending has had every edit it sent acknowledged.
      for (const t of track) if (t.c.pending === 0 && t.c.status === 'online') acked.add(t.key);
    }, 1);
    await eventually(() => acked.size >= 150, 20_000, 'burst did not get going');
    proc.child.kill('SIGKILL');
    await proc.exited;
    clearInterval(burst);
    clearInterval(ackWatcher);
    const ackedAtKill = new Set(acked);
    for (const c of conns) c.close();

    proc = await startServerProcess(dataDir);
    const f = facilitator(proc.url, w.code, w.facilitatorKey);
    try {
      await f.whenSynced();
      const keys = readCards(f.doc).map((c) => c.key);
      const missing = [...ackedAtKill].filter((k) => !keys.includes(k));
      expect(missing, `lost ${missing.length} of ${ackedAtKill.size} acknowledged edits`).toEqual([]);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      f.close();
    }
  });

  it('phones that kept their copies merge back after a crash without doubling anything', async () => {
    const dataDir = tempDir();
    proc = await startServerProcess(dataDir);
    const w = await createWorkshop(proc.url);
    const a = await join(proc.url, w.code, 'Ana');
    const url1 = proc.url;
    const pa = participant(url1, w.code, a.token);
    await pa.whenSynced();
    for (let i = 0; i < 10; i++) putCard(pa.doc, a.participantId, `c${i}`, { kind: 'practice', text: `card ${i}`, dimension: 'people', stage: 3, createdAt: i });
    await eventually(() => pa.pending === 0);
    proc.child.kill('SIGKILL');
    await proc.exited;
    await eventually(() => pa.status === 'offline');
    // Written while the server is down.
    putCard(pa.doc, a.participantId, 'down', { kind: 'practice', text: 'while down', dimension: 'people', stage: 3, createdAt: 99 });
    pa.close();

    proc = await startServerProcess(dataDir);
    // The phone comes back with its local doc (same state, new connection to the new port).
    const { WorkshopConnection } = await import('../../client/lib/connection.ts');
    const back = new WorkshopConnection({ url: proc.url, auth: { v: 1, role: 'participant', code: w.code, token: a.token } });
    const Y = await import('yjs');
    Y.applyUpdate(back.doc, Y.encodeStateAsUpdate(pa.doc));
    const f = facilitator(proc.url, w.code, w.facilitatorKey);
    try {
      await f.whenSynced();
      await eventually(() => readCards(f.doc).length === 11, 10_000, 'offline card did not arrive');
      const texts = readCards(f.doc).map((c) => c.text);
      expect(new Set(texts).size).toBe(11);
      expect(texts).toContain('while down');
    } finally {
      f.close();
      back.close();
    }
  });
});
