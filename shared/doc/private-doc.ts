/**
 * A participant's own document: synced only between that person's phone(s) and
 * the server, so what they write before the reveal never reaches anyone else.
 * The phone writes its cards and markers directly (offline edits merge on
 * reconnect); the server checks every change (server/rooms/validate-update.ts)
 * and writes the parts only it may: the person's votes, the public id each card
 * goes by once revealed, and which Yjs client ids are its own.
 *
 * Root maps (plain JSON values, no nested types):
 * - `cards`: card id -> CardValue. The phone; the server too when the facilitator moves a card.
 * - `markers`: dimension key -> MarkerValue. The phone.
 * - `votes`: vote target -> count. The server.
 * - `public`: card id -> the card's public id. The server.
 * - `clients`: Yjs client id -> "@server". The server, so no phone writes as it.
 * - `offers`: initiative id -> 1, where this person said "I'll take this". The server.
 * - `aside`: card id -> 1, own cards the facilitator set aside (only this person still sees them). The server.
 */
import type * as Y from 'yjs';
import type { CardValue, MarkerValue } from '../domain/types.ts';

export const PRIVATE = {
  cards: 'cards',
  markers: 'markers',
  votes: 'votes',
  public: 'public',
  clients: 'clients',
  offers: 'offers',
  aside: 'aside',
} as const;

/** Roots a phone may write in its own document. */
export const PHONE_WRITABLE_ROOTS: ReadonlySet<string> = new Set([PRIVATE.cards, PRIVATE.markers]);

export const SERVER_CLIENT = '@server';

export { CARD_ID, DIMENSION_KEY } from '../domain/limits.ts';

const openMaps = (doc: Y.Doc) => ({
  cards: doc.getMap<CardValue>(PRIVATE.cards),
  markers: doc.getMap<MarkerValue>(PRIVATE.markers),
  votes: doc.getMap<number>(PRIVATE.votes),
  public: doc.getMap<string>(PRIVATE.public),
  clients: doc.getMap<string>(PRIVATE.clients),
  offers: doc.getMap<number>(PRIVATE.offers),
  aside: doc.getMap<number>(PRIVATE.aside),
});
const opened = new WeakMap<Y.Doc, ReturnType<typeof openMaps>>();
/** The document's maps, looked up once per document (the server asks on every edit). */
export const privateMaps = (doc: Y.Doc): ReturnType<typeof openMaps> => {
  let maps = opened.get(doc);
  if (!maps) opened.set(doc, (maps = openMaps(doc)));
  return maps;
};

export interface MyCard extends CardValue {
  /** Id in this document. */
  id: string;
  /** The public id the room knows it by (assigned by the server once it has the card). */
  publicId: string | null;
}

/** Own cards, oldest first. */
export function readMyCards(doc: Y.Doc): MyCard[] {
  const m = privateMaps(doc);
  const out: MyCard[] = [];
  m.cards.forEach((value, id) => {
    if (value && typeof value === 'object') out.push({ ...value, id, publicId: m.public.get(id) ?? null });
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function readMyMarkers(doc: Y.Doc): Record<string, MarkerValue> {
  const out: Record<string, MarkerValue> = {};
  privateMaps(doc).markers.forEach((value, dim) => {
    if (value && typeof value === 'object') out[dim] = { current: value.current ?? null, target: value.target ?? null };
  });
  return out;
}

export function readMyVotes(doc: Y.Doc): Record<string, number> {
  const out: Record<string, number> = {};
  privateMaps(doc).votes.forEach((count, target) => {
    if (typeof count === 'number' && count > 0) out[target] = count;
  });
  return out;
}

// Phone-side writers (the server validates whatever arrives).
export function putCard(doc: Y.Doc, id: string, value: CardValue): void {
  privateMaps(doc).cards.set(id, value);
}

export function deleteCard(doc: Y.Doc, id: string): void {
  privateMaps(doc).cards.delete(id);
}

export function putMarker(doc: Y.Doc, dimension: string, value: MarkerValue): void {
  privateMaps(doc).markers.set(dimension, value);
}
