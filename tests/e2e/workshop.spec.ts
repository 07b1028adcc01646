import { test, expect } from './fixtures.ts';
import { HomePage } from './pages/HomePage.ts';
import { ConsolePage } from './pages/ConsolePage.ts';

test('a facilitator creates a workshop, three phones join by typing the code, the console lists them', async ({ cast }) => {
  const desk = await cast.desk();
  const page = await desk.newPage();
  const code = await new HomePage(page).create({ title: 'Leadership offsite', organisation: 'Acme Ltd', votes: 4 });
  const console = new ConsolePage(page);
  await expect(page.getByTestId('room-code').first()).toHaveText(code);
  await expect(page.getByRole('img', { name: /QR code/ }).first()).toBeVisible();

  const names = ['Ada', 'Grace', 'Linus'];
  const phones = await Promise.all(names.map(() => cast.phone()));
  for (const [i, phone] of phones.entries()) await phone.join(code, names[i]!);

  await console.expectParticipants(names);
  // Presence: every phone shows as online.
  await expect(console.participants().and(page.locator('[data-online="true"]'))).toHaveCount(3);
  for (const phone of phones) await expect(phone.page.getByRole('heading', { name: /You're in/ })).toBeVisible();

  // The phase follows the facilitator on every phone.
  await console.setPhase('map');
  for (const phone of phones) await phone.expectPhase('map');
});

test('cards from phones appear live on console and projector; a card dragged on the console moves on the phones', async ({
  cast,
}, testInfo) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const projector = await cast.projector(reply.code);
  const [a, b, c] = await Promise.all([cast.phone(), cast.phone(), cast.phone()]);
  await a!.join(reply.code, 'Ada');
  await b!.join(reply.code, 'Grace');
  await c!.join(reply.code, 'Linus');
  await console.setPhase('map');
  await a!.expectPhase('map');

  await a!.addCard('Our agency runs our Twitter account', 'Brand positioning & voice', 2);
  await b!.addCard('Replies need three sign-offs', 'Ways of working & business model', 2);
  await c!.addCard('The CEO reads every customer complaint', 'Leadership & ownership', 4);

  for (const board of [console, projector]) {
    await expect(board.cell('brand', 2).getByTestId('card').filter({ hasText: 'Our agency runs our Twitter account' })).toHaveCount(1);
    await expect(board.cell('ways-of-working', 2).getByTestId('card').filter({ hasText: 'three sign-offs' })).toHaveCount(1);
    await expect(board.cell('leadership', 4).getByTestId('card').filter({ hasText: 'CEO reads' })).toHaveCount(1);
  }

  // Drag the agency card from Brand/Broadcasting to Conversation/Absent.
  await console.card('Our agency runs our Twitter account').dragTo(console.cell('conversation', 1));
  await expect(console.cell('conversation', 1).getByTestId('card').filter({ hasText: 'Our agency' })).toHaveCount(1);
  await expect(console.cell('brand', 2).getByTestId('card')).toHaveCount(0);
  await expect(projector.cell('conversation', 1).getByTestId('card').filter({ hasText: 'Our agency' })).toHaveCount(1);
  // The author's phone shows the new place; the others see it among the room's cards.
  await expect(a!.myCard('Our agency')).toContainText('Conversation & inbound communication · 1 Absent');
  await expect(b!.roomCards().filter({ hasText: 'Our agency' })).toContainText('Conversation & inbound communication');

  // Keyboard alternative: focus a card and move it one stage right with an arrow key.
  await console.card('three sign-offs').focus();
  await console.page.keyboard.press('ArrowRight');
  await expect(console.cell('ways-of-working', 3).getByTestId('card').filter({ hasText: 'three sign-offs' })).toHaveCount(1);
  await expect(b!.myCard('three sign-offs')).toContainText('3 Experimenting');

  // Enter opens the move menu: the card goes where it says, and keeps the focus there.
  await expect(console.card('three sign-offs')).toBeFocused();
  await console.page.keyboard.press('Enter');
  const menu = console.page.getByRole('dialog', { name: 'Move card' });
  await expect(menu).toContainText('Replies need three sign-offs');
  await menu.getByLabel('Dimension').selectOption({ label: 'People, culture & skills' });
  await menu.getByLabel('Stage').selectOption({ label: '4 Engaging' });
  await menu.screenshot({ path: testInfo.outputPath('console-move-menu.png') });
  await menu.getByRole('button', { name: 'Move' }).click();
  await expect(menu).toBeHidden();
  const moved = console.cell('people', 4).getByTestId('card').filter({ hasText: 'three sign-offs' });
  await expect(moved).toHaveCount(1);
  await expect(moved).toBeFocused();
  await expect(b!.myCard('three sign-offs')).toContainText('People, culture & skills · 4 Engaging');
});
