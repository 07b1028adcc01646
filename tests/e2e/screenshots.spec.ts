/**
 * Writes the README's screenshots to docs/screenshots/ from a realistic session:
 * `npm run screenshots`. Not part of the regular suite (see playwright.config.ts).
 */
import path from 'node:path';
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { putMarker } from '../../shared/doc/private-doc.ts';
import type { CreateWorkshopReply } from '../../shared/schema/protocol.ts';
import { facilitator, join, join as joinByApi, participant } from '../helpers/clients.ts';
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
  leadership: [
    [1, 4],
    [3, 4],
    [5, 5],
  ],
  brand: [
    [2, 4],
    [2, 4],
    [2, 3],
  ],
  conversation: [
    [2, 4],
    [3, 4],
    [3, 5],
  ],
  content: [
    [2, 3],
    [2, 4],
    [1, 3],
  ],
  community: [
    [2, 4],
    [3, 4],
    [2, 4],
  ],
  'ways-of-working': [
    [1, 3],
    [2, 4],
    [2, 3],
  ],
  people: [
    [1, 3],
    [2, 4],
    [1, 4],
  ],
  technology: [
    [2, 3],
    [3, 3],
    [2, 4],
  ],
  insight: [
    [2, 4],
    [2, 4],
    [1, 4],
  ],
  commerce: [
    [1, 2],
    [2, 3],
    [1, 3],
  ],
};

/** The rest of a room of thirty. */
const CROWD = Array.from(
  { length: 27 },
  (_, i) =>
    `${['Sam', 'Priya', 'Tomás', 'Wei', 'Ngozi', 'Ola', 'Jun', 'Maya', 'Ravi'][i % 9]} ${String.fromCharCode(65 + Math.floor(i / 9))}.`,
);

test('screenshots for the README', async ({ cast, baseURL }) => {
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
  // A long room: 27 more people on scripted phones (real connections), 30 in all, as the console must hold at 1440x900.
  const crowd: WorkshopConnection[] = [];
  for (const name of CROWD) crowd.push(participant(baseURL!, reply.code, (await joinByApi(baseURL!, reply.code, name)).token));
  await Promise.all(crowd.map((c) => c.whenSynced()));
  await expect(projector.page.getByTestId('joined-count')).toHaveText('30');
  await projector.page.screenshot({ path: shot('projector-lobby') });
  await console.page.screenshot({ path: shot('console-lobby') });

  await console.setPhase('map');
  for (const [i, p] of phones.entries()) {
    await p.expectPhase('map');
    for (const [text, dim, stage] of CARDS[i]!) await p.addCard(text, dim, stage);
  }
  // Just after adding: the form back at its top, saying which dimension it kept.
  await expect(phones[0]!.page.getByTestId('card-added')).toBeInViewport();
  await phones[0]!.page.screenshot({ path: shot('phone-map-added') });
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
  // The crowd answers most dimensions, like the three phones (each a neighbour's answer), and skips some: the console counts what is short.
  for (const [i, c] of crowd.entries()) {
    for (const [d, [key, answers]] of Object.entries(MARKERS).entries()) {
      if ((i + d) % 5 === 0) continue;
      const [current, target] = answers[(i + d) % 3]!;
      await c.write((doc) => putMarker(doc, key, { current, target }));
    }
  }
  await expect(console.page.getByTestId('answer-count')).toHaveText('30 people · 246 of 300 answers');
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
  await phones[2]!.addBarrier('Too many sign-offs', { dimension: 'Ways of working & business model' });
  await phones[2]!.addBarrier('The agency contract runs to March', { dimension: 'Brand positioning & voice', notBefore: 'Next' });
  await console.reveal();
  // The facilitator ties the barrier to what it holds back; the projector says so.
  await console.tieBarrier('Too many sign-offs', 'Ways of working & business model', 'Next (month 3)');
  await expect(projector.page.getByTestId('barrier-holds').first()).toHaveText(
    'Holds back Ways of working & business model · not before Next',
  );
  const signOffs = phones[2]!.barrier('Too many sign-offs');
  await signOffs.getByRole('button', { name: /^Add a vote/ }).click();
  await expect(signOffs.locator('output')).toHaveText('1');
  // The barrier form filled in, as a person writing one sees it.
  await phones[2]!.page.getByRole('button', { name: 'No time', exact: true }).click();
  await phones[2]!.page.getByLabel(/^Holds back/).selectOption({ label: 'Leadership & ownership' });
  await phones[2]!.page.getByLabel('Barrier', { exact: true }).scrollIntoViewIfNeeded();
  await phones[2]!.page.screenshot({ path: shot('phone-barriers') });
  // The barriers list just under the sticky vote count.
  await signOffs.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 200));
  await phones[2]!.page.screenshot({ path: shot('phone-barrier-votes') });
  await expect(phones[0]!.page.getByTestId('vote-item').first()).toContainText('in the room');
  await phones[0]!.page.screenshot({ path: shot('phone-prioritise') });
  await expect(projector.page.getByTestId('dim-votes').first()).toBeVisible();
  await projector.page.screenshot({ path: shot('projector-prioritise') });
  await console.page.screenshot({ path: shot('console-prioritise') });

  await console.setPhase('roadmap');
  await console.page.getByTestId('generate').click();
  await expect(console.page.getByTestId('initiative').first()).toBeVisible();
  // Leadership is split three ways: its first card claims no starting stage.
  await expect(console.page.getByTestId('from-stage').first()).toHaveText('Not agreed');
  await phones[0]!.expectPhase('roadmap');
  const first = phones[0]!.page.getByTestId('initiative').first();
  await first.getByRole('button', { name: 'Edit' }).click();
  await first.getByLabel('Owner').fill('Chief Executive');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(console.page.getByTestId('owner').filter({ hasText: 'Chief Executive' })).toHaveCount(1);
  // The initiative from its top, under the top bar: what was edited and that it was saved.
  await first.getByRole('button', { name: 'Close' }).click();
  await first.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
  await phones[0]!.page.screenshot({ path: shot('phone-roadmap') });
  await console.page.screenshot({ path: shot('console-roadmap') });
  await projector.page.screenshot({ path: shot('projector-roadmap') });
  for (const c of crowd) c.close();
});

/** Six months on, the same three people answer again: most dimensions moved a stage, Leadership and People did not. */
const LATER: Record<string, [number, number][]> = {
  leadership: [
    [2, 4],
    [2, 4],
    [3, 5],
  ],
  brand: [
    [3, 4],
    [2, 4],
    [3, 4],
  ],
  conversation: [
    [3, 4],
    [4, 4],
    [3, 5],
  ],
  content: [
    [3, 4],
    [3, 4],
    [2, 4],
  ],
  community: [
    [3, 4],
    [3, 4],
    [2, 4],
  ],
  'ways-of-working': [
    [2, 3],
    [2, 4],
    [3, 3],
  ],
  people: [
    [1, 3],
    [2, 4],
    [1, 4],
  ],
  technology: [
    [3, 4],
    [3, 3],
    [3, 4],
  ],
  insight: [
    [3, 4],
    [2, 4],
    [3, 4],
  ],
  commerce: [
    [2, 3],
    [2, 3],
    [1, 3],
  ],
};

/** A session played over the real protocol by scripted phones: markers, votes, a generated roadmap. */
async function playSession(base: string, reply: CreateWorkshopReply, markers: Record<string, [number, number][]>, votes: string[][]) {
  const fac = facilitator(base, reply.code, reply.facilitatorKey);
  const people: WorkshopConnection[] = [];
  for (const name of ['Ada Lovelace', 'Grace Hopper', 'Linus T.'])
    people.push(participant(base, reply.code, (await join(base, reply.code, name)).token));
  await Promise.all([fac, ...people].map((c) => c.whenSynced()));
  const cmd = async (c: Parameters<WorkshopConnection['command']>[0]) => expect((await fac.command(c)).ok).toBe(true);
  await cmd({ type: 'phase:set', phase: 'assess' });
  for (const [key, answers] of Object.entries(markers)) {
    for (const [i, p] of people.entries()) await p.write((d) => putMarker(d, key, { current: answers[i]![0], target: answers[i]![1] }));
  }
  await cmd({ type: 'phase:set', phase: 'prioritise' });
  for (const [i, p] of people.entries()) {
    for (const t of new Set(votes[i]))
      expect((await p.command({ type: 'vote:set', target: t, count: votes[i]!.filter((x) => x === t).length })).ok).toBe(true);
  }
  await cmd({ type: 'phase:set', phase: 'roadmap' });
  await cmd({ type: 'roadmap:generate', apply: true });
  return { fac, people, cmd, close: () => [fac, ...people].forEach((c) => c.close()) };
}

test('screenshots of a re-run: what moved', async ({ cast, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  const first = await cast.create({ privateUntilReveal: false }, 'Leadership offsite: our social strategy');
  const march = await playSession(base, first, MARKERS, [
    ['dim:leadership', 'dim:people'],
    ['dim:conversation', 'dim:leadership'],
    ['dim:people', 'dim:community'],
  ]);
  march.close();
  // Run again from its archive, dated as if the first session had been six months ago.
  const archive = await (
    await fetch(`${base}/api/workshops/${first.code}/archive.json`, { headers: { authorization: `Bearer ${first.facilitatorKey}` } })
  ).json();
  const then = new Date();
  then.setUTCMonth(then.getUTCMonth() - 6);
  archive.workshop.createdAt = then.toISOString();
  const res = await fetch(`${base}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Six months on: our social strategy', organisation: 'Acme Ltd', previous: archive }),
  });
  expect(res.status).toBe(201);
  const again = (await res.json()) as CreateWorkshopReply;
  const autumn = await playSession(base, again, LATER, [
    ['dim:people', 'dim:leadership'],
    ['dim:leadership', 'dim:people'],
    ['dim:insight', 'dim:people'],
  ]);
  const marks: Array<[string, 'done' | 'under-way' | 'stalled' | 'dropped', boolean | null]> = [
    ['leadership:align', 'done', true],
    ['conversation:move', 'done', true],
    ['leadership:move', 'stalled', false],
    ['people:move', 'stalled', null],
    ['brand:move', 'under-way', null],
    ['content:move', 'done', null],
  ];
  for (const [initiativeId, status, benchmarkMet] of marks) await autumn.cmd({ type: 'earlier:mark', initiativeId, status, benchmarkMet });
  await autumn.cmd({ type: 'phase:set', phase: 'assess' });

  const console = await cast.console(again);
  const panel = console.page.getByTestId('what-moved');
  await expect(panel.getByTestId('moved-row')).toHaveCount(10);
  // The panel at the top of the console's canvas column, as a facilitator scrolling to it sees it.
  await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await console.page.screenshot({ path: shot('console-what-moved') });
  const projector = await cast.projector(again.code);
  await projector.page.setViewportSize({ width: 1920, height: 1080 });
  await panel.getByTestId('what-moved-show').check();
  await expect(projector.page.getByTestId('what-moved').getByTestId('moved-row')).toHaveCount(10);
  await projector.page.screenshot({ path: shot('projector-what-moved') });
  autumn.close();
});
