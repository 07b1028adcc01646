import { test, expect } from './fixtures.ts';

test('a phone that goes offline keeps its card and delivers it exactly once when it is back', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const [a, b] = [await cast.phone(), await cast.phone()];
  await a.join(reply.code, 'Ada');
  await b.join(reply.code, 'Grace');
  await console.setPhase('map');
  await a.expectPhase('map');
  await a.expectSynced();

  await a.context.setOffline(true);
  await expect(a.sync()).toContainText('Offline');
  await a.addCard('Written on the train', 'Content & storytelling', 2);
  await expect(a.sync()).toContainText('1 change waiting');
  await expect(console.card('Written on the train')).toHaveCount(0);

  await a.context.setOffline(false);
  await a.expectSynced();
  await expect(console.cell('content', 2).getByTestId('card').filter({ hasText: 'Written on the train' })).toHaveCount(1);
  await expect(b.roomCards().filter({ hasText: 'Written on the train' })).toHaveCount(1);
  await expect(a.myCards()).toHaveCount(1);
  // Still once after everything settles (a duplicate would come from a replayed update).
  await b.expectSynced();
  await expect(console.page.getByTestId('card')).toHaveCount(1);
  await expect(b.roomCards()).toHaveCount(1);
});

test('a phone that reloads keeps its identity, its cards and what it was typing', async ({ cast }) => {
  const reply = await cast.create();
  const console = await cast.console(reply);
  // Private until reveal is the default, so the console starts out presenting: look at everything instead.
  await console.stopPresenting();
  const a = await cast.phone();
  await a.join(reply.code, 'Ada');
  await console.setPhase('map');
  await a.expectPhase('map');
  await a.addCard('Our agency writes every post', 'Brand positioning & voice', 2);
  await a.page.getByLabel('How do we work today?').fill('Half a thought about our');
  await expect(console.card('Our agency writes every post')).toHaveCount(1);

  await a.page.reload();
  await a.expectPhase('map');
  await expect(a.page.getByText('Ada', { exact: true })).toBeVisible();
  await expect(a.myCards()).toHaveCount(1);
  await expect(a.myCard('Our agency writes every post')).toBeVisible();
  await expect(a.page.getByLabel('How do we work today?')).toHaveValue('Half a thought about our');
  await a.expectSynced();
  // Same person, not a second participant.
  await console.expectParticipants(['Ada']);
  await expect(console.participants().first()).toHaveAttribute('data-online', 'true');
});

test('a slow reply to one card does not wipe the next card the person has started typing', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const phone = await cast.phone();
  // Everything the server sends this phone passes through here, so its replies can be held back.
  let held: (string | Buffer)[] | null = null;
  let release = (): void => {};
  await phone.page.routeWebSocket(/socket\.io/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => (held ? held.push(m) : ws.send(m)));
    release = () => {
      const late = held ?? [];
      held = null;
      for (const m of late) ws.send(m);
    };
  });
  await phone.join(reply.code, 'Ada');
  await console.setPhase('map');
  await phone.expectPhase('map');
  await phone.expectSynced();

  held = [];
  await phone.page.getByLabel('How do we work today?').fill('First card, slow reply');
  await phone.page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'Brand positioning & voice' });
  await phone.page.locator('label:has(> input[name="card-stage"][value="2"])').click();
  await phone.page.getByRole('button', { name: 'Add card' }).click();
  await expect(phone.myCard('First card, slow reply')).toHaveCount(1);
  await phone.page.getByLabel('How do we work today?').fill('Second card, half typed');
  await expect.poll(() => held?.length ?? 0).toBeGreaterThan(0);
  // The server's reply to the first card arrives now, after the person started the second.
  release();
  await phone.expectSynced();
  await expect(console.card('First card, slow reply')).toHaveCount(1);
  await expect(phone.page.getByLabel('How do we work today?')).toHaveValue('Second card, half typed');
});
