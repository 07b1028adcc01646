/**
 * Hand-built Yjs V1 updates of the kinds that hang or exhaust decoders
 * (yjs #479, #687: counts and lengths decoupled from the bytes that follow),
 * plus references to items the server never saw and writes to the parts of a
 * participant's own document only the server writes. Written byte by byte with
 * lib0, so nothing here is something a real Yjs client could produce. They are
 * aimed at `mine` (the only document a client may write), framed as protocol 2
 * `sync` frames: [document id byte][y-protocols sync message].
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { DOC_IDS } from '../../shared/schema/protocol.ts';

/** Yjs V1 struct info bits. */
const BIT8 = 0x80; // has origin
const BIT7 = 0x40; // has right origin
const BIT6 = 0x20; // has parentSub
const CONTENT = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const;
const HUGE = Number.MAX_SAFE_INTEGER;

type Enc = encoding.Encoder;
const build = (write: (e: Enc) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/** A `sync` frame: document id byte, then a y-protocols message of `type` carrying `payload`. */
export function updateFrame(update: Uint8Array, type: number = syncProtocol.messageYjsUpdate, doc: number = DOC_IDS.mine): Uint8Array {
  return build((e) => {
    encoding.writeUint8(e, doc);
    encoding.writeVarUint(e, type);
    encoding.writeVarUint8Array(e, update);
  });
}

/** One client's structs: header then whatever `body` writes, then a delete set. */
function oneClient(
  client: number,
  clock: number,
  count: number,
  body: (e: Enc) => void,
  ds: (e: Enc) => void = (e) => encoding.writeVarUint(e, 0),
) {
  return build((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, count);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    body(e);
    ds(e);
  });
}

/** An item in a root map (`parentSub` set, no origins), with raw content bytes. */
function mapItem(e: Enc, root: string, key: string, contentRef: number, content: (e: Enc) => void) {
  encoding.writeUint8(e, contentRef | BIT6);
  encoding.writeVarUint(e, 1); // parent is a root type named by a string
  encoding.writeVarString(e, root);
  encoding.writeVarString(e, key);
  content(e);
}

const anyValue = (value: unknown) => (e: Enc) => {
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, value as never);
};

export const validCard = { kind: 'practice', text: 'crafted', dimension: 'brand', stage: 2, createdAt: 1 };

/** A valid single card write as a brand-new client: the control case. */
export function plainCardWrite(client: number, cardId: string) {
  return oneClient(client, 0, 1, (e) => mapItem(e, 'cards', cardId, CONTENT.any, anyValue(validCard)));
}

/** `n` values for one key, none with an origin: each makes Yjs walk the whole chain. */
export function originlessWrites(client: number, clock: number, n: number) {
  return oneClient(client, clock, n, (e) => {
    for (let i = 0; i < n; i++) mapItem(e, 'cards', 'chain', CONTENT.any, anyValue(validCard));
  });
}

/** A named attack and the update carrying it. */
export interface Attack {
  name: string;
  update: Uint8Array;
}

/**
 * Crafted V1 updates for a participant's own document; `pid` is the sender's
 * participant id, `client` a fresh Yjs client id, `serverClient` the server's
 * client id in that document (its structs hold votes, public ids, bindings).
 */
export function craftedAttacks(pid: string, client: number, serverClient: number): Attack[] {
  const key = 'evil';
  const deep = (depth: number) => (e: Enc) => {
    encoding.writeVarUint(e, 1);
    for (let i = 0; i < depth; i++) {
      encoding.writeUint8(e, 117); // array
      encoding.writeVarUint(e, 1);
    }
    encoding.writeUint8(e, 126); // null
  };
  const attacks: Attack[] = [
    { name: 'garbage from yjs #479 ("garbagedoc" as base64)', update: new Uint8Array(Buffer.from('garbagedoc', 'base64')) },
    { name: 'empty', update: new Uint8Array(0) },
    { name: 'huge number of client sections', update: build((e) => encoding.writeVarUint(e, HUGE)) },
    {
      name: 'huge struct count, no structs',
      update: build(
        (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint(e, HUGE), encoding.writeVarUint(e, client), encoding.writeVarUint(e, 0)),
      ),
    },
    {
      name: 'struct count 2^32-1 with one struct',
      update: oneClient(client, 0, 0xffff_ffff, (e) => mapItem(e, 'cards', key, CONTENT.any, anyValue(validCard))),
    },
    {
      name: 'GC struct of huge length',
      update: oneClient(client, 0, 1, (e) => (encoding.writeUint8(e, 0), encoding.writeVarUint(e, HUGE))),
    },
    {
      name: 'Skip struct of huge length',
      update: oneClient(client, 0, 1, (e) => (encoding.writeUint8(e, 10), encoding.writeVarUint(e, HUGE))),
    },
    {
      name: 'structs written as the server',
      update: oneClient(serverClient, 0, 1, (e) => mapItem(e, 'votes', 'dim:brand', CONTENT.any, anyValue(50))),
    },
    {
      name: 'a card written as the server, past its clock',
      update: oneClient(serverClient, 1_000, 1, (e) => mapItem(e, 'cards', key, CONTENT.any, anyValue(validCard))),
    },
    {
      name: 'own votes, as a fresh client',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'votes', 'dim:brand', CONTENT.any, anyValue(50))),
    },
    {
      name: 'a public id of its own choosing',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'public', key, CONTENT.any, anyValue('forged-public-id'))),
    },
    {
      name: 'a client binding to the server',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'clients', String(client), CONTENT.any, anyValue('@server'))),
    },
    {
      name: "a card keyed as another person's (old layout)",
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'cards', `${pid}x/c1`, CONTENT.any, anyValue(validCard))),
    },
    {
      name: "the room's meta, in a private document",
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'meta', 'phase', CONTENT.any, anyValue('export'))),
    },
    {
      name: 'many GC structs (64 KB of them)',
      update: oneClient(client, 0, 30_000, (e) => {
        for (let i = 0; i < 30_000; i++) (encoding.writeUint8(e, 0), encoding.writeVarUint(e, 1));
      }),
    },
    {
      name: 'deleted content of huge length',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'cards', key, CONTENT.deleted, (d) => encoding.writeVarUint(d, HUGE))),
    },
    {
      name: 'string content claiming 2^31 bytes',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'cards', key, CONTENT.string, (d) => encoding.writeVarUint(d, 2 ** 31))),
    },
    {
      name: 'any content claiming 2^31 values',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'cards', key, CONTENT.any, (d) => encoding.writeVarUint(d, 2 ** 31))),
    },
    {
      name: 'array value claiming 2^31 elements',
      update: oneClient(client, 0, 1, (e) =>
        mapItem(
          e,
          'cards',
          key,
          CONTENT.any,
          (d) => (encoding.writeVarUint(d, 1), encoding.writeUint8(d, 117), encoding.writeVarUint(d, 2 ** 31)),
        ),
      ),
    },
    {
      name: 'json content claiming 2^31 values',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'cards', key, CONTENT.json, (d) => encoding.writeVarUint(d, 2 ** 31))),
    },
    {
      name: 'binary content claiming 2^31 bytes',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'cards', key, CONTENT.binary, (d) => encoding.writeVarUint(d, 2 ** 31))),
    },
    {
      name: 'value nested 30,000 arrays deep',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'cards', key, CONTENT.any, deep(30_000))),
    },
    {
      name: 'nested type content (a Y.Map inside a card)',
      update: oneClient(client, 0, 1, (e) => mapItem(e, 'cards', key, CONTENT.type, (d) => encoding.writeVarUint(d, 1))),
    },
    {
      name: 'subdocument content',
      update: oneClient(client, 0, 1, (e) =>
        mapItem(e, 'cards', key, CONTENT.doc, (d) => (encoding.writeVarString(d, 'guid'), encoding.writeAny(d, {}))),
      ),
    },
    { name: 'unknown struct kind', update: oneClient(client, 0, 1, (e) => mapItem(e, 'cards', key, 31, () => {})) },
    {
      name: 'origin pointing at an unknown client',
      update: oneClient(client, 0, 1, (e) => {
        encoding.writeUint8(e, CONTENT.any | BIT8);
        encoding.writeVarUint(e, 987_654_321);
        encoding.writeVarUint(e, 5);
        anyValue(validCard)(e);
      }),
    },
    {
      name: 'right origin pointing past a known clock',
      update: oneClient(client, 0, 1, (e) => {
        encoding.writeUint8(e, CONTENT.any | BIT7);
        encoding.writeVarUint(e, client);
        encoding.writeVarUint(e, 10_000);
        anyValue(validCard)(e);
      }),
    },
    {
      name: 'parent given as an unknown item id',
      update: oneClient(client, 0, 1, (e) => {
        encoding.writeUint8(e, CONTENT.any | BIT6);
        encoding.writeVarUint(e, 0); // parent is an ID
        encoding.writeVarUint(e, 123_456);
        encoding.writeVarUint(e, 7);
        encoding.writeVarString(e, key);
        anyValue(validCard)(e);
      }),
    },
    {
      name: 'structs starting far past the known clock',
      update: oneClient(client, 1_000_000, 1, (e) => mapItem(e, 'cards', key, CONTENT.any, anyValue(validCard))),
    },
    {
      name: 'delete set with a huge client count',
      update: build((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, HUGE))),
    },
    {
      name: 'delete set with a huge range count',
      update: build(
        (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, client), encoding.writeVarUint(e, HUGE)),
      ),
    },
    {
      name: 'delete set range of huge length on an unknown client',
      update: build(
        (e) => (
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, 1),
          encoding.writeVarUint(e, client),
          encoding.writeVarUint(e, 1),
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, HUGE)
        ),
      ),
    },
    {
      name: '6,000 delete ranges over the server-written structs',
      update: build((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, serverClient);
        encoding.writeVarUint(e, 6_000);
        for (let i = 0; i < 6_000; i++) (encoding.writeVarUint(e, i * 2), encoding.writeVarUint(e, 1));
      }),
    },
    { name: 'a card value with a __proto__ key', update: protoCard(client) },
    { name: '600 values for one key with no origin (quadratic placement)', update: originlessWrites(client, 0, 600) },
    // yjs #687 reproductions are V2 updates; the server only speaks V1, so they arrive as V1 garbage.
    {
      name: 'yjs #687 mergeUpdatesV2 payload',
      update: new Uint8Array(Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex')),
    },
    {
      name: 'V2 update header (an encoder version byte)',
      update: new Uint8Array([0, 0, 1, 0, 0, 0, 1, 0, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0]),
    },
  ];
  return attacks;
}

/** A card whose value object has a "__proto__" key holding the real fields. */
export function protoCard(client: number): Uint8Array {
  return oneClient(client, 0, 1, (e) =>
    mapItem(e, 'cards', 'proto', CONTENT.any, (d) => {
      encoding.writeVarUint(d, 1);
      encoding.writeUint8(d, 118); // object
      encoding.writeVarUint(d, 1);
      encoding.writeVarString(d, '__proto__');
      encoding.writeAny(d, validCard);
    }),
  );
}
