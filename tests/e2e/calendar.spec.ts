/**
 * Issue 21, the calendar: a barrier that names months ("the regulator's quiet period from
 * March to May") gets one question on the console before Generate; nothing moves until the
 * facilitator applies it, and then the regenerated plan starts that public work after the
 * window and says so, while groundwork inside the organisation keeps its place. The plan
 * starts on a day the facilitator set, so the months do not depend on when the test runs.
 */
import fs from 'node:fs';
import { test, expect } from './fixtures.ts';
import type { ConsolePage } from './pages/ConsolePage.ts';

const QUIET = "The regulator's quiet period from March to May";

async function downloadMarkdown(console: ConsolePage): Promise<string> {
  const [download] = await Promise.all([
    console.page.waitForEvent('download'),
    console.page.getByRole('button', { name: 'Download markdown' }).click(),
  ]);
  return fs.readFileSync((await download.path())!, 'utf8');
}

test('the console proposes the window a barrier names, the facilitator applies it, and the regenerated plan moves that work', async ({
  cast,
}, testInfo) => {
  test.setTimeout(120_000);
  const reply = await cast.create({ privateUntilReveal: false, planStart: '2030-03-01' }, 'Calendar');
  const console = await cast.console(reply);
  const [ada, ben] = [await cast.phone(), await cast.phone()];
  await ada.join(reply.code, 'Ada');
  await ben.join(reply.code, 'Ben');

  await console.setPhase('assess');
  for (const phone of [ada, ben]) {
    await phone.expectPhase('assess');
    // People's step out of Broadcasting is a guide, work inside (Leadership's, "each leader answers … on one of our channels", would wait).
    await phone.setMarkers('people', 2, 3);
    await phone.setMarkers('brand', 2, 3);
  }
  await console.setPhase('prioritise');
  await ada.expectPhase('prioritise');
  await ada.addBarrier(QUIET);

  await console.setPhase('roadmap');
  const roadmap = console.page.getByTestId('roadmap');
  const horizon = (label: string) => roadmap.getByRole('region', { name: label, exact: true });
  const brand = console.initiative('brand:move');
  // The barrier names months, but nothing is applied by itself: the first plan starts Brand at once.
  await console.page.getByTestId('generate').click();
  await expect(horizon('Now').locator('[data-testid="initiative"][data-id="brand:move"]')).toHaveCount(1, { timeout: 15_000 });

  const proposal = console.page.getByTestId('window-proposal').filter({ hasText: QUIET });
  await expect(proposal).toContainText('Hold new public work from March to May 2030?');
  await proposal.scrollIntoViewIfNeeded();
  await console.page.screenshot({ path: testInfo.outputPath('console-window-proposal.png') });
  await proposal.getByTestId('window-apply').click();
  await expect(proposal).toHaveCount(0, { timeout: 15_000 });

  // Regenerate: Brand (public work) starts after the window and says why; People (groundwork inside) stays in Now.
  await console.page.getByTestId('generate').click();
  await console.page.getByTestId('apply').click();
  await expect(horizon('Next').locator('[data-testid="initiative"][data-id="brand:move"]')).toHaveCount(1, { timeout: 15_000 });
  await expect(brand).toContainText(`It starts in Next, in June 2030: “${QUIET}” (from March to May 2030).`);
  await expect(horizon('Now').locator('[data-testid="initiative"][data-id="people:move"]')).toHaveCount(1);
  await brand.scrollIntoViewIfNeeded();
  await console.page.screenshot({ path: testInfo.outputPath('console-moved.png') });

  const markdown = await downloadMarkdown(console);
  expect(markdown).toContain(`${QUIET} (general, from March to May 2030)`);
  expect(markdown).toMatch(/Brand positioning and voice - from Broadcasting to Experimenting :i\d+, 2030-06-01, 2030-09-01/);
  expect(markdown).toContain('in June 2030:');
});

test('a phone gives its barrier the last month it blocks, and the plan starts that work the month after', async ({ cast }) => {
  test.setTimeout(120_000);
  const reply = await cast.create({ privateUntilReveal: false, planStart: '2030-03-01' }, 'Calendar on the phone');
  const console = await cast.console(reply);
  const [ada, ben] = [await cast.phone(), await cast.phone()];
  await ada.join(reply.code, 'Ada');
  await ben.join(reply.code, 'Ben');
  await console.setPhase('assess');
  for (const phone of [ada, ben]) {
    await phone.expectPhase('assess');
    await phone.setMarkers('brand', 2, 3);
  }
  await console.setPhase('prioritise');
  await ada.expectPhase('prioritise');
  const text = 'The agency contract runs to September';
  await ada.addBarrier(text, { dimension: 'Brand positioning & voice', blockedUntil: '2030-09' });
  await expect(ada.barrier(text).getByTestId('barrier-meta')).toContainText('blocked until September 2030');
  // The console reads the same window in its barrier list, and proposes nothing more for it.
  await expect(console.barrier(text).getByTestId('barrier-window-to')).toHaveValue('2030-09', { timeout: 15_000 });

  await console.setPhase('roadmap');
  await expect(console.page.getByTestId('window-proposal')).toHaveCount(0);
  await console.page.getByTestId('generate').click();
  const brand = console.initiative('brand:move');
  await expect(brand).toContainText(`It starts in Later, in October 2030: “${text}” (not before October 2030).`, { timeout: 15_000 });
});
