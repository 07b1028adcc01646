import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, ROOM_CODE_ALPHABET } from '../../shared/domain/limits.ts';
import { putCard } from '../../shared/doc/private-doc.ts';
import type { CreateWorkshopReply, WorkshopLinksReply } from '../../shared/schema/protocol.ts';
import { api, createWorkshop, join, participant, viewerKeyOf } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ FAILED_JOINS_PER_WINDOW: '8' });
});
afterAll(async () => {
  await server.close();
});

describe('HTTP API', () => {
  it('creates a workshop with a readable code, a strong facilitator key and a projector link of its own', async () => {
    const res = await api<CreateWorkshopReply>(server.url, 'POST', '/api/workshops', { title: 'Leadership offsite', organisation: 'Acme' });
    expect(res.status).toBe(201);
    const { code, facilitatorKey, facilitatorUrl, joinUrl, boardUrl } = res.json;
    expect(code).toMatch(new RegExp(`^[${ROOM_CODE_ALPHABET}]{6}$`));
    expect(code).not.toMatch(/[01OIL]/);
    expect(Buffer.from(facilitatorKey, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(facilitatorUrl).toContain(`/f/${code}#key=${facilitatorKey}`);
    expect(joinUrl).toMatch(new RegExp(`/j/${code}$`));
    // The projector's key: in the fragment (never sent to a server), strong, and not the facilitator's.
    expect(boardUrl).toMatch(new RegExp(`/board/${code}#view=[A-Za-z0-9_-]+$`));
    const viewerKey = viewerKeyOf(res.json);
    expect(Buffer.from(viewerKey, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(viewerKey).not.toBe(facilitatorKey);
    expect(boardUrl).not.toContain(facilitatorKey);
  });

  it('hands the console its links, with the current projector key for the facilitator key only', async () => {
    const w = await createWorkshop(server.url);
    const links = await api<WorkshopLinksReply>(server.url, 'GET', `/api/workshops/${w.code}/links`, undefined, {
      authorization: `Bearer ${w.facilitatorKey}`,
    });
    expect(links.status).toBe(200);
    expect(links.headers.get('cache-control')).toBe('no-store');
    expect(links.json).toMatchObject({ joinUrl: w.joinUrl, boardUrl: w.boardUrl });
    // Anyone gets where phones join, never the projector's key.
    const open = await api<WorkshopLinksReply>(server.url, 'GET', `/api/workshops/${w.code}/links`);
    expect(open.status).toBe(200);
    expect(open.json.joinUrl).toBe(w.joinUrl);
    expect(open.json.boardUrl).toBeUndefined();
    expect(open.text).not.toContain(viewerKeyOf(w));
    expect(
      (await api(server.url, 'GET', `/api/workshops/${w.code}/links`, undefined, { authorization: `Bearer ${viewerKeyOf(w)}` })).status,
    ).toBe(403);
  });

  it('describes a workshop for the join page, case-insensitively, and 404s unknown codes', async () => {
    const w = await createWorkshop(server.url, { title: 'Offsite', organisation: 'Acme' });
    await join(server.url, w.code, 'Ana');
    const info = await api<Record<string, unknown>>(server.url, 'GET', `/api/workshops/${w.code.toLowerCase()}`);
    expect(info.status).toBe(200);
    expect(info.json).toEqual({ code: w.code, title: 'Offsite', organisation: 'Acme', phase: 'lobby', participants: 1 });
    const missing = await api<{ error: { code: string } }>(server.url, 'GET', '/api/workshops/ZZZZZZ');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('WORKSHOP_NOT_FOUND');
  });

  it('refuses bad bodies with a named 400 and oversize bodies with 413', async () => {
    const bad = await api<{ error: { code: string; message: string } }>(server.url, 'POST', '/api/workshops', { title: 42 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('INVALID_BODY');
    const notJson = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', '{"title":', {
      'content-type': 'application/json',
    });
    expect(notJson.status).toBe(400);
    const extra = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', { title: 'x', admin: true });
    expect(extra.status).toBe(400);
    // The create route takes an archive of an earlier workshop, so its body limit is the archive's.
    const longTitle = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', { title: 'x'.repeat(200_000) });
    expect(longTitle.status).toBe(400);
    expect(longTitle.json.error.code).toBe('INVALID_BODY');
    const huge = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', {
      title: 'x'.repeat(LIMITS.archiveBytesMax + 1),
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a name or title of only invisible characters with EMPTY_TEXT, and creates nothing', async () => {
    const w = await createWorkshop(server.url, { title: 'Offsite', organisation: 'Acme' });
    for (const name of ['\u200B', '\u200B\u200D\uFEFF', ' \u2067\u2069 ', '']) {
      const res = await api<{ error: { code: string; message: string } }>(server.url, 'POST', `/api/workshops/${w.code}/participants`, {
        name,
      });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.json.error.code).toBe('EMPTY_TEXT');
      expect(res.json.error.message).toMatch(/^name: only blank or invisible characters/);
    }
    const info = await api<{ participants: number }>(server.url, 'GET', `/api/workshops/${w.code}`);
    expect(info.json.participants).toBe(0);
    // Invisible characters around a real name are cleaned, not refused.
    const ok = await api<{ name: string }>(server.url, 'POST', `/api/workshops/${w.code}/participants`, { name: '\u200BAna\u200E' });
    expect(ok.status).toBe(201);
    expect(ok.json.name).toBe('Ana');

    const title = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', { title: '\u200B\u200B' });
    expect(title.status).toBe(400);
    expect(title.json.error.code).toBe('EMPTY_TEXT');
  });

  it('exports the board as a markdown file for its facilitator', async () => {
    const w = await createWorkshop(server.url, { title: 'Offsite', organisation: 'Acme' });
    const ok = await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, {
      authorization: `Bearer ${w.facilitatorKey}`,
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/markdown');
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"/\\]+\.md"$/);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.text).toContain('Offsite');
    expect(ok.text).toContain('Acme');
  });

  it("exports an anonymous workshop without anyone's name or participant id", async () => {
    const w = await createWorkshop(server.url, { title: 'Candid', settings: { anonymous: true, privateUntilReveal: false } });
    const people = await Promise.all(['Zelda Quist', 'Yannick Oort'].map((n) => join(server.url, w.code, n)));
    const phone = participant(server.url, w.code, people[0]!.token);
    await phone.whenSynced();
    expect(
      await phone.write((d) =>
        putCard(d, 'c1', { kind: 'practice', text: 'We post and pray', dimension: 'brand', stage: 1, createdAt: 1 }),
      ),
    ).toEqual({ ok: true, queued: false });
    phone.close();
    const md = await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, {
      authorization: `Bearer ${w.facilitatorKey}`,
    });
    expect(md.status).toBe(200);
    expect(md.text).toContain('We post and pray');
    expect(md.text).toContain('2 people');
    for (const p of people) {
      for (const trace of [p.name, ...p.name.split(' '), p.participantId]) expect(md.text, trace).not.toContain(trace);
    }
  });

  it('answers health checks', async () => {
    const res = await api(server.url, 'GET', '/healthz');
    expect(res.status).toBe(200);
  });
});
