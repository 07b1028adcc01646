/**
 * SIGKILL for real, during a burst of edits from 50 phones, then a restart on
 * the same port: every acknowledged edit is there before any phone is back,
 * nothing is doubled, and what the phones kept (edits unacknowledged at the
 * kill, or made while the server was down) merges back once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { putCard, readMyCards } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { createWorkshop, eventually, facilitator, join, participant } from '../helpers/clients.ts';
import { startServerProcess, tempDir, type ServerProcess } from '../helpers/server.ts';

let proc: ServerProcess | undefined;
const conns: WorkshopConnection[] = [];
afterEach(() => {
  for (const c of conns.splice(0)) c.close();
  proc?.child.kill('SIGKILL');
  proc = undefined;
});

/** Every card the console shows (it sees them all, revealed or not), by text. */
const consoleTexts = (f: WorkshopConnection) => readRoomBoard(f.room, { console: f.console }).cards.map((c) => c.text);

describe('SIGKILL during a burst from 50 phones', () => {
  it("keeps every acknowledged edit, doubles nothing, and merges the phones' local copies back once", async () => {
    const dataDir = tempDir();
    proc = await startServerProcess(dataDir);
    const port = new URL(proc.url).port;
    const w = await createWorkshop(proc.url);
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => join(proc!.url, w.code, `P${i}`)));
    const phones = people.map((p) => participant(proc!.url, w.code, p.token));
    conns.push(...phones);
    await Promise.all(phones.map((c) => c.whenSynced()));

    // Each phone writes its own numbered cards; an edit counts as acknowledged when its write() says stored.
    const written = phones.map(() => [] as string[]);
    const acked = new Set<string>();
    let seq = 0;
    const write = (n: number) => {
      const i = seq++;
      const text = `edit ${i}`;
      written[n]!.push(text);
      void phones[n]!.write((d) => putCard(d, `e${i}`, { kind: 'practice', text, dimension: 'brand', stage: 2, createdAt: i })).then(
        (r) => {
          if (r.ok && !r.queued) acked.add(text);
        },
      );
    };
    // Well under the 200 cards a person may have, offline ones included.
    const burst = setInterval(() => {
      for (let n = 0; n < phones.length; n++) if (phones[n]!.status === 'online' && written[n]!.length < 120) write(n);
    }, 10);
    await eventually(() => acked.size >= 400, 60_000, 'the burst did not get going');
    // The phones stay down until the check below, so it sees only what the server itself kept.
    for (const c of phones) c.socket.io.reconnection(false);
    proc.child.kill('SIGKILL');
    await proc.exited;
    clearInterval(burst);
    const ackedAtKill = new Set(acked);
    await eventually(() => phones.every((c) => c.status === 'offline'), 10_000, 'phones did not notice');
    // Written while the server is down: kept on the phone, sent on reconnect.
    for (let n = 0; n < phones.length; n += 5) write(n);
    const allWritten = written.flat();

    proc = await startServerProcess(dataDir, { PORT: port });
    const f = facilitator(proc.url, w.code, w.facilitatorKey);
    conns.push(f);
    await f.whenSynced();
    expect(phones.every((c) => c.status === 'offline')).toBe(true);
    const afterRestart = new Set(consoleTexts(f));
    const lost = [...ackedAtKill].filter((t) => !afterRestart.has(t));
    expect(lost, `lost ${lost.length} of ${ackedAtKill.size} acknowledged edits`).toEqual([]);

    // Then the phones come back and merge what they kept: everything, once.
    for (const c of phones) {
      c.socket.io.reconnection(true);
      c.socket.connect();
    }
    await eventually(
      () => consoleTexts(f).length === allWritten.length,
      30_000,
      `only ${consoleTexts(f).length} of ${allWritten.length} edits merged back`,
    );
    expect(new Set(consoleTexts(f))).toEqual(new Set(allWritten));
    await eventually(() => phones.every((c) => c.synced && c.pending === 0), 30_000, 'phones did not settle');
    // Each phone holds exactly its own cards, each known to the room by one public id.
    phones.forEach((c, n) => {
      const mine = readMyCards(c.mine!);
      expect(mine.map((x) => x.text).sort()).toEqual([...written[n]!].sort());
      expect(mine.every((x) => x.publicId !== null)).toBe(true);
    });
    const ids = readRoomBoard(f.room, { console: f.console }).cards.map((c) => c.id);
    expect(new Set(ids).size).toBe(allWritten.length);
    console.log(
      `SIGKILL: ${ackedAtKill.size} acknowledged at the kill, ${allWritten.length} written in all, all present once after restart`,
    );
    // Two server starts and fifty phones: on a loaded 2-core machine this takes longer than the default 30 s.
  }, 120_000);
});
