/**
 * The privacy promise in real browsers, as the wire carries it: every WebSocket
 * frame a phone and the projector (opened from its own link on another device)
 * receive, in an anonymous workshop with answers private until the reveal.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** Collects the payload of every WebSocket frame the page receives, as text (binary frames decoded as UTF-8). */
function record(page: Page): () => string {
  const frames: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8')));
  });
  return () => frames.join('\n');
}

test('no frame a phone or the projector receives carries another person’s unrevealed card or, when anonymous, anyone’s name', async ({
  cast,
}) => {
  const reply = await cast.create({ anonymous: true, privateUntilReveal: true });
  const [a, b] = [await cast.phone(), await cast.phone()];
  const seenByB = record(b.page);
  const projector = await cast.projectorLink(reply.boardUrl);
  const seenByProjector = record(projector.page);
  // Recording starts with the page: reload so the projector's own socket is captured from its first frame.
  await projector.page.reload();
  const console = await cast.console(reply);
  await a.join(reply.code, 'Ada Lovelace');
  await b.join(reply.code, 'Grace Hopper');
  await console.setPhase('map');
  await a.expectPhase('map');
  await a.addCard('Our agency writes every post secretly', 'Brand positioning & voice', 2);
  await b.addCard('Complaints wait a week', 'Conversation & inbound communication', 1);
  await expect(projector.page.getByTestId('hidden-cards')).toContainText('2 cards from 2 people');
  await b.expectSynced();
  for (const seen of [seenByB(), seenByProjector()]) {
    expect(seen).not.toContain('Our agency writes every post secretly');
    expect(seen).not.toContain('Ada Lovelace');
  }
  expect(seenByProjector()).not.toContain('Grace Hopper');
  expect(seenByProjector()).not.toContain(reply.facilitatorKey);

  await console.reveal();
  await expect(projector.card('Our agency writes every post secretly')).toHaveCount(1);
  await expect(b.roomCards().filter({ hasText: 'Our agency writes' })).toHaveCount(1);
  // Revealed: the text arrives, the name still never does.
  expect(seenByB()).toContain('Our agency writes every post secretly');
  for (const seen of [seenByB(), seenByProjector()]) expect(seen).not.toContain('Ada Lovelace');
});

test('a projector link opens the board on another device, and a new link from the console retires the old one', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const projector = await cast.projectorLink(reply.boardUrl);
  const phone = await cast.phone();
  await phone.join(reply.code, 'Ada');
  await expect(projector.page.getByTestId('joined-count')).toHaveText('1');
  const console = await cast.console(reply);
  await console.rotateProjectorLink();
  await expect(projector.page.getByTestId('rotated')).toBeVisible();
  await projector.page.reload();
  await expect(projector.page.getByTestId('refused')).toContainText('projector link is no longer valid');
});

test('a card the server refuses keeps its text on the phone, with the reason', async ({ cast }) => {
  const reply = await cast.create({ privateUntilReveal: false });
  const console = await cast.console(reply);
  const phone = await cast.phone();
  await phone.join(reply.code, 'Ada');
  await console.setPhase('map');
  await phone.expectPhase('map');
  await phone.expectSynced();
  // Offline, the phone does not learn that the facilitator locks the board: it keeps the card to send later.
  await phone.context.setOffline(true);
  await expect(phone.sync()).toContainText('Offline');
  await console.page.getByTestId('lock').click();
  await expect(console.page.getByTestId('lock')).toHaveAttribute('aria-pressed', 'true');
  await phone.page.getByLabel('How do we work today?').fill('Written while the board was locked');
  await phone.page.getByLabel('Dimension', { exact: true }).selectOption({ label: 'Brand positioning & voice' });
  await phone.page.locator('label:has(> input[name="card-stage"][value="2"])').click();
  await phone.page.getByRole('button', { name: 'Add card' }).click();
  await phone.context.setOffline(false);
  // Back online the server refuses it: the phone says so and keeps the words.
  const lost = phone.page.getByTestId('lost-cards');
  await expect(lost).toContainText('Written while the board was locked');
  await expect(lost).toContainText('locked');
  await expect(phone.myCards()).toHaveCount(0);
  await lost.getByRole('button', { name: 'Put back in the form' }).click();
  await expect(phone.page.getByLabel('How do we work today?')).toHaveValue('Written while the board was locked');
  await expect(lost).toHaveCount(0);
});
