/**
 * Owners, in the room: in the Roadmap phase a phone says "I'll take this" for an initiative
 * (or takes it back), and the facilitator confirms one owner (a volunteer, or the name the
 * roadmap already holds) or clears it. A confirmed owner is stored on the initiative
 * (`owner`, `ownerConfirmed`) and kept through regeneration like any edit.
 *
 * In an anonymous workshop no name reaches the roadmap unless its owner or the facilitator
 * put it there: a participant may not type an owner (they volunteer instead, and their phone
 * says their name will show), and only the console sees who volunteered.
 */
import { AppError } from '../../shared/domain/errors.ts';
import { readPhase } from '../../shared/doc/meta-doc.ts';
import { readRoadmap, writeRoadmap } from '../../shared/doc/roadmap-doc.ts';
import type { Roadmap } from '../../shared/domain/types.ts';
import { applyInitiativeEdit } from '../../shared/roadmap/index.ts';
import { ledgerMaps, ownedKey } from './ledger.ts';
import { serverWrite, type RoomState } from './room-state.ts';

/** What a command did, as commands.ts reads it (declared here too: commands.ts imports this file). */
type CommandResult = { changed: boolean; roadmap?: boolean };

function roadmapWith(state: RoomState, initiativeId: string): Roadmap {
  const roadmap = readRoadmap(state.ledger);
  if (!roadmap) throw new AppError('NOT_FOUND', 'There is no roadmap yet.');
  if (!roadmap.initiatives.some((i) => i.id === initiativeId)) throw new AppError('UNKNOWN_ITEM', 'The roadmap has no such initiative.');
  return roadmap;
}

export function volunteer(
  state: RoomState,
  participantId: string | null,
  initiativeId: string,
  offer: boolean,
  now: number,
): CommandResult {
  if (!participantId) throw new AppError('FORBIDDEN', 'Only a participant can volunteer.');
  if (readPhase(state.ledger) !== 'roadmap')
    throw new AppError('CONFLICT', 'You can volunteer once the roadmap is open, in the Roadmap phase.');
  roadmapWith(state, initiativeId);
  const volunteers = ledgerMaps(state.ledger).volunteers;
  const key = ownedKey(participantId, initiativeId);
  if (volunteers.has(key) === offer) return { changed: false };
  if (offer) volunteers.set(key, now);
  else volunteers.delete(key);
  // The phone's own record, so it shows "You offered" on every screen of that person.
  serverWrite(state.privateDoc(participantId), (m) => (offer ? m.offers.set(initiativeId, 1) : m.offers.delete(initiativeId)));
  return { changed: true };
}

/** Confirms a volunteer as the owner (their name), or without `participantId` the owner the initiative already names. */
export function confirmOwner(state: RoomState, initiativeId: string, participantId: string | undefined): CommandResult {
  const roadmap = roadmapWith(state, initiativeId);
  let owner = roadmap.initiatives.find((i) => i.id === initiativeId)!.owner;
  if (participantId !== undefined) {
    if (!state.present(participantId) || !ledgerMaps(state.ledger).volunteers.has(ownedKey(participantId, initiativeId))) {
      throw new AppError('UNKNOWN_ITEM', 'That person has not volunteered for this initiative.');
    }
    owner = state.participant(participantId)!.name;
  }
  if (!owner.trim()) throw new AppError('INVALID_VALUE', 'There is no owner to confirm: confirm a volunteer, or type a name first.');
  const edited = applyInitiativeEdit(roadmap, initiativeId, { owner });
  writeRoadmap(state.ledger, {
    ...edited,
    initiatives: edited.initiatives.map((i) => (i.id === initiativeId ? { ...i, ownerConfirmed: true } : i)),
  });
  return { changed: true, roadmap: true };
}

/** No owner, not confirmed; whoever volunteered stays listed, so the facilitator can confirm another. */
export function clearOwner(state: RoomState, initiativeId: string): CommandResult {
  const roadmap = roadmapWith(state, initiativeId);
  writeRoadmap(state.ledger, applyInitiativeEdit(roadmap, initiativeId, { owner: '' }));
  return { changed: true, roadmap: true };
}

/** In an anonymous workshop only the facilitator types an owner's name; a participant volunteers instead. */
export function checkOwnerEdit(state: RoomState, actor: { role: string }, owner: string): void {
  if (actor.role !== 'facilitator' && owner.trim() && state.settings().anonymous) {
    throw new AppError(
      'FORBIDDEN',
      'In an anonymous workshop, use "I\'ll take this": only you or the facilitator can put a name on the roadmap.',
    );
  }
}
