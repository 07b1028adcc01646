/**
 * `npm run bench:ui`: is the board smooth with 300 cards and 50 participants?
 *
 * Starts the real server with the built client, fills a room with 50 Node
 * participants (real WorkshopConnections) who write 300 cards and every
 * marker, opens the facilitator console (1440x900) and the projector
 * (1920x1080) in Debian's Chromium, then measures:
 * - remote edit to pixels: a participant edits a card; time until its new
 *   text is in the page (polled every animation frame), p50/p95/max;
 * - main-thread long tasks (> 50 ms) while the room sends 20 edits per second.
 * Prints one JSON line last.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { putCard, putMarker } from '../shared/doc/private-doc.ts';
import { defaultDimensions } from '../shared/domain/workshop-model.ts';

const DEFAULT_DIMENSIONS = defaultDimensions();
import { WorkshopConnection } from '../client/lib/connection.ts';
import { PROTOCOL_VERSION, type CreateWorkshopReply, type JoinReply } from '../shared/schema/protocol.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/helpers/chromium.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PARTICIPANTS = 50;
const CARDS_EACH = 6;
const SAMPLES = 30;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function post<T>(base: string, url: string, body: unknown): Promise<T> {
  const res = await fetch(base + url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  if (!fs.existsSync(path.join(ROOT, 'dist/client/index.html'))) throw new Error('Build the client first: npm run build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ui-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', MESSAGES_PER_SECOND: '1000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function editToPixels(page: Page, conns: WorkshopConnection[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const n = i % conns.length;
    const token = `edit-${i}-${Math.random().toString(36).slice(2, 8)}`;
    const t0 = performance.now();
    // A new card (the newest in its cell, so even a crowded projector cell shows it), written on
    // the phone's own document; the server reveals it to every screen (the room is not private).
    void conns[n]!.write((d) =>
      putCard(d, `e${i}-${Date.now()}`, {
        kind: 'practice',
        text: token,
        dimension: DEFAULT_DIMENSIONS[n % 10]!.key,
        stage: 2,
        createdAt: Date.now(),
      }),
    );
    await page.waitForFunction((t) => document.body.textContent!.includes(t), token, { polling: 'raf', timeout: 10_000 });
    times.push(performance.now() - t0);
  }
  return times;
}

async function longTasksDuringBurst(page: Page, conns: WorkshopConnection[]) {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const start = Date.now();
  let k = 0;
  while (Date.now() - start < 5_000) {
    const n = k % conns.length;
    void conns[n]!.write((d) => putMarker(d, DEFAULT_DIMENSIONS[k % 10]!.key, { current: 1 + (k % 5), target: 1 + ((k + 2) % 5) }));
    k++;
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 500));
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return {
    edits: k,
    longTasks: long.length,
    longTaskMs: Math.round(long.reduce((a, b) => a + b, 0)),
    maxLongTaskMs: Math.round(Math.max(0, ...long)),
  };
}

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const conns: WorkshopConnection[] = [];
  try {
    const w = await post<CreateWorkshopReply>(server.url, '/api/workshops', { title: 'UI bench', settings: { privateUntilReveal: false } });
    const people = await Promise.all(
      Array.from({ length: PARTICIPANTS }, (_, i) =>
        post<JoinReply>(server.url, `/api/workshops/${w.code}/participants`, { name: `Person ${i + 1}` }),
      ),
    );
    for (const p of people)
      conns.push(
        new WorkshopConnection({ url: server.url, auth: { v: PROTOCOL_VERSION, role: 'participant', code: w.code, token: p.token } }),
      );
    await Promise.all(conns.map((c) => c.whenSynced()));
    const facilitator = new WorkshopConnection({
      url: server.url,
      auth: { v: PROTOCOL_VERSION, role: 'facilitator', code: w.code, key: w.facilitatorKey },
    });
    await facilitator.whenSynced();
    await facilitator.command({ type: 'phase:set', phase: 'map' });
    await Promise.all(
      people.map((_p, n) =>
        conns[n]!.write((doc) => {
          for (let c = 0; c < CARDS_EACH; c++) {
            const dim = DEFAULT_DIMENSIONS[(n + c) % 10]!.key;
            putCard(doc, `c${c}`, {
              kind: 'practice',
              text: `Card ${c + 1} from person ${n + 1}: how we work today`,
              dimension: dim,
              stage: 1 + ((n * 7 + c) % 5),
              createdAt: n * 10 + c,
            });
          }
          for (const d of DEFAULT_DIMENSIONS) putMarker(doc, d.key, { current: 1 + ((n + d.key.length) % 4), target: 3 + (n % 3) });
        }),
      ),
    );
    await Promise.all(
      conns.map(
        (c) =>
          new Promise<void>((resolve) => {
            const check = () => (c.pending === 0 ? resolve() : setTimeout(check, 20));
            check();
          }),
      ),
    );

    const results: Record<string, unknown> = { participants: PARTICIPANTS, cards: PARTICIPANTS * CARDS_EACH };
    const views: Array<[string, string, { width: number; height: number }]> = [
      ['console', w.facilitatorUrl.replace(/^https?:\/\/[^/]+/, server.url), { width: 1440, height: 900 }],
      // The projector's own link, with its viewer key.
      ['projector', w.boardUrl.replace(/^https?:\/\/[^/]+/, server.url), { width: 1920, height: 1080 }],
    ];
    const context = await browser.newContext();
    for (const [name, url, viewport] of views) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      const t0 = performance.now();
      await page.goto(url);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="card"]').length > 0, undefined, { timeout: 20_000 });
      const loadMs = performance.now() - t0;
      const rendered = await page.locator('[data-testid="card"]').count();
      const times = await editToPixels(page, conns);
      // Markers show from Assess on: move the room there for the burst, then back.
      await facilitator.command({ type: 'phase:set', phase: 'assess' });
      const burst = await longTasksDuringBurst(page, conns);
      await facilitator.command({ type: 'phase:set', phase: 'map' });
      await page.close();
      results[name] = {
        loadToCardsMs: Math.round(loadMs),
        cardsRendered: rendered,
        editToPixelsP50Ms: Math.round(quantile(times, 0.5)),
        editToPixelsP95Ms: Math.round(quantile(times, 0.95)),
        editToPixelsMaxMs: Math.round(Math.max(...times)),
        ...burst,
      };
      console.log(name, results[name]);
    }
    facilitator.close();
    console.log(JSON.stringify(results));
  } finally {
    for (const c of conns) c.close();
    await browser.close();
    server.stop();
  }
}

await main();
process.exit(0);
