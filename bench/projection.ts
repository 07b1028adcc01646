/**
 * `node --import tsx bench/projection.ts [--full]`: the cost of one projection pass on the
 * benchmark's fixture room (48 people, 576 cards, everything revealed), with nothing changed,
 * after one phone edit of a card, and after a vote. `--full` recomputes everything every time
 * (what the projection did before it followed changes).
 */
import * as Y from 'yjs';
import { initBoard } from '../shared/doc/meta-doc.ts';
import { privateMaps } from '../shared/doc/private-doc.ts';
import { defaultDimensions } from '../shared/domain/workshop-model.ts';
import { ledgerMaps, ownedKey } from '../server/rooms/ledger.ts';
import { Projection } from '../server/rooms/projection.ts';
import { RoomState } from '../server/rooms/room-state.ts';
import { fixtureContent, writeOursFixture } from './fixture.ts';

const ledger = new Y.Doc();
initBoard(ledger, { title: 'Bench', organisation: 'Org', dimensions: defaultDimensions(), settings: {} });
const state = new RoomState(ledger, new Map());
const people = fixtureContent({ seed: 42 });
writeOursFixture(people, ledger, (pid) => state.privateDoc(pid));
const projection = new Projection(state, { incremental: !process.argv.includes('--full') });
projection.update();

function time(label: string, change: (i: number) => void, n = 300): void {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    change(i);
    const t0 = performance.now();
    projection.update({ roadmap: false });
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!.toFixed(3);
  console.log(`${label.padEnd(28)} p50 ${q(50)} ms  p90 ${q(90)} ms`);
}

const p0 = people[0]!;
const card = p0.cards[0]!;
time('nothing changed', () => {});
time('one card edited', (i) => privateMaps(state.privateDoc(p0.id)).cards.set(card.id, { ...card.value, text: `${card.value.text} ${i}` }));
time('one marker set', (i) =>
  privateMaps(state.privateDoc(p0.id)).markers.set(defaultDimensions()[0]!.key, { current: 1 + (i % 5), target: 5 }),
);
time('one vote', (i) => ledgerMaps(ledger).votes.set(ownedKey(p0.id, 'dim:brand'), 1 + (i % 2)));
