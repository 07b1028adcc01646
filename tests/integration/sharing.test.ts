/**
 * What leaves the room at the end: a participant's copy (the phase, the Settings switch, the
 * privacy of an anonymous room, checked in the bytes), the report link (its own key, nothing
 * else needed, retired by a new one or by "Stop sharing") and the file names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCard, putMarker } from '../../shared/doc/private-doc.ts';
import type { SharingReply } from '../../shared/schema/protocol.ts';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { api, closeAll, codeOf, createWorkshop, eventually, facilitator, join, participant, viewerKeyOf } from '../helpers/clients.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const today = () => new Date().toISOString().slice(0, 10);

async function toPhase(fac: WorkshopConnection, phase: 'roadmap' | 'export') {
  expect(await fac.command({ type: 'phase:set', phase })).toMatchObject({ ok: true });
  await eventually(() => readRoomBoard(fac.room).phase === phase);
}

describe("a participant's copy", () => {
  it("is refused before Export, then downloads the room's roadmap under the workshop's name and date", async () => {
    const w = await createWorkshop(server.url, { title: 'Leadership Offsite', organisation: 'Acme' });
    const ana = await join(server.url, w.code, 'Ana Lindqvist');
    const fac = facilitator(server.url, w.code, w.facilitatorKey);
    await fac.whenSynced();
    try {
      const early = await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, bearer(ana.token));
      expect(early.status).toBe(409);
      expect(codeOf(early)).toBe('COPY_NOT_READY');
      await toPhase(fac, 'roadmap');
      expect(codeOf(await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, bearer(ana.token)))).toBe('COPY_NOT_READY');
      await toPhase(fac, 'export');
      const copy = await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, bearer(ana.token));
      expect(copy.status).toBe(200);
      expect(copy.headers.get('content-type')).toContain('text/markdown');
      expect(copy.headers.get('content-disposition')).toBe(`attachment; filename="leadership-offsite-roadmap-${today()}.md"`);
      expect(copy.headers.get('cache-control')).toBe('no-store');
      // A named workshop: the room saw the names, so the copy lists them.
      expect(copy.text).toContain('Ana Lindqvist');
    } finally {
      closeAll(fac);
    }
  });

  it("needs a participant's own token: not none, not the facilitator's key, not the projector's, not a removed person's", async () => {
    const w = await createWorkshop(server.url, { title: 'Keys' });
    const ana = await join(server.url, w.code, 'Ana');
    const bo = await join(server.url, w.code, 'Bo');
    const fac = facilitator(server.url, w.code, w.facilitatorKey);
    await fac.whenSynced();
    try {
      await toPhase(fac, 'export');
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`)).status).toBe(401);
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, bearer(w.facilitatorKey))).status).toBe(403);
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, bearer(viewerKeyOf(w)))).status).toBe(403);
      // And a participant's token does not open the facilitator's export.
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, bearer(ana.token))).status).toBe(403);
      expect(await fac.command({ type: 'participant:remove', participantId: bo.participantId })).toMatchObject({ ok: true });
      expect(codeOf(await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, bearer(bo.token)))).toBe('REMOVED');
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, bearer(ana.token))).status).toBe(200);
    } finally {
      closeAll(fac);
    }
  });

  it('is refused while the facilitator has switched copies off; their own export still works', async () => {
    const w = await createWorkshop(server.url, { title: 'Switch' });
    const ana = await join(server.url, w.code, 'Ana');
    const fac = facilitator(server.url, w.code, w.facilitatorKey);
    await fac.whenSynced();
    try {
      await toPhase(fac, 'export');
      expect(await fac.command({ type: 'settings:update', settings: { participantCopies: false } })).toMatchObject({ ok: true });
      const off = await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, bearer(ana.token));
      expect(off.status).toBe(403);
      expect(codeOf(off)).toBe('COPIES_OFF');
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, bearer(w.facilitatorKey))).status).toBe(200);
      expect(await fac.command({ type: 'settings:update', settings: { participantCopies: true } })).toMatchObject({ ok: true });
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}/copy.md`, undefined, bearer(ana.token))).status).toBe(200);
    } finally {
      closeAll(fac);
    }
  });

  it('names nobody in an anonymous workshop: no participant, no owner typed into the roadmap', async () => {
    const w = await createWorkshop(server.url, {
      title: 'Candid',
      settings: { anonymous: true, privateUntilReveal: false, minAnswers: 1 },
    });
    const people = await Promise.all(['Zelda Quist', 'Yannick Oort'].map((n) => join(server.url, w.code, n)));
    const fac = facilitator(server.url, w.code, w.facilitatorKey);
    const phones = people.map((p) => participant(server.url, w.code, p.token));
    await Promise.all([fac, ...phones].map((c) => c.whenSynced()));
    try {
      for (const [n, phone] of phones.entries()) {
        expect(
          await phone.write((d) =>
            putCard(d, `c${n}`, { kind: 'practice', text: `We post and pray ${n}`, dimension: 'brand', stage: 1, createdAt: 1 }),
          ),
        ).toMatchObject({ ok: true });
        expect(await phone.write((d) => putMarker(d, 'brand', { current: 1 + n, target: 4 }))).toMatchObject({ ok: true });
      }
      await toPhase(fac, 'roadmap');
      expect(await fac.command({ type: 'roadmap:generate', apply: true })).toMatchObject({ ok: true });
      await eventually(() => readRoomBoard(fac.room).roadmap !== null);
      const first = readRoomBoard(fac.room).roadmap!.initiatives[0]!;
      expect(await fac.command({ type: 'roadmap:edit', initiativeId: first.id, patch: { owner: 'Zelda Quist' } })).toMatchObject({
        ok: true,
      });
      await toPhase(fac, 'export');
      // The facilitator's own file keeps what they typed; the room's copy does not.
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}/export.md`, undefined, bearer(w.facilitatorKey))).text).toContain(
        'Owner: Zelda Quist',
      );
      for (const format of ['md', 'html', 'csv']) {
        const copy = await api(server.url, 'GET', `/api/workshops/${w.code}/copy.${format}`, undefined, bearer(people[1]!.token));
        expect(copy.status).toBe(200);
        if (format !== 'csv') expect(copy.text).toContain('We post and pray 0');
        if (format !== 'csv') expect(copy.text).toContain('2 people');
        for (const p of people) {
          for (const trace of [p.name, ...p.name.split(' '), p.participantId])
            expect(copy.text, `${format}: ${trace}`).not.toContain(trace);
        }
      }
    } finally {
      closeAll(fac, ...phones);
    }
  });
});

describe('formats', () => {
  it('names every file from the title and the day, for the facilitator and for a phone alike', async () => {
    const w = await createWorkshop(server.url, { title: 'Café Strategy: 2026!' });
    const ana = await join(server.url, w.code, 'Ana Lindqvist');
    const fac = facilitator(server.url, w.code, w.facilitatorKey);
    await fac.whenSynced();
    try {
      await toPhase(fac, 'export');
      const expected = {
        md: [`cafe-strategy-2026-roadmap-${today()}.md`, 'text/markdown', '# Café Strategy: 2026!'],
        html: [`cafe-strategy-2026-report-${today()}.html`, 'text/html', '<!DOCTYPE html>'],
        csv: [`cafe-strategy-2026-canvas-${today()}.csv`, 'text/csv', 'Dimension'],
      } as const;
      for (const [format, [name, type, start]] of Object.entries(expected)) {
        for (const [route, secret] of [
          ['export', w.facilitatorKey],
          ['copy', ana.token],
        ] as const) {
          const res = await api(server.url, 'GET', `/api/workshops/${w.code}/${route}.${format}`, undefined, bearer(secret));
          expect(res.status, `${route}.${format}`).toBe(200);
          expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
          expect(res.headers.get('content-type')).toContain(type);
          expect(res.text).toContain(start);
        }
      }
      // The report is a page with no script in it; a named room's copy names its people.
      const html = await api(server.url, 'GET', `/api/workshops/${w.code}/copy.html`, undefined, bearer(ana.token));
      expect(html.text).not.toMatch(/<script/i);
      expect(html.text).toContain('Ana Lindqvist');
      const unknown = await api(server.url, 'GET', `/api/workshops/${w.code}/export.pdf`, undefined, bearer(w.facilitatorKey));
      expect(unknown.status).toBe(404);
      expect(codeOf(unknown)).toBe('NOT_FOUND');
    } finally {
      closeAll(fac);
    }
  });
});

describe('the report link', () => {
  it("opens the room's report with its own key alone, and stops once a new link is made or sharing stops", async () => {
    const w = await createWorkshop(server.url, { title: 'Board pack' });
    await join(server.url, w.code, 'Ana Lindqvist');
    const fac = facilitator(server.url, w.code, w.facilitatorKey);
    await fac.whenSynced();
    try {
      const none = await api<SharingReply>(server.url, 'GET', `/api/workshops/${w.code}/sharing`, undefined, bearer(w.facilitatorKey));
      expect(none.status).toBe(200);
      expect(none.json.reportUrl).toBeNull();
      expect(none.json.retentionDays).toBe(30);
      const days = (Date.parse(none.json.deletesAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
      // Only the facilitator makes one.
      expect((await api(server.url, 'POST', `/api/workshops/${w.code}/report-link`, undefined, bearer(viewerKeyOf(w)))).status).toBe(403);
      expect((await api(server.url, 'GET', `/api/workshops/${w.code}/sharing`, undefined, bearer(viewerKeyOf(w)))).status).toBe(403);

      const made = await api<{ reportUrl: string }>(
        server.url,
        'POST',
        `/api/workshops/${w.code}/report-link`,
        undefined,
        bearer(w.facilitatorKey),
      );
      expect(made.status).toBe(200);
      const first = made.json.reportUrl;
      expect(first).toMatch(new RegExp(`/r/${w.code}/[A-Za-z0-9_-]{40,}$`));
      expect(first).not.toContain(w.facilitatorKey);
      expect(first).not.toContain(viewerKeyOf(w));
      expect(
        (await api<SharingReply>(server.url, 'GET', `/api/workshops/${w.code}/sharing`, undefined, bearer(w.facilitatorKey))).json
          .reportUrl,
      ).toBe(first);
      const path = (url: string) => new URL(url).pathname;

      const early = await api(server.url, 'GET', path(first));
      expect(early.status).toBe(409);
      expect(early.text).toContain('not ready yet');
      expect(early.text).not.toContain('Ana Lindqvist');

      await toPhase(fac, 'export');
      const page = await api(server.url, 'GET', path(first));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.headers.get('content-security-policy')).not.toContain('script-src');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.text).not.toMatch(/<script/i);
      expect(page.text).toContain('Board pack');
      expect(page.text).toContain('Ana Lindqvist');

      const renewed = await api<{ reportUrl: string }>(
        server.url,
        'POST',
        `/api/workshops/${w.code}/report-link`,
        undefined,
        bearer(w.facilitatorKey),
      );
      const second = renewed.json.reportUrl;
      expect(second).not.toBe(first);
      const retired = await api(server.url, 'GET', path(first));
      expect(retired.status).toBe(403);
      expect(retired.text).toContain('no longer works');
      expect(retired.text).not.toContain('Board pack');
      expect((await api(server.url, 'GET', path(second))).status).toBe(200);

      expect((await api(server.url, 'DELETE', `/api/workshops/${w.code}/report-link`, undefined, bearer(w.facilitatorKey))).status).toBe(
        204,
      );
      expect((await api(server.url, 'GET', path(second))).status).toBe(403);
      expect(
        (await api<SharingReply>(server.url, 'GET', `/api/workshops/${w.code}/sharing`, undefined, bearer(w.facilitatorKey))).json
          .reportUrl,
      ).toBeNull();
    } finally {
      closeAll(fac);
    }
  });

  it("shows an anonymous room's report without a name", async () => {
    const w = await createWorkshop(server.url, { title: 'Quiet', settings: { anonymous: true } });
    const zelda = await join(server.url, w.code, 'Zelda Quist');
    const fac = facilitator(server.url, w.code, w.facilitatorKey);
    await fac.whenSynced();
    try {
      await toPhase(fac, 'export');
      const made = await api<{ reportUrl: string }>(
        server.url,
        'POST',
        `/api/workshops/${w.code}/report-link`,
        undefined,
        bearer(w.facilitatorKey),
      );
      const page = await api(server.url, 'GET', new URL(made.json.reportUrl).pathname);
      expect(page.status).toBe(200);
      for (const trace of ['Zelda', 'Quist', zelda.participantId]) expect(page.text).not.toContain(trace);
    } finally {
      closeAll(fac);
    }
  });
});
