/**
 * A workshop created from a template that renames the stages (a charity's own
 * journey) shows those names on every screen: the phone's stage picker and its
 * cards, the console's and the projector's canvas, the roadmap, the download.
 */
import fs from 'node:fs';
import { DEFAULT_TEMPLATE } from '../../shared/domain/workshop-model.ts';
import { test, expect } from './fixtures.ts';

const NAMES = ['Silent', 'Informing', 'Listening', 'Involving', 'Co-creating'];
const DEFAULT_NAMES = DEFAULT_TEMPLATE.stages.map((s) => s.name);

function charityTemplate() {
  const t = structuredClone(DEFAULT_TEMPLATE);
  t.name = 'Charity engagement';
  t.stages = t.stages.map((s, i) => ({ ...s, name: NAMES[i]!, summary: `${NAMES[i]} with supporters.` }));
  return t;
}

test('stages renamed in the template are the names the phone, the console, the projector and the export use', async ({ cast }) => {
  const reply = await cast.createFrom(charityTemplate(), 'Supporter journey');
  const console = await cast.console(reply);
  const projector = await cast.projector(reply.code);
  const phone = await cast.phone(0);
  await phone.join(reply.code, 'Ruth');

  await console.setPhase('map');
  await phone.expectPhase('map');
  await phone.page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'Leadership & ownership' });
  const picker = phone.page.getByRole('group', { name: 'Which stage does it show on Leadership & ownership?' });
  await expect(picker.locator('strong')).toHaveText(NAMES);
  await picker.screenshot({ path: test.info().outputPath('phone-stage-picker.png') });
  await phone.addCard('Trustees sign off every post', 'Leadership & ownership', 2);
  await expect(phone.myCard('Trustees sign off every post')).toContainText('2 Informing');

  // The console and the projector head their columns with the workshop's names, never the default ones.
  for (const page of [console.page, projector.page]) {
    const headers = page.getByTestId('canvas').getByRole('columnheader');
    for (const name of NAMES) await expect(headers.filter({ hasText: name })).toHaveCount(1);
    for (const name of DEFAULT_NAMES) await expect(headers.filter({ hasText: name })).toHaveCount(0);
  }

  await console.setPhase('assess');
  await phone.expectPhase('assess');
  await phone.setMarkers('leadership', 2, 4);
  await expect(phone.dimension('leadership').getByText('Informing:')).toBeVisible();

  await console.setPhase('roadmap');
  await console.page.getByTestId('generate').click();
  const initiative = console.page.locator('[data-testid="initiative"][data-id="leadership:move"]');
  await expect(initiative.getByRole('heading')).toHaveText('Leadership & ownership: from Informing to Involving');
  await expect(initiative.getByTestId('from-stage')).toHaveText('2 Informing');
  await expect(projector.page.locator('[data-testid="initiative"][data-id="leadership:move"]')).toContainText('4 Involving');

  const [download] = await Promise.all([
    console.page.waitForEvent('download'),
    console.page.getByRole('button', { name: 'Download markdown' }).click(),
  ]);
  const markdown = fs.readFileSync((await download.path())!, 'utf8');
  expect(markdown).toContain('Stages, left to right: Silent (');
  expect(markdown).toContain('| Leadership & ownership | Informing (2) | Involving (4) |');
  expect(markdown).toContain('**Informing:** Trustees sign off every post');
  for (const name of DEFAULT_NAMES) expect(markdown).not.toMatch(new RegExp(`\\b${name}\\b`));
});
