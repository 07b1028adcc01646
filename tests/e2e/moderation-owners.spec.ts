/**
 * Issue 21, in the room: the facilitator sets a card aside and it leaves every other screen
 * and the export while its author still sees it, then restores it; a phone volunteers for a
 * first step and the console confirms it, and the confirmed owner shows on the projector; the
 * console writes a business goal in the room's words and the export says it.
 */
import fs from 'node:fs';
import { test, expect } from './fixtures.ts';
import type { ConsolePage } from './pages/ConsolePage.ts';

async function downloadMarkdown(console: ConsolePage): Promise<string> {
  const [download] = await Promise.all([
    console.page.waitForEvent('download'),
    console.page.getByRole('button', { name: 'Download markdown' }).click(),
  ]);
  return fs.readFileSync((await download.path())!, 'utf8');
}

test('a card set aside leaves every screen and the export, its author still sees it, and it can be restored', async ({
  cast,
}, testInfo) => {
  test.setTimeout(120_000);
  const reply = await cast.create({ privateUntilReveal: false }, 'Moderation');
  const console = await cast.console(reply);
  const projector = await cast.projector(reply.code);
  const [ada, ben] = [await cast.phone(), await cast.phone()];
  await ada.join(reply.code, 'Ada');
  await ben.join(reply.code, 'Ben');

  await console.setPhase('map');
  await ada.expectPhase('map');
  await ada.addCard('asdf test test', 'Brand positioning & voice', 2);
  await ada.addCard('We answer every complaint within a day', 'Brand positioning & voice', 3);
  await expect(ben.roomCards().filter({ hasText: 'asdf test test' })).toHaveCount(1, { timeout: 15_000 });
  await expect(projector.card('asdf test test')).toHaveCount(1, { timeout: 15_000 });

  await console.setAside('asdf test test');
  await expect(console.card('asdf test test')).toHaveCount(0, { timeout: 15_000 });
  await expect(ben.roomCards().filter({ hasText: 'asdf test test' })).toHaveCount(0, { timeout: 15_000 });
  await expect(projector.card('asdf test test')).toHaveCount(0, { timeout: 15_000 });
  // The other card stays everywhere.
  await expect(ben.roomCards().filter({ hasText: 'We answer every complaint' })).toHaveCount(1);
  await expect(projector.card('We answer every complaint')).toHaveCount(1);
  // The author still has it, and is told why the room no longer does.
  await expect(ada.myCard('asdf test test').getByTestId('my-card-aside')).toContainText('set aside by the facilitator');
  // The console lists it, closed until opened.
  await expect(console.setAsideList()).toContainText('1 card nobody else sees');
  await console.openSetAsideList();
  await expect(console.setAsideList().getByTestId('set-aside-card')).toHaveCount(1);
  await expect(console.setAsideList().getByTestId('set-aside-card')).toContainText('asdf test test');
  await console.setAsideList().scrollIntoViewIfNeeded();
  await console.page.screenshot({ path: testInfo.outputPath('console-set-aside.png') });
  await ada.page.screenshot({ path: testInfo.outputPath('phone-author-set-aside.png'), fullPage: true });

  const markdown = await downloadMarkdown(console);
  expect(markdown).toContain('We answer every complaint within a day');
  expect(markdown).not.toContain('asdf test test');

  await console.restore('asdf test test');
  await expect(ben.roomCards().filter({ hasText: 'asdf test test' })).toHaveCount(1, { timeout: 15_000 });
  await expect(projector.card('asdf test test')).toHaveCount(1, { timeout: 15_000 });
  await expect(console.card('asdf test test')).toHaveCount(1);
  await expect(console.setAsideList()).toHaveCount(0);
  await expect(ada.myCard('asdf test test').getByTestId('my-card-aside')).toHaveCount(0);
  expect(await downloadMarkdown(console)).toContain('asdf test test');
});

test('a phone volunteers for a first step, the console confirms it, and the owner shows on the projector', async ({ cast }, testInfo) => {
  test.setTimeout(120_000);
  const reply = await cast.create({ anonymous: true, privateUntilReveal: false }, 'Owners');
  const console = await cast.console(reply);
  const [ada, ben] = [await cast.phone(), await cast.phone()];
  await ada.join(reply.code, 'Ada');
  await ben.join(reply.code, 'Ben');

  await console.setPhase('assess');
  for (const phone of [ada, ben]) {
    await phone.expectPhase('assess');
    await phone.setMarkers('leadership', 2, 4);
    await phone.setMarkers('brand', 2, 3);
  }
  await console.setPhase('roadmap');
  await console.page.getByTestId('generate').click();
  const firstStep = console.page.getByTestId('roadmap').locator('section.horizon').first().getByTestId('initiative').first();
  await expect(firstStep).toBeVisible({ timeout: 15_000 });
  const id = (await firstStep.getAttribute('data-id'))!;
  await expect(console.ownerCount()).toContainText(/^0 of \d+ first steps? ha(s|ve) an owner/);

  // The phone says the name will show before it does.
  await ada.expectPhase('roadmap');
  await ada.page.setViewportSize({ width: 390, height: 844 });
  const onPhone = ada.initiative(id);
  await expect(onPhone).toContainText('Your name will show on the roadmap.');
  await onPhone.getByTestId('volunteer').scrollIntoViewIfNeeded();
  await ada.page.screenshot({ path: testInfo.outputPath('phone-volunteer.png') });
  await ada.volunteer(id);
  await expect(onPhone.getByTestId('volunteer')).toHaveText('You offered · take it back');
  // An anonymous room: nobody else learns who offered.
  await expect(ben.initiative(id)).not.toContainText('Ada');

  // The console sees the volunteer and confirms.
  const onConsole = console.initiative(id);
  await expect(onConsole.getByTestId('owner-controls')).toContainText('Ada said "I\'ll take this"', { timeout: 15_000 });
  // A console on the projector (Presenting) names nobody in an anonymous workshop.
  const tab = (name: string) => console.page.getByRole('tab', { name }).click();
  await tab('Canvas');
  await console.presenting().check();
  await tab('Roadmap');
  await expect(onConsole.getByTestId('owner-controls')).toHaveText(/1 person said "I'll take this"/);
  await expect(onConsole).not.toContainText('Ada');
  await tab('Canvas');
  await console.stopPresenting();
  await tab('Roadmap');
  await onConsole.getByTestId('confirm-volunteer').click();
  await expect(onConsole.getByTestId('owner')).toHaveText(/^Ada\s+confirmed$/);
  await expect(console.ownerCount()).toContainText(/^1 of \d+ first steps? ha(s|ve) an owner/);
  await console.ownerCount().scrollIntoViewIfNeeded();
  await console.page.screenshot({ path: testInfo.outputPath('console-owner-confirmed.png') });

  const projector = await cast.projector(reply.code);
  await expect(projector.initiative(id).getByTestId('owner')).toHaveText(/^Ada\s+confirmed$/, { timeout: 15_000 });
  await expect(ben.initiative(id).getByTestId('owner')).toHaveText(/^Ada\s+confirmed$/);
  await expect(ben.initiative(id).getByTestId('volunteer')).toHaveCount(0);

  // Cleared: no owner again, the volunteer still listed to confirm.
  await onConsole.getByTestId('clear-owner').click();
  await expect(projector.initiative(id).getByTestId('owner')).not.toContainText('Ada', { timeout: 15_000 });
  await expect(onConsole.getByTestId('confirm-volunteer')).toBeVisible();
});

test("the console writes an initiative's business goal in the room's words, and the export says it instead of the proposal", async ({
  cast,
}) => {
  test.setTimeout(90_000);
  const reply = await cast.create({ privateUntilReveal: false }, 'Goals');
  const console = await cast.console(reply);
  const ada = await cast.phone();
  await ada.join(reply.code, 'Ada');
  await console.setPhase('assess');
  await ada.expectPhase('assess');
  await ada.setMarkers('leadership', 2, 4);
  await console.setPhase('roadmap');
  await console.page.getByTestId('generate').click();
  const first = console.page.getByTestId('roadmap').locator('section.horizon').first().getByTestId('initiative').first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  expect(await downloadMarkdown(console)).toContain('**Business goal (proposed):**');

  const goal = first.getByTestId('goal-form');
  await goal.getByLabel("Business goal, in the room's words").fill('Leaders answer what people ask them, in public');
  await goal.getByRole('button', { name: 'Save goal' }).click();
  await expect(goal.getByRole('button', { name: 'Save goal' })).toBeDisabled();
  const markdown = await downloadMarkdown(console);
  expect(markdown).toContain('**Business goal:** Leaders answer what people ask them, in public.');
  expect(markdown).not.toContain('**Business goal (proposed):**');
});
