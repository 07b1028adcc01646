import { test, expect } from './fixtures.ts';

test('assess on a phone: one dimension at a time with next and back, a progress count, and a list to jump to any dimension', async ({
  cast,
}) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const a = await cast.phone(0);
  await a.join(reply.code, 'Ada');
  await console.setPhase('assess');
  await a.expectPhase('assess');
  const page = a.page;

  await expect(a.assessPosition()).toHaveText('1 of 10');
  await expect(page.getByTestId('assess-dimension').filter({ visible: true })).toHaveCount(1);
  await expect(a.dimension('leadership')).toBeVisible();
  await expect(page.getByTestId('assess-back')).toBeDisabled();

  const lead = a.dimension('leadership');
  await lead.getByRole('radiogroup', { name: /^Now/ }).getByRole('radio', { name: /^2 / }).check();
  await lead
    .getByRole('radiogroup', { name: /^Target/ })
    .getByRole('radio', { name: /^4 / })
    .check();
  await expect(page.getByTestId('assess-progress')).toContainText('1 answered');

  // Next names where it goes, and lands there with focus on the new dimension.
  await page.getByRole('button', { name: 'Next: Brand positioning & voice' }).click();
  await expect(a.assessPosition()).toHaveText('2 of 10');
  await expect(a.dimension('brand')).toBeVisible();
  await expect(lead).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Brand positioning & voice' })).toBeFocused();
  await a.dimension('brand').getByRole('radiogroup', { name: /^Now/ }).getByRole('radio', { name: /^3 / }).check();

  await page.getByRole('button', { name: 'Back: Leadership & ownership' }).click();
  await expect(a.assessPosition()).toHaveText('1 of 10');
  await expect(lead.getByRole('radiogroup', { name: /^Now/ }).getByRole('radio', { name: /^2 / })).toBeChecked();

  // The overview says which dimensions are answered, and jumps.
  await page.getByRole('button', { name: 'All dimensions' }).click();
  const list = page.getByRole('navigation', { name: 'All dimensions' });
  await expect(list.getByTestId('assess-jump')).toHaveCount(10);
  await expect(list.locator('[data-dimension="leadership"]')).toHaveAttribute('data-state', 'done');
  await expect(list.locator('[data-dimension="leadership"]')).toContainText('answered');
  await expect(list.locator('[data-dimension="brand"]')).toHaveAttribute('data-state', 'half');
  await expect(list.locator('[data-dimension="commerce"]')).toHaveAttribute('data-state', 'todo');
  await expect(list.locator('[data-dimension="leadership"]')).toHaveAttribute('aria-current', 'step');
  // Thumb-sized: every control on the screen is at least 44 px tall.
  for (const el of await page.locator('main button:visible, main .seg:visible').all()) {
    const box = (await el.boundingBox())!;
    expect(box.height, await el.innerText()).toBeGreaterThanOrEqual(44);
  }
  await list.locator('[data-dimension="commerce"]').click();
  await expect(a.assessPosition()).toHaveText('10 of 10');
  await expect(a.dimension('commerce')).toBeVisible();
  await expect(page.getByTestId('assess-next')).toHaveText('Review all');

  // A reload comes back to the same dimension.
  await page.reload();
  await a.expectPhase('assess');
  await expect(a.assessPosition()).toHaveText('10 of 10');
  await expect(a.dimension('commerce')).toBeVisible();
});
