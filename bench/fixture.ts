/**
 * The benchmark's board fixture: a realistic late-workshop board. 49
 * participants, each with 12 cards of real-length texts, a marker on every
 * dimension (plus a few second thoughts that leave tombstones) and votes.
 *
 * One content, two layouts:
 * - Hocuspocus (`sharedFixture`): one shared document everyone syncs, as a
 *   Hocuspocus app would keep it: participants, card and marker values keyed by
 *   participant, votes; about 160 KB encoded. A client pushes it.
 * - ours (`writeOursFixture`): what our server stores, written into the ledger
 *   and each participant's own document the way phones and the server write
 *   them (a phone's client writes its cards and markers; the server binds that
 *   client, registers each card under a public id, and holds participants,
 *   votes and the session in the ledger), in Prioritise with everything
 *   revealed. The server child seeds it into storage before the room loads
 *   (bench/servers/ours.ts); what a joining phone receives is the room
 *   document derived from it.
 *
 * Deterministic (seeded). Run as a script to write the shared layout to a file:
 *   node --import tsx bench/fixture.ts [out.bin]
 */
import fs from 'node:fs';
import * as Y from 'yjs';
import { defaultDimensions } from '../shared/domain/workshop-model.ts';
import { privateMaps } from '../shared/doc/private-doc.ts';
import type { CardValue, MarkerValue } from '../shared/domain/types.ts';
import { ledgerMaps, ownedKey } from '../server/rooms/ledger.ts';
import { serverWrite } from '../server/rooms/room-state.ts';
import { rng } from './stats.ts';

const WORDS = (
  'we post updates on the intranet every week but nobody answers the comments ' +
  'leaders share customer stories on linkedin sometimes and the sales team reposts them ' +
  'a social media policy exists but it mostly says what people may not do ' +
  'the service desk answers questions on twitter within one working day ' +
  'our employees are afraid to say something wrong in public so they stay silent ' +
  'marketing owns every channel and approves each message before it goes out'
).split(' ');

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export interface FixtureOptions {
  /** Approximate encoded size of the shared layout in bytes. */
  targetBytes?: number;
  seed?: number;
}

export interface FixturePerson {
  id: string;
  name: string;
  joinedAt: number;
  cards: Array<{ id: string; publicId: string; value: CardValue }>;
  markers: Array<{ dimension: string; value: MarkerValue }>;
  /** Later marker values (second thoughts), applied after the first ones. */
  changes: Array<{ dimension: string; value: MarkerValue }>;
  votes: Array<{ target: string; count: number }>;
}

/** The fixture's content, independent of any layout: people with their cards, markers and votes. */
export function fixtureContent(opts: FixtureOptions = {}): FixturePerson[] {
  const target = opts.targetBytes ?? 160 * 1024;
  const rand = rng(opts.seed ?? 42);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const id = () => Array.from({ length: 12 }, () => pick([...ID_CHARS])).join('');
  const text = (min: number, max: number) => {
    const len = min + Math.floor(rand() * (max - min));
    let s = '';
    while (s.length < len) s += (s ? ' ' : '') + pick(WORDS);
    return s.slice(0, len).trim();
  };
  const dims = defaultDimensions().map((d) => d.key);
  const people: FixturePerson[] = [];
  // The size is measured on the shared layout, as the fixture always was.
  const probe = new Y.Doc();
  let n = 0;
  while (Y.encodeStateAsUpdate(probe).byteLength < target) {
    n++;
    const p: FixturePerson = {
      id: id(),
      name: `Participant ${n}`,
      joinedAt: 1_700_000_000_000 + n * 1000,
      cards: [],
      markers: [],
      changes: [],
      votes: [],
    };
    for (let c = 0; c < 12; c++) {
      const kind = rand() < 0.8 ? 'practice' : 'barrier';
      p.cards.push({
        id: `c${c}${id().slice(0, 6)}`,
        publicId: id(),
        value: {
          kind,
          text: text(40, 180),
          dimension: kind === 'practice' ? pick(dims) : null,
          stage: kind === 'practice' ? 1 + Math.floor(rand() * 5) : null,
          createdAt: 1_700_000_100_000 + n * 1000 + c,
        },
      });
    }
    for (const d of dims)
      p.markers.push({ dimension: d, value: { current: 1 + Math.floor(rand() * 5), target: 1 + Math.floor(rand() * 5) } });
    for (let e = 0; e < 3; e++) p.changes.push({ dimension: pick(dims), value: { current: 1 + Math.floor(rand() * 5), target: 5 } });
    for (let v = 0; v < 5; v++) p.votes.push({ target: `dim:${pick(dims)}`, count: 1 + Math.floor(rand() * 2) });
    writeShared(probe, p);
    people.push(p);
  }
  probe.destroy();
  return people;
}

/** One person's part of the shared layout: the server's entries, then the phone's, then second thoughts. */
function writeShared(doc: Y.Doc, p: FixturePerson): void {
  const phone = new Y.Doc();
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(doc));
  doc.transact(() => {
    doc.getMap('participants').set(p.id, { id: p.id, name: p.name, joinedAt: p.joinedAt });
    doc.getMap('clients').set(String(phone.clientID), p.id);
  });
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(phone);
  phone.transact(() => {
    for (const c of p.cards) phone.getMap('cards').set(`${p.id}/${c.id}`, c.value);
    for (const m of p.markers) phone.getMap('markers').set(`${p.id}/${m.dimension}`, m.value);
  });
  for (const m of p.changes) phone.getMap('markers').set(`${p.id}/${m.dimension}`, m.value);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(phone, sv));
  phone.destroy();
  doc.transact(() => {
    for (const v of p.votes) doc.getMap('votes').set(`${p.id}/${v.target}`, v.count);
  });
}

/** The shared layout (Hocuspocus): one Yjs update holding the whole board. */
export function sharedFixture(people: FixturePerson[]): Uint8Array {
  const doc = new Y.Doc();
  for (const p of people) writeShared(doc, p);
  const out = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return out;
}

/**
 * Our layout: writes the fixture into a workshop's ledger (as stored at creation, loaded by
 * the caller) and into each participant's own document, as phones and the server write them.
 * The session is in Prioritise with every part revealed, so the room document shows it all.
 */
export function writeOursFixture(
  people: FixturePerson[],
  ledger: Y.Doc,
  privateDoc: (participantId: string) => Y.Doc,
): { cards: number; participants: number } {
  const l = ledgerMaps(ledger);
  let cards = 0;
  for (const p of people) {
    const doc = privateDoc(p.id);
    const phone = new Y.Doc();
    serverWrite(doc, (m) => m.clients.set(String(phone.clientID), p.id));
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(phone);
    phone.transact(() => {
      for (const c of p.cards) privateMaps(phone).cards.set(c.id, c.value);
      for (const m of p.markers) privateMaps(phone).markers.set(m.dimension, m.value);
    });
    for (const m of p.changes) privateMaps(phone).markers.set(m.dimension, m.value);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(phone, sv));
    phone.destroy();
    serverWrite(doc, (m) => {
      for (const c of p.cards) m.public.set(c.id, c.publicId);
      for (const v of p.votes) m.votes.set(v.target, v.count);
    });
    ledger.transact(() => {
      l.participants.set(p.id, {
        id: p.id,
        name: p.name,
        joinedAt: p.joinedAt,
        personId: `${p.id.slice(0, 6)}${p.cards[0]!.publicId.slice(0, 6)}`,
      });
      for (const c of p.cards) l.cards.set(ownedKey(p.id, c.id), { id: c.publicId, order: c.value.createdAt });
      for (const v of p.votes) l.votes.set(ownedKey(p.id, v.target), v.count);
    });
    cards += p.cards.length;
  }
  ledger.transact(() => {
    const meta = ledger.getMap<unknown>('meta');
    meta.set('phase', 'prioritise');
    meta.set('revealed', { map: true, assess: true, prioritise: true });
  });
  return { cards, participants: people.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'bench-fixture-160k.bin';
  const u = sharedFixture(fixtureContent());
  fs.writeFileSync(out, u);
  console.log(`wrote ${out}: ${u.byteLength} bytes`);
}
