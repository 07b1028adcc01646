import { test, expect } from './fixtures.ts';

test('assess with private-until-reveal: nobody sees the room’s markers before the reveal, everyone does after', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: true, minAnswers: 3 });
  const console = await cast.console(reply);
  const projector = await cast.projector(reply.code);
  const phones = [await cast.phone(), await cast.phone(), await cast.phone()];
  const names = ['Ada', 'Grace', 'Linus'];
  for (const [i, p] of phones.entries()) await p.join(reply.code, names[i]!);
  await console.setPhase('assess');

  // Three people, three different views of Leadership: a wide spread.
  const answers: [number, number][] = [
    [1, 4],
    [3, 4],
    [5, 5],
  ];
  for (const [i, p] of phones.entries()) {
    await p.expectPhase('assess');
    await p.setMarkers('leadership', ...answers[i]!);
    await p.setMarkers('brand', 2, 4);
  }
  // The console counts the answers as they arrive.
  await expect(console.page.locator('[data-testid="canvas-row"][data-dimension="leadership"]')).toContainText('3 answers');

  // Before the reveal: each phone sees its own markers only; the projector shows no distribution.
  for (const [i, p] of phones.entries()) {
    await expect(p.page.getByTestId('room-hidden')).toBeVisible();
    await expect(p.page.getByTestId('distribution')).toHaveCount(0);
    const [now] = answers[i]!;
    await p.showDimension('leadership'); // Assess shows one dimension at a time; brand was the last one set.
    await expect(
      p
        .dimension('leadership')
        .getByRole('radiogroup', { name: /^Now/ })
        .getByRole('radio', { name: new RegExp(`^${now} `) }),
    ).toBeChecked();
  }
  await expect(projector.page.getByTestId('cell-dist')).toHaveCount(0);
  await expect(projector.page.getByTestId('wide')).toHaveCount(0);

  await console.reveal();

  // After: everyone sees the whole room's distribution, and the wide spread is flagged.
  for (const p of phones) {
    await expect(p.distribution('leadership')).toHaveAttribute(
      'aria-label',
      /3 answers\. Now: Absent 1, Broadcasting 0, Experimenting 1, Engaging 0, Social organisation 1\./,
    );
    await expect(p.dimension('leadership')).toContainText('Wide spread');
    await expect(p.page.getByTestId('room-hidden')).toHaveCount(0);
  }
  await expect(projector.page.locator('[data-testid="canvas-row"][data-dimension="leadership"] [data-testid="wide"]')).toBeVisible();
  await expect(projector.page.getByTestId('cell-dist').first()).toBeVisible();
});
