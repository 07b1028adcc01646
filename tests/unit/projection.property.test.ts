/**
 * The projection recomputes only what changed since its last update (the
 * people whose documents, registrations or ledger entries changed; the parts
 * of the room the changed ledger roots feed). It must write exactly what a
 * full recompute writes: over random sequences of phone edits, joins,
 * removals and facilitator commands (fast-check, seeded), an incremental
 * projection and one that recomputes everything every time, run side by side
 * over the same state with the same Yjs client ids, hold byte-identical
 * documents after every update; and a projection built afresh reads the same.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { privateMaps } from '../../shared/doc/private-doc.ts';
import type { Command } from '../../shared/schema/protocol.ts';
import { defaultDimensions } from '../../shared/domain/workshop-model.ts';
import { readRoadmap } from '../../shared/doc/roadmap-doc.ts';
import { executeCommand } from '../../server/rooms/commands.ts';
import { ledgerMaps, ownedKey } from '../../server/rooms/ledger.ts';
import { Projection } from '../../server/rooms/projection.ts';
import type { RoomState } from '../../server/rooms/room-state.ts';
import { testState } from '../helpers/room-state.ts';

const RUNS = { numRuns: 100, seed: 20_261_201 };
const DIMS = defaultDimensions().map((d) => d.key);
const PEOPLE = ['ana', 'ben', 'cy', 'dee', 'eli'];
const CARDS = ['c1', 'c2', 'c3'];
const TEXTS = ['Agency runs our account', 'Legal signs off', 'We listen'];

type Op =
  | { op: 'join'; who: number }
  | { op: 'card'; who: number; card: number; kind: 'practice' | 'barrier'; text: number; dim: number; stage: number }
  | { op: 'uncard'; who: number; card: number }
  | { op: 'marker'; who: number; dim: number; current: number | null; target: number | null }
  | { op: 'unmarker'; who: number; dim: number }
  | { op: 'vote'; who: number; target: number; count: number }
  | { op: 'command'; command: Command }
  | { op: 'remove'; who: number }
  | { op: 'move'; card: number; dim: number; stage: number }
  | { op: 'aside'; card: number; aside: boolean }
  | { op: 'volunteer'; who: number; offer: boolean }
  | { op: 'update'; roadmap: boolean };

const stage = fc.integer({ min: 1, max: 5 });
const who = fc.integer({ min: 0, max: PEOPLE.length - 1 });
const dim = fc.integer({ min: 0, max: 3 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('join' as const), who }) },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('card' as const),
      who,
      card: fc.integer({ min: 0, max: CARDS.length - 1 }),
      kind: fc.constantFrom('practice' as const, 'barrier' as const),
      text: fc.integer({ min: 0, max: TEXTS.length - 1 }),
      dim,
      stage,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('uncard' as const), who, card: fc.integer({ min: 0, max: CARDS.length - 1 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('marker' as const), who, dim, current: fc.option(stage), target: fc.option(stage) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unmarker' as const), who, dim }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('vote' as const),
      who,
      target: fc.integer({ min: 0, max: 6 }),
      count: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('command' as const),
      command: fc.oneof(
        fc.constantFrom<Command>(
          { type: 'phase:set', phase: 'map' },
          { type: 'phase:set', phase: 'assess' },
          { type: 'phase:set', phase: 'prioritise' },
          { type: 'phase:set', phase: 'roadmap' },
          { type: 'reveal:set', phase: 'map', revealed: true },
          { type: 'reveal:set', phase: 'map', revealed: false },
          { type: 'reveal:set', phase: 'assess', revealed: true },
          { type: 'reveal:set', phase: 'prioritise', revealed: true },
          { type: 'settings:update', settings: { minAnswers: 1 } },
          { type: 'settings:update', settings: { minAnswers: 3 } },
          { type: 'settings:update', settings: { privateUntilReveal: false } },
          { type: 'timer:start', durationMs: 60_000 },
          { type: 'roadmap:generate', apply: true },
        ),
        fc.constant<Command>({
          type: 'template:set',
          dimensions: defaultDimensions()
            .slice(1, 4)
            .map((d) => ({ key: d.key, name: d.name })),
        }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), card: fc.integer({ min: 0, max: 20 }), dim, stage }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('aside' as const), card: fc.integer({ min: 0, max: 20 }), aside: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('volunteer' as const), who, offer: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('update' as const), roadmap: fc.boolean() }) },
);

/** Applies one operation to the state as the room would (phones write their own documents; the rest are commands). */
function apply(state: RoomState, o: Op, joined: Set<string>): boolean {
  const pid = 'who' in o ? PEOPLE[o.who]! : '';
  const facilitator = { role: 'facilitator' as const, participantId: null };
  const run = (command: Command, actor: { role: 'facilitator' | 'participant'; participantId: string | null } = facilitator) => {
    try {
      return executeCommand(state, command, actor, 1_000_000).roadmap === true;
    } catch {
      return false; // refused: nothing changed
    }
  };
  switch (o.op) {
    case 'join':
      if (joined.has(pid)) return false;
      joined.add(pid);
      ledgerMaps(state.ledger).participants.set(pid, {
        id: pid,
        name: pid.toUpperCase(),
        joinedAt: 100 + joined.size,
        personId: `person-${pid}`,
      });
      state.privateDoc(pid);
      return false;
    case 'card':
      if (!joined.has(pid)) return false;
      privateMaps(state.privateDoc(pid)).cards.set(CARDS[o.card]!, {
        kind: o.kind,
        text: TEXTS[o.text]!,
        dimension: DIMS[o.dim]!,
        stage: o.kind === 'practice' ? o.stage : null,
        createdAt: 10 * o.card + o.who,
      });
      return false;
    case 'uncard':
      if (joined.has(pid)) privateMaps(state.privateDoc(pid)).cards.delete(CARDS[o.card]!);
      return false;
    case 'marker':
      if (joined.has(pid)) privateMaps(state.privateDoc(pid)).markers.set(DIMS[o.dim]!, { current: o.current, target: o.target });
      return false;
    case 'unmarker':
      if (joined.has(pid)) privateMaps(state.privateDoc(pid)).markers.delete(DIMS[o.dim]!);
      return false;
    case 'vote': {
      if (!joined.has(pid)) return false;
      const ids = [...ledgerMaps(state.ledger).cards.values()].map((r) => r.id);
      const target = o.target < 3 ? `dim:${DIMS[o.target]}` : ids[o.target - 3] ? `card:${ids[o.target - 3]}` : `dim:${DIMS[0]}`;
      // Straight into the ledger as well as through the command, so totals over any state are checked.
      if (o.count === 0) ledgerMaps(state.ledger).votes.delete(ownedKey(pid, target));
      else ledgerMaps(state.ledger).votes.set(ownedKey(pid, target), o.count);
      return false;
    }
    case 'command':
      return run(o.command);
    case 'remove':
      return joined.has(pid) ? run({ type: 'participant:remove', participantId: pid }) : false;
    case 'move': {
      const ids = [...ledgerMaps(state.ledger).cards.values()].map((r) => r.id);
      const id = ids[o.card % Math.max(1, ids.length)];
      return id ? run({ type: 'card:move', cardId: id, dimension: DIMS[o.dim]!, stage: o.stage }) : false;
    }
    case 'aside': {
      const ids = [...ledgerMaps(state.ledger).cards.values()].map((r) => r.id);
      const id = ids[o.card % Math.max(1, ids.length)];
      return id ? run({ type: 'card:set-aside', cardId: id, aside: o.aside }) : false;
    }
    case 'volunteer': {
      const first = readRoadmap(state.ledger)?.initiatives[0]?.id;
      if (!first || !joined.has(pid)) return false;
      return run({ type: 'owner:volunteer', initiativeId: first, offer: o.offer }, { role: 'participant', participantId: pid });
    }
    case 'update':
      return o.roadmap;
  }
}

/** The document's full state, hashed so a failure prints something readable. */
const bytes = (doc: Y.Doc) => createHash('sha256').update(Y.encodeStateAsUpdate(doc)).digest('hex');

function pinned(state: RoomState, incremental: boolean): Projection {
  const p = new Projection(state, { incremental });
  p.room.clientID = 1;
  p.console.clientID = 2;
  return p;
}

describe('the incremental projection', () => {
  for (const anonymous of [false, true]) {
    it(`writes what a full recompute writes, update for update (${anonymous ? 'anonymous' : 'named'})`, () => {
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 80, size: 'max' }), fc.boolean(), (ops, incFirst) => {
          const state = testState(['ana'], { anonymous });
          const joined = new Set(['ana']);
          const inc = pinned(state, true);
          const full = pinned(state, false);
          let roadmap = true;
          const step = (i: number) => {
            // Either may be the one that registers new cards; the other must see the same state.
            const order = (i % 2 === 0) === incFirst ? [inc, full] : [full, inc];
            for (const p of order) p.update({ roadmap });
            roadmap = false;
            expect(inc.room.toJSON()).toEqual(full.room.toJSON());
            expect(inc.console.toJSON()).toEqual(full.console.toJSON());
            expect(bytes(inc.room)).toBe(bytes(full.room));
            expect(bytes(inc.console)).toBe(bytes(full.console));
          };
          step(0);
          ops.forEach((o, i) => {
            roadmap = apply(state, o, joined) || roadmap;
            if (o.op === 'update') step(i + 1);
          });
          step(ops.length + 1);
          // And both read as a projection built afresh from the state.
          const fresh = new Projection(state);
          fresh.update();
          expect(inc.room.toJSON()).toEqual(fresh.room.toJSON());
          expect(inc.console.toJSON()).toEqual(fresh.console.toJSON());
          for (const p of [inc, full, fresh]) p.destroy();
        }),
        RUNS,
      );
    });
  }

  it('does nothing when nothing changed since the last update', () => {
    const state = testState(['ana', 'ben']);
    const p = new Projection(state);
    p.update();
    let writes = 0;
    p.room.on('update', () => writes++);
    p.console.on('update', () => writes++);
    p.update({ roadmap: false });
    expect(writes).toBe(0);
    privateMaps(state.privateDoc('ana')).markers.set(DIMS[0]!, { current: 2, target: 4 });
    p.update({ roadmap: false });
    expect(writes).toBeGreaterThan(0);
    p.destroy();
  });
});
