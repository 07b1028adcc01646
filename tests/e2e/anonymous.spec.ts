import { test, expect } from './fixtures.ts';

const NAMES = ['Ada Lovelace', 'Grace Hopper'];

test('an anonymous workshop never puts a name next to a card, a marker or a vote on the projector, the console or a phone', async ({
  cast,
}) => {
  const reply = await cast.create({ anonymous: true, privateUntilReveal: false, minAnswers: 2 });
  const console = await cast.console(reply);
  const projector = await cast.projector(reply.code);
  const [a, b] = [await cast.phone(), await cast.phone()];
  await a.join(reply.code, NAMES[0]!);
  await b.join(reply.code, NAMES[1]!);

  // Lobby: the projector says how many joined, not who.
  await expect(projector.page.getByTestId('joined-count')).toHaveText('2');
  await expect(projector.page.getByTestId('anonymous-note')).toBeVisible();
  for (const n of NAMES) await expect(projector.page.locator('body')).not.toContainText(n);

  await console.setPhase('map');
  await a.expectPhase('map');
  await b.expectPhase('map');
  await a.addCard('Our agency writes every post', 'Brand positioning & voice', 2);
  await b.addCard('Complaints wait a week for an answer', 'Conversation & inbound communication', 1);
  for (const board of [console, projector]) {
    await expect(board.card('Our agency writes every post')).toHaveCount(1);
    await expect(board.card('Complaints wait a week')).toHaveCount(1);
    for (const n of NAMES) await expect(board.page.getByTestId('canvas')).not.toContainText(n);
  }
  for (const n of NAMES) await expect(projector.page.locator('body')).not.toContainText(n);
  // A phone sees the room's cards without their authors.
  await expect(b.roomCards().filter({ hasText: 'Our agency' })).toHaveCount(1);
  await expect(b.page.getByTestId('room-cards')).not.toContainText(NAMES[0]!);

  // The console can present: then not even the participant list shows a name.
  await expect(console.participants()).toHaveCount(2);
  await console.presenting().check();
  await expect(console.page.getByTestId('names-concealed')).toBeVisible();
  await expect(console.participants()).toHaveCount(0);
  for (const n of NAMES) await expect(console.page.locator('body')).not.toContainText(n);

  // Markers and votes: counts and totals only.
  await console.setPhase('assess');
  for (const p of [a, b]) {
    await p.expectPhase('assess');
    await p.setMarkers('leadership', 2, 4);
  }
  await expect(projector.page.getByTestId('cell-dist').first()).toBeVisible();
  await console.setPhase('prioritise');
  for (const p of [a, b]) {
    await p.expectPhase('prioritise');
    await p.addVote('dim:leadership').click();
  }
  await expect(projector.page.locator('[data-testid="canvas-row"][data-dimension="leadership"] [data-testid="dim-votes"]')).toHaveText(
    '2 votes',
  );
  await expect(console.page.locator('[data-testid="canvas-row"][data-dimension="leadership"] [data-testid="dim-votes"]')).toHaveText(
    '2 votes',
  );
  for (const n of NAMES) {
    await expect(projector.page.locator('body')).not.toContainText(n);
    await expect(console.page.locator('body')).not.toContainText(n);
  }
  for (const n of NAMES) await expect(projector.page.locator(`[title*="${n}"], [aria-label*="${n}"]`)).toHaveCount(0);
});
