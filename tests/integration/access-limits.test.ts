/**
 * Access at the edges: room codes cannot be enumerated while a room of phones
 * behind one venue address joins freely; what one seat or one address may
 * hold or do (sockets, joins, reconnects), each refused with a named error;
 * security headers and a CSP the built client works under; the Socket.IO
 * Origin check; no secret in logs or exports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { parser } from '../../shared/wire/sio-parser.ts';
import { putCard } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { PROTOCOL_VERSION } from '../../shared/schema/protocol.ts';
import { loadConfig } from '../../server/config.ts';
import {
  api,
  connected,
  createWorkshop,
  eventually,
  facilitator,
  join,
  participant,
  rawSocket,
  viewerKeyOf,
  codeOf,
  handshake,
} from '../helpers/clients.ts';
import { startServer, startServerProcess, tempDir, type ServerProcess, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
let proc: ServerProcess | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  proc?.child.kill('SIGKILL');
  proc = undefined;
});

describe('room codes cannot be enumerated', () => {
  it('failed joins from one address are limited across HTTP and sockets, and then even a right code waits', async () => {
    // A window long enough that a loaded machine makes all the attempts below inside it, short enough to see it pass.
    server = await startServer({ FAILED_JOINS_PER_WINDOW: '10', FAILED_JOIN_WINDOW_MS: '5000' });
    const w = await createWorkshop(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api(server.url, 'GET', `/api/workshops/ZZZZZ${'23456789'[i]}`)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    // Wrong tokens and keys on the socket count against the same address.
    for (let i = 0; i < 4; i++)
      expect(await handshake(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: 'z'.repeat(43) })).toBe(
        'UNAUTHENTICATED',
      );

    const info = await api(server.url, 'GET', `/api/workshops/${w.code}`);
    expect([info.status, codeOf(info)]).toEqual([429, 'RATE_LIMITED']);
    const joinRes = await api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'Guesser' });
    expect([joinRes.status, codeOf(joinRes)]).toEqual([429, 'RATE_LIMITED']);
    expect(await handshake(server.url, { v: PROTOCOL_VERSION, role: 'facilitator', code: w.code, key: w.facilitatorKey })).toBe(
      'RATE_LIMITED',
    );
    // 31^6 codes at 10 guesses per window: enumeration is out of reach. The window passes and the door reopens.
    await eventually(async () => (await api(server!.url!, 'GET', `/api/workshops/${w.code}`)).status === 200, 15_000, 'limit never lifted');
  });

  it('fifty phones behind one address join one room, with a few typos, without trouble (default limits)', async () => {
    server = await startServer();
    const w = await createWorkshop(server.url, { title: 'Venue', settings: { privateUntilReveal: false } });
    // A few people mistype the code first.
    for (let i = 0; i < 5; i++) expect((await api(server.url, 'GET', `/api/workshops/ZZZZZ${'23456'[i]}`)).status).toBe(404);
    const people = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const seen = await api(server!.url, 'GET', `/api/workshops/${w.code.toLowerCase()}`);
        expect(seen.status).toBe(200);
        return join(server!.url, w.code, `Phone ${i + 1}`);
      }),
    );
    const phones = people.map((p) => participant(server!.url, w.code, p.token));
    try {
      await Promise.all(phones.map((p) => p.whenSynced()));
      // Everyone reconnects once (a venue Wi-Fi blip): successful handshakes never count.
      for (const p of phones) p.socket.io.engine.close();
      await eventually(() => phones.every((p) => p.synced), 15_000, 'phones did not come back');
      expect(
        await phones[7]!.write((d) => putCard(d, 'hi', { kind: 'barrier', text: 'Budget', dimension: 'brand', stage: null, createdAt: 1 })),
      ).toEqual({ ok: true, queued: false });
      await eventually(() => phones.every((p) => readRoomBoard(p.room).cards.length === 1), 10_000, 'not everyone got the card');
    } finally {
      for (const p of phones) p.close();
    }
  });

  it('creating workshops is rate limited per address with a named error', async () => {
    server = await startServer({ CREATES_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) await createWorkshop(server.url);
    const res = await api(server.url, 'POST', '/api/workshops', { title: 'One too many' });
    expect([res.status, codeOf(res)]).toEqual([429, 'RATE_LIMITED']);
  });
});

describe('what one seat or one address may hold or do', () => {
  it('a seat opens at most MAX_CONNECTIONS_PER_PARTICIPANT sockets (4 unless configured); the next is refused by name, closing one frees it', async () => {
    expect(loadConfig({}).maxConnectionsPerParticipant).toBe(4);
    server = await startServer({ MAX_CONNECTIONS_PER_PARTICIPANT: '2' });
    const w = await createWorkshop(server.url);
    const [ana, ben] = await Promise.all([join(server.url, w.code, 'Ana'), join(server.url, w.code, 'Ben')]);
    const seat = { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: ana.token };
    const open = [rawSocket(server.url, seat), rawSocket(server.url, seat)];
    try {
      await Promise.all(open.map(connected));
      expect(await handshake(server.url, seat)).toBe('TOO_MANY_CONNECTIONS');
      // Someone else's seat is not affected.
      expect(await handshake(server.url, { ...seat, token: ben.token })).toBe('connected');
      const room = await server.app.rooms.get(w.code);
      open.pop()!.close();
      await eventually(() => room.connectionsOf(ana.participantId).length === 1, 5_000, 'the closed socket was not released');
      expect(await handshake(server.url, seat)).toBe('connected');
    } finally {
      for (const s of open) s.close();
    }
  });

  it('an address holds at most MAX_CONNECTIONS_PER_ADDRESS sockets, whatever their seats; the next is refused by name', async () => {
    server = await startServer({ MAX_CONNECTIONS_PER_ADDRESS: '3' });
    const w = await createWorkshop(server.url);
    const people = await Promise.all(['Ana', 'Ben', 'Cy'].map((n) => join(server!.url, w.code, n)));
    const open = [
      rawSocket(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: people[0]!.token }),
      rawSocket(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: people[1]!.token }),
      rawSocket(server.url, { v: PROTOCOL_VERSION, role: 'viewer', code: w.code, key: viewerKeyOf(w) }),
    ];
    try {
      await Promise.all(open.map(connected));
      expect(await handshake(server.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: people[2]!.token })).toBe(
        'TOO_MANY_CONNECTIONS',
      );
      expect(await handshake(server.url, { v: PROTOCOL_VERSION, role: 'facilitator', code: w.code, key: w.facilitatorKey })).toBe(
        'TOO_MANY_CONNECTIONS',
      );
      open.pop()!.close();
      await eventually(
        async () =>
          (await handshake(server!.url, { v: PROTOCOL_VERSION, role: 'facilitator', code: w.code, key: w.facilitatorKey })) === 'connected',
        5_000,
        'the slot was not released',
      );
    } finally {
      for (const s of open) s.close();
    }
  });

  it('joins from one address into one workshop are paced: past the burst, refused by name with a Retry-After, nobody added; another workshop is counted apart', async () => {
    server = await startServer({ JOIN_BURST_PER_ADDRESS: '5', JOINS_PER_MINUTE_PER_ADDRESS: '1', MAX_PARTICIPANTS: '300' });
    const w = await createWorkshop(server.url);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api(server!.url, 'POST', `/api/workshops/${w.code}/participants`, { name: `Fake ${i}` })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect([r.status, codeOf(r)]).toEqual([429, 'RATE_LIMITED']);
      // One a minute: the next turn is up to a minute away, and the phone is told so.
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    }
    const info = await api<{ participants: number }>(server.url, 'GET', `/api/workshops/${w.code}`);
    expect(info.json.participants).toBe(5);
    const elsewhere = await createWorkshop(server.url);
    expect((await api(server.url, 'POST', `/api/workshops/${elsewhere.code}/participants`, { name: 'Someone' })).status).toBe(201);
    // A bad body is refused before it costs a join (a typo does not use up the venue's burst).
    expect((await api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: '' })).status).toBe(400);
  });

  it('a full room refuses one more by name', async () => {
    server = await startServer({ MAX_PARTICIPANTS: '2' });
    const w = await createWorkshop(server.url);
    await join(server.url, w.code, 'Ana');
    await join(server.url, w.code, 'Ben');
    const third = await api(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: 'Cy' });
    expect([third.status, codeOf(third)]).toEqual([409, 'ROOM_FULL']);
  });

  it('one seat reconnecting in a loop is slowed with a named error; other seats connect as usual', async () => {
    // A socket's slot may be released a moment after the next one connects: the seat cap is not what this is about.
    server = await startServer({ MAX_CONNECTIONS_PER_PARTICIPANT: '100' });
    const w = await createWorkshop(server.url);
    const [ana, ben] = await Promise.all([join(server.url, w.code, 'Ana'), join(server.url, w.code, 'Ben')]);
    const seat = { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: ana.token };
    // A burst of reconnects is fine (a flaky venue Wi-Fi); a loop is not. Each connect changes presence for the room.
    const outcomes: string[] = [];
    for (let i = 0; i < 40 && !outcomes.includes('RATE_LIMITED'); i++) outcomes.push(await handshake(server.url, seat));
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill('connected'));
    expect(outcomes.at(-1)).toBe('RATE_LIMITED');
    expect(await handshake(server.url, { ...seat, token: ben.token })).toBe('connected');
  });
});

describe('security headers', () => {
  it('every response carries helmet headers and a CSP the built client works under', async () => {
    const dataDir = tempDir();
    const staticDir = path.join(dataDir, 'client');
    fs.mkdirSync(staticDir);
    const built = path.resolve(import.meta.dirname, '../../dist/client/index.html');
    const html = fs.existsSync(built)
      ? fs.readFileSync(built, 'utf8')
      : '<!doctype html><title>t</title><script type="module" src="/assets/app.js"></script>';
    fs.writeFileSync(path.join(staticDir, 'index.html'), html);
    server = await startServer({ DATA_DIR: dataDir, STATIC_DIR: staticDir });
    const w = await createWorkshop(server.url);

    for (const p of ['/', `/j/${w.code}`, `/api/workshops/${w.code}`, '/api/workshops/ZZZZZZ', '/healthz']) {
      const res = await fetch(server.url + p);
      const h = res.headers;
      const csp = h.get('content-security-policy') ?? '';
      expect(csp, p).toContain("default-src 'self'");
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp, p).toContain("object-src 'none'");
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).toContain("base-uri 'self'");
      expect(csp, p).toMatch(/connect-src[^;]*'self'/);
      expect(h.get('x-content-type-options'), p).toBe('nosniff');
      expect(h.get('referrer-policy'), p).toBe('no-referrer');
      expect(h.get('x-frame-options'), p).toBe('SAMEORIGIN');
      expect(h.get('cross-origin-opener-policy'), p).toBe('same-origin');
      expect(h.get('x-powered-by'), p).toBeNull();
    }
    // The client works under `script-src 'self'`: every script is a same-origin file, no inline code or handlers.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/[^/]/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+="/i);
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });
});

describe('the Socket.IO Origin check', () => {
  it('refuses a foreign Origin and accepts the same origin and configured origins', async () => {
    server = await startServer({ ALLOWED_ORIGINS: 'http://projector.example:8080, https://board.example' });
    const w = await createWorkshop(server.url);
    const auth = { v: PROTOCOL_VERSION, role: 'facilitator', code: w.code, key: w.facilitatorKey };
    const tryOrigin = async (origin: string, transports: ('websocket' | 'polling')[] = ['websocket']) => {
      const s = io(server!.url, { auth, transports, reconnection: false, forceNew: true, extraHeaders: { origin }, parser });
      try {
        await connected(s);
        return 'connected';
      } catch {
        return 'refused';
      } finally {
        s.close();
      }
    };
    expect(await tryOrigin('http://evil.example')).toBe('refused');
    expect(await tryOrigin('http://evil.example', ['polling'])).toBe('refused');
    expect(await tryOrigin(`http://localhost:${new URL(server.url).port}`)).toBe('refused'); // same port, another host name
    expect(await tryOrigin('null')).toBe('refused');
    expect(await tryOrigin(server.url)).toBe('connected');
    expect(await tryOrigin('http://projector.example:8080')).toBe('connected');
    expect(await tryOrigin('https://board.example', ['polling'])).toBe('connected');
  });
});

describe('secrets stay secret', () => {
  it('the facilitator key, projector keys and participant tokens never appear in debug logs or in the markdown export', async () => {
    proc = await startServerProcess(tempDir(), { LOG_LEVEL: 'debug' });
    const w = await createWorkshop(proc.url, { title: 'Secret offsite', organisation: 'Acme' });
    const people = await Promise.all(['Ana', 'Ben'].map((n) => join(proc!.url, w.code, n)));
    const f = facilitator(proc.url, w.code, w.facilitatorKey);
    const phones = people.map((p) => participant(proc!.url, w.code, p.token));
    await Promise.all([f, ...phones].map((c) => c.whenSynced()));
    expect(
      await phones[0]!.write((d) =>
        putCard(d, 'c', { kind: 'practice', text: 'A candid view', dimension: 'brand', stage: 1, createdAt: 1 }),
      ),
    ).toEqual({ ok: true, queued: false });
    expect(await f.command({ type: 'phase:set', phase: 'map' })).toMatchObject({ ok: true });
    const projector = await f.command({ type: 'viewer:rotate' });
    expect(projector.ok).toBe(true);
    const viewerKeys = [viewerKeyOf(w), projector.ok ? projector.data!.viewerKey : ''];
    // Failures log too: a wrong key, a wrong token, a bearer header with a real token in the wrong place.
    await api(proc.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, { authorization: `Bearer ${people[1]!.token}` });
    await handshake(proc.url, { v: PROTOCOL_VERSION, role: 'facilitator', code: w.code, key: people[0]!.token });
    await handshake(proc.url, { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: w.facilitatorKey });
    await handshake(proc.url, { v: PROTOCOL_VERSION, role: 'viewer', code: w.code, key: viewerKeys[0] });
    await handshake(proc.url, { v: PROTOCOL_VERSION, role: 'viewer', code: w.code, key: viewerKeys[1] });
    const md = await api(proc.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, { authorization: `Bearer ${w.facilitatorKey}` });
    expect(md.status).toBe(200);
    expect(md.text).toContain('A candid view');
    for (const c of [f, ...phones]) c.close();
    const del = await api(proc.url, 'DELETE', `/api/workshops/${w.code}`, undefined, { authorization: `Bearer ${w.facilitatorKey}` });
    expect(del.status).toBe(204);
    proc.child.kill('SIGTERM');
    await proc.exited;

    const log = proc.output();
    expect(log).toMatch(/"level":20|"msg":"incoming request"/); // debug logging really was on
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const secrets = [w.facilitatorKey, ...viewerKeys, ...people.map((p) => p.token)];
    for (const s of secrets) {
      for (const form of [s, sha(s), encodeURIComponent(s)]) {
        expect(log.includes(form), 'a secret is in the log').toBe(false);
        expect(md.text.includes(form), 'a secret is in the export').toBe(false);
      }
    }
  });
});
