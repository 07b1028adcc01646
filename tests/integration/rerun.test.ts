/**
 * Issue 13 over real HTTP and sockets: a workshop's model as `template.json`
 * and back into `POST /api/workshops`, refusals that name the field and leave
 * nothing behind, the whole workshop as `archive.json` (keys, tokens, ids and,
 * when anonymous, names never in it; a 4 MB board; hostile text), and a re-run
 * from an archive or from an earlier workshop's code and key: the room sees
 * then against now only once Assess is revealed, marks what became of each
 * earlier initiative, and the export opens with "Since".
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCard, putMarker } from '../../shared/doc/private-doc.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import type { CreateWorkshopReply } from '../../shared/schema/protocol.ts';
import type { ErrorBody } from '../../shared/domain/errors.ts';
import type { Archive } from '../../shared/schema/archive.ts';
import type { WorkshopTemplate } from '../../shared/schema/template-file.ts';
import { initBoard } from '../../shared/doc/meta-doc.ts';
import { defaultDimensions } from '../../shared/domain/workshop-model.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { ledgerMaps } from '../../server/rooms/ledger.ts';
import { privateMaps } from '../../shared/doc/private-doc.ts';
import { FORMAT, LEDGER_DOC, privateDocName } from '../../server/rooms/docs.ts';
import { hashSecret } from '../../server/security/secrets.ts';
import { api, closeAll, createWorkshop, eventually, facilitator, join, participant, viewer, viewerKeyOf } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { WireLog } from '../helpers/wire.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ CREATES_PER_MINUTE: '1000', JOIN_BURST_PER_ADDRESS: '1000' });
});
afterAll(async () => {
  await server.close();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const getJson = <T>(path: string, key: string) => api<T>(server.url, 'GET', path, undefined, bearer(key));
const workshopCount = async () => (await server.app.storage.listInactive(Number.MAX_SAFE_INTEGER)).length;
const practice = (text: string, dimension = 'brand', stage = 2) => ({
  kind: 'practice' as const,
  text,
  dimension,
  stage,
  createdAt: Date.now(),
});
const barrier = (text: string, dimension: string | null = null) => ({
  kind: 'barrier' as const,
  text,
  dimension,
  stage: null,
  createdAt: Date.now(),
});

interface Room {
  reply: CreateWorkshopReply;
  fac: WorkshopConnection;
  people: Array<{ id: string; token: string; name: string; conn: WorkshopConnection }>;
  cmd: (c: Parameters<WorkshopConnection['command']>[0]) => Promise<unknown>;
  settled: () => Promise<unknown>;
  close: () => void;
}

async function room(reply: CreateWorkshopReply, names: string[]): Promise<Room> {
  const fac = facilitator(server.url, reply.code, reply.facilitatorKey);
  const people: Room['people'] = [];
  for (const name of names) {
    const j = await join(server.url, reply.code, name);
    people.push({ id: j.participantId, token: j.token, name, conn: participant(server.url, reply.code, j.token) });
  }
  await Promise.all([fac, ...people.map((p) => p.conn)].map((c) => c.whenSynced()));
  const live = await server.app.rooms.get(reply.code);
  return {
    reply,
    fac,
    people,
    async cmd(c) {
      const ack = await fac.command(c);
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
      return ack.ok ? ack.data : undefined;
    },
    settled: () => eventually(async () => (await live.flush(), people.every((p) => p.conn.pending === 0))),
    close: () => closeAll(fac, ...people.map((p) => p.conn)),
  };
}

/** A first session: cards, markers on three dimensions, a barrier, votes, a generated roadmap. */
async function firstSession(settings: Record<string, unknown> = {}, names = ['Ada Quinn', 'Ben Osei', 'Cora Lind']): Promise<Room> {
  const reply = await createWorkshop(server.url, {
    title: 'Spring offsite',
    organisation: 'Acme',
    settings: { minAnswers: 2, privateUntilReveal: false, ...settings },
  });
  const r = await room(reply, names);
  const [a, b, c] = r.people as [Room['people'][0], Room['people'][0], Room['people'][0]];
  await r.cmd({ type: 'phase:set', phase: 'map' });
  await a.conn.write((d) => putCard(d, 'a1', practice('Ada wrote: our agency writes every post')));
  await b.conn.write((d) => putCard(d, 'b1', barrier('No time')));
  await r.cmd({ type: 'phase:set', phase: 'assess' });
  const answers: Record<string, [number, number][]> = {
    people: [
      [2, 3],
      [2, 3],
      [2, 3],
    ],
    brand: [
      [2, 4],
      [2, 4],
      [3, 4],
    ],
    insight: [
      [1, 3],
      [2, 3],
      [2, 3],
    ],
  };
  for (const [dim, list] of Object.entries(answers)) {
    for (const [i, [current, target]] of list.entries()) await r.people[i]!.conn.write((d) => putMarker(d, dim, { current, target }));
  }
  await r.cmd({ type: 'phase:set', phase: 'prioritise' });
  await r.settled();
  for (const p of [a, b, c]) expect((await p.conn.command({ type: 'vote:set', target: 'dim:people', count: 2 })).ok).toBe(true);
  await r.cmd({ type: 'phase:set', phase: 'roadmap' });
  await r.cmd({ type: 'roadmap:generate', apply: true });
  await r.cmd({ type: 'roadmap:edit', initiativeId: 'people:move', patch: { owner: 'Head of HR', benchmark: 'Half the staff trained' } });
  await r.settled();
  return r;
}

describe('template.json and a template on create', () => {
  it('needs the facilitator key, and what it gives creates a workshop whose template.json is identical', async () => {
    const w = await createWorkshop(server.url, {
      title: 'Model',
      dimensions: [{ key: 'people', name: 'Our people' }, { name: 'Giving' }],
      settings: { serves: 'donors', anonymous: true },
    });
    expect((await api(server.url, 'GET', `/api/workshops/${w.code}/template.json`)).status).toBe(401);
    expect((await getJson(`/api/workshops/${w.code}/template.json`, 'x'.repeat(43))).status).toBe(403);
    const t = await getJson<WorkshopTemplate>(`/api/workshops/${w.code}/template.json`, w.facilitatorKey);
    expect(t.status).toBe(200);
    expect(t.headers.get('content-disposition')).toMatch(/^attachment; filename="model-template-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(t.json).toMatchObject({ format: 'social-shift/template', version: 1, settings: { serves: 'donors', anonymous: true } });
    expect(t.json.dimensions.map((d) => [d.key, d.name, !!d.playbook])).toEqual([
      ['people', 'Our people', true],
      ['giving', 'Giving', false],
    ]);
    const copy = await api<CreateWorkshopReply>(server.url, 'POST', '/api/workshops', { title: 'Copy', template: t.json });
    expect(copy.status).toBe(201);
    const again = await getJson<WorkshopTemplate>(`/api/workshops/${copy.json.code}/template.json`, copy.json.facilitatorKey);
    expect(again.text.replace(/copy-template/, '')).toBe(t.text.replace(/model-template/, ''));
    expect(again.text).toBe(t.text);
  });

  it('follows what the facilitator changed: settings and the canvas', async () => {
    const w = await createWorkshop(server.url, { title: 'Changing' });
    const r = await room(w, []);
    await r.cmd({ type: 'settings:update', settings: { votesPerPerson: 9 } });
    await r.cmd({ type: 'template:set', dimensions: [{ key: 'brand', name: 'Voice' }, { name: 'Our own' }] });
    const t = await getJson<WorkshopTemplate>(`/api/workshops/${w.code}/template.json`, w.facilitatorKey);
    expect(t.json.settings.votesPerPerson).toBe(9);
    expect(t.json.dimensions.map((d) => [d.key, d.name, !!d.playbook])).toEqual([
      ['brand', 'Voice', true],
      ['our-own', 'Our own', false],
    ]);
    r.close();
  });

  it('a bad template is 400 INVALID_TEMPLATE with its path, an unknown version is refused in words, and nothing is created', async () => {
    const w = await createWorkshop(server.url, { title: 'Source' });
    const t = (await getJson<WorkshopTemplate>(`/api/workshops/${w.code}/template.json`, w.facilitatorKey)).json;
    const before = await workshopCount();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ ...t, version: 2 }, 'version', /version 2, and this server reads version 1 only/],
      [
        { ...t, dimensions: t.dimensions.map((d, i) => (i === 3 ? { ...d, descriptors: d.descriptors.slice(1) } : d)) },
        'dimensions.3.descriptors',
        /Too small/,
      ],
      [{ ...t, settings: { ...t.settings, serves: '\u200B\u200B' } }, 'settings.serves', /only blank or invisible characters/],
      [{ ...t, horizons: [] }, 'horizons', /Too small/],
      ['a string', '', /a workshop template is a JSON object/],
    ];
    for (const [template, path, message] of cases) {
      const res = await api<ErrorBody>(server.url, 'POST', '/api/workshops', { title: 'Bad', template });
      expect(res.status, res.text).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'INVALID_TEMPLATE', path });
      expect(res.json.error.message).toMatch(message);
    }
    expect(
      (await api<ErrorBody>(server.url, 'POST', '/api/workshops', { title: 'Both', template: t, dimensions: [{ name: 'x' }] })).json.error
        .code,
    ).toBe('INVALID_BODY');
    expect(await workshopCount()).toBe(before);
  });
});

describe('archive.json', () => {
  it('needs the facilitator key and holds the model, cards, markers, votes, barriers, the roadmap with its edits, and dates', async () => {
    const r = await firstSession();
    const { code, facilitatorKey } = r.reply;
    expect((await api(server.url, 'GET', `/api/workshops/${code}/archive.json`)).status).toBe(401);
    expect((await getJson(`/api/workshops/${code}/archive.json`, viewerKeyOf(r.reply))).status).toBe(403);
    const res = await getJson<Archive>(`/api/workshops/${code}/archive.json`, facilitatorKey);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="spring-offsite-archive-\d{4}-\d{2}-\d{2}\.json"/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const a = res.json;
    expect(a).toMatchObject({
      format: 'social-shift/archive',
      version: 1,
      workshop: { title: 'Spring offsite', organisation: 'Acme', phase: 'roadmap', anonymous: false },
    });
    expect(a.cards.map((c) => [c.kind, c.text])).toEqual([
      ['practice', 'Ada wrote: our agency writes every post'],
      ['barrier', 'No time'],
    ]);
    expect(a.markers).toHaveLength(9);
    expect(a.votes).toHaveLength(3);
    expect(a.roadmap!.initiatives.find((i) => i.id === 'people:move')).toMatchObject({
      owner: 'Head of HR',
      benchmark: 'Half the staff trained',
      edited: ['owner', 'benchmark'],
    });
    expect(a.people.map((p) => p.name)).toEqual(['Ada Quinn', 'Ben Osei', 'Cora Lind']);
    // Named: the author's person id on the card; markers under respondent ids that are nobody's person id.
    const ada = a.people.find((p) => p.name === 'Ada Quinn')!.id;
    expect(a.cards[0]!.author).toBe(ada);
    expect(a.markers.some((m) => (m.respondent as string) === ada)).toBe(false);
    // Stable between downloads.
    const again = (await getJson<Archive>(`/api/workshops/${code}/archive.json`, facilitatorKey)).json;
    expect(again.people).toEqual(a.people);
    expect(again.markers).toEqual(a.markers);
    // Never a key, a token or a participant id.
    for (const secret of [facilitatorKey, viewerKeyOf(r.reply), ...r.people.flatMap((p) => [p.token, p.id])])
      expect(res.text).not.toContain(secret);
    r.close();
  });

  it('anonymous: no names and no participant ids, only stable random ids per person', async () => {
    const r = await firstSession({ anonymous: true });
    const res = await getJson<Archive>(`/api/workshops/${r.reply.code}/archive.json`, r.reply.facilitatorKey);
    for (const p of r.people) {
      expect(res.text).not.toContain(p.name);
      expect(res.text).not.toContain(p.id);
      expect(res.text).not.toContain(p.token);
    }
    expect(res.json.people).toEqual([]);
    expect(res.json.cards.every((c) => c.author === null && c.createdAt === null)).toBe(true);
    const respondents = new Set(res.json.markers.map((m) => m.respondent));
    expect(respondents.size).toBe(3);
    const again = (await getJson<Archive>(`/api/workshops/${r.reply.code}/archive.json`, r.reply.facilitatorKey)).json;
    expect(new Set(again.markers.map((m) => m.respondent))).toEqual(respondents);
    r.close();
  });

  it('carries hostile text as typed, as valid JSON, and a re-run from it exports clean markdown', async () => {
    const reply = await createWorkshop(server.url, {
      title: '</script><script>alert(1)</script> "quoted" \\ back',
      settings: { privateUntilReveal: false },
    });
    const r = await room(reply, ['Robert"); DROP TABLE--']);
    await r.cmd({ type: 'phase:set', phase: 'map' });
    const hostile = [
      '{"format":"social-shift/archive"}',
      'line one\nline two',
      '<img src=x onerror=alert(1)>',
      '| a | b |\n# heading',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} ok',
      '__proto__',
    ];
    for (const [i, text] of hostile.entries()) {
      expect((await r.people[0]!.conn.write((d) => putCard(d, `h${i}`, i % 2 ? barrier(text) : practice(text)))).ok).toBe(true);
    }
    await r.settled();
    const res = await getJson<Archive>(`/api/workshops/${reply.code}/archive.json`, reply.facilitatorKey);
    expect(res.status).toBe(200);
    expect(res.json.cards.map((c) => c.text).sort()).toEqual([...hostile].sort());
    expect(() => JSON.parse(res.text)).not.toThrow();
    const rerun = await api<CreateWorkshopReply>(server.url, 'POST', '/api/workshops', { title: 'Again', previous: res.json });
    expect(rerun.status, rerun.text).toBe(201);
    const md = await api(server.url, 'GET', `/api/workshops/${rerun.json.code}/export.md`, undefined, bearer(rerun.json.facilitatorKey));
    expect(md.text).toContain('## Since');
    expect(md.text).not.toMatch(/<script>|<img /);
    r.close();
  });

  it('a 4 MB board: archived, and run again from its archive', async () => {
    // Built straight into storage: 60 people with 200 cards of 280 characters each, and their markers.
    const ledger = new Y.Doc();
    initBoard(ledger, { title: 'Big room', organisation: 'Acme', dimensions: defaultDimensions(), settings: { anonymous: true } });
    const docs = new Map<string, Uint8Array>();
    const text = (i: number) => `${i} `.padEnd(280, 'abcdefghij klmnopqrst ');
    let bytes = 0;
    for (let p = 0; p < 60; p++) {
      const pid = `person${p}`;
      ledgerMaps(ledger).participants.set(pid, { id: pid, name: `Person ${p}`, joinedAt: p, personId: `pp${p}` });
      const doc = new Y.Doc();
      doc.transact(() => {
        for (let c = 0; c < 200; c++) {
          privateMaps(doc).cards.set(`c${c}`, {
            kind: 'practice',
            text: text(p * 1000 + c),
            dimension: defaultDimensions()[c % 10]!.key,
            stage: 1 + (c % 5),
            createdAt: c,
          });
          ledgerMaps(ledger).cards.set(`${pid}/c${c}`, { id: `id${p}x${c}`, order: c });
          privateMaps(doc).public.set(`c${c}`, `id${p}x${c}`);
        }
        for (const d of defaultDimensions()) privateMaps(doc).markers.set(d.key, { current: 1 + (p % 5), target: 1 + ((p + 2) % 5) });
      });
      const state = Y.encodeStateAsUpdate(doc);
      bytes += state.byteLength;
      docs.set(privateDocName(pid), state);
    }
    const ledgerState = Y.encodeStateAsUpdate(ledger);
    bytes += ledgerState.byteLength;
    docs.set(LEDGER_DOC, ledgerState);
    expect(bytes).toBeGreaterThan(4 * 1024 * 1024);
    const key = 'k'.repeat(43);
    await server.app.storage.createWorkshop(
      {
        code: 'BGBRD2',
        title: 'Big room',
        facilitatorKeyHash: hashSecret(key),
        viewerKey: 'v'.repeat(43),
        createdAt: Date.now(),
        lastActiveAt: Date.now(),
        format: FORMAT,
      },
      docs,
    );

    const started = Date.now();
    const res = await getJson<Archive>('/api/workshops/BGBRD2/archive.json', key);
    expect(res.status).toBe(200);
    expect(res.json.cards).toHaveLength(12_000);
    expect(res.json.markers).toHaveLength(600);
    expect(res.text).not.toContain('Person 1');
    expect(Date.now() - started).toBeLessThan(20_000);
    const rerun = await api<CreateWorkshopReply>(server.url, 'POST', '/api/workshops', { title: 'Big room, again', previous: res.json });
    expect(rerun.status, rerun.text.slice(0, 300)).toBe(201);
    const byKey = await api<CreateWorkshopReply>(server.url, 'POST', '/api/workshops', {
      title: 'Big room, again',
      previous: { code: 'BGBRD2', facilitatorKey: key },
    });
    expect(byKey.status).toBe(201);
  }, 60_000);
});

describe('a re-run', () => {
  it('from an archive or from a code and key: the earlier model and a baseline; a wrong key or a bad archive creates nothing', async () => {
    const r = await firstSession({ votesPerPerson: 7 });
    r.close();
    const archive = (await getJson<Archive>(`/api/workshops/${r.reply.code}/archive.json`, r.reply.facilitatorKey)).json;
    const before = await workshopCount();
    const wrongKey = await api<ErrorBody>(server.url, 'POST', '/api/workshops', {
      title: 'Again',
      previous: { code: r.reply.code, facilitatorKey: 'w'.repeat(43) },
    });
    expect(wrongKey.status).toBe(403);
    const future = await api<ErrorBody>(server.url, 'POST', '/api/workshops', { title: 'Again', previous: { ...archive, version: 2 } });
    expect(future.json.error).toMatchObject({ code: 'INVALID_ARCHIVE', path: 'version' });
    const broken = await api<ErrorBody>(server.url, 'POST', '/api/workshops', {
      title: 'Again',
      previous: { ...archive, markers: [{ respondent: 'Ada', dimension: 'brand', current: 2, target: 3 }] },
    });
    expect(broken.json.error).toMatchObject({ code: 'INVALID_ARCHIVE', path: 'markers.0.respondent' });
    const neither = await api<ErrorBody>(server.url, 'POST', '/api/workshops', { title: 'Again', previous: { code: r.reply.code } });
    expect(neither.json.error).toMatchObject({ code: 'INVALID_BODY', path: 'previous' });
    expect(await workshopCount()).toBe(before);

    for (const previous of [archive, { code: r.reply.code, facilitatorKey: r.reply.facilitatorKey }]) {
      const res = await api<CreateWorkshopReply>(server.url, 'POST', '/api/workshops', { title: 'Autumn offsite', previous });
      expect(res.status, res.text).toBe(201);
      const t = (await getJson<WorkshopTemplate>(`/api/workshops/${res.json.code}/template.json`, res.json.facilitatorKey)).json;
      expect(t).toEqual(archive.template);
      const info = (await api<{ organisation: string }>(server.url, 'GET', `/api/workshops/${res.json.code}`)).json;
      expect(info.organisation).toBe('Acme');
    }
    // A template given too wins over the earlier model; the baseline stays.
    const custom = { ...archive.template, name: 'Trimmed', dimensions: archive.template.dimensions.slice(0, 2) };
    const both = await api<CreateWorkshopReply>(server.url, 'POST', '/api/workshops', {
      title: 'Trimmed',
      template: custom,
      previous: archive,
    });
    expect(both.status).toBe(201);
    expect(
      (await getJson<WorkshopTemplate>(`/api/workshops/${both.json.code}/template.json`, both.json.facilitatorKey)).json.dimensions,
    ).toHaveLength(2);
    const md = await api(server.url, 'GET', `/api/workshops/${both.json.code}/export.md`, undefined, bearer(both.json.facilitatorKey));
    expect(md.text).toContain('## Since');
  });

  it('the room: the earlier plan at once, then against now only once Assess is revealed; the facilitator marks what became of each initiative; the export says it', async () => {
    const first = await firstSession();
    first.close();
    const reply = (
      await api<CreateWorkshopReply>(server.url, 'POST', '/api/workshops', {
        title: 'Autumn offsite',
        previous: { code: first.reply.code, facilitatorKey: first.reply.facilitatorKey },
        settings: { privateUntilReveal: true, minAnswers: 2 },
      })
    ).json;
    const proj = viewer(server.url, reply.code, viewerKeyOf(reply));
    const projWire = new WireLog(proj.socket);
    const r = await room(reply, ['Dan Moss', 'Eve Park', 'Fay Lo']);
    await proj.whenSynced();
    const board = (c: WorkshopConnection) => readRoomBoard(c.room, { console: c.console });
    await eventually(() => board(r.people[0]!.conn).baseline !== null);
    const seen = board(r.people[0]!.conn).baseline!;
    expect(seen).toMatchObject({ title: 'Spring offsite', organisation: 'Acme', then: {} });
    expect(seen.initiatives.map((i) => i.id)).toContain('people:move');
    expect(seen.initiatives.find((i) => i.id === 'people:move')).toMatchObject({
      status: null,
      benchmarkMet: null,
      benchmark: 'Half the staff trained',
    });
    // The earlier people are nowhere on this room's wire.
    for (const name of ['Ada Quinn', 'Ben Osei', 'Cora Lind', ...first.people.map((p) => p.id)]) expect(projWire.saw(name)).toBe(false);

    await r.cmd({ type: 'phase:set', phase: 'assess' });
    for (const [i, p] of r.people.entries()) await p.conn.write((d) => putMarker(d, 'people', { current: 3, target: 4 - (i % 2) }));
    await r.settled();
    expect(Object.keys(board(proj).baseline!.then)).toEqual([]);
    await r.cmd({ type: 'reveal:set', phase: 'assess', revealed: true });
    await eventually(() => Object.keys(board(proj).baseline!.then).length === 3);
    expect(board(proj).baseline!.then.people).toEqual({ current: [0, 3, 0, 0, 0], target: [0, 0, 3, 0, 0], answers: 3 });
    expect(board(proj).dists.people!.current).toEqual([0, 0, 3, 0, 0]);

    // Marks: the facilitator's alone, checked, and everyone sees them.
    const ack = await r.people[0]!.conn.command({ type: 'earlier:mark', initiativeId: 'people:move', status: 'done' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FACILITATOR' } });
    expect(await r.fac.command({ type: 'earlier:mark', initiativeId: 'nope:move', status: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ITEM' },
    });
    await r.cmd({ type: 'earlier:mark', initiativeId: 'people:move', status: 'done', benchmarkMet: true });
    await r.cmd({ type: 'earlier:mark', initiativeId: 'brand:move', status: 'stalled' });
    await eventually(() => board(r.people[1]!.conn).baseline!.initiatives.find((i) => i.id === 'people:move')!.status === 'done');
    await r.cmd({ type: 'what-moved:show', show: true });
    await eventually(() => board(proj).whatMoved);

    // The roadmap and the export take it into account.
    await r.people[0]!.conn.write((d) => putMarker(d, 'brand', { current: 2, target: 4 }));
    await r.people[1]!.conn.write((d) => putMarker(d, 'brand', { current: 2, target: 4 }));
    await r.people[1]!.conn.write((d) => putCard(d, 'nt', barrier('No time')));
    await r.cmd({ type: 'phase:set', phase: 'roadmap' });
    await r.settled();
    await r.cmd({ type: 'roadmap:generate', apply: true });
    const md = (await api(server.url, 'GET', `/api/workshops/${reply.code}/export.md`, undefined, bearer(reply.facilitatorKey))).text;
    const since = md.slice(md.indexOf('## Since'), md.indexOf('## First 30 days'));
    expect(since).toMatch(/^## Since \d{1,2} \w+ \d{4}/);
    expect(since).toContain('| People, culture & skills | Broadcasting (2) | Experimenting (3) |');
    expect(since).toContain('**People, culture & skills: from Broadcasting to Experimenting** (Now, owner: Head of HR): done');
    expect(since).toContain('Benchmarks met, as the room says: “Half the staff trained”.');
    expect(since).toMatch(
      /\*\*Brand positioning & voice: from Broadcasting to Engaging\*\* \([^)]*\): stalled; .*“No time” is still raised/,
    );
    expect(md).toMatch(/Stalled since \w+ \d{4}: the barrier “No time” is still raised\./);
    closeAll(proj);
    r.close();
  });

  it('an anonymous re-run carries nothing that links people across the two sessions', async () => {
    const first = await firstSession({ anonymous: true });
    first.close();
    const archive = (await getJson<Archive>(`/api/workshops/${first.reply.code}/archive.json`, first.reply.facilitatorKey)).json;
    const reply = (
      await api<CreateWorkshopReply>(server.url, 'POST', '/api/workshops', {
        title: 'Again',
        previous: archive,
        settings: { privateUntilReveal: false, minAnswers: 1 },
      })
    ).json;
    const facWire = new WireLog(facilitator(server.url, reply.code, reply.facilitatorKey).socket);
    const r = await room(reply, ['Gil']);
    await r.cmd({ type: 'phase:set', phase: 'assess' });
    await r.people[0]!.conn.write((d) => putMarker(d, 'people', { current: 2, target: 3 }));
    await r.settled();
    await eventually(() => facWire.saw('Spring offsite'));
    const ids = new Set([
      ...archive.markers.map((m) => m.respondent),
      ...archive.votes.map((v) => v.respondent),
      ...archive.people.map((p) => p.id),
    ]);
    for (const id of ids) expect(facWire.saw(id)).toBe(false);
    const stored = await server.app.rooms.get(reply.code);
    const baselineJson = JSON.stringify(ledgerMaps(stored.state.ledger).baseline.toJSON());
    for (const id of ids) expect(baselineJson).not.toContain(id);
    expect(baselineJson).not.toMatch(/"[pr]-/);
    r.close();
  });

  it('a first run refuses re-run commands', async () => {
    const w = await createWorkshop(server.url, { title: 'First' });
    const r = await room(w, []);
    expect(await r.fac.command({ type: 'earlier:mark', initiativeId: 'people:move', status: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await r.fac.command({ type: 'what-moved:show', show: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(readRoomBoard(r.fac.room).baseline).toBeNull();
    r.close();
  });
});
