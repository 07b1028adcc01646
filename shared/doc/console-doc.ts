/**
 * What only the console reads from its own document: the cards set aside and who
 * volunteered for which initiative. A file apart from room-doc.ts because a
 * module's every export rides in whichever chunk holds it, and room-doc.ts is in
 * the chunk the phone loads.
 */
import type * as Y from 'yjs';
import { CONSOLE, unpackCard, type ConsoleVolunteer, type PackedCard } from './room-doc.ts';
import type { PublicCardValue } from '../domain/types.ts';

/**
 * The console's set-aside list, in display order (no author: moderation is about the line, not
 * the person). Read by the console alone (client/lib/console.svelte.ts), not by readRoomBoard.
 */
export function readAside(cons: Y.Doc): Array<PublicCardValue & { id: string }> {
  const out: Array<PublicCardValue & { id: string }> = [];
  cons.getMap<PackedCard>(CONSOLE.aside).forEach((packed, id) => {
    const value = unpackCard(packed);
    if (value) out.push({ ...value, id });
  });
  return out.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** Who volunteered, by initiative id. */
export function readVolunteers(cons: Y.Doc): Record<string, ConsoleVolunteer[]> {
  const out: Record<string, ConsoleVolunteer[]> = {};
  cons.getMap<ConsoleVolunteer[]>(CONSOLE.volunteers).forEach((list, id) => {
    if (Array.isArray(list)) out[id] = list;
  });
  return out;
}
