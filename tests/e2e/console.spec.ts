/**
 * The facilitator console in a real session (issue 11, points 5, 7 and 9; issue 10 on the
 * console): answers counted as people × dimensions, what moving on reveals, the controls of
 * a room of thirty, barriers tied to what they hold back, and who the organisation serves.
 * The console and the projector are browsers; the people in the room are scripted phones
 * (real participant connections over the real protocol), because the console is the subject.
 */
import type { WorkshopConnection } from '../../client/lib/connection.ts';
import { putCard, putMarker } from '../../shared/doc/private-doc.ts';
import { cardTarget } from '../../shared/rules/votes.ts';
import type { CreateWorkshopReply } from '../../shared/schema/protocol.ts';
import { closeAll, join, participant } from '../helpers/clients.ts';
import { test, expect } from './fixtures.ts';
import type { ConsolePage } from './pages/ConsolePage.ts';

const DIMENSIONS = [
  'leadership',
  'brand',
  'conversation',
  'content',
  'community',
  'ways-of-working',
  'people',
  'technology',
  'insight',
  'commerce',
];

/** People who joined through the API, each holding a real participant connection. */
async function people(base: string, reply: CreateWorkshopReply, names: string[]): Promise<WorkshopConnection[]> {
  const out: WorkshopConnection[] = [];
  for (const name of names) out.push(participant(base, reply.code, (await join(base, reply.code, name)).token));
  await Promise.all(out.map((c) => c.whenSynced()));
  return out;
}

async function answer(p: WorkshopConnection, dims: string[], current = 2, target = 4): Promise<void> {
  for (const d of dims) expect((await p.write((doc) => putMarker(doc, d, { current, target }))).ok).toBe(true);
}

async function write(
  p: WorkshopConnection,
  id: string,
  kind: 'practice' | 'barrier',
  text: string,
  dimension: string | null,
): Promise<void> {
  const r = await p.write((doc) =>
    putCard(doc, id, { kind, text, dimension, stage: kind === 'practice' ? 2 : null, createdAt: Date.now() }),
  );
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

const side = (c: ConsolePage) => c.page.getByRole('complementary', { name: 'Facilitator controls' });

test('answers are counted as people × dimensions, and the console names the dimensions short of answers', async ({
  cast,
  baseURL,
}, testInfo) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const [ana, ben, cy] = await people(baseURL!, reply, ['Ana', 'Ben', 'Cy']);
  await console.setPhase('assess');
  await answer(ana!, DIMENSIONS);
  await answer(ben!, DIMENSIONS.slice(0, 8));
  await answer(cy!, ['leadership']);

  // Not "3 of 3 people answered": 10 + 8 + 1 answers of the 30 the room could give.
  await expect(console.answerCount()).toHaveText('3 people · 19 of 30 answers');
  const short = console.shortDimensions();
  await expect(short).toContainText('9 dimensions short of answers');
  // Fewest answers first.
  await expect(short).toContainText('Insight & measurement 1 of 3, Commerce & value exchange 1 of 3, Brand positioning & voice 2 of 3');
  await expect(short).not.toContainText('Leadership');
  // The rows say it too: a short row's count is marked, a full one is not.
  const row = (key: string) => console.page.locator(`[data-testid="canvas-row"][data-dimension="${key}"]`).getByTestId('answers');
  await expect(row('commerce')).toHaveAttribute('data-short', 'true');
  await expect(row('commerce')).toHaveAttribute('title', '1 of 3 people answered');
  await expect(row('leadership')).toHaveAttribute('data-short', 'false');
  await console.page.screenshot({ path: testInfo.outputPath('console-answer-count.png') });

  // Everyone answers everything: nothing is short any more.
  await answer(ben!, DIMENSIONS.slice(8));
  await answer(cy!, DIMENSIONS.slice(1));
  await expect(console.answerCount()).toHaveText('3 people · 30 of 30 answers');
  await expect(short).toHaveCount(0);
  closeAll(ana, ben, cy);
});

test('the console says what moving on reveals, and the phase stepper shows each phase hidden or revealed', async ({
  cast,
  baseURL,
}, testInfo) => {
  const reply = await cast.create({ privateUntilReveal: true });
  const console = await cast.console(reply);
  const [ana, ben] = await people(baseURL!, reply, ['Ana', 'Ben']);
  const state = (p: string) => console.phaseState(p);
  const says = console.moveReveals();

  await console.setPhase('map');
  await expect(state('map')).toHaveText('hidden');
  await expect(state('assess')).toHaveText('hidden');
  await expect(state('lobby')).toHaveCount(0);
  await write(ana!, 'c1', 'practice', 'Our agency runs the account', 'brand');
  await write(ben!, 'c1', 'practice', 'The CEO never posts', 'leadership');
  await write(ben!, 'c2', 'practice', 'Replies need two sign-offs', 'ways-of-working');
  await expect(says).toHaveText('Moving to Assess reveals 3 cards to everyone.');
  // Any phase further on says it too, before it is pressed.
  await expect(console.page.getByTestId('phase-roadmap')).toHaveAttribute('title', 'Moving to Roadmap reveals 3 cards to everyone.');
  await console.page.screenshot({ path: testInfo.outputPath('console-move-reveals.png') });

  // Revealing first: the stepper says so, and moving on has nothing left to reveal.
  await console.reveal();
  await expect(state('map')).toHaveText('revealed');
  await expect(says).toHaveCount(0);

  await console.setPhase('assess');
  await expect(state('assess')).toHaveText('hidden');
  await answer(ana!, ['brand', 'people']);
  await answer(ben!, ['brand']);
  await expect(says).toHaveText('Moving to Prioritise reveals the answers of 2 people to everyone.');
  // Moving on without the reveal opens them, as it said.
  await console.setPhase('prioritise');
  await expect(state('assess')).toHaveText('revealed');
  await expect(state('prioritise')).toHaveText('hidden');
  await write(ana!, 'b1', 'barrier', 'No time before the merger', null);
  await expect(says).toHaveText('Moving to Roadmap reveals 1 barrier to everyone.');
  closeAll(ana, ben);
});

test('a room of thirty at 1440x900: phases, reveal and settings stay in view, and the people list scrolls on its own', async ({
  cast,
  baseURL,
}, testInfo) => {
  const reply = await cast.create({ privateUntilReveal: true });
  const names = Array.from({ length: 30 }, (_, i) => `Person ${String(i + 1).padStart(2, '0')}`);
  for (const name of names) await join(baseURL!, reply.code, name);
  const console = await cast.console(reply);
  await expect(console.page.getByTestId('people-count')).toContainText('30 joined');
  await console.setPhase('map');

  const controls = [
    console.page.getByRole('button', { name: /^Next: Assess/ }),
    console.page.getByTestId('reveal'),
    console.page.getByTestId('lock'),
    console.page.getByLabel('Votes per person'),
    console.page.getByLabel(/^Who the organisation serves/),
    console.page.getByTestId('people-count'),
  ];
  const inView = async () => {
    for (const c of controls) await expect(c).toBeInViewport({ ratio: 1 });
  };
  await inView();
  // Nothing had to scroll to get there: the controls column starts at its top, and the page itself never scrolls.
  expect(await side(console).evaluate((el) => el.scrollTop)).toBe(0);
  expect(await console.page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
  await console.page.screenshot({ path: testInfo.outputPath('console-thirty.png') });

  // Scrolling the canvas to its end leaves the phases and the controls where they were.
  const main = console.page.locator('main.main');
  await main.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => main.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await inView();
  // Thirty names wait in a drawer, closed, with the count on it; opened, they scroll in their
  // own region, and the phases stay where they were.
  const drawer = console.page.getByTestId('people-drawer');
  await expect(drawer).not.toHaveAttribute('open');
  await drawer.locator('summary').click();
  await expect(drawer).toHaveAttribute('open');
  const list = console.page.getByTestId('participants');
  expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight + 50)).toBe(true);
  const last = console.participants().filter({ hasText: 'Person 30' });
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await expect(controls[0]!).toBeInViewport({ ratio: 1 });
  await console.page.screenshot({ path: testInfo.outputPath('console-thirty-people-open.png') });
});

test('the facilitator ties a barrier to a dimension and a horizon; the projector shows what it holds back, and no name', async ({
  cast,
  baseURL,
}, testInfo) => {
  const reply = await cast.create({ privateUntilReveal: false, anonymous: true });
  const console = await cast.console(reply);
  const projector = await cast.projectorLink(reply.boardUrl);
  const [ana] = await people(baseURL!, reply, ['Ana Author']);
  await console.setPhase('prioritise');
  await write(ana!, 'b1', 'barrier', 'The platform contract runs to March', null);

  const barrier = console.barrier('The platform contract runs to March');
  await expect(barrier).toBeVisible();
  await expect(barrier.getByTestId('barrier-dimension')).toHaveValue('');
  await console.tieBarrier('The platform contract runs to March', 'Technology & data', 'Next (month 3)');
  await expect(barrier.getByTestId('barrier-dimension')).toHaveValue('technology');
  await expect(barrier.getByTestId('barrier-not-before')).toHaveValue('next');
  // The console knows the text, never who wrote it in an anonymous workshop.
  await expect(console.page.getByTestId('console-barriers')).not.toContainText('Ana');
  await console.page.screenshot({ path: testInfo.outputPath('console-barrier-tied.png') });

  const shown = projector.page.getByTestId('projector-barrier').filter({ hasText: 'The platform contract runs to March' });
  await expect(shown.getByTestId('barrier-holds')).toHaveText('Holds back Technology & data · not before Next');
  await expect(shown).not.toContainText('Ana');
  await projector.page.screenshot({ path: testInfo.outputPath('projector-barrier-tied.png') });

  // Back to the whole plan: the projector drops the dimension and keeps the horizon.
  await console.tieBarrier('The platform contract runs to March', 'The whole plan');
  await expect(shown.getByTestId('barrier-holds')).toHaveText('Not before Next');

  // The plan follows: the export's barrier list says when the work it holds back may start.
  await console.setPhase('export');
  await expect(console.exportPanel().getByTestId('export-preview')).toContainText(
    'The platform contract runs to March (general, not before Next)',
  );
  closeAll(ana);
});

test('the console and the projector list barriers in one order: most votes first, then the oldest first', async ({ cast, baseURL }) => {
  // The projector used to put the newest of tied barriers first, the console the oldest; both follow
  // byVotesThenAge (shared/rules/votes.ts) now, as the roadmap and the export do.
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const projector = await cast.projectorLink(reply.boardUrl);
  const [ana] = await people(baseURL!, reply, ['Ana']);
  await console.setPhase('prioritise');
  // A named workshop orders cards by when they were written.
  const t0 = Date.now();
  for (const [i, text] of ['No budget', 'No time', 'Too many sign-offs'].entries()) {
    expect(
      (await ana!.write((doc) => putCard(doc, `b${i}`, { kind: 'barrier', text, dimension: null, stage: null, createdAt: t0 + i * 1000 })))
        .ok,
    ).toBe(true);
  }
  const lists = [console.page.getByTestId('console-barrier'), projector.page.getByTestId('projector-barrier')];
  for (const list of lists) await expect(list).toHaveText([/No budget/, /No time/, /Too many sign-offs/]);

  const newest = await console.barrier('Too many sign-offs').getAttribute('data-card');
  expect((await ana!.command({ type: 'vote:set', target: cardTarget(newest!), count: 1 })).ok).toBe(true);
  for (const list of lists) await expect(list).toHaveText([/Too many sign-offs/, /No budget/, /No time/]);
  closeAll(ana);
});

test('who the organisation serves, set in the console, is how the exported roadmap speaks', async ({ cast, baseURL }) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const room = await people(baseURL!, reply, ['Ana', 'Ben', 'Cy']);
  await console.setPhase('assess');
  for (const p of room) await answer(p, DIMENSIONS, 1, 4);

  await console.setPhase('export');
  const preview = console.exportPanel().getByTestId('export-preview');
  await expect(preview).toContainText('customers');
  await expect(preview).not.toContainText('patients');

  await expect(console.serves()).toHaveValue('customers');
  await console.setServes('patients');
  // The settings went round the server: a fresh console shows them too.
  await console.page.reload();
  await expect(console.serves()).toHaveValue('patients');
  await expect(preview).toContainText('patients');
  await expect(preview).not.toContainText('customers');

  // Typed in, beyond the suggestions.
  await console.setServes('donors and volunteers');
  await console.setPhase('roadmap');
  await console.setPhase('export');
  await expect(preview).toContainText('donors and volunteers');
  closeAll(...room);
});

test('a tie the server does not take goes back to what is stored, and says why', async ({ cast, baseURL }) => {
  const reply = await cast.create({ privateUntilReveal: false, anonymous: true });
  const console = await cast.console(reply);
  const [ana] = await people(baseURL!, reply, ['Ana Author']);
  await console.setPhase('prioritise');
  await write(ana!, 'b1', 'barrier', 'The agency owns our voice', 'brand');
  const barrier = console.barrier('The agency owns our voice');
  const dimension = barrier.getByTestId('barrier-dimension');
  await expect(dimension).toHaveValue('brand');

  // The venue Wi-Fi drops: the tie cannot reach the server.
  await console.page.context().setOffline(true);
  await expect(console.page.getByTestId('sync')).toHaveAttribute('data-status', 'offline');
  await dimension.selectOption({ label: 'Technology & data' });
  await expect(barrier.getByTestId('barrier-refused')).toContainText(/^Not saved: .*offline/i);
  await expect(dimension).toHaveValue('brand');
  await barrier.getByTestId('barrier-not-before').selectOption({ label: 'Next (month 3)' });
  await expect(barrier.getByTestId('barrier-not-before')).toHaveValue('');

  // Back online, the same choice is saved and the reason goes.
  await console.page.context().setOffline(false);
  await expect(console.page.getByTestId('sync')).toHaveAttribute('data-status', 'online');
  await console.tieBarrier('The agency owns our voice', 'Technology & data');
  await expect(barrier.getByTestId('barrier-refused')).toHaveCount(0);
  await console.page.reload();
  await expect(console.barrier('The agency owns our voice').getByTestId('barrier-dimension')).toHaveValue('technology');
  closeAll(ana);
});
