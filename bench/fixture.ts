/**
 * The benchmark's board fixture: a realistic late-workshop board of about
 * 160 KB (encoded Yjs state). Participants, their client bindings, cards with
 * real-length texts, markers on every dimension and votes, each written by its
 * own Yjs client the way phones and the server write them.
 *
 * Deterministic (seeded). Run as a script to write it to a file:
 *   node --import tsx bench/fixture.ts [out.bin]
 */
import fs from 'node:fs';
import * as Y from 'yjs';
import { defaultDimensions, maps, ownedKey } from '../shared/board.ts';
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
  /** Approximate encoded size in bytes. */
  targetBytes?: number;
  seed?: number;
}

/** One Yjs update holding the whole fixture board (without `meta`: the workshop's own doc has that). */
export function makeBoardFixture(opts: FixtureOptions = {}): Uint8Array {
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
  const server = new Y.Doc();
  const updates: Uint8Array[] = [];
  let bytes = 0;
  let n = 0;
  while (bytes < target) {
    n++;
    const pid = id();
    const phone = new Y.Doc();
    const before = Y.encodeStateVector(server);
    server.transact(() => {
      maps(server).participants.set(pid, { id: pid, name: `Participant ${n}`, joinedAt: 1_700_000_000_000 + n * 1000 });
      maps(server).clients.set(String(phone.clientID), pid);
    });
    updates.push(Y.encodeStateAsUpdate(server, before));
    phone.transact(() => {
      for (let c = 0; c < 12; c++) {
        const kind = rand() < 0.8 ? 'practice' : 'barrier';
        maps(phone).cards.set(ownedKey(pid, `c${c}${id().slice(0, 6)}`), {
          kind,
          text: text(40, 180),
          dimension: kind === 'practice' ? pick(dims) : null,
          stage: kind === 'practice' ? 1 + Math.floor(rand() * 5) : null,
          createdAt: 1_700_000_100_000 + n * 1000 + c,
        });
      }
      for (const d of dims) {
        maps(phone).markers.set(ownedKey(pid, d), { current: 1 + Math.floor(rand() * 5), target: 1 + Math.floor(rand() * 5) });
      }
    });
    // A few second thoughts: edits that leave tombstones, as real sessions do.
    for (let e = 0; e < 3; e++) maps(phone).markers.set(ownedKey(pid, pick(dims)), { current: 1 + Math.floor(rand() * 5), target: 5 });
    updates.push(Y.encodeStateAsUpdate(phone));
    server.transact(() => {
      for (let v = 0; v < 5; v++) maps(server).votes.set(ownedKey(pid, `dim:${pick(dims)}`), 1 + Math.floor(rand() * 2));
    });
    bytes += updates[updates.length - 1]!.byteLength + updates[updates.length - 2]!.byteLength + 60;
    phone.destroy();
  }
  const merged = Y.mergeUpdates([...updates, Y.encodeStateAsUpdate(server)]);
  server.destroy();
  return merged;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'bench-fixture-160k.bin';
  const u = makeBoardFixture();
  fs.writeFileSync(out, u);
  console.log(`wrote ${out}: ${u.byteLength} bytes`);
}
