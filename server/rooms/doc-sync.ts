/**
 * Writing only differences into the derived documents: every write to the room document goes
 * to every screen in the room, so a map is made to hold what it should by touching only the
 * keys that differ, and a card map from the people who changed alone.
 */
import { isDeepStrictEqual } from 'node:util';
import type * as Y from 'yjs';
import type { PackedCard } from '../../shared/doc/room-doc.ts';

/** Equal plain values (what a Y.Map holds): structure, not key order. */
export const same = (a: unknown, b: unknown): boolean => a === b || isDeepStrictEqual(a, b);

/** Makes `map` hold exactly `desired`, writing entries that differ and deleting the rest; new keys in `insertOrder`. */
export function syncMap<V>(map: Y.Map<V>, desired: Map<string, V>, insertOrder?: (a: [string, V], b: [string, V]) => number): void {
  for (const key of [...map.keys()]) if (!desired.has(key)) map.delete(key);
  const added: [string, V][] = [];
  for (const [key, value] of desired) {
    if (!map.has(key)) added.push([key, value]);
    else if (!same(map.get(key), value)) map.set(key, value);
  }
  if (insertOrder) added.sort(insertOrder);
  for (const [key, value] of added) map.set(key, value);
}

/** Display order, then id: new cards enter a card map in the order screens show them. */
export const byOrder = (a: [string, PackedCard], b: [string, PackedCard]): number => a[1].o - b[1].o || (a[0] < b[0] ? -1 : 1);

/** A write to a card map: a value to set, or null to delete the key. */
export type CardWrite = [string, PackedCard | null];

/** A card map's next state: every card it should hold (a full pass), or the writes that take it there. */
export type CardsUpdate = { all: Map<string, PackedCard> } | { writes: CardWrite[] };

/** Whether applying `update` would leave the map as it is. */
export const nothingToWrite = (update: CardsUpdate): boolean => 'writes' in update && update.writes.length === 0;

export function writeCards(map: Y.Map<PackedCard>, update: CardsUpdate): void {
  if ('all' in update) {
    syncMap(map, update.all, byOrder);
    return;
  }
  for (const [id, value] of update.writes) {
    if (value === null) map.delete(id);
    else map.set(id, value);
  }
}

/** A card map of the derived documents: the room's cards, the console's unrevealed ones, the console's set-aside list. */
export type CardMapName = 'room' | 'console' | 'aside';

/** Each person's cards in each card map, by public id. */
type CardsByPerson = ReadonlyMap<string, Readonly<Record<CardMapName, Map<string, PackedCard>>>>;

/** Every card of one card map, person after person in `people`'s order. */
export function allCards(people: CardsByPerson, which: CardMapName): Map<string, PackedCard> {
  const out = new Map<string, PackedCard>();
  for (const p of people.values()) for (const [id, v] of p[which]) out.set(id, v);
  return out;
}

/**
 * What `syncMap` would write to a card map, from the people who changed alone (`touched`: gone
 * or recomputed): the same deletions, the same updates in the same order (people in room order,
 * cards in their document's order) and the same additions in display order. The map holds
 * exactly the cards of `before`, so comparing with those is comparing with the map.
 */
export function cardWrites(
  touched: string[],
  presentIds: string[],
  before: CardsByPerson,
  after: CardsByPerson,
  which: CardMapName,
): CardWrite[] {
  const writes: CardWrite[] = [];
  if (!touched.length) return writes;
  const added: [string, PackedCard][] = [];
  // Updates in the order a full pass meets them: by person as the room lists them.
  const touchedSet = new Set(touched);
  const order =
    touched.length === 1 ? (after.has(touched[0]!) ? touched : []) : presentIds.filter((pid) => touchedSet.has(pid) && after.has(pid));
  for (const pid of touched) {
    const was = before.get(pid)?.[which];
    const now = after.get(pid)?.[which];
    if (was) for (const id of was.keys()) if (!now?.has(id)) writes.push([id, null]);
  }
  for (const pid of order) {
    const was = before.get(pid)?.[which];
    for (const [id, value] of after.get(pid)![which]) {
      const old = was?.get(id);
      if (old === undefined) added.push([id, value]);
      else if (!same(old, value)) writes.push([id, value]);
    }
  }
  added.sort(byOrder);
  for (const a of added) writes.push(a);
  return writes;
}
