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
  await expect(
    phone.page.getByRole('region', { name: 'Next', exact: true }).locator('[data-testid="initiative"][data-id="technology:move"]'),
  ).toBeVisible();
});

test('a phone edits its own barrier in place: the words change everywhere, its tie and its votes stay', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const [ada, ben] = await Promise.all([cast.phone(0), cast.phone(1)]);
  await ada!.join(reply.code, 'Ada');
  await ben!.join(reply.code, 'Ben');
  await console.setPhase('prioritise');
  await ada!.expectPhase('prioritise');
  await ada!.addBarrier('Too many signoffs', { dimension: 'Ways of working & business model', notBefore: 'Next' });

  // Ben votes on it before Ada fixes the typo.
  await ben!.expectPhase('prioritise');
  await ben!.openTab('Barriers');
  await ben!
    .barrier('Too many signoffs')
    .getByRole('button', { name: /^Add a vote/ })
    .click();
  await expect(ben!.barrier('Too many signoffs').locator('output')).toHaveText('1');

  await ada!.barrier('Too many signoffs').getByRole('button', { name: 'Edit barrier: Too many signoffs' }).click();
  await expect(ada!.page.getByRole('heading', { name: 'Edit your barrier' })).toBeVisible();
  await expect(ada!.page.getByLabel(/^Holds back/)).toHaveValue('ways-of-working');
  await expect(ada!.page.getByLabel(/^When can that work start/)).toHaveValue('next');
  await ada!.page.getByLabel('Barrier', { exact: true }).fill('Too many sign-offs before anything goes out');
  await ada!.page.getByRole('button', { name: 'Save barrier' }).click();

  const edited = ada!.barrier('Too many sign-offs before anything goes out');
  await expect(edited).toHaveCount(1);
  await expect(ada!.barrier('Too many signoffs')).toHaveCount(0);
  await expect(edited.getByTestId('barrier-meta')).toHaveText(/^Holds back Ways of working & business model · not before Next · yours/);
  // The form is ready for a new barrier again.
  await expect(ada!.page.getByRole('button', { name: 'Add barrier' })).toBeVisible();
  await expect(ada!.page.getByLabel('Barrier', { exact: true })).toHaveValue('');

  // Ben sees the new words with his vote still on it; the console too, with the vote counted.
  await expect(ben!.barrier('Too many sign-offs before anything goes out').locator('output')).toHaveText('1');
  const onConsole = console.barrier('Too many sign-offs before anything goes out');
  await expect(onConsole).toContainText('1 vote');
  await expect(onConsole.getByTestId('barrier-dimension')).toHaveValue('ways-of-working');
});
