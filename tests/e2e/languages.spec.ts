/**
 * The phone speaks its browser's language (English, German, French), and the
 * person can switch it; the choice stays on that device. The canvas stays the
 * workshop's: a French phone in an English workshop sees French buttons and
 * the English dimension names.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** Nothing wider than the screen (as phone-layout.spec.ts checks in English): German words are long. */
async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${where}: page ${scroll} px wide on a ${width} px screen`).toBeLessThanOrEqual(width);
}

test('a French phone joins in French, switches to English, and keeps English after a reload', async ({ cast }) => {
  const reply = await cast.create();
  const console = await cast.console(reply);
  const phone = await cast.phone(0, 'fr-FR');
  const page = phone.page;

  await page.goto(`/j/${reply.code}`);
  await expect(page.getByRole('heading', { name: 'Rejoindre l’atelier' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByLabel('Votre nom').fill('Camille');
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('heading', { name: 'Vous y êtes, Camille' })).toBeVisible();
  await expect(page.getByText('1 personne a rejoint l’atelier')).toBeVisible();
  await expect(phone.sync()).toHaveText('En ligne');

  await console.setPhase('map');
  await phone.expectPhase('map');
  await expect(phone.phase()).toContainText('Étape 2 sur 6');
  await expect(page.getByRole('button', { name: 'Ajouter la carte' })).toBeVisible();
  // The workshop's canvas is English, and stays so on a French phone.
  await expect(page.getByLabel('Dimension', { exact: true }).locator('option', { hasText: 'Leadership & ownership' })).toHaveCount(1);
  // A refusal in the form is French too.
  await page.getByRole('button', { name: 'Ajouter la carte' }).click();
  await expect(page.getByRole('alert')).toHaveText('Décrivez d’abord la pratique.');

  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('button', { name: 'Add card' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('Write the practice first.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(phone.sync()).toHaveText('Online');

  await page.reload();
  await phone.expectPhase('map');
  await expect(page.getByRole('button', { name: 'Add card' })).toBeVisible();
  await expect(page.getByLabel('Language')).toHaveValue('en');
});

test('a German phone says Sie, counts in German, and its join page offers the switch before joining', async ({ cast }) => {
  const reply = await cast.create();
  await cast.console(reply);
  const first = await cast.phone(0);
  await first.join(reply.code, 'Sam');
  const phone = await cast.phone(1, 'de-DE');
  const page = phone.page;

  await page.goto(`/j/${reply.code}`);
  await expect(page.getByRole('heading', { name: 'Am Workshop teilnehmen' })).toBeVisible();
  await expect(page.getByLabel('Sprache')).toHaveValue('de');
  await page.getByLabel('Ihr Name').fill('Jana');
  await page.getByRole('button', { name: 'Teilnehmen' }).click();
  await expect(page.getByRole('heading', { name: 'Sie sind dabei, Jana' })).toBeVisible();
  await expect(page.getByText('2 Personen sind dabei')).toBeVisible();
  // The English phone next to it is untouched by the German one's language.
  await expect(first.page.getByText('2 people have joined')).toBeVisible();
});

test('in German and French the join page, the lobby and the map form fit a 360 px phone', async ({ cast }) => {
  const reply = await cast.create();
  const console = await cast.console(reply);
  const phones = [await cast.phone(0, 'de-DE'), await cast.phone(0, 'fr-FR')];
  for (const [i, phone] of phones.entries()) {
    await phone.page.setViewportSize({ width: 360, height: 740 });
    await phone.page.goto(`/j/${reply.code}`);
    await expectNoSideScroll(phone.page, `join ${i}`);
    await phone.page.getByRole('textbox', { name: /Ihr Name|Votre nom/ }).fill(`Person ${i}`);
    await phone.page.getByRole('button', { name: /Teilnehmen|Rejoindre/ }).click();
    await phone.expectPhase('lobby');
    await expectNoSideScroll(phone.page, `lobby ${i}`);
  }
  await console.setPhase('map');
  for (const [i, phone] of phones.entries()) {
    await phone.expectPhase('map');
    await phone.page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'Leadership & ownership' });
    await phone.page.getByRole('button', { name: /Karte hinzufügen|Ajouter la carte/ }).click();
    await expectNoSideScroll(phone.page, `map ${i}`);
  }
});
