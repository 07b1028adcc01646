/**
 * Moderation: the facilitator sets a card aside (spam, a test string, an offensive line) or
 * brings it back. The card is not deleted: it stays in its author's own document, marked so
 * their phone can say why the room no longer sees it. Everything else follows from the
 * ledger's `aside` entry: the projection leaves it out of every screen but the console's
 * set-aside list, votes on it stop counting, and RoomState.fullBoard leaves it out of every
 * roadmap and export.
 */
import { AppError } from '../../shared/domain/errors.ts';
import { dayOf } from '../../shared/domain/months.ts';
import { readRoadmap, writeRoadmap } from '../../shared/doc/roadmap-doc.ts';
import { generateRoadmap, mergeRoadmap } from '../../shared/roadmap/index.ts';
import { ledgerMaps } from './ledger.ts';
import { serverWrite, type RoomState } from './room-state.ts';

/** What a command did, as commands.ts reads it (declared here too: commands.ts imports this file). */
type CommandResult = { changed: boolean; roadmap?: boolean };

export function setAside(state: RoomState, cardId: string, aside: boolean, now: number): CommandResult {
  const card = state.card(cardId);
  if (!card || !state.present(card.participantId)) throw new AppError('NOT_FOUND', 'No card with that id.');
  const entries = ledgerMaps(state.ledger).aside;
  if (entries.has(cardId) === aside) return { changed: false };
  if (aside) entries.set(cardId, now);
  else entries.delete(cardId);
  serverWrite(state.privateDoc(card.participantId), (m) => (aside ? m.aside.set(card.cardId, 1) : m.aside.delete(card.cardId)));
  // A roadmap already written may quote the card: it is generated again now (the room's edits
  // kept), or every screen and the export would go on quoting it. A restored card comes back
  // into the roadmap at the facilitator's next Generate, as any new card does.
  const roadmap = readRoadmap(state.ledger);
  if (!aside || !roadmap || !mentions(roadmap, cardId, card.value.text)) return { changed: true };
  // The plan keeps the start it was generated with.
  writeRoadmap(state.ledger, mergeRoadmap(roadmap, generateRoadmap(state.fullBoard(), roadmap.start ?? dayOf(now))).roadmap);
  return { changed: true, roadmap: true };
}

/** Whether the roadmap refers to the card (by id) or quotes its text anywhere. */
function mentions(roadmap: unknown, cardId: string, text: string): boolean {
  const json = JSON.stringify(roadmap);
  return json.includes(cardId) || json.includes(JSON.stringify(text).slice(1, -1));
}
