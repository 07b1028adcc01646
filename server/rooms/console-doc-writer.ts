/**
 * The `console` document, which only facilitator connections receive (its layout:
 * shared/doc/room-doc.ts): cards not revealed yet, without their author, the people list
 * under participant ids, so the facilitator can remove someone, cards set aside (to restore),
 * and who volunteered to own each initiative (to confirm one).
 */
import type * as Y from 'yjs';
import { CONSOLE, type ConsolePerson, type ConsoleVolunteer, type PackedCard } from '../../shared/doc/room-doc.ts';
import { nothingToWrite, same, syncMap, writeCards, type CardsUpdate } from './doc-sync.ts';
import type { PersonFigures } from './figures.ts';
import type { LedgerParticipant } from './ledger.ts';

/** What to write into the console document. */
export interface ConsoleDocWrite {
  cards: CardsUpdate;
  /** The set-aside list. */
  aside: CardsUpdate;
  /** Who volunteered for each initiative (initiative id -> names with participant ids), when it may have moved. */
  volunteers?: Map<string, ConsoleVolunteer[]>;
  /** A present participant's entry in the people list. */
  personOf: (pid: string) => ConsolePerson;
  /** Every present participant, in room order, when the list itself may have moved; else undefined. */
  everyone?: string[];
  /** People whose own entry may have moved when the list did not (their counts, in a named workshop). */
  recounted: string[];
}

/**
 * A participant as the console lists them. In a named workshop, also how many dimensions they
 * answered and cards they wrote (`figures`: what they add to the room's figures, if present).
 */
export function consolePerson(p: LedgerParticipant, named: boolean, figures: PersonFigures | undefined): ConsolePerson {
  const entry: ConsolePerson = { name: p.name, joinedAt: p.joinedAt, removed: false };
  if (named) {
    entry.answered = figures?.markers.length ?? 0;
    entry.cards = figures?.written ?? 0;
  }
  return entry;
}

/** Writes what moved in one transaction; none at all when nothing the console shows moved (a transaction costs even empty). */
export function writeConsoleDoc(cons: Y.Doc, w: ConsoleDocWrite): void {
  const peopleMap = cons.getMap<ConsolePerson>(CONSOLE.people);
  const personWrites: Array<[string, ConsolePerson]> = [];
  if (!w.everyone) {
    for (const pid of w.recounted) {
      const entry = w.personOf(pid);
      if (!same(peopleMap.get(pid), entry)) personWrites.push([pid, entry]);
    }
  }
  if (!w.everyone && !personWrites.length && nothingToWrite(w.cards) && nothingToWrite(w.aside) && !w.volunteers) return;
  cons.transact(() => {
    writeCards(cons.getMap<PackedCard>(CONSOLE.cards), w.cards);
    writeCards(cons.getMap<PackedCard>(CONSOLE.aside), w.aside);
    if (w.volunteers) syncMap(cons.getMap<ConsoleVolunteer[]>(CONSOLE.volunteers), w.volunteers);
    if (w.everyone) {
      const people = new Map<string, ConsolePerson>();
      for (const pid of w.everyone) people.set(pid, w.personOf(pid));
      syncMap(peopleMap, people);
    } else {
      for (const [pid, entry] of personWrites) peopleMap.set(pid, entry);
    }
  });
}
