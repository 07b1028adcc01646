/**
 * Admission that fits a venue's NAT: a valid room code is the gate. A whole room joins from one
 * address, paced, each refused phone told when to come back (Retry-After); wrong-code guesses
 * from that same address stay limited and get no hint which codes exist. The room-fill abuse
 * this allows is answered in the room: the facilitator closes joining and removes the newcomers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ROOM_CODE_ALPHABET } from '../../shared/domain/limits.ts';
import type { JoinReply } from '../../shared/schema/protocol.ts';
import { api, codeOf, createWorkshop, eventually, facilitator, join } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What the phone does: join, and on a 429 or 503 wait the Retry-After it was given, then again. */
async function joinPatiently(url: string, code: string, name: string): Promise<{ reply: JoinReply; waits: number }> {
  for (let waits = 0; ; waits++) {
    const res = await api<JoinReply>(url, 'POST', `/api/workshops/${code}/participants`, { name });
    if (res.status === 201) return { reply: res.json, waits };
    expect([429, 503]).toContain(res.status);
    const after = Number(res.headers.get('retry-after'));
    expect(after, 'a 429 without Retry-After').toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, after * 1000 * (0.8 + Math.random() * 0.4)));
  }
}

/** Six characters from the code alphabet that are not `avoid`. */
function wrongCode(i: number, avoid: string): string {
  const a = ROOM_CODE_ALPHABET;
  let code = '';
  for (let n = i + 1_000; code.length < 6; n = Math.floor(n / a.length)) code += a[n % a.length];
  return code === avoid ? wrongCode(i + 7_919, avoid) : code;
}

describe('admission from one address (default limits)', () => {
  it('150 joins into one room all succeed in the limits’ time, while 150 wrong-code guesses are refused', async () => {
    server = await startServer();
    const w = await createWorkshop(server.url, { title: 'Town hall' });
    const other = await createWorkshop(server.url, { title: 'Never visited from here' });
    const url = server.url;
    const started = Date.now();
    // The first phone is in before the guessing starts: from then on, the address has shown it knows the code.
    const first = await joinPatiently(url, w.code, 'Phone 1');
    const rest = Promise.all(Array.from({ length: 149 }, (_, i) => joinPatiently(url, w.code, `Phone ${i + 2}`)));
    // The guesses run alongside, from the same address (the test's), as a guesser behind the venue NAT would.
    const guesses: number[] = [];
    for (let i = 0; i < 150; i++) guesses.push((await api(url, 'GET', `/api/workshops/${wrongCode(i, w.code)}`)).status);
    const joined = [first, ...(await rest)];
    const seconds = (Date.now() - started) / 1000;

    expect(new Set(joined.map((j) => j.reply.participantId)).size).toBe(150);
    // 100 at once, then 5 a second: the last of 150 is in after about 10 s (a loaded machine takes longer).
    expect(seconds).toBeLessThan(60);
    expect(joined.some((j) => j.waits > 0)).toBe(true);
    const info = await api<{ participants: number }>(url, 'GET', `/api/workshops/${w.code}`);
    expect(info.json.participants).toBe(150);

    expect(guesses.every((s) => s === 404 || s === 429)).toBe(true);
    expect(guesses.filter((s) => s === 404)).toHaveLength(60); // FAILED_JOINS_PER_WINDOW
    const locked = await api(url, 'GET', `/api/workshops/${wrongCode(999, w.code)}`);
    expect([locked.status, codeOf(locked)]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // No oracle: a real code this address never got into is refused like a wrong one.
    expect((await api(url, 'GET', `/api/workshops/${other.code}`)).status).toBe(429);
    // The room it got into stays open to it.
    expect((await api(url, 'GET', `/api/workshops/${w.code}`)).status).toBe(200);
  }, 120_000);

  it('the facilitator closes joining, then removes everyone who joined in the last minute, in one action each', async () => {
    server = await startServer();
    const w = await createWorkshop(server.url);
    await Promise.all(Array.from({ length: 12 }, (_, i) => join(server!.url, w.code, `Fake ${i}`)));
    const con = facilitator(server.url, w.code, w.facilitatorKey);
    try {
      await con.whenSynced();
      expect(await con.command({ type: 'joins:set', open: false })).toEqual({ ok: true });
      const closed = await api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'One more' });
      expect([closed.status, codeOf(closed)]).toEqual([423, 'JOINS_CLOSED']);
      const removed = await con.command({ type: 'participants:remove-recent', withinMs: 60_000 });
      expect(removed.ok && removed.data?.removed).toHaveLength(12);
      await eventually(
        async () => (await api<{ participants: number }>(server!.url, 'GET', `/api/workshops/${w.code}`)).json.participants === 0,
      );
      expect(await con.command({ type: 'joins:set', open: true })).toEqual({ ok: true });
      expect((await api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'Real person' })).status).toBe(201);
    } finally {
      con.close();
    }
  });
});
