/**
 * Issue 11, the facilitator's first hour: join links phones can reach, the
 * facilitator link, the home page on a phone, the Export phase's own download,
 * and names made of invisible characters. Each test saves a screenshot of
 * what it checks (in its output folder) for a person to look at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import QRCode from 'qrcode';
import { devices, type Browser, type BrowserContext, type Locator } from '@playwright/test';
import type { CreateWorkshopReply } from '../../shared/schema/protocol.ts';
import { lanAddresses } from '../../server/link-origin.ts';
import { test, expect } from './fixtures.ts';
import { ConsolePage } from './pages/ConsolePage.ts';
import { HomePage } from './pages/HomePage.ts';
import { PhonePage } from './pages/PhonePage.ts';

const DESK = { width: 1440, height: 900 };
const PHONE = { width: 360, height: 740 };

function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
  return browser.newContext({ ...pixel, viewport: PHONE, baseURL, reducedMotion: 'reduce' });
}

/** The QR code an <img> shows has loaded and has pixels. */
async function expectImageLoaded(img: Locator): Promise<void> {
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '0.0.0.0', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

test.describe('a server started the way npm start runs it (HOST=0.0.0.0)', () => {
  let child: ChildProcess;
  let exited: Promise<unknown>;
  let dataDir: string;
  let port: number;
  let url: string;

  test.beforeAll(async () => {
    port = await freePort();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-shift-e2e-lan-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '0.0.0.0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ROOM_IDLE_UNLOAD_MS: '60000' },
      stdio: 'ignore',
    });
    exited = new Promise((resolve) => child.once('exit', resolve));
    url = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await fetch(`${url}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
  });

  test.afterAll(async () => {
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the console opened on 127.0.0.1 gives phones a link they can open (or says they cannot)', async ({ browser }, testInfo) => {
    const desk = await browser.newContext({ baseURL: url, viewport: DESK, reducedMotion: 'reduce' });
    const phones = await phoneContext(browser, url);
    try {
      const created = await desk.request.post('/api/workshops', { data: { title: 'Leadership offsite', organisation: 'Acme Ltd' } });
      expect(created.status()).toBe(201);
      const reply = (await created.json()) as CreateWorkshopReply;
      const console = new ConsolePage(await desk.newPage());
      // The facilitator stays on 127.0.0.1, as after "Create workshop" on http://localhost:3000.
      const f = new URL(reply.facilitatorUrl);
      await console.open(`${url}${f.pathname}${f.hash}`);
      const panel = console.page.getByTestId('join-panel').first();

      const lan = lanAddresses()[0];
      if (lan) {
        const joinUrl = `http://${lan}:${port}/j/${reply.code}`;
        expect(reply.joinUrl).toBe(joinUrl);
        await expect(panel).toContainText(`Phones join at ${joinUrl}`);
        await expect(console.page.getByTestId('join-link-why')).toContainText('127.0.0.1 works only on this computer');
        await expect(console.page.getByTestId('join-link-warning')).toHaveCount(0);
        await expectImageLoaded(panel.locator('img'));
        await console.page.screenshot({ path: testInfo.outputPath('console-join-lan.png') });

        // A phone opens the link exactly as the console prints it, and joins.
        const phone = new PhonePage(await phones.newPage());
        await phone.page.goto(joinUrl);
        await phone.page.getByLabel('Your name').fill('Ana');
        await phone.page.getByRole('button', { name: 'Join' }).click();
        await phone.expectPhase('lobby');
        await console.expectParticipants(['Ana']);

        // The facilitator link, for a tablet, uses the same address.
        const handover = await console.openFacilitatorLink();
        await expect(handover.getByTestId('facilitator-link')).toHaveText(
          `http://${lan}:${port}/f/${reply.code}#key=${reply.facilitatorKey}`,
        );
        // The projector's own link, on the same reachable address, with its read-only key.
        await expect(handover.getByTestId('projector-link')).toHaveText(reply.boardUrl);
        expect(reply.boardUrl).toMatch(new RegExp(`^http://${lan.replace(/\./g, '\\.')}:${port}/board/${reply.code}#view=`));
        await expect(handover.getByTestId('facilitator-link-local')).toHaveCount(0);
        await console.page.screenshot({ path: testInfo.outputPath('console-facilitator-link-lan.png') });
      } else {
        // No network interface on this machine: the console must say phones cannot open the link.
        await expect(console.page.getByTestId('join-link-warning')).toContainText('Phones cannot open this link');
        await console.page.screenshot({ path: testInfo.outputPath('console-join-no-lan.png') });
      }
    } finally {
      await desk.close();
      await phones.close();
    }
  });
});

test('a server listening on this computer only: the console warns that phones cannot open the join link', async ({
  cast,
  baseURL,
}, testInfo) => {
  const reply = await cast.create();
  const console = await cast.console(reply);
  await expect(console.joinLink()).toHaveText(`${baseURL}/j/${reply.code}`);
  await expect(console.page.getByTestId('join-link-warning')).toContainText('Phones cannot open this link.');
  await console.page.screenshot({ path: testInfo.outputPath('console-join-local-only.png') });
});

test('the facilitator link: warning, copy, a QR code of the link, and a second browser runs the console with it', async ({
  cast,
  browser,
  baseURL,
}, testInfo) => {
  const reply = await cast.create({}, 'Leadership offsite');
  const console = await cast.console(reply);
  await console.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  const panel = await console.openFacilitatorLink();
  await expect(panel.getByTestId('facilitator-link-warning')).toContainText('Whoever holds this link runs the workshop.');
  const link = `${baseURL}/f/${reply.code}#key=${reply.facilitatorKey}`;
  await expect(panel.getByTestId('facilitator-link')).toHaveText(link);
  // The QR code is drawn in the browser from the link itself: the same SVG the qrcode package makes of it here.
  const qr = panel.getByTestId('facilitator-link-qr');
  await expectImageLoaded(qr);
  const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  expect(decodeURIComponent((await qr.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toBe(svg);
  // The projector link: a read-only key of its own, never the facilitator's.
  await expect(panel.getByTestId('projector-link')).toHaveText(reply.boardUrl);
  await expect(panel.getByTestId('projector-link')).not.toContainText(reply.facilitatorKey);

  await panel.getByTestId('facilitator-link-copy').click();
  await expect(panel.getByTestId('facilitator-link-copy')).toHaveText('Copied ✓');
  expect(await console.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await console.page.screenshot({ path: testInfo.outputPath('console-facilitator-link.png') });
  const axe = await new AxeBuilder({ page: console.page })
    .include('[data-testid="facilitator-link-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Closing it puts the console back; the key never reached an address bar.
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
  await expect(console.page).not.toHaveURL(/key=/);

  // A second browser with nothing stored opens the link and gets a working console.
  const other = await browser.newContext({ viewport: DESK, reducedMotion: 'reduce' });
  try {
    const second = new ConsolePage(await other.newPage());
    await second.open(link);
    await expect(second.page.getByRole('heading', { level: 1 })).toContainText('Leadership offsite');
    await expect(second.page.getByText('This console needs the facilitator link')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('on a phone the home page offers "Join a workshop" first, its code field on the first screen', async ({
  browser,
  baseURL,
  cast,
}, testInfo) => {
  const ctx = await phoneContext(browser, baseURL!);
  try {
    const home = new HomePage(await ctx.newPage());
    await home.page.goto('/');
    const field = home.joinCode();
    await expect(field).toBeInViewport();
    const box = (await field.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    const joinTop = (await home.page.getByRole('heading', { name: 'Join a workshop' }).boundingBox())!.y;
    const createTop = (await home.page.getByRole('heading', { name: 'Create a workshop' }).boundingBox())!.y;
    expect(joinTop).toBeLessThan(createTop);
    await home.page.screenshot({ path: testInfo.outputPath('home-phone.png') });
    await home.page.screenshot({ path: testInfo.outputPath('home-phone-full.png'), fullPage: true });

    await field.fill('k7q2mx');
    await home.page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(home.page).toHaveURL(/\/j\/K7Q2MX$/);
  } finally {
    await ctx.close();
  }

  // A desktop keeps Create on the left, Join beside it.
  const desk = await (await cast.desk()).newPage();
  await desk.goto('/');
  const create = (await desk.getByRole('heading', { name: 'Create a workshop' }).boundingBox())!;
  const join = (await desk.getByRole('heading', { name: 'Join a workshop' }).boundingBox())!;
  expect(create.x).toBeLessThan(join.x);
  expect(Math.abs(create.y - join.y)).toBeLessThan(40);
  await desk.screenshot({ path: testInfo.outputPath('home-desktop.png') });
});

test('the Export phase downloads, from its own button, the file its preview shows', async ({ cast }, testInfo) => {
  const reply = await cast.create({ privateUntilReveal: false }, 'Leadership offsite');
  const console = await cast.console(reply);
  const phone = await cast.phone();
  await phone.join(reply.code, 'Margaret');
  await console.setPhase('map');
  await phone.expectPhase('map');
  await phone.addCard('Our agency writes and schedules every post', 'Brand positioning & voice', 2);

  await console.setPhase('export');
  const panel = console.exportPanel();
  const name = panel.getByTestId('export-file-name');
  const preview = panel.getByTestId('export-preview');
  await expect(name).toHaveText(/^leadership-offsite-roadmap-\d{4}-\d{2}-\d{2}\.md$/);
  await expect(preview).toContainText('# Leadership offsite');
  await expect(preview).toContainText('Our agency writes and schedules every post');
  // The top bar keeps its own button.
  await expect(console.page.getByRole('button', { name: 'Download markdown' })).toBeVisible();
  await console.page.screenshot({ path: testInfo.outputPath('console-export.png') });

  const [download] = await Promise.all([console.page.waitForEvent('download'), panel.getByTestId('export-download').click()]);
  await expect(panel.getByRole('status')).toContainText(`Saved ${await name.textContent()}`);
  expect(download.suggestedFilename()).toBe(await name.textContent());
  const saved = fs.readFileSync((await download.path())!, 'utf8');
  expect(saved).toBe(await preview.textContent());
  expect(saved).toContain('Our agency writes and schedules every post');
});

test('a phone name made only of invisible characters is refused in words, and nobody joins', async ({ cast }, testInfo) => {
  const reply = await cast.create();
  const console = await cast.console(reply);
  const phone = await cast.phone(0);
  await phone.page.setViewportSize(PHONE);
  await phone.page.goto(`/j/${reply.code}`);
  await phone.page.getByLabel('Your name').fill('\u200B\u200D\u2060\u200E');
  await phone.page.getByRole('button', { name: 'Join' }).click();
  await expect(phone.page.getByRole('alert')).toHaveText('That name is made only of invisible characters. Type a name the room can read.');
  await expect(phone.phase()).toHaveCount(0);
  await expect(console.page.getByTestId('participant')).toHaveCount(0);
  await phone.page.screenshot({ path: testInfo.outputPath('phone-invisible-name.png') });

  // Invisible characters around a real name are cleaned away.
  await phone.page.getByLabel('Your name').fill('\u200BAna\u200F');
  await phone.page.getByRole('button', { name: 'Join' }).click();
  await phone.expectPhase('lobby');
  await console.expectParticipants(['Ana']);
  // (Playwright's text matchers drop zero-width spaces themselves: read the raw text.)
  expect(await console.participants().first().textContent()).not.toMatch(/[\u200B\u200F]/);
});
