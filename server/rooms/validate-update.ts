/**
 * Checks a participant's Yjs update against the write rules before it touches
 * their own document (shared/doc/private-doc.ts). Yjs cannot roll back an applied
 * update, so everything is decided here, from the decoded structs and the doc
 * as it is:
 *
 * - every new item is written by a Yjs client bound to this participant (or a
 *   fresh client id, which is then bound to them), never by the server's:
 *   nobody writes as the server, whose votes and public ids live in the same doc;
 * - every item lands in a phone-writable root map (`cards`, `markers`) under a
 *   well-formed key, holding one plain JSON value that passes the schema (or is
 *   a deleted tombstone);
 * - every deletion removes only items of those maps;
 * - nothing refers to items the server does not have (no pending structs that
 *   would sit in memory forever), and no struct kinds a phone never produces
 *   (GC ranges, Skips, nested types, text).
 *
 * Only V1 updates are accepted (what y-protocols sync sends); V2's run-length
 * counters are where crafted updates hang decoders (yjs #479, #687), and V1
 * decoding of a size-capped message consumes input on every step.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { CardValueSchema, schemaRefusal } from '../../shared/schema/protocol.ts';
import { CARD_ID, DIMENSION_KEY, PHONE_WRITABLE_ROOTS, PRIVATE } from '../../shared/doc/private-doc.ts';
import { LIMITS } from '../../shared/domain/limits.ts';
import { AppError } from '../../shared/domain/errors.ts';
import { isCleanCard, isMarker } from './value-check.ts';

export interface WriterContext {
  participantId: string;
  /** Yjs clientID -> owner (participant id or "@server"), as bound in the doc. */
  clientOwner(clientId: number): string | undefined;
  /** The server's own client id in this doc, refused even before the server first writes with it. */
  serverClientId: number;
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

/**
 * Walks the V1 encoding without building anything, refusing as early as it can
 * what the write rules would refuse anyway: struct kinds a phone never sends (GC,
 * Skip, strings, nested types...), more structs or delete ranges than the caps,
 * trailing bytes. Y.decodeUpdate decodes a whole message before anything can be
 * counted, and a 64 KB message of two-byte GC structs is 30,000 objects: here it
 * stops at the first one. Declared counts are checked before they are looped over.
 */
function precheckEncoding(update: Uint8Array, maxStructs: number): void {
  const d = decoding.createDecoder(update);
  try {
    // A count the remaining bytes cannot hold (each entry takes at least one) is garbage, not a big message.
    const room = () => update.length - d.pos;
    const sections = decoding.readVarUint(d);
    if (sections > room()) fail('MALFORMED_UPDATE');
    if (sections > maxStructs) fail('PAYLOAD_TOO_LARGE');
    let structs = 0;
    for (let i = 0; i < sections; i++) {
      const count = decoding.readVarUint(d);
      if (count > room()) fail('MALFORMED_UPDATE');
      structs += count;
      if (structs > maxStructs) fail('PAYLOAD_TOO_LARGE', 'That change has too many parts.');
      decoding.readVarUint(d); // client
      decoding.readVarUint(d); // clock
      for (let j = 0; j < count; j++) {
        const info = decoding.readUint8(d);
        if (info === undefined) fail('MALFORMED_UPDATE');
        const kind = info & 0b1_1111;
        // 1: deleted content, 8: JSON-like values. 0 is GC, 10 Skip; the rest are types, text, binary, subdocs.
        if (kind !== 1 && kind !== 8) fail('FORBIDDEN_TYPE', 'That change contains parts a phone never sends.');
        if (info & 0x80) (decoding.readVarUint(d), decoding.readVarUint(d)); // origin
        if (info & 0x40) (decoding.readVarUint(d), decoding.readVarUint(d)); // right origin
        if ((info & 0xc0) === 0) {
          if (decoding.readVarUint(d) === 1)
            decoding.readVarString(d); // parent: a root name
          else (decoding.readVarUint(d), decoding.readVarUint(d)); // parent: an item id
          if (info & 0x20) decoding.readVarString(d); // key
        }
        const len = decoding.readVarUint(d);
        if (kind === 1) {
          if (len < 1 || len > LIMITS.messageBytesMax) fail('MALFORMED_UPDATE');
        } else {
          if (len !== 1) fail('FORBIDDEN_TYPE');
          skipAny(d);
        }
      }
    }
    const dsClients = decoding.readVarUint(d);
    let ranges = 0;
    for (let i = 0; i < dsClients; i++) {
      decoding.readVarUint(d); // client
      const n = decoding.readVarUint(d);
      if (n > room()) fail('MALFORMED_UPDATE');
      ranges += n;
      if (ranges > MAX_DELETE_RANGES) fail('PAYLOAD_TOO_LARGE');
      for (let j = 0; j < n; j++) (decoding.readVarUint(d), decoding.readVarUint(d));
    }
    if (d.pos !== update.length) fail('MALFORMED_UPDATE');
  } catch (err) {
    if (err instanceof AppError) throw err;
    fail('MALFORMED_UPDATE'); // ran off the end, or a value nested past the stack
  }
}

/** Values nest no deeper than this (a card is one flat object); deeper is refused without recursing. */
const MAX_VALUE_DEPTH = 4;

/** Skips one lib0 `any` value, refusing deep nesting before it costs a stack overflow. */
function skipAny(d: decoding.Decoder): void {
  // Values still to skip at each open level; object levels read a key before each value.
  const open: Array<{ left: number; object: boolean }> = [{ left: 1, object: false }];
  while (open.length) {
    const level = open[open.length - 1]!;
    if (level.left === 0) {
      open.pop();
      continue;
    }
    level.left--;
    if (level.object) decoding.readVarString(d);
    const tag = decoding.readUint8(d);
    switch (tag) {
      case 127:
      case 126:
      case 121:
      case 120:
        break; // undefined, null, false, true
      case 125:
        decoding.readVarInt(d);
        break;
      case 124:
        decoding.readFloat32(d);
        break;
      case 123:
        decoding.readFloat64(d);
        break;
      case 122:
        decoding.readBigInt64(d);
        break;
      case 119:
        decoding.readVarString(d);
        break;
      case 116:
        decoding.readVarUint8Array(d);
        break;
      case 118:
      case 117: {
        if (open.length >= MAX_VALUE_DEPTH) fail('INVALID_VALUE', 'That value is nested too deeply.');
        const left = decoding.readVarUint(d);
        if (left > d.arr.length) fail('MALFORMED_UPDATE');
        open.push({ left, object: tag === 118 });
        break;
      }
      default:
        fail('MALFORMED_UPDATE');
    }
  }
}

interface Placed {
  item: Y.Item;
  root: string;
  key: string;
}

/** How far back in a key's chain of values a new value may attach. */
const CHAIN_REACH = 64;

type Span = { client: number; clock: number; length: number };
const spanOf = (item: Y.Item): Span => ({ client: item.id.client, clock: item.id.clock, length: item.length });
const within = (id: Y.ID, s: Span) => id.client === s.client && id.clock >= s.clock && id.clock < s.clock + s.length;

/**
 * Yjs places a map value by walking its key's chain of earlier values from the
 * value's origin, or from the chain's very start when it has none. A client that
 * writes values with no origin, or with an old one, makes each write walk the
 * whole chain: a few hundred such 64 KB messages cost seconds of CPU per message.
 * A phone always attaches after the key's latest value; a reach of a few dozen
 * values leaves room for one person's concurrent devices. Refused as CONFLICT
 * (the client resyncs).
 */
function checkChainReach(doc: Y.Doc, placed: Placed[], findInUpdate: (id: Y.ID) => Y.Item | undefined): void {
  const store = doc.store;
  const chains = new Map<string, { tail: Span[]; whole: boolean }>();
  const chainOf = (root: string, key: string) => {
    const name = `${root}\u0000${key}`;
    let chain = chains.get(name);
    if (!chain) {
      const tail: Span[] = [];
      let it: Y.Item | null = (doc.share.get(root)?._map.get(key) as Y.Item | undefined) ?? null;
      while (it && tail.length <= CHAIN_REACH) {
        tail.unshift(spanOf(it));
        it = it.left;
      }
      chain = { tail, whole: it === null };
      chains.set(name, chain);
    }
    return chain;
  };
  // Where each new item attaches: its origin, or for an item partly known, its own known part.
  const isNew = (item: Y.Item) => item.id.clock + item.length > Y.getState(store, item.id.client);
  const originOf = (item: Y.Item): Y.ID | null => {
    const known = Y.getState(store, item.id.client);
    return item.id.clock < known ? Y.createID(item.id.client, known - 1) : item.origin;
  };
  const place = (p: Placed) => {
    const chain = chainOf(p.root, p.key);
    const origin = originOf(p.item);
    if (origin === null) {
      if (!chain.whole || chain.tail.length > CHAIN_REACH) fail('CONFLICT', 'That change attaches to an old value; sync again.');
    } else if (!chain.tail.slice(-CHAIN_REACH).some((s) => within(origin, s))) {
      fail('CONFLICT', 'That change attaches to an old value; sync again.');
    }
    chain.tail.push(spanOf(p.item));
    if (chain.tail.length > CHAIN_REACH + 1) {
      chain.tail.shift();
      chain.whole = false;
    }
  };
  // Items that attach to another new item of this update go right after it (the
  // update lists clients in id order, not in the order their edits were made).
  const after = new Map<Y.Item, Placed[]>();
  const queue: Placed[] = [];
  let pending = 0;
  for (const p of placed) {
    if (!isNew(p.item)) continue;
    pending++;
    const origin = originOf(p.item);
    const dep = origin && p.item.id.clock >= Y.getState(store, p.item.id.client) ? findInUpdate(origin) : undefined;
    if (dep && dep !== p.item && isNew(dep)) {
      const list = after.get(dep);
      if (list) list.push(p);
      else after.set(dep, [p]);
    } else {
      queue.push(p);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i]!;
    place(p);
    pending--;
    for (const next of after.get(p.item) ?? []) queue.push(next);
  }
  if (pending !== 0) fail('MALFORMED_UPDATE');
}

/** A JSON object whose fields are its own: prototype exactly Object.prototype. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function fail(code: ConstructorParameters<typeof AppError>[0], message?: string): never {
  throw new AppError(code, message);
}

/** The refusal of a card value the hand check said no to, named by the schema. */
function refuseCard(value: Record<string, unknown>): never {
  const parsed = CardValueSchema.safeParse(value);
  if (!parsed.success) {
    const refusal = schemaRefusal(parsed.error, 'INVALID_VALUE');
    fail(
      refusal.code,
      refusal.code === 'EMPTY_TEXT'
        ? 'The card has only blank or invisible characters: type something people can read.'
        : 'That card is not valid.',
    );
  }
  // The schema cleans text as it reads it, but a Yjs value is stored as sent: refuse what is not already clean
  // (invisible characters, blank ends), so nothing hidden reaches another screen or the export.
  fail('INVALID_VALUE', 'Card text has invisible characters or blanks at its ends.');
}

/** Root name and map key of an item already integrated in the doc; null when it is not in a root map. */
function targetOfStored(item: Y.Item): Target | null {
  const parent = item.parent as Y.AbstractType<unknown> | null;
  if (!parent || parent._item !== null || item.parentSub === null) return null;
  return { root: Y.findRootTypeKey(parent), key: item.parentSub };
}

export function validateParticipantUpdate(doc: Y.Doc, update: Uint8Array, ctx: WriterContext): Validated {
  if (update.byteLength > LIMITS.messageBytesMax) fail('PAYLOAD_TOO_LARGE');
  precheckEncoding(update, ctx.maxStructs ?? MAX_STRUCTS);
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
  const newClients = new Set<number>();

  // Items of this update by client, in clock order, to resolve origins that point inside the update.
  const own = new Map<number, Y.Item[]>();
  const nextClock = new Map<number, number>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) fail('FORBIDDEN_TYPE', 'That change contains parts a phone never sends.');
    const client = s.id.client;
    if (client === ctx.serverClientId) fail('IMPERSONATION');
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
  const cards = doc.getMap(PRIVATE.cards);
  const placed: Placed[] = [];
  for (const list of own.values()) {
    for (const item of list) {
      const { root, key } = resolve(item);
      if (!PHONE_WRITABLE_ROOTS.has(root)) fail('FORBIDDEN_TYPE');
      placed.push({ item, root, key });
    }
  }
  // Before the (costlier) value checks, so a flood of detached values is refused cheaply.
  checkChainReach(doc, placed, findInUpdate);
  for (const { item, root, key } of placed) {
    if (key.length > 100) fail('INVALID_VALUE', 'That key is not valid.');
    const content = item.content;
    if (content instanceof Y.ContentDeleted) continue;
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) fail('FORBIDDEN_TYPE');
    const value = content.arr[0];
    // lib0's readAny assigns keys with `obj[key] =`, so a "__proto__" key swaps the prototype:
    // zod would read the fields through it while every other reader sees an empty object.
    if (!isPlainRecord(value)) fail('INVALID_VALUE', 'That value is not a plain object.');
    if (root === PRIVATE.cards) {
      if (!CARD_ID.test(key)) fail('INVALID_VALUE', 'That card id is not valid.');
      // Checked by hand (value-check.ts); the schema names what is wrong when it says no.
      if (!isCleanCard(value)) refuseCard(value);
      if (!cards.has(key)) newCardKeys++;
    } else if (root === PRIVATE.markers) {
      if (!DIMENSION_KEY.test(key)) fail('INVALID_VALUE', 'That dimension is not valid.');
      if (!isMarker(value)) fail('INVALID_VALUE', 'That marker is not valid.');
    }
  }

  // Deletions: only items of the phone-writable maps, only items that exist.
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
          if (!t || !PHONE_WRITABLE_ROOTS.has(t.root)) fail('NOT_OWNER');
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
