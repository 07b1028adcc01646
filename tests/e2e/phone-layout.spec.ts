import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** Nothing wider than the screen: a page that scrolls sideways on a phone hides its own controls. */
async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${where}: page ${scroll} px wide on a ${width} px screen`).toBeLessThanOrEqual(width);
}

test('every phase fits a 360 px wide phone without sideways scrolling', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const phone = await cast.phone(0);
  await phone.page.setViewportSize({ width: 360, height: 740 });
  await phone.page.goto(`/j/${reply.code}`);
  await expect(phone.page.getByLabel('Your name')).toBeVisible();
  await expectNoSideScroll(phone.page, 'join');
  await phone.page.getByLabel('Your name').fill('Ada');
  await phone.page.getByRole('button', { name: 'Join' }).click();
  await phone.expectPhase('lobby');
  await expectNoSideScroll(phone.page, 'lobby');

  await console.setPhase('map');
  await phone.expectPhase('map');
  await phone.addCard('Our agency writes and schedules every single post we publish', 'Conversation & inbound communication', 2);
  await expectNoSideScroll(phone.page, 'map');

  await console.setPhase('assess');
  await phone.expectPhase('assess');
  await phone.setMarkers('conversation', 2, 4);
  await expectNoSideScroll(phone.page, 'assess');
  await phone.page.getByTestId('assess-overview-toggle').click();
  await expectNoSideScroll(phone.page, 'assess overview');

  await console.setPhase('prioritise');
  await phone.expectPhase('prioritise');
  for (const tab of ['Dimensions', 'Cards', 'Barriers']) {
    await phone.page.getByRole('tab', { name: tab }).click();
    await expectNoSideScroll(phone.page, `prioritise: ${tab}`);
  }

  await console.setPhase('roadmap');
  await console.page.getByTestId('generate').click();
  await phone.expectPhase('roadmap');
  await expect(phone.page.getByTestId('initiative').first()).toBeVisible();
  await expectNoSideScroll(phone.page, 'roadmap');
});
