/**
 * Everyone leaves with the roadmap: a phone downloads its copy from the Export phase on (and is
 * refused before, and when the facilitator switches copies off), an anonymous room's copy names
 * nobody, and the report link opens in a browser that holds no other key until it is retired.
 */
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { PhonePage } from './pages/PhonePage.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The participant token the phone keeps, to ask the route directly as the phone would. */
async function tokenOf(phone: PhonePage, code: string): Promise<string> {
  return phone.page.evaluate((c) => JSON.parse(localStorage.getItem(`social-shift:me:${c}`) ?? '{}').token as string, code);
}

async function copyStatus(phone: PhonePage, code: string): Promise<{ status: number; code?: string }> {
  const token = await tokenOf(phone, code);
  const res = await phone.page.request.get(`/api/workshops/${code}/copy.md`, { headers: { authorization: `Bearer ${token}` } });
  const body = res.ok() ? null : ((await res.json()) as { error: { code: string } });
  return { status: res.status(), code: body?.error.code };
}

async function saved(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()]);
  const file = await download.path();
  return { download, text: fs.readFileSync(file!, 'utf8') };
}

test('a phone in a named workshop takes the roadmap home once Export opens, and not before', async ({ cast }) => {
  const reply = await cast.create({}, 'Leadership offsite');
  const console = await cast.console(reply);
  const phone = await cast.phone();
  await phone.join(reply.code, 'Ada Lovelace');

  // Before Export the phone offers nothing, and the route refuses whatever asks.
  await expect(phone.page.getByTestId('copy-md')).toHaveCount(0);
  expect(await copyStatus(phone, reply.code)).toEqual({ status: 409, code: 'COPY_NOT_READY' });
  await console.setPhase('roadmap');
  await phone.expectPhase('roadmap');
  expect(await copyStatus(phone, reply.code)).toEqual({ status: 409, code: 'COPY_NOT_READY' });

  await console.setPhase('export');
  await phone.expectPhase('export');
  const md = await saved(phone.page, () => phone.page.getByTestId('copy-md').click());
  expect(md.download.suggestedFilename()).toBe(`leadership-offsite-roadmap-${today()}.md`);
  expect(md.text).toContain('# Leadership offsite');
  expect(md.text).toContain('Ada Lovelace');
  const html = await saved(phone.page, () => phone.page.getByTestId('copy-html').click());
  expect(html.download.suggestedFilename()).toBe(`leadership-offsite-report-${today()}.html`);
  expect(html.text).toMatch(/^<!DOCTYPE html>/);
  expect(html.text).toContain('Ada Lovelace');
  expect(html.text).not.toMatch(/<script/i);
});

test("an anonymous workshop's copy on a phone names nobody, in the file's bytes", async ({ cast }) => {
  const names = ['Zelda Quist', 'Yannick Oort'];
  const reply = await cast.create({ anonymous: true, privateUntilReveal: false }, 'Candid review');
  const console = await cast.console(reply);
  const [a, b] = [await cast.phone(), await cast.phone()];
  await a.join(reply.code, names[0]!);
  await b.join(reply.code, names[1]!);
  await console.setPhase('map');
  await a.expectPhase('map');
  await a.addCard('Our agency writes every post', 'Brand positioning & voice', 2);
  await console.setPhase('export');
  await b.expectPhase('export');
  const md = await saved(b.page, () => b.page.getByTestId('copy-md').click());
  expect(md.text).toContain('Our agency writes every post');
  expect(md.text).toContain('names are not listed');
  const html = await saved(b.page, () => b.page.getByTestId('copy-html').click());
  expect(html.text).toContain('Our agency writes every post');
  for (const file of [md, html])
    for (const n of names) for (const part of [n, ...n.split(' ')]) expect(file.text, part).not.toContain(part);
});

test('with copies switched off in Settings, the route refuses a participant and the phone offers none', async ({ cast }) => {
  const reply = await cast.create({}, 'Closed room');
  const console = await cast.console(reply);
  const phone = await cast.phone();
  await phone.join(reply.code, 'Grace Hopper');
  await console.setPhase('export');
  await phone.expectPhase('export');
  await expect(phone.page.getByTestId('copy-md')).toBeVisible();
  await console.page.getByTestId('set-copies').uncheck();
  await expect(phone.page.getByTestId('copy-md')).toHaveCount(0);
  expect(await copyStatus(phone, reply.code)).toEqual({ status: 403, code: 'COPIES_OFF' });
  await console.page.getByTestId('set-copies').check();
  await expect(phone.page.getByTestId('copy-md')).toBeVisible();
  expect((await copyStatus(phone, reply.code)).status).toBe(200);
});

test('the report link opens in a fresh browser without any other key, and stops once retired', async ({ cast }) => {
  const reply = await cast.create({}, 'Board pack');
  const console = await cast.console(reply);
  const phone = await cast.phone();
  await phone.join(reply.code, 'Ada Lovelace');
  await console.setPhase('export');
  const sharing = console.page.getByTestId('sharing-panel');
  await expect(sharing.getByTestId('deletes-at')).toContainText('30 days');
  await sharing.getByTestId('report-make').click();
  const first = await sharing.getByTestId('report-url').inputValue();
  expect(first).toContain(`/r/${reply.code}/`);
  expect(first).not.toContain(reply.facilitatorKey);

  // Someone who was not in the room: a browser with nothing stored, that asks for nothing but the page.
  const outside = await cast.browser.newContext();
  const reader = await outside.newPage();
  const requests: string[] = [];
  reader.on('request', (r) => requests.push(r.url()));
  const opened = await reader.goto(first);
  expect(opened?.status()).toBe(200);
  await expect(reader.locator('body')).toContainText('Board pack');
  await expect(reader.locator('body')).toContainText('Ada Lovelace');
  expect(requests).toEqual([first]);

  await sharing.getByTestId('report-new').click();
  await expect(sharing.getByTestId('report-url')).not.toHaveValue(first);
  const second = await sharing.getByTestId('report-url').inputValue();
  expect((await reader.goto(first))?.status()).toBe(403);
  await expect(reader.locator('body')).toContainText('no longer works');
  await expect(reader.locator('body')).not.toContainText('Board pack');
  expect((await reader.goto(second))?.status()).toBe(200);

  await sharing.getByTestId('report-stop').click();
  await expect(sharing.getByTestId('report-make')).toBeVisible();
  expect((await reader.goto(second))?.status()).toBe(403);
  await outside.close();
});

test("the Export panel copies the report for an e-mail, saves the CSV, the report and the archive under the workshop's name with the day it is deleted", async ({
  cast,
}) => {
  const reply = await cast.create({}, 'Leadership offsite');
  const console = await cast.console(reply);
  await console.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(console.page.url()).origin });
  await console.setPhase('export');
  const panel = console.page.getByTestId('export-panel');
  await panel.getByTestId('export-rich').click();
  await expect(panel.getByRole('status')).toContainText('Copied the report');
  // The report as rich text, with the roadmap in markdown as its plain text.
  const clip = await console.page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return {
      types: item!.types,
      html: await (await item!.getType('text/html')).text(),
      text: await (await item!.getType('text/plain')).text(),
    };
  });
  expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  expect(clip.html).toContain('Leadership offsite');
  expect(clip.text).toContain('# Leadership offsite');
  const csv = await saved(console.page, () => panel.getByTestId('export-csv').click());
  expect(csv.download.suggestedFilename()).toBe(`leadership-offsite-canvas-${today()}.csv`);
  const report = await saved(console.page, () => panel.getByTestId('export-html').click());
  expect(report.download.suggestedFilename()).toBe(`leadership-offsite-report-${today()}.html`);

  const sharing = console.page.getByTestId('sharing-panel');
  const deletes = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric' });
  await expect(sharing.getByTestId('deletes-at')).toContainText(deletes);
  const archive = await saved(console.page, () => sharing.getByTestId('sharing-archive').click());
  expect(archive.download.suggestedFilename()).toBe(`leadership-offsite-archive-${today()}.json`);
  expect(JSON.parse(archive.text).format).toBe('social-shift/archive');
});

test('"Print the report" on the Roadmap view and in the Export panel opens the report itself in a new window', async ({ cast }) => {
  const reply = await cast.create({}, 'Leadership offsite');
  const console = await cast.console(reply);
  await console.setPhase('roadmap');
  await console.page.getByRole('tab', { name: 'Roadmap' }).click();
  const context = console.page.context();
  // Not a stub: headless Chromium's print() returns at once; this only marks that the report's window called it.
  await context.addInitScript(() => {
    const print = window.print.bind(window);
    window.print = () => {
      document.documentElement.dataset.printed = 'yes';
      print();
    };
  });
  const opened = async (click: () => Promise<void>) => {
    const [report] = await Promise.all([context.waitForEvent('page', { timeout: 20_000 }), click()]);
    await expect(report.locator('h1')).toHaveText('Leadership offsite', { timeout: 20_000 });
    expect(report.url()).toMatch(/^blob:/);
    await expect(report.locator('html')).toHaveAttribute('data-printed', 'yes', { timeout: 20_000 });
    await report.close();
  };
  await opened(() => console.page.getByTestId('print-report').click());
  await expect(console.page.getByRole('status').filter({ hasText: 'print dialog' })).toBeVisible();
  await console.page.screenshot({ path: 'test-results/print-roadmap.png' });
  await console.page.emulateMedia({ media: 'print' });
  await console.page.screenshot({ path: 'test-results/print-ctrl-p.png' });
  await console.page.emulateMedia({ media: 'screen' });

  await console.setPhase('export');
  const panel = console.page.getByTestId('export-panel');
  await opened(() => panel.getByTestId('export-print').click());
  await expect(panel.getByRole('status')).toContainText('print dialog');
});

test('where the browser blocks the new window, the Roadmap view says so and offers the report as a download', async ({ cast }) => {
  const reply = await cast.create({}, 'Leadership offsite');
  const console = await cast.console(reply);
  // Headless Chromium blocks no pop-ups, so this stands in for a browser that does: window.open answers null.
  await console.page.evaluate(() => {
    window.open = () => null;
  });
  await console.setPhase('roadmap');
  await console.page.getByRole('tab', { name: 'Roadmap' }).click();
  await console.page.getByTestId('print-report').click();
  await expect(console.page.getByRole('status').filter({ hasText: 'blocked the new window' })).toBeVisible();
  const report = await saved(console.page, () => console.page.getByTestId('print-download').click());
  expect(report.download.suggestedFilename()).toBe(`leadership-offsite-report-${today()}.html`);
  await console.page.screenshot({ path: 'test-results/print-blocked.png' });
});
