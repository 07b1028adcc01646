import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

test('a presenting console hides others’ cards and markers until the reveal, and still shows the counts', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: true, minAnswers: 2 });
  const console = await cast.console(reply);
  const [a, b] = [await cast.phone(), await cast.phone()];
  await a.join(reply.code, 'Ada');
  await b.join(reply.code, 'Grace');
  await console.setPhase('map');
  for (const p of [a, b]) await p.expectPhase('map');
  await a.addCard('Our agency posts for us', 'Brand positioning & voice', 2);
  await b.addCard('Complaints wait a week', 'Conversation & inbound communication', 1);

  // Private until reveal: the console presents by default, like the projector.
  const presenting = console.page.getByTestId('presenting');
  await expect(presenting).toBeChecked();
  await expect(console.page.getByTestId('room-counts')).toContainText('2 practice cards from 2 people');
  await expect(console.page.getByTestId('console-hidden')).toContainText('2 cards hidden until you reveal them');
  await expect(console.page.getByTestId('card')).toHaveCount(0);
  // The switch and its notes pass axe like the rest of the console (serious and critical).
  const axe = await new AxeBuilder({ page: console.page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // Switched off, the facilitator sees everything, with a warning not to project it.
  await presenting.uncheck();
  await expect(console.card('Our agency posts for us')).toHaveCount(1);
  await expect(console.page.getByTestId('presenting-note')).toContainText('do not project');
  await presenting.check();
  await expect(console.page.getByTestId('card')).toHaveCount(0);
  await console.reveal();
  await expect(console.page.getByTestId('card')).toHaveCount(2);

  await console.setPhase('assess');
  await a.expectPhase('assess');
  await b.expectPhase('assess');
  await a.setMarkers('leadership', 1, 4);
  await b.setMarkers('leadership', 5, 5);
  const row = console.page.locator('[data-testid="canvas-row"][data-dimension="leadership"]');
  await expect(row).toContainText('2 answers');
  // Counted as people × dimensions: two people, one dimension each, of ten.
  await expect(console.page.getByTestId('answer-count')).toHaveText('2 people · 2 of 20 answers');
  await expect(console.page.getByTestId('console-hidden-answers')).toBeVisible();
  // Nobody's markers on a presenting console before the reveal: no bars, no spread flag.
  await expect(console.page.getByTestId('cell-dist')).toHaveCount(0);
  await expect(console.page.getByTestId('wide')).toHaveCount(0);

  // Not even the facilitator's own screen gets the spread before the reveal: the server sends
  // distributions to nobody until then (the privacy table in issue 9).
  await presenting.uncheck();
  await expect(console.page.getByTestId('console-hidden-answers')).toBeVisible();
  await expect(console.page.getByTestId('cell-dist')).toHaveCount(0);
  await presenting.check();

  await console.reveal();
  await expect(row.getByTestId('cell-dist').first()).toBeVisible();
  await expect(row.getByTestId('wide')).toBeVisible();
});
