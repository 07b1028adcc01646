/**
 * A busy server gathers the edits of many rooms into one storage commit (server/rooms/flush-scheduler.ts).
 * What a person relies on must hold under that burst, with a real server process, real SQLite
 * and real sockets: each acknowledged edit survives a SIGKILL, and each screen sees a person's
 * edits in the order they made them, never an older text after a newer one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { putCard } from '../../shared/doc/private-doc.ts';
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

const ROOMS = 6;
const PHONES = 5;
const EDITS = 60;

/** Each phone edits one card again and again; its text says whose it is and which edit. */
const textOf = (phone: string, k: number) => `${phone} edit ${k}`;
const parse = (text: string) => {
  const m = /^(P\d+\.\d+) edit (\d+)$/.exec(text);
  return m ? { phone: m[1]!, k: Number(m[2]) } : null;
};
/** The edit number each phone's card shows on this console. */
function shown(f: WorkshopConnection): Map<string, number> {
  const out = new Map<string, number>();
  for (const card of readRoomBoard(f.room, { console: f.console }).cards) {
    const p = parse(card.text);
    if (p) out.set(p.phone, p.k);
  }
  return out;
}

describe('edits of many rooms gathered into one commit', () => {
  it('keeps every acknowledged edit through a SIGKILL and shows each person their edits in order', async () => {
    const dataDir = tempDir();
    proc = await startServerProcess(dataDir);
    const port = new URL(proc.url).port;
    const workshops = await Promise.all(Array.from({ length: ROOMS }, () => createWorkshop(proc!.url)));
    const phones: Array<{ name: string; conn: WorkshopConnection; next: number; acked: number }> = [];
    const consoles: WorkshopConnection[] = [];
    for (const [r, w] of workshops.entries()) {
      const f = facilitator(proc.url, w.code, w.facilitatorKey);
      consoles.push(f);
      for (let i = 0; i < PHONES; i++) {
        const p = await join(proc.url, w.code, `P${r}.${i}`);
        phones.push({ name: `P${r}.${i}`, conn: participant(proc.url, w.code, p.token), next: 0, acked: -1 });
      }
    }
    conns.push(...consoles, ...phones.map((p) => p.conn));
    await Promise.all(conns.map((c) => c.whenSynced()));

    // Every console checks, on each change it receives, that no card went back to an older edit.
    const backwards: string[] = [];
    for (const f of consoles) {
      const last = new Map<string, number>();
      f.console!.on('update', () => {
        for (const [phone, k] of shown(f)) {
          if (k < (last.get(phone) ?? -1)) backwards.push(`${phone}: ${k} after ${last.get(phone)}`);
          last.set(phone, k);
        }
      });
    }

    // Every phone writes its next edit every 20 ms: 30 phones in 6 rooms, 1,500 edits a second offered.
    const write = (p: (typeof phones)[number]) => {
      const k = p.next++;
      void p.conn
        .write((d) => putCard(d, 'c', { kind: 'practice', text: textOf(p.name, k), dimension: 'brand', stage: 2, createdAt: 1 }))
        .then((r) => {
          if (r.ok && !r.queued) p.acked = Math.max(p.acked, k);
        });
    };
    const burst = setInterval(() => {
      for (const p of phones) if (p.conn.status === 'online' && p.next < EDITS) write(p);
    }, 20);
    const ackedCount = () => phones.reduce((n, p) => n + p.acked + 1, 0);
    await eventually(() => ackedCount() >= (ROOMS * PHONES * EDITS) / 2, 60_000, 'the burst did not get going');
    for (const c of conns) c.socket.io.reconnection(false);
    proc.child.kill('SIGKILL');
    await proc.exited;
    clearInterval(burst);
    const ackedAtKill = new Map(phones.map((p) => [p.name, p.acked]));

    // Back up with only what the server stored: every phone's card holds its last acknowledged edit or a later one.
    proc = await startServerProcess(dataDir, { PORT: port });
    const after = workshops.map((w) => facilitator(proc!.url, w.code, w.facilitatorKey));
    conns.push(...after);
    await Promise.all(after.map((f) => f.whenSynced()));
    const stored = new Map<string, number>();
    for (const f of after) for (const [phone, k] of shown(f)) stored.set(phone, k);
    const lost = [...ackedAtKill].filter(([phone, k]) => k >= 0 && (stored.get(phone) ?? -1) < k);
    expect(lost, `phones whose acknowledged edit is gone: ${lost.map(([p, k]) => `${p} acked ${k}, stored ${stored.get(p)}`)}`).toEqual([]);
    expect(backwards).toEqual([]);
    console.log(`gathered flush: ${[...ackedAtKill.values()].reduce((n, k) => n + k + 1, 0)} edits acknowledged at the kill, none lost`);
  }, 120_000);
});
