/**
 * Writes the README's screenshots to docs/screenshots/ from a realistic session:
 * `npm run screenshots`. Not part of the regular suite (see playwright.config.ts).
 */
import path from 'node:path';
import { test, expect } from './fixtures.ts';

const OUT = path.resolve('docs/screenshots');
const shot = (name: string) => path.join(OUT, `${name}.png`);
const PHONE = { width: 360, height: 740 };

const CARDS: [string, string, number][][] = [
  [
    ['Our agency writes and schedules every post', 'Brand positioning & voice', 2],
    ['Replies to complaints need three sign-offs', 'Ways of working & business model', 2],
    ['We report likes and reach to the board monthly', 'Insight & measurement', 2],
  ],
  [
    ['The CEO has never posted herself', 'Leadership & ownership', 1],
    ['Customer service answers on Twitter within the day', 'Conversation & inbound communication', 3],
    ['Staff are told not to mention work online', 'People, culture & skills', 1],
  ],
  [
    ['A user forum with 40 active members', 'Community & participation', 3],
    ['We bought a listening tool nobody opens', 'Technology & data', 2],
    ['Product team reads app-store reviews weekly', 'Conversation & inbound communication', 3],
  ],
];

const MARKERS: Record<string, [number, number][]> = {
  leadership: [[1, 4], [3, 4], [5, 5]],
  brand: [[2, 4], [2, 4], [2, 3]],
  conversation: [[2, 4], [3, 4], [3, 5]],
  content: [[2, 3], [2, 4], [1, 3]],
  community: [[2, 4], [3, 4], [2, 4]],
  'ways-of-working': [[1, 3], [2, 4], [2, 3]],
  people: [[1, 3], [2, 4], [1, 4]],
  technology: [[2, 3], [3, 3], [2, 4]],
  insight: [[2, 4], [2, 4], [1, 4]],
  commerce: [[1, 2], [2, 3], [1, 3]],
};

test('screenshots for the README', async ({ cast }) => {
  test.setTimeout(180_000);
  // Private until reveal, as most workshops run: the shots show the console presenting, then revealed boards.
  const reply = await cast.create({ privateUntilReveal: true, votesPerPerson: 5 }, 'Leadership offsite: our social strategy');
  const join = await cast.phone(1);
  // Every phone shot at 360x740, the smallest screen the app promises to fit.
  await join.page.setViewportSize(PHONE);
  await join.page.goto(`/j/${reply.code}`);
  await expect(join.page.getByTestId('workshop-title')).toBeVisible();
  await join.page.screenshot({ path: shot('phone-join') });

  const console = await cast.console(reply);
  const projector = await cast.projector(reply.code);
  await projector.page.setViewportSize({ width: 1920, height: 1080 });
  const names = ['Ada Lovelace', 'Grace Hopper', 'Linus T.'];
  const phones = [join, await cast.phone(0), await cast.phone(2)];
  for (const p of phones) await p.page.setViewportSize(PHONE);
  for (const [i, p] of phones.entries()) await p.join(reply.code, names[i]!);
  await expect(projector.page.getByTestId('joined-count')).toHaveText('3');
  await projector.page.screenshot({ path: shot('projector-lobby') });
  await console.page.screenshot({ path: shot('console-lobby') });

  await console.setPhase('map');
  for (const [i, p] of phones.entries()) {
    await p.expectPhase('map');
    for (const [text, dim, stage] of CARDS[i]!) await p.addCard(text, dim, stage);
  }
  // Before the reveal the console presents: counts, no cards; the projector says how many are hidden.
  await expect(console.page.getByTestId('console-hidden')).toContainText('9 cards hidden');
  await console.page.screenshot({ path: shot('console-presenting') });
  await expect(projector.page.getByTestId('hidden-cards')).toBeVisible();
  await projector.page.screenshot({ path: shot('projector-private') });
  await console.reveal();
  await expect(console.page.getByTestId('card')).toHaveCount(9);
  await phones[0]!.page.getByLabel('How do we work today?').fill('Only Comms may speak for us');
  await phones[0]!.page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'People, culture & skills' });
  await phones[0]!.page.locator('label:has(> input[name="card-stage"][value="2"])').click();
  await phones[0]!.page.screenshot({ path: shot('phone-map') });
  await console.page.screenshot({ path: shot('console') });
  await expect(projector.page.getByTestId('card')).toHaveCount(9);
  await projector.page.screenshot({ path: shot('projector') });
  await projector.page.setViewportSize({ width: 1280, height: 720 });
  await projector.page.screenshot({ path: shot('projector-720') });
  await projector.page.setViewportSize({ width: 1920, height: 1080 });

  await console.setPhase('assess');
  for (const [i, p] of phones.entries()) {
    await p.expectPhase('assess');
    for (const [key, answers] of Object.entries(MARKERS)) await p.setMarkers(key, ...answers[i]!);
  }
  await expect(console.page.locator('[data-testid="canvas-row"][data-dimension="commerce"]')).toContainText('3 answers');
  await console.reveal();
  await phones[1]!.showDimension('leadership');
  await phones[1]!.page.evaluate(() => window.scrollTo(0, 0));
  await phones[1]!.page.screenshot({ path: shot('phone-assess') });
  await console.page.screenshot({ path: shot('console-assess') });
  await console.page.setViewportSize({ width: 1920, height: 1080 });
  await console.page.screenshot({ path: shot('console-assess-1920') });
  await console.page.setViewportSize({ width: 1440, height: 900 });
  await expect(projector.page.getByTestId('wide').first()).toBeVisible();
  await projector.page.screenshot({ path: shot('projector-assess') });
  await projector.page.setViewportSize({ width: 1280, height: 720 });
  await projector.page.screenshot({ path: shot('projector-assess-720') });
  await projector.page.setViewportSize({ width: 1920, height: 1080 });
  await phones[1]!.page.getByTestId('assess-overview-toggle').click();
  await phones[1]!.page.screenshot({ path: shot('phone-assess-overview') });

  await console.setPhase('prioritise');
  const votes: string[][] = [
    ['dim:leadership', 'dim:leadership', 'dim:people', 'dim:conversation'],
    ['dim:conversation', 'dim:conversation', 'dim:leadership', 'dim:insight', 'dim:brand'],
    ['dim:people', 'dim:leadership', 'dim:community'],
  ];
  for (const [i, p] of phones.entries()) {
    await p.expectPhase('prioritise');
    for (const [j, t] of votes[i]!.entries()) {
      await p.addVote(t).click();
      await expect(p.budget()).toContainText(`${5 - j - 1} of 5`);
    }
  }
  await phones[2]!.page.getByRole('tab', { name: 'Barriers' }).click();
  await phones[2]!.page.getByRole('button', { name: 'Too many sign-offs' }).click();
  await phones[2]!.page.getByRole('button', { name: 'Add barrier' }).click();
  await console.reveal();
  await expect(phones[0]!.page.getByTestId('vote-item').first()).toContainText('in the room');
  await phones[0]!.page.screenshot({ path: shot('phone-prioritise') });
  await expect(projector.page.getByTestId('dim-votes').first()).toBeVisible();
  await projector.page.screenshot({ path: shot('projector-prioritise') });
  await console.page.screenshot({ path: shot('console-prioritise') });

  await console.setPhase('roadmap');
  await console.page.getByTestId('generate').click();
  await expect(console.page.getByTestId('initiative').first()).toBeVisible();
  await phones[0]!.expectPhase('roadmap');
  const first = phones[0]!.page.getByTestId('initiative').first();
  await first.getByRole('button', { name: 'Edit' }).click();
  await first.getByLabel('Owner').fill('Chief Executive');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(console.page.getByTestId('owner').filter({ hasText: 'Chief Executive' })).toHaveCount(1);
  await phones[0]!.page.screenshot({ path: shot('phone-roadmap') });
  await console.page.screenshot({ path: shot('console-roadmap') });
  await projector.page.screenshot({ path: shot('projector-roadmap') });
});
