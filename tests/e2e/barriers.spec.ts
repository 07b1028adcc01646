/**
 * A barrier written on a phone can hold back one dimension and say when the work can start
 * (issue 10): the phone shows it so, and the roadmap the console generates starts that
 * dimension's initiative no earlier, quoting the barrier.
 */
import { test, expect } from './fixtures.ts';

test('a barrier tied to a dimension and held until Next on a phone holds that initiative until Next in the roadmap', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const phone = await cast.phone(0);
  await phone.join(reply.code, 'Ada');
  await console.setPhase('assess');
  await phone.expectPhase('assess');
  await phone.setMarkers('technology', 2, 3);

  await console.setPhase('prioritise');
  await phone.expectPhase('prioritise');
  await phone.addBarrier('The platform contract runs to March', { dimension: 'Technology & data', notBefore: 'Next' });
  const barrier = phone.barrier('The platform contract runs to March');
  await expect(barrier).toHaveAttribute('data-dimension', 'technology');
  await expect(barrier.getByTestId('barrier-meta')).toHaveText(/^Holds back Technology & data · not before Next · yours/);
  // The form starts over: the next barrier is general and held by nothing until someone says otherwise.
  await expect(phone.page.getByLabel(/^Holds back/)).toHaveValue('');
  await expect(phone.page.getByLabel(/^When can that work start/)).toHaveValue('');

  await console.setPhase('roadmap');
  await console.page.getByTestId('generate').click();
  const next = console.page.getByRole('region', { name: 'Next', exact: true });
  const initiative = next.locator('[data-testid="initiative"][data-id="technology:move"]');
  await expect(initiative).toBeVisible();
  await expect(initiative).toContainText('The platform contract runs to March');
  // The phones read the same plan.
  await phone.expectPhase('roadmap');
  await expect(phone.page.getByRole('region', { name: 'Next', exact: true }).locator('[data-testid="initiative"][data-id="technology:move"]')).toBeVisible();
});
