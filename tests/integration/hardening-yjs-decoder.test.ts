/**
 * Yjs updates crafted to hang or exhaust a decoder (yjs #479, #687), to refer
 * to items nobody has, or to make every later write slow: each is refused with
 * a named error in milliseconds, the board is unchanged, `/healthz` answers
 * within 100 ms while they arrive, and another room keeps syncing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { initBoard, maps, ownedKey, defaultDimensions, putCard, readBoard, readCards } from '../../shared/board.ts';
import { AppError, isErrorCode } from '../../shared/errors.ts';
import type { Ack } from '../../shared/protocol.ts';
import { validateParticipantUpdate } from '../../server/rooms/validate-update.ts';
import { connected, createWorkshop, eventually, facilitator, join, participant, rawSocket } from '../helpers/clients.ts';
import { startServerProcess, tempDir, type ServerProcess } from '../helpers/server.ts';
import { craftedAttacks, originlessWrites, plainCardWrite, protoCard, updateFrame, validCard } from '../fuzz/crafted.ts';

function boardDoc() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'T', organisation: 'O', dimensions: defaultDimensions() });
  maps(doc).participants.set('ana', { id: 'ana', name: 'Ana', joinedAt: 1 });
  maps(doc).clients.set(String(doc.clientID), '@server');
  return doc;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const r = { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
  return { ...r, text: `n=${r.n} p50=${r.p50.toFixed(1)}ms p95=${r.p95.toFixed(1)}ms max=${r.max.toFixed(1)}ms` };
}

function check(doc: Y.Doc, update: Uint8Array, participantId = 'ana'): string {
  try {
    const r = validateParticipantUpdate(doc, update, { participantId, clientOwner: (id) => maps(doc).clients.get(String(id)) });
    for (const id of r.newClients) maps(doc).clients.set(String(id), participantId);
    Y.applyUpdate(doc, update);
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? err.code : `unexpected ${String(err)}`;
  }
}

describe('crafted Yjs updates against the validator', () => {
  it('every attack is refused with a named error in milliseconds, and the doc is untouched', () => {
    const doc = boardDoc();
    const before = Y.encodeStateAsUpdate(doc);
    const times: string[] = [];
    for (const attack of craftedAttacks('ana', 4242, doc.clientID)) {
      const t0 = performance.now();
      const result = check(doc, attack.update);
      const ms = performance.now() - t0;
      times.push(`${ms.toFixed(1)}ms ${result} ${attack.name}`);
      // A hang would be seconds or forever; on an idle machine each takes a few ms. The bound allows for a busy one.
      expect(ms, attack.name).toBeLessThan(250);
      expect(isErrorCode(result), `${attack.name}: ${result}`).toBe(true);
      expect(Y.encodeStateAsUpdate(doc), attack.name).toEqual(before);
    }
    console.log(times.join('\n'));
  });

  it('a "__proto__" key cannot smuggle a card that reads as an empty object', () => {
    const doc = boardDoc();
    expect(check(doc, protoCard(5151, 'ana'))).toBe('INVALID_VALUE');
    expect(maps(doc).cards.size).toBe(0);
    expect(check(doc, plainCardWrite(5151, 'ana', 'fine'))).toBe('ok');
  });

  it('values written without an origin are refused before they make each write slower', () => {
    const doc = boardDoc();
    // A few are fine (a new key has no earlier value to attach to); a long run is not.
    expect(check(doc, originlessWrites(6161, 0, 'ana', 3))).toBe('ok');
    expect(check(doc, originlessWrites(6161, 3, 'ana', 600))).toBe('CONFLICT');
    // Sent one message at a time, the chain stops growing once it is long.
    let refused = 0;
    let clock = 3;
    for (let i = 0; i < 100; i++) {
      const r = check(doc, originlessWrites(6161, clock, 'ana', 1));
      if (r === 'ok') clock++;
      else refused++;
    }
    expect(refused).toBeGreaterThan(30);
  });

  it("a phone's real edit patterns still pass: many edits of one card, and edits from two client ids", () => {
    const server = boardDoc();
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
    let sv = Y.encodeStateVector(phone);
    for (let i = 0; i < 300; i++) putCard(phone, 'ana', 'c1', { ...validCard, text: `edit ${i}` } as never);
    expect(check(server, Y.encodeStateAsUpdate(phone, sv))).toBe('ok');
    // Offline: edits with one client id, a reload (new client id), more edits of the same card; sent as one step-2.
    sv = Y.encodeStateVector(server);
    const first = new Y.Doc();
    first.clientID = 900_000_001;
    Y.applyUpdate(first, Y.encodeStateAsUpdate(server));
    putCard(first, 'ana', 'c1', { ...validCard, text: 'offline 1' } as never);
    const second = new Y.Doc();
    second.clientID = 900_000_002; // higher: listed first in the update, yet it builds on the lower one's value
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    putCard(second, 'ana', 'c1', { ...validCard, text: 'offline 2' } as never);
    putCard(second, 'ana', 'c2', { ...validCard, text: 'offline new' } as never);
    expect(check(server, Y.encodeStateAsUpdate(second, sv))).toBe('ok');
    expect(maps(server).cards.get(ownedKey('ana', 'c1'))?.text).toBe('offline 2');
  });
});

describe('crafted Yjs updates against a running server', () => {
  let proc: ServerProcess;
  beforeAll(async () => {
    // No per-connection rate limit here: the point is to reach the decoder as often as possible.
    proc = await startServerProcess(tempDir());
  });
  afterAll(() => {
    proc?.child.kill('SIGKILL');
  });

  it('/healthz answers within 100 ms and another room keeps syncing while attacks arrive', async () => {
    const target = await createWorkshop(proc.url);
    const eve = await join(proc.url, target.code, 'Eve');
    const watcher = facilitator(proc.url, target.code, target.facilitatorKey);
    await watcher.whenSynced();
    const serverClient = Number([...maps(watcher.doc).clients.entries()].find(([, v]) => v === '@server')![0]);
    const before = JSON.stringify(readBoard(watcher.doc));

    const other = await createWorkshop(proc.url);
    const [ana, ben] = await Promise.all([join(proc.url, other.code, 'Ana'), join(proc.url, other.code, 'Ben')]);
    const pa = participant(proc.url, other.code, ana.token);
    const pb = participant(proc.url, other.code, ben.token);
    await Promise.all([pa.whenSynced(), pb.whenSynced()]);

    const attackers: Socket[] = [];
    for (let i = 0; i < 3; i++) {
      const s = rawSocket(proc.url, { v: 1, role: 'participant', code: target.code, token: eve.token });
      await connected(s);
      attackers.push(s);
    }

    let stop = false;
    let latencies: number[] = [];
    const poll = (async () => {
      while (!stop) {
        const t0 = performance.now();
        const res = await fetch(`${proc.url}/healthz`);
        await res.text();
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    let edits = 0;
    const chatter = (async () => {
      while (!stop) {
        // A bounded set of cards (the per-person card limit is 200), rewritten over and over.
        putCard(pa.doc, ana.participantId, `n${edits % 50}`, { ...validCard, text: `during attack ${edits}` } as never);
        edits++;
        await new Promise((r) => setTimeout(r, 25));
      }
    })();

    // Baseline: the same polling and chatter with no attack, so the machine's own noise is known.
    await new Promise((r) => setTimeout(r, 1_500));
    const baseline = stats(latencies);
    latencies = [];
    const codes = new Map<string, string>();
    const slow: Array<[number, string]> = [];
    const rounds = 4;
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        attackers.map(async (s, n) => {
          const attacks = craftedAttacks(eve.participantId, 700_000 + round * 10 + n, serverClient);
          for (const a of attacks) {
            for (const type of [1, 2]) {
              const t0 = performance.now();
              const ack = (await s.timeout(10_000).emitWithAck('sync', updateFrame(a.update, type))) as Ack;
              slow.push([performance.now() - t0, a.name]);
              codes.set(a.name, ack.ok ? 'ok' : ack.error.code);
              if (!ack.ok) expect(ack.error.code, a.name).not.toBe('INTERNAL');
            }
          }
        }),
      );
    }
    stop = true;
    await Promise.all([poll, chatter]);
    const texts = (doc: Y.Doc) => JSON.stringify(readCards(doc).map((c) => c.text));
    await eventually(() => pa.pending === 0 && texts(pb.doc) === texts(pa.doc), 10_000, 'the other room stopped syncing');
    expect(texts(pb.doc)).toContain(`during attack ${edits - 1}`);

    console.log(slow.sort((a, b) => b[0] - a[0]).slice(0, 8).map(([ms, n]) => `${ms.toFixed(0)}ms ${n}`).join('\n'));
    const attacked = stats(latencies);
    console.log(`healthz baseline: ${baseline.text}; during attacks: ${attacked.text}; other room: ${edits} edits synced`);
    expect(attacked.n).toBeGreaterThan(10);
    // The attacks may add at most 100 ms over what the machine itself costs right now (a few ms when idle;
    // on a shared 2-core box under other jobs the baseline alone can pass 100 ms).
    expect(attacked.p95).toBeLessThan(100 + baseline.p95);
    // The slowest single answer carries the machine's own hiccups (2 shared cores, other jobs); a stuck
    // decoder (yjs #687 loops forever) would hold it for seconds.
    expect(attacked.max).toBeLessThan(1_000);
    for (const [name, code] of codes) expect(code === 'ok' || isErrorCode(code), `${name}: ${code}`).toBe(true);
    expect(JSON.stringify(readBoard(watcher.doc))).toBe(before);
    for (const s of attackers) s.close();
    watcher.close();
    pa.close();
    pb.close();
  });
});
