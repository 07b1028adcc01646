/**
 * axe on every screen a person meets, one phase per test: each test opens its own workshop
 * straight at its phase (a facilitator may jump to any phase), so no test walks the whole
 * session and each stays far inside the timeout on a loaded machine.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Phase } from '../../shared/domain/canvas.ts';
import { test, expect, type Cast } from './fixtures.ts';
import type { ConsolePage } from './pages/ConsolePage.ts';
import type { PhonePage } from './pages/PhonePage.ts';

/** Serious and critical violations only, as the issue asks; the report names each rule and node. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  // Contexts run with reduced motion; this also waits out any animation a view starts anyway, so
  // contrast is measured on what a person reads, not a frame halfway through a fade.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n  ')}`,
    )
    .join('\n');
  expect(bad, `${where}:\n${report}`).toEqual([]);
}

/** A workshop with one phone in it, moved to `phase` by the console. */
async function room(cast: Cast, phase: Phase): Promise<{ console: ConsolePage; phone: PhonePage }> {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const phone = await cast.phone();
  await phone.join(reply.code, 'Ada');
  if (phase !== 'lobby') {
    await console.setPhase(phase);
    await phone.expectPhase(phase);
  }
  return { console, phone };
}

test('axe: the join page, the phone lobby and the console lobby', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const phone = await cast.phone();
  await phone.page.goto(`/j/${reply.code}`);
  await expect(phone.page.getByRole('heading', { name: 'Join the workshop' })).toBeVisible();
  await expectAccessible(phone.page, 'join page');

  await phone.page.getByLabel('Your name').fill('Ada');
  await phone.page.getByRole('button', { name: 'Join' }).click();
  await phone.expectPhase('lobby');
  await expectAccessible(phone.page, 'phone: lobby');

  const console = await cast.console(reply);
  await console.expectParticipants(['Ada']);
  await expectAccessible(console.page, 'console: lobby');
});

test('axe: Map on the phone and on the console', async ({ cast }) => {
  const { console, phone } = await room(cast, 'map');
  await phone.addCard('Our agency runs our feed', 'Brand positioning & voice', 2);
  await expectAccessible(phone.page, 'phone: map');
  await expect(console.card('Our agency runs our feed')).toHaveCount(1);
  await expectAccessible(console.page, 'console: map');
});

test('axe: Assess on the phone', async ({ cast }) => {
  const { phone } = await room(cast, 'assess');
  await phone.setMarkers('leadership', 2, 4);
  await expectAccessible(phone.page, 'phone: assess');
});

test('axe: Prioritise on the phone (dimensions and barriers) and on the console', async ({ cast }) => {
  const { console, phone } = await room(cast, 'prioritise');
  await phone.addVote('dim:leadership').click();
  await expect(phone.votesOn('dim:leadership')).toHaveText('1');
  await expectAccessible(phone.page, 'phone: prioritise (dimensions)');
  await phone.page.getByRole('tab', { name: 'Barriers' }).click();
  await expect(phone.page.getByLabel('Barrier', { exact: true })).toBeVisible();
  await expectAccessible(phone.page, 'phone: prioritise (barriers)');
  await expectAccessible(console.page, 'console: prioritise');
});

test('axe: the roadmap on the phone and the console, and Export on both', async ({ cast }) => {
  const { console, phone } = await room(cast, 'assess');
  // Something to plan: one answered dimension gives the roadmap an initiative.
  await phone.setMarkers('leadership', 2, 4);
  await console.setPhase('roadmap');
  await console.page.getByTestId('generate').click();
  await expect(console.page.getByTestId('initiative').first()).toBeVisible();
  await phone.expectPhase('roadmap');
  await expect(phone.page.getByTestId('initiative').first()).toBeVisible();
  await expectAccessible(phone.page, 'phone: roadmap');
  await expectAccessible(console.page, 'console: roadmap');

  await console.setPhase('export');
  await phone.expectPhase('export');
  await expect(phone.page.getByTestId('copy-md')).toBeVisible();
  await expectAccessible(phone.page, 'phone: export');
  // The console's Export and sharing panels, with a report link made.
  await console.page.getByTestId('report-make').click();
  await expect(console.page.getByTestId('report-url')).toBeVisible();
  await expectAccessible(console.page, 'console: export');
});
