/** Issue 4 end to end: the facilitator generates the roadmap, a phone edits an owner, the console sees it, the download has it. */
import fs from 'node:fs';
import { test, expect } from './fixtures.ts';

test('a roadmap generated on the console is edited from a phone and downloaded as markdown', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: false }, 'Leadership offsite');
  const console = await cast.console(reply);
  const [a, b] = await Promise.all([cast.phone(), cast.phone()]);
  await a!.join(reply.code, 'Margaret');
  await b!.join(reply.code, 'Tom');

  await console.setPhase('assess');
  for (const phone of [a!, b!]) {
    await phone.expectPhase('assess');
    await phone.setMarkers('leadership', 2, 4);
    await phone.setMarkers('brand', 2, 3);
  }

  await console.setPhase('roadmap');
  await console.page.getByTestId('generate').click();
  const onConsole = console.page.locator('[data-testid="initiative"][data-id="leadership:move"]');
  await expect(onConsole).toBeVisible();
  await expect(onConsole).toContainText('Broadcasting');
  await expect(console.page.locator('[data-testid="initiative"][data-id="brand:move"]')).toBeVisible();
  // Until the room sets its own, a benchmark is suggested; nobody wrote a card or voted, so no owner is.
  await expect(onConsole.getByTestId('benchmark')).toContainText(/^Suggested: \S/);
  await expect(onConsole.getByTestId('owner')).toHaveText('Not set');

  // A phone opens the initiative and sets its owner.
  await a!.expectPhase('roadmap');
  const onPhone = a!.page.locator('[data-testid="initiative"][data-id="leadership:move"]');
  await expect(onPhone).toBeVisible();
  await onPhone.getByRole('button', { name: 'Edit' }).click();
  await onPhone.getByLabel('Owner').fill('Margaret, COO');
  await onPhone.getByRole('button', { name: 'Save' }).click();
  await expect(onPhone.getByTestId('owner')).toHaveText('Margaret, COO');

  // The console and the other phone see it without a reload.
  await expect(onConsole.getByTestId('owner')).toHaveText('Margaret, COO');
  await expect(b!.page.locator('[data-testid="initiative"][data-id="leadership:move"]').getByTestId('owner')).toHaveText('Margaret, COO');

  // The download carries it, under the promised file name.
  const [download] = await Promise.all([
    console.page.waitForEvent('download'),
    console.page.getByRole('button', { name: 'Download markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^leadership-offsite-roadmap-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = fs.readFileSync((await download.path())!, 'utf8');
  expect(markdown).toMatch(/^# Leadership offsite/m);
  expect(markdown).toContain('Margaret, COO');
  expect(markdown).toContain('| Dimension | Current | Target | Gap | Spread | Votes |');
});
