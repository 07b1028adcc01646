/**
 * The practice card form on the smallest phone the app promises to fit (360x740, touch):
 * the action stays in reach, the dimension kept for the next card says so, and a card
 * typed over two lines reads over two lines (issue 11, point 4).
 */
import { test, expect, type Cast } from './fixtures.ts';

const SMALL = { width: 360, height: 740 };

/** A workshop in Map with Ada on a 360x740 phone, and `others` on other phones. */
async function mapping(cast: Cast, others: string[] = []) {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const phone = await cast.phone(0);
  await phone.page.setViewportSize(SMALL);
  await phone.join(reply.code, 'Ada');
  const more = [];
  for (const name of others) {
    const p = await cast.phone(1);
    await p.join(reply.code, name);
    more.push(p);
  }
  await console.setPhase('map');
  for (const p of [phone, ...more]) await p.expectPhase('map');
  return { console, phone, others: more };
}

test('once a stage is tapped, "Add card" is on screen without scrolling, whichever stage it is', async ({ cast }) => {
  const { phone } = await mapping(cast);
  await phone.page.getByLabel('How do we work today?').fill('Our agency runs our feed');
  await phone.page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'Brand positioning & voice' });
  for (const stage of [1, 3, 5]) {
    await phone.tapStage(stage);
    await expect(phone.addCardButton(), `after tapping stage ${stage}`).toBeInViewport({ ratio: 1 });
  }
  await phone.addCardButton().tap();
  await expect(phone.myCard('Our agency runs our feed')).toHaveCount(1);
});

test('after adding, the dimension stays for the next card and the form says so', async ({ cast }) => {
  const { phone } = await mapping(cast);
  await phone.addCard('Our agency runs our feed', 'Brand positioning & voice', 2);
  const added = phone.page.getByTestId('card-added');
  await expect(added).toHaveText('Card added to Brand positioning & voice.');
  await expect(added).toBeInViewport();
  await expect(phone.page.getByLabel('Dimension', { exact: true })).toHaveValue('brand');
  await expect(phone.page.getByTestId('kept-dimension')).toHaveText(/^Kept from your last card/);
  // The text and the stage start again; the next card lands on the kept dimension without choosing it.
  await expect(phone.page.getByLabel('How do we work today?')).toHaveValue('');
  await expect(phone.page.locator('input[name="card-stage"]:checked')).toHaveCount(0);
  await phone.page.getByLabel('How do we work today?').fill('Press releases, reposted');
  await phone.tapStage(2);
  await phone.addCardButton().tap();
  await expect(phone.myCard('Press releases, reposted')).toContainText('Brand positioning & voice');
  // Choosing another dimension takes the note away: it no longer describes the form.
  await phone.page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'Leadership & ownership' });
  await expect(phone.page.getByTestId('card-added')).toHaveCount(0);
  await expect(phone.page.getByTestId('kept-dimension')).toHaveCount(0);
});

test('a card typed with a line break shows its line break on the phones', async ({ cast }) => {
  const { phone, others } = await mapping(cast, ['Grace']);
  const other = others[0]!;
  await phone.addCard('Two sign-offs for a reply:\nlegal, then the director', 'Ways of working & business model', 2);
  const text = (phone: typeof other) => phone.page.locator('.text', { hasText: 'Two sign-offs for a reply' });
  await expect(phone.myCard('Two sign-offs')).toHaveCount(1);
  expect(await text(phone).innerText()).toBe('Two sign-offs for a reply:\nlegal, then the director');
  await expect(other.roomCards().filter({ hasText: 'Two sign-offs' })).toHaveCount(1);
  expect(await text(other).innerText()).toBe('Two sign-offs for a reply:\nlegal, then the director');
});
