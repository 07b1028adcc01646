/**
 * Checks a participant's Yjs update against the write rules before it touches
 * the room's doc. Yjs cannot roll back an applied update, so everything is
 * decided here, from the decoded structs and the doc as it is:
 *
 * - every new item is written by a Yjs client bound to this participant (or a
 *   fresh client id, which is then bound to them): nobody writes as someone else;
 * - every item lands in a participant-writable root map (`cards`, `markers`)
 *   under a key that starts with the participant's id, holding one plain JSON
 *   value that passes the schema (or is a deleted tombstone);
 * - every deletion removes only items under the participant's own keys;
 * - nothing refers to items the server does not have (no pending structs that
 *   would sit in memory forever), and no struct kinds a phone never produces
 *   (GC ranges, Skips, nested types, text).
 *
 * Only V1 updates are accepted (what y-protocols sync sends); V2's run-length
 * counters are where crafted updates hang decoders (yjs #479, #687), and V1
 * decoding of a size-capped message consumes input on every step.
 */
import * as Y from 'yjs';
import { CardValueSchema, MarkerValueSchema } from '../../shared/protocol.ts';
import { PARTICIPANT_WRITABLE_ROOTS, ROOT, splitOwnedKey, KEY_SEPARATOR } from '../../shared/board.ts';
import { LIMITS } from '../../shared/limits.ts';
import { AppError } from '../../shared/errors.ts';

export interface WriterContext {
  participantId: string;
  /** Yjs clientID -> owner (participant id or "@server"), as bound in the doc. */
  clientOwner(clientId: number): string | undefined;
  maxStructs?: number;
}

export interface Validated {
  /** Client ids seen for the first time, to bind to this participant. */
  newClients: number[];
  /** Card keys this update creates. */
  newCardKeys: number;
}

interface Target {
  root: string;
  key: string;
}

const MAX_STRUCTS = 5_000;
const MAX_DELETE_RANGES = 5_000;

function fail(code: ConstructorParameters<typeof AppError>[0], message?: string): never {
  throw new AppError(code, message);
}

/** Root name and map key of an item already integrated in the doc; null when it is not in a root map. */
function targetOfStored(item: Y.Item): Target | null {
  const parent = item.parent as Y.AbstractType<unknown> | null;
  if (!parent || parent._item !== null || item.parentSub === null) return null;
  return { root: Y.findRootTypeKey(parent), key: item.parentSub };
}

export function validateParticipantUpdate(doc: Y.Doc, update: Uint8Array, ctx: WriterContext): Validated {
  if (update.byteLength > LIMITS.messageBytesMax) fail('PAYLOAD_TOO_LARGE');
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    fail('MALFORMED_UPDATE');
  }
  const { structs, ds } = decoded;
  if (structs.length > (ctx.maxStructs ?? MAX_STRUCTS)) fail('PAYLOAD_TOO_LARGE', 'That change has too many parts.');

  const store = doc.store;
  const pid = ctx.participantId;
  const prefix = pid + KEY_SEPARATOR;
  const newClients = new Set<number>();

  // Items of this update by client, in clock order, to resolve origins that point inside the update.
  const own = new Map<number, Y.Item[]>();
  const nextClock = new Map<number, number>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) fail('FORBIDDEN_TYPE', 'That change contains parts a phone never sends.');
    const client = s.id.client;
    const owner = ctx.clientOwner(client);
    const stateNow = Y.getState(store, client);
    if (owner === undefined) {
      if (stateNow > 0) fail('IMPERSONATION');
      newClients.add(client);
    } else if (owner !== pid) {
      fail('IMPERSONATION');
    }
    const expected = nextClock.get(client);
    if (expected === undefined) {
      if (s.id.clock > stateNow) fail('UNKNOWN_ITEM', 'That change skips over parts the server never received.');
    } else if (s.id.clock !== expected) {
      fail('MALFORMED_UPDATE');
    }
    if (s.length < 1 || s.length > LIMITS.messageBytesMax) fail('MALFORMED_UPDATE');
    nextClock.set(client, s.id.clock + s.length);
    let list = own.get(client);
    if (!list) own.set(client, (list = []));
    list.push(s);
  }

  const findInUpdate = (id: Y.ID): Y.Item | undefined => {
    const list = own.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const it = list[mid]!;
      if (id.clock < it.id.clock) hi = mid - 1;
      else if (id.clock >= it.id.clock + it.length) lo = mid + 1;
      else return it;
    }
    return undefined;
  };

  const resolved = new Map<Y.Item, Target>();
  const resolve = (item: Y.Item, depth = 0): Target => {
    const known = resolved.get(item);
    if (known) return known;
    if (depth > structs.length + 1) fail('MALFORMED_UPDATE');
    let target: Target | null = null;
    if (typeof item.parent === 'string' && item.parentSub !== null) {
      target = { root: item.parent, key: item.parentSub };
    } else if (item.parent === null) {
      const ref = item.origin ?? item.rightOrigin;
      if (!ref) fail('MALFORMED_UPDATE');
      const inUpdate = findInUpdate(ref);
      if (inUpdate) {
        if (inUpdate === item) fail('MALFORMED_UPDATE');
        target = resolve(inUpdate, depth + 1);
      } else {
        if (ref.clock >= Y.getState(store, ref.client)) fail('UNKNOWN_ITEM');
        const stored = Y.getItem(store, ref);
        if (!(stored instanceof Y.Item)) fail('FORBIDDEN_TYPE');
        target = targetOfStored(stored);
      }
    }
    // A parent given as an ID is a nested type: never writable by a participant.
    if (!target) fail('FORBIDDEN_TYPE');
    resolved.set(item, target);
    return target;
  };

  let newCardKeys = 0;
  const cards = doc.getMap(ROOT.cards);
  for (const list of own.values()) {
    for (const item of list) {
      const { root, key } = resolve(item);
      if (!PARTICIPANT_WRITABLE_ROOTS.has(root)) fail('FORBIDDEN_TYPE');
      if (!key.startsWith(prefix)) fail('NOT_OWNER');
      const split = splitOwnedKey(key);
      if (!split || split.rest.length > 100) fail('INVALID_VALUE', 'That key is not valid.');
      const content = item.content;
      if (content instanceof Y.ContentDeleted) continue;
      if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) fail('FORBIDDEN_TYPE');
      const value = content.arr[0];
      if (root === ROOT.cards) {
        if (!/^[A-Za-z0-9_-]{1,40}$/.test(split.rest)) fail('INVALID_VALUE', 'That card id is not valid.');
        if (!CardValueSchema.safeParse(value).success) fail('INVALID_VALUE', 'That card is not valid.');
        if (!cards.has(key)) newCardKeys++;
      } else if (root === ROOT.markers) {
        if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(split.rest)) fail('INVALID_VALUE', 'That dimension is not valid.');
        if (!MarkerValueSchema.safeParse(value).success) fail('INVALID_VALUE', 'That marker is not valid.');
      }
    }
  }

  // Deletions: only items under one's own keys, only items that exist.
  let ranges = 0;
  for (const [client, deletes] of ds.clients) {
    const known = Y.getState(store, client);
    const structsOfClient = store.clients.get(client);
    for (const { clock, len } of deletes) {
      if (++ranges > MAX_DELETE_RANGES) fail('PAYLOAD_TOO_LARGE');
      if (len < 1) fail('MALFORMED_UPDATE');
      const end = clock + len;
      // The part of the range the server already has.
      if (clock < known && structsOfClient) {
        let i = Y.findIndexSS(structsOfClient, clock);
        for (; i < structsOfClient.length; i++) {
          const s = structsOfClient[i]!;
          if (s.id.clock >= end) break;
          // Already gone here: a no-op. (A step-2 update always carries the sender's whole delete set.)
          if (!(s instanceof Y.Item) || s.deleted) continue;
          const t = targetOfStored(s);
          if (!t || !PARTICIPANT_WRITABLE_ROOTS.has(t.root) || !t.key.startsWith(prefix)) fail('NOT_OWNER');
        }
      }
      // The rest must be items of this very update (already checked as own).
      if (end > known) {
        const upTo = nextClock.get(client);
        if (upTo === undefined || end > upTo || Math.max(clock, known) < (own.get(client)?.[0]?.id.clock ?? Infinity)) {
          fail('UNKNOWN_ITEM', 'That change deletes something the board does not have.');
        }
      }
    }
  }

  return { newClients: [...newClients], newCardKeys };
}
