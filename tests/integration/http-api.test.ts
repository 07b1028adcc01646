import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOM_CODE_ALPHABET } from '../../shared/limits.ts';
import { api, createWorkshop, join } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ FAILED_JOINS_PER_WINDOW: '8' });
});
afterAll(async () => {
  await server.close();
});

describe('HTTP API', () => {
  it('creates a workshop with a readable code and a strong facilitator key', async () => {
    const res = await api<Record<string, string>>(server.url, 'POST', '/api/workshops', { title: 'Leadership offsite', organisation: 'Acme' });
    expect(res.status).toBe(201);
    const { code, facilitatorKey, facilitatorUrl, joinUrl } = res.json;
    expect(code).toMatch(new RegExp(`^[${ROOM_CODE_ALPHABET}]{6}$`));
    expect(code).not.toMatch(/[01OIL]/);
    expect(Buffer.from(facilitatorKey!, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(facilitatorUrl).toContain(`/f/${code}#key=`);
    expect(joinUrl).toMatch(new RegExp(`/j/${code}$`));
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
    const bad = await api<{ error: { code: string; message: string } }>(server.url, 'POST', '/api/workshops', { title: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('INVALID_BODY');
    const notJson = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', '{"title":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    const extra = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', { title: 'x', admin: true });
    expect(extra.status).toBe(400);
    const huge = await api<{ error: { code: string } }>(server.url, 'POST', '/api/workshops', { title: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('exports markdown only with the facilitator key', async () => {
    const w = await createWorkshop(server.url, { title: 'Offsite', organisation: 'Acme' });
    const other = await createWorkshop(server.url, { title: 'Other' });
    const none = await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`);
    expect(none.status).toBe(401);
    const wrong = await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, { authorization: `Bearer ${other.facilitatorKey}` });
    expect(wrong.status).toBe(403);
    const ok = await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, { authorization: `Bearer ${w.facilitatorKey}` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/markdown');
    expect(ok.text).toContain('Offsite');
    expect(ok.text).not.toContain(w.facilitatorKey);
  });

  it('deletes every trace of a workshop for its facilitator only', async () => {
    const w = await createWorkshop(server.url);
    const p = await join(server.url, w.code, 'Ana');
    const other = await createWorkshop(server.url);
    expect((await api(server.url, 'DELETE', `/api/workshops/${w.code}`, undefined, { authorization: `Bearer ${other.facilitatorKey}` })).status).toBe(403);
    expect((await api(server.url, 'DELETE', `/api/workshops/${w.code}`, undefined, { authorization: `Bearer ${w.facilitatorKey}` })).status).toBe(204);
    expect((await api(server.url, 'GET', `/api/workshops/${w.code}`)).status).toBe(404);
    expect(await server.app.storage.findParticipantByToken(w.code, 'x')).toBeNull();
    expect((await server.app.storage.loadDocuments(w.code)).size).toBe(0);
    expect(p.participantId).toBeTruthy();
  });

  it('answers health checks', async () => {
    const res = await api(server.url, 'GET', '/healthz');
    expect(res.status).toBe(200);
  });
});
