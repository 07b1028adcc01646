import { test, expect } from './fixtures.ts';
import type { ProjectorPage } from './pages/ProjectorPage.ts';

/** Everything on the board sits inside the screen: nothing to scroll to on a projector. */
async function expectBoardFits(projector: ProjectorPage, width: number, height: number): Promise<void> {
  await projector.page.setViewportSize({ width, height });
  const canvas = projector.page.getByTestId('canvas');
  await expect(canvas).toBeVisible();
  await expect.poll(() => projector.page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(height);
  const rows = projector.page.getByTestId('canvas-row');
  await expect(rows).toHaveCount(10);
  for (const row of await rows.all()) {
    const box = (await row.getByRole('rowheader').boundingBox())!;
    expect(box.y + box.height, `${await row.getAttribute('data-dimension')} row inside ${width}x${height}`).toBeLessThanOrEqual(
      height + 0.5,
    );
    expect(box.height).toBeGreaterThanOrEqual(40);
  }
}

test('the projector board fits 1920x1080 and 1280x720 with large text; a crowded cell shows its newest cards and a +N count', async ({
  cast,
}) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const projector = await cast.projector(reply.code);
  const phone = await cast.phone();
  await phone.join(reply.code, 'Ada');
  await console.setPhase('map');
  await phone.expectPhase('map');
  for (let i = 1; i <= 6; i++) await phone.addCard(`Crowded practice number ${i}`, 'Brand positioning & voice', 2);
  await phone.addCard('A lonely practice', 'Leadership & ownership', 1);
  await expect(projector.page.getByTestId('card').filter({ hasText: 'A lonely practice' })).toHaveCount(1);

  for (const [width, height, minFont] of [
    [1920, 1080, 18],
    [1280, 720, 16],
  ] as const) {
    await expectBoardFits(projector, width, height);
    const cell = projector.cell('brand', 2);
    // The newest card is on screen, the others are counted, none spills out of the cell.
    await expect(cell.getByTestId('card').first()).toContainText('Crowded practice number 6');
    const shown = await cell.getByTestId('card').count();
    expect(shown).toBeGreaterThanOrEqual(1);
    expect(shown).toBeLessThan(6);
    await expect(cell.getByTestId('more')).toHaveText(`+${6 - shown}`);
    const cellBox = (await cell.boundingBox())!;
    for (const c of await cell.getByTestId('card').all()) {
      const b = (await c.boundingBox())!;
      expect(b.y + b.height).toBeLessThanOrEqual(cellBox.y + cellBox.height + 0.5);
    }
    const font = await projector.card('A lonely practice').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(font, `card text at ${width}x${height}`).toBeGreaterThanOrEqual(minFont);
    const dimFont = await projector.page
      .getByRole('rowheader')
      .first()
      .locator('span')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(dimFont).toBeGreaterThanOrEqual(minFont);
  }

  // Assess: the distributions take room in every cell; still one screen.
  await console.setPhase('assess');
  await expectBoardFits(projector, 1920, 1080);
  await expectBoardFits(projector, 1280, 720);
});
