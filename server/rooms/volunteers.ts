/**
 * Owners in the room: who said "I'll take this" for which initiative, as the console lists it
 * (names with participant ids, so the facilitator can confirm one). Only people still in the
 * room, and only initiatives the roadmap still has. Never in the room document: a name reaches
 * the other screens only once the facilitator confirms it as the initiative's owner.
 */
import type * as Y from 'yjs';
import type { ConsoleVolunteer } from '../../shared/doc/room-doc.ts';
import { readRoadmap } from '../../shared/doc/roadmap-doc.ts';
import { ledgerMaps, volunteersByInitiative } from './ledger.ts';

export function consoleVolunteers(ledger: Y.Doc, present: ReadonlySet<string>): Map<string, ConsoleVolunteer[]> {
  const ids = new Set(readRoadmap(ledger)?.initiatives.map((i) => i.id) ?? []);
  const participants = ledgerMaps(ledger).participants;
  const out = new Map<string, ConsoleVolunteer[]>();
  for (const [initiativeId, pids] of volunteersByInitiative(ledger)) {
    if (!ids.has(initiativeId)) continue;
    const list = pids.filter((pid) => present.has(pid)).map((pid) => ({ participantId: pid, name: participants.get(pid)?.name ?? '' }));
    if (list.length) out.set(initiativeId, list);
  }
  return out;
}
