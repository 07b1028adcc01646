import { test, expect } from './fixtures.ts';

test('a phone cannot spend more than its vote budget; a budget changed mid-phase reaches every phone', async ({ cast }) => {
  const reply = await cast.create({ votesPerPerson: 3 });
  const console = await cast.console(reply);
  const [a, b, c] = [await cast.phone(), await cast.phone(), await cast.phone()];
  await a.join(reply.code, 'Ada');
  await b.join(reply.code, 'Grace');
  await c.join(reply.code, 'Linus');
  await console.setPhase('prioritise');
  for (const p of [a, b, c]) await expect(p.budget()).toContainText('3 of 3');

  const lead = 'dim:leadership';
  for (let i = 1; i <= 3; i++) {
    await a.addVote(lead).click();
    await expect(a.votesOn(lead)).toHaveText(String(i));
  }
  await expect(a.budget()).toContainText('0 of 3');
  // Out of votes: every + is disabled.
  await expect(a.addVote(lead)).toBeDisabled();
  await expect(a.addVote('dim:brand')).toBeDisabled();
  await expect(b.budget()).toContainText('3 of 3');

  // The facilitator raises the budget mid-phase.
  await console.setVotesPerPerson(5);
  await expect(a.budget()).toContainText('2 of 5');
  await expect(b.budget()).toContainText('5 of 5');
  await expect(c.budget()).toContainText('5 of 5');
  await a.addVote('dim:brand').click();
  await a.addVote('dim:brand').click();
  await expect(a.budget()).toContainText('0 of 5');
  await expect(a.addVote('dim:people')).toBeDisabled();

  // And lowers it: the phone says what to give back and cannot add.
  await console.setVotesPerPerson(2);
  await expect(a.budget()).toContainText('0 of 2');
  await expect(a.budget()).toContainText('remove 3');
  await expect(a.addVote('dim:people')).toBeDisabled();
  await a.removeVote(lead).click();
  await expect(a.votesOn(lead)).toHaveText('2');
});

test('barriers have votes of their own: a phone that spent every vote on dimensions still votes on barriers, its own included', async ({
  cast,
}) => {
  const reply = await cast.create({ votesPerPerson: 2, privateUntilReveal: false });
  const console = await cast.console(reply);
  const phone = await cast.phone(0);
  await phone.join(reply.code, 'Ada');
  await console.setPhase('prioritise');
  await phone.expectPhase('prioritise');
  // The bar says up front that barriers are counted apart.
  await expect(phone.budget()).toContainText('2 of 2 votes left');
  await expect(phone.budget()).toContainText('Barriers get 2 votes of their own');
  await phone.addVote('dim:leadership').click();
  await expect(phone.votesOn('dim:leadership')).toHaveText('1');
  await phone.addVote('dim:people').click();
  await expect(phone.votesOn('dim:people')).toHaveText('1');
  await expect(phone.budget()).toContainText('0 of 2 votes left');
  await expect(phone.addVote('dim:brand')).toBeDisabled();

  await phone.addBarrier('Legal signs off every post');
  await expect(phone.budget()).toContainText('2 of 2 barrier votes left');
  await expect(phone.budget()).toContainText('Not taken from your other votes');
  const mine = phone.barrier('Legal signs off every post');
  const add = mine.getByRole('button', { name: /^Add a vote/ });
  await add.click();
  await expect(mine.locator('output')).toHaveText('1');
  await add.click();
  await expect(mine.locator('output')).toHaveText('2');
  await expect(phone.budget()).toContainText('0 of 2 barrier votes left');
  await expect(add).toBeDisabled();
  // Back on the first tab, nothing changed there.
  await phone.openTab('Dimensions');
  await expect(phone.budget()).toContainText('0 of 2 votes left');
  await expect(phone.addVote('dim:brand')).toBeDisabled();
});
