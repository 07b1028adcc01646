/**
 * The links the server hands out (create reply, /links, the QR code) over real
 * HTTP with Host headers set by hand: loopback, spoofed, and PUBLIC_URL. The
 * machine running this may or may not have a network interface; the expected
 * origin comes from the same lanAddresses() the server uses, and both cases
 * are asserted, never skipped.
 */
import http from 'node:http';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopReply, WorkshopLinksReply } from '../../shared/schema/protocol.ts';
import { lanAddresses } from '../../server/link-origin.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** fetch() ignores a Host header; node:http sends it as given. */
function request(base: string, method: string, path: string, host: string, body?: unknown): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        method,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { host, ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

async function links(base: string, host: string) {
  const created = await request(base, 'POST', '/api/workshops', host, { title: 'Offsite' });
  expect(created.status, created.text).toBe(201);
  const reply = JSON.parse(created.text) as CreateWorkshopReply;
  const got = await request(base, 'GET', `/api/workshops/${reply.code}/links`, host);
  expect(got.status).toBe(200);
  expect(got.headers['cache-control']).toBe('no-store');
  const qr = await request(base, 'GET', `/api/workshops/${reply.code}/qr.svg`, host);
  expect(qr.status).toBe(200);
  return { reply, links: JSON.parse(got.text) as WorkshopLinksReply, qr };
}

const portOf = (s: TestServer) => new URL(s.url).port;
const lan = lanAddresses()[0];

describe('links on a server listening on every interface (the default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Bound to loopback for the test, configured as `npm start` runs: HOST=0.0.0.0.
    server = await startServer({ HOST: '0.0.0.0' });
  });
  afterAll(() => server.close());

  const expected = () =>
    lan
      ? { origin: `http://${lan}:${portOf(server)}`, reach: 'network' }
      : { origin: `http://127.0.0.1:${portOf(server)}`, reach: 'this-computer' };

  it(
    lan
      ? `gives a request from 127.0.0.1 links on the LAN address (${lan})`
      : 'warns, with no LAN interface here, that links reach this computer only',
    async () => {
      const { reply, links: l, qr } = await links(server.url, `127.0.0.1:${portOf(server)}`);
      const { origin, reach } = expected();
      // Without the facilitator key: where phones join, and no projector link.
      expect(l).toEqual({ origin, reach, joinUrl: `${origin}/j/${reply.code}` });
      expect(reply.joinUrl).toBe(l.joinUrl);
      expect(reply.boardUrl).toMatch(new RegExp(`^${origin}/board/${reply.code}#view=[A-Za-z0-9_-]{40,}$`));
      expect(reply.facilitatorUrl).toBe(`${origin}/f/${reply.code}#key=${reply.facilitatorKey}`);
      // The QR code encodes the same join link, and no cache keeps it.
      expect(qr.text).toBe(await QRCode.toString(l.joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
      expect(qr.headers['cache-control']).toBe('private, no-store');
    },
  );

  it('never puts a spoofed Host header in a link or a QR code', async () => {
    for (const host of ['evil.example', `evil.example:${portOf(server)}`, `10.66.66.66:${portOf(server)}`]) {
      const { reply, links: l, qr } = await links(server.url, host);
      const text = JSON.stringify([reply, l]) + qr.text;
      expect(text, host).not.toMatch(/evil|10\.66\.66\.66/);
      if (lan) expect(l.origin).toBe(expected().origin);
      else expect(l).toMatchObject({ origin: `http://localhost:${portOf(server)}`, reach: 'this-computer' });
      expect(qr.text).toBe(await QRCode.toString(l.joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
    }
  });
});

describe('links with PUBLIC_URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ HOST: '0.0.0.0', PUBLIC_URL: 'https://workshop.example.org/' });
  });
  afterAll(() => server.close());

  it('use PUBLIC_URL whatever the Host header says', async () => {
    for (const host of [`127.0.0.1:${portOf(server)}`, 'evil.example']) {
      const { reply, links: l } = await links(server.url, host);
      expect(l).toEqual({
        origin: 'https://workshop.example.org',
        reach: 'public-url',
        joinUrl: `https://workshop.example.org/j/${reply.code}`,
      });
      expect(reply.boardUrl.startsWith(`https://workshop.example.org/board/${reply.code}#view=`)).toBe(true);
      expect(reply.facilitatorUrl).toBe(`https://workshop.example.org/f/${reply.code}#key=${reply.facilitatorKey}`);
    }
  });
});

describe('links on a server listening on loopback only', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ HOST: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('stay on this computer and say so, since a LAN address would be a dead link', async () => {
    const { links: l } = await links(server.url, `127.0.0.1:${portOf(server)}`);
    expect(l).toMatchObject({ origin: `http://127.0.0.1:${portOf(server)}`, reach: 'this-computer' });
  });

  it('refuses /links for an unknown code like the other lookups', async () => {
    const res = await request(server.url, 'GET', '/api/workshops/ZZZZZZ/links', `127.0.0.1:${portOf(server)}`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text).error.code).toBe('WORKSHOP_NOT_FOUND');
  });
});
