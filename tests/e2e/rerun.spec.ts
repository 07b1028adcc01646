/**
 * Issue 13 end to end: a workshop, its archive downloaded from the console, a
 * re-run started from that file on the home page with three phones, then the
 * comparison on the console (after the Assess reveal), on the projector (put
 * there by the facilitator), and in the downloaded export.
 */
import fs from 'node:fs';
import { test, expect } from './fixtures.ts';
import { ConsolePage } from './pages/ConsolePage.ts';
import type { PhonePage } from './pages/PhonePage.ts';

const NAMES = ['Ada', 'Grace', 'Linus'];

async function assess(console: ConsolePage, phones: PhonePage[], answers: Record<string, [number, number]>) {
  await console.setPhase('assess');
  for (const phone of phones) {
    await phone.expectPhase('assess');
    for (const [key, [now, target]] of Object.entries(answers)) await phone.setMarkers(key, now, target);
  }
  await expect(console.page.locator('[data-testid="canvas-row"][data-dimension="people"]')).toContainText('3 answers');
  await console.reveal();
}

test('a workshop, its archive, a re-run from it with three phones, and what moved on the console, the projector and in the download', async ({
  cast,
}) => {
  test.setTimeout(240_000);

  // ---------------------------------------------------------------- the first session
  const first = await cast.create({ privateUntilReveal: true }, 'Spring offsite');
  const console1 = await cast.console(first);
  const phones1 = [await cast.phone(), await cast.phone(), await cast.phone()];
  for (const [i, p] of phones1.entries()) await p.join(first.code, NAMES[i]!);
  await assess(console1, phones1, { people: [2, 4], brand: [2, 3] });
  await console1.setPhase('roadmap');
  await console1.page.getByTestId('generate').click();
  await expect(console1.page.locator('[data-testid="initiative"][data-id="people:move"]')).toBeVisible();

  // Its archive, from the console's Files panel.
  const [download] = await Promise.all([console1.page.waitForEvent('download'), console1.page.getByTestId('download-archive').click()]);
  expect(download.suggestedFilename()).toMatch(/^spring-offsite-archive-\d{4}-\d{2}-\d{2}\.json$/);
  const archiveText = fs.readFileSync((await download.path())!, 'utf8');
  const archive = JSON.parse(archiveText);
  expect(archive).toMatchObject({ format: 'social-shift/archive', version: 1, workshop: { title: 'Spring offsite' } });
  expect(archiveText).not.toContain(first.facilitatorKey);

  // ---------------------------------------------------------------- the re-run, from that file
  const home = await (await cast.desk()).newPage();
  await home.goto('/');
  const fromFile = home.getByTestId('start-from-file');
  await fromFile
    .getByLabel('Template or archive (.json)')
    .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(archiveText) });
  await expect(fromFile.getByTestId('picked')).toContainText('Archive of “Spring offsite”');
  await expect(fromFile.getByLabel('Title')).toHaveValue('Spring offsite, again');
  await fromFile.getByLabel('Title').fill('Autumn offsite');
  await fromFile.getByRole('button', { name: 'Run it again' }).click();
  await expect(home).toHaveURL(/\/f\/[A-Z0-9]{6}$/);
  const code = /\/f\/([A-Z0-9]{6})$/.exec(home.url())![1]!;
  const console2 = new ConsolePage(home);
  await expect(home.getByRole('navigation', { name: 'Session phases' })).toBeVisible();

  // Before anyone answered: the earlier plan, and a word on when then-vs-now appears.
  const moved = home.getByTestId('what-moved');
  await expect(moved).toContainText(/What moved since \w+ \d{4}/);
  await expect(moved.getByTestId('what-moved-waiting')).toBeVisible();
  await expect(moved.locator('[data-testid="earlier-initiative"][data-id="people:move"]')).toBeVisible();

  const phones2 = [await cast.phone(), await cast.phone(), await cast.phone()];
  for (const [i, p] of phones2.entries()) await p.join(code, `${NAMES[i]} (autumn)`);
  await console2.setPhase('assess');
  for (const p of phones2) {
    await p.expectPhase('assess');
    await p.setMarkers('people', 3, 4);
    await p.setMarkers('brand', 2, 3);
  }
  await expect(console2.page.locator('[data-testid="canvas-row"][data-dimension="people"]')).toContainText('3 answers');
  // Private until the reveal: today's answers, and so the comparison, stay hidden.
  await expect(moved.getByTestId('moved-row')).toHaveCount(0);
  await console2.reveal();

  // ---------------------------------------------------------------- on the console
  const people = moved.locator('[data-testid="moved-row"][data-dimension="people"]');
  await expect(people.getByTestId('shift')).toHaveText('Broadcasting → Experimenting, up 1');
  await expect(moved.locator('[data-testid="moved-row"][data-dimension="brand"]').getByTestId('shift')).toHaveText('Still Broadcasting');
  await expect(people.getByTestId('distribution')).toHaveCount(2);
  const earlier = moved.locator('[data-testid="earlier-initiative"][data-id="people:move"]');
  await earlier.getByTestId('earlier-status').selectOption('done');
  await expect(earlier).toHaveAttribute('data-status', 'done');
  const brandEarlier = moved.locator('[data-testid="earlier-initiative"][data-id="brand:move"]');
  await brandEarlier.getByTestId('earlier-status').selectOption('stalled');
  await expect(brandEarlier).toHaveAttribute('data-status', 'stalled');

  // ---------------------------------------------------------------- on the projector
  const projector = await cast.projector(code);
  await expect(projector.page.getByTestId('what-moved')).toHaveCount(0);
  await moved.getByTestId('what-moved-show').check();
  const onWall = projector.page.getByTestId('what-moved');
  await expect(onWall).toBeVisible();
  await expect(onWall.locator('[data-testid="moved-row"][data-dimension="people"]').getByTestId('shift')).toHaveText(
    'Broadcasting → Experimenting, up 1',
  );
  await expect(onWall.locator('[data-testid="earlier-initiative"][data-id="people:move"]')).toContainText('Done');
  await expect(onWall.locator('[data-testid="earlier-initiative"][data-id="brand:move"]')).toContainText('Stalled');
  // The projector never names the earlier room's people.
  for (const name of NAMES) await expect(onWall).not.toContainText(name);
  await moved.getByTestId('what-moved-show').uncheck();
  await expect(onWall).toHaveCount(0);

  // ---------------------------------------------------------------- in the download
  await console2.setPhase('roadmap');
  await home.getByTestId('generate').click();
  await expect(home.locator('[data-testid="initiative"][data-id="brand:move"]')).toBeVisible();
  const [md] = await Promise.all([home.waitForEvent('download'), home.getByRole('button', { name: 'Download markdown' }).click()]);
  const markdown = fs.readFileSync((await md.path())!, 'utf8');
  expect(markdown).toMatch(/^# Autumn offsite/m);
  const since = markdown.slice(markdown.indexOf('## Since'), markdown.indexOf('## First 30 days'));
  expect(since).toMatch(/^## Since \d{1,2} \w+ \d{4}/);
  expect(since).toContain('| People, culture & skills | Broadcasting (2) | Experimenting (3) | Engaging (4) | Engaging (4) | up 1 |');
  expect(since).toMatch(/\*\*People, culture & skills: from Broadcasting to Engaging\*\* \(Now\): done/);
  expect(since).toMatch(/\*\*Brand positioning & voice: from Broadcasting to Experimenting\*\* \([^)]*\): stalled/);
  expect(markdown.indexOf('## Since')).toBeLessThan(markdown.indexOf('## First 30 days'));

  // And the re-run's own model is the earlier one.
  const key = await home.evaluate((c) => localStorage.getItem(`social-shift:key:${c}`), code);
  const t = await home.request.get(`/api/workshops/${code}/template.json`, { headers: { authorization: `Bearer ${JSON.parse(key!)}` } });
  expect(await t.json()).toEqual(archive.template);
});

test('"Save as template" on the console, then "Start from a file" on the home page: the new workshop has that canvas; a broken file is refused with its field', async ({
  cast,
}) => {
  const reply = await cast.create({ privateUntilReveal: false, votesPerPerson: 7 }, 'Model workshop');
  const console = await cast.console(reply);
  await console.page.getByLabel('Votes per person').fill('8');
  await console.page.getByLabel('Votes per person').press('Enter');
  const [download] = await Promise.all([console.page.waitForEvent('download'), console.page.getByTestId('save-template').click()]);
  expect(download.suggestedFilename()).toMatch(/^model-workshop-template-\d{4}-\d{2}-\d{2}\.json$/);
  const template = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  expect(template).toMatchObject({ format: 'social-shift/template', version: 1, settings: { votesPerPerson: 8 } });
  template.dimensions = template.dimensions.slice(0, 3);
  template.dimensions[0].name = 'Leadership, our way';

  const home = await (await cast.desk()).newPage();
  await home.goto('/');
  const fromFile = home.getByTestId('start-from-file');
  const file = (value: unknown) => ({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

  // A broken one first: the server names the field, and nothing is created.
  await fromFile
    .getByLabel('Template or archive (.json)')
    .setInputFiles(file({ ...template, dimensions: [{ ...template.dimensions[0], descriptors: [] }] }));
  await expect(fromFile.getByTestId('picked')).toContainText('1 dimension');
  await fromFile.getByLabel('Title').fill('From my file');
  await fromFile.getByRole('button', { name: 'Create from this file' }).click();
  await expect(fromFile.getByTestId('from-file-error')).toContainText('dimensions.0.descriptors');
  await expect(home).toHaveURL(/\/$/);

  await fromFile.getByLabel('Template or archive (.json)').setInputFiles(file(template));
  await expect(fromFile.getByTestId('picked')).toContainText('3 dimensions');
  await fromFile.getByRole('button', { name: 'Create from this file' }).click();
  await expect(home).toHaveURL(/\/f\/[A-Z0-9]{6}$/);
  await expect(home.locator('[data-testid="canvas-row"]')).toHaveCount(3);
  await expect(home.locator('[data-testid="canvas-row"][data-dimension="leadership"]')).toContainText('Leadership, our way');
  await expect(home.getByLabel('Votes per person')).toHaveValue('8');
  // A first run: no "What moved".
  await expect(home.getByTestId('what-moved')).toHaveCount(0);
});
