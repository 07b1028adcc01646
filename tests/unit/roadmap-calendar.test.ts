/**
 * The plan in time (shared/roadmap/calendar.ts): the day it starts, barriers' time windows
 * that move new work out of them (and the sentence that says so), the capacity barrier that
 * leaves the first horizon one place fewer, and the schema's named refusal of a bad month.
 */
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import { toMarkdown } from '../../shared/roadmap/markdown/index.ts';
import type { BoardState, Card, Roadmap } from '../../shared/domain/types.ts';
import { CardValueSchema, CommandSchema, SettingsPatchSchema, schemaRefusal } from '../../shared/schema/protocol.ts';
import { card, makeBoard, markersOn, participant, vote } from '../fixtures/boards.ts';
import { roadmapOf, SAMPLES } from '../fixtures/samples.ts';
import { holds, monthOf, readHold } from '../../shared/domain/months.ts';
import { facesPublic } from '../../shared/roadmap/calendar.ts';

const ids = ['p1', 'p2', 'p3'];
const initiative = (r: Roadmap, id: string) => r.initiatives.find((i) => i.id === id)!;

/** Three people who agree: conversation (the top vote) and brand go one stage; people (groundwork) too. */
function board(barriers: Card[] = [], planStart?: string): BoardState {
  const b = makeBoard({
    participants: ids.map((id, i) => participant(id, id, i)),
    markers: ['conversation', 'brand', 'people'].flatMap((d) => markersOn(ids, d, [2, 2, 2], [3, 3, 3])),
    votes: [vote('p1', 'dim:conversation', 3), vote('p2', 'dim:conversation', 3), vote('p3', 'dim:brand', 2)],
    cards: barriers,
  });
  if (planStart) b.settings = { ...b.settings, planStart };
  return b;
}
const barrier = (text: string, dimension: string | null, hold: string | null): Card => ({
  ...card('p1', text, dimension, null, 'barrier'),
  hold,
});

describe('a barrier with a time window', () => {
  it('moves the work of its dimension past the window, and the work says when and why', () => {
    const r = generateRoadmap(board([barrier('The supplier contract runs to September', 'conversation', '/2025-09')]), '2025-03-14');
    const conversation = initiative(r, 'conversation:move');
    // Now (March to June) and Next (June to September) start inside the window; Later starts in September, still inside it.
    expect(conversation.horizon).toBe('later');
    expect(conversation.startMonth).toBe(7);
    expect(conversation.why).toContain(
      'The room gave it the most votes (6 of the 8 cast), but it starts in Later, in October 2025: “The supplier contract runs to September” (not before October 2025).',
    );
    // Work the window does not concern starts at once.
    expect(initiative(r, 'brand:move').horizon).toBe('now');
    expect(initiative(r, 'brand:move').startMonth).toBeUndefined();
    // The export's chart starts it in October too.
    const md = toMarkdown(board(), r, { date: '2025-03-20' });
    expect(md).toMatch(/Conversation and inbound communication - from Broadcasting to Experimenting :i\d+, 2025-10-14, 2026-03-14/);
  });

  it('starts work later within its horizon when the window covers only its first months', () => {
    const r = generateRoadmap(board([barrier('Quiet period until April', 'conversation', '/2025-04')]), '2025-03-14');
    const conversation = initiative(r, 'conversation:move');
    expect(conversation.horizon).toBe('now');
    expect(conversation.startMonth).toBe(2);
    expect(conversation.why.join(' ')).toContain('it starts in Now, in May 2025: “Quiet period until April” (not before May 2025).');
  });

  it('a general window holds all new public work, but not groundwork', () => {
    const r = generateRoadmap(board([barrier('The pre-election period from March to May', null, '2025-03/2025-05')]), '2025-03-14');
    expect(initiative(r, 'conversation:move').horizon).toBe('next');
    expect(initiative(r, 'brand:move').horizon).toBe('next');
    expect(initiative(r, 'people:move').horizon).toBe('now');
    expect(initiative(r, 'people:move').startMonth).toBeUndefined();
  });

  it('holds groundwork whose first step faces the public, and says so', () => {
    const b = board([barrier('The pre-election period from March to May', null, '2025-03/2025-05')]);
    // Leadership out of Broadcasting: "each leader answers customers in person on one of our channels".
    b.markers.push(...markersOn(ids, 'leadership', [2, 2, 2], [3, 3, 3]));
    const r = generateRoadmap(b, '2025-03-14');
    const leadership = initiative(r, 'leadership:move');
    expect(leadership.firstStep).toContain('on one of our channels');
    expect(leadership.horizon).toBe('next');
    expect(leadership.why.join(' ')).toContain(
      'It is groundwork the rest depends on, but its first step faces the public, so it starts in Next, in June 2025: “The pre-election period from March to May” (from March to May 2025).',
    );
    // People's step (a guide, inside) goes ahead in the window.
    expect(initiative(r, 'people:move').horizon).toBe('now');
  });

  it('says what really moved work that starts months after the window is over', () => {
    const b = board([barrier('The pre-election period from March to May', null, '2025-03/2025-05')]);
    b.settings = { ...b.settings, initiativeCap: 1 };
    const r = generateRoadmap(b, '2025-03-14');
    const brand = initiative(r, 'brand:move');
    expect(brand.horizon).toBe('later');
    expect(brand.why.join(' ')).toContain(
      '“The pre-election period from March to May” (from March to May 2025) keeps it out of Now, and Next is full, so it starts in Later.',
    );
    expect(brand.why.join(' ')).not.toContain('in September 2025: “The pre-election');
  });

  it('holds nothing once it is over, and counts from the start the facilitator set', () => {
    const past = generateRoadmap(board([barrier('Audit in January', 'conversation', '2025-01/2025-01')]), '2025-03-14');
    expect(initiative(past, 'conversation:move').horizon).toBe('now');
    // "We start after the busy season": the plan starts in October, so the September window is behind it.
    const later = generateRoadmap(board([barrier('Contract to September', 'conversation', '/2025-09')], '2025-10-01'), '2025-03-14');
    expect(later.start).toBe('2025-10-01');
    expect(initiative(later, 'conversation:move').horizon).toBe('now');
    const md = toMarkdown(board([], '2025-10-01'), later, { date: '2025-03-14' });
    expect(md).toContain('2025-10-01, 2026-01-01');
  });

  it('is ignored without a day to count from, so the plan never reads a clock', () => {
    const r = generateRoadmap(board([barrier('Contract to September', 'conversation', '/2025-09')]));
    expect(r.start).toBeUndefined();
    expect(initiative(r, 'conversation:move').horizon).toBe('now');
  });
});

describe('a general barrier about time or people', () => {
  it('leaves the first horizon one place fewer, and the work it keeps out says so', () => {
    const b = board([barrier('Nobody has time while the office moves', null, null)]);
    b.settings = { ...b.settings, initiativeCap: 2 };
    // People already where the room wants it: nothing the top vote needs goes with it over the cap.
    b.markers = b.markers.map((m) => (m.dimension === 'people' ? { ...m, target: m.current } : m));
    const r = generateRoadmap(b, '2025-03-14');
    const inNow = r.initiatives.filter((i) => i.horizon === 'now').map((i) => i.id);
    expect(inNow).toEqual(['conversation:move']);
    const held = r.initiatives.find((i) => i.why.some((w) => w.includes('leaves Now room for 1, not 2')))!;
    expect(held.horizon).toBe('next');
    expect(held.why.join(' ')).toContain('“Nobody has time while the office moves” leaves Now room for 1, not 2, so it starts in Next.');
  });

  it('changes nothing when it names no time or people, or is tied to a dimension', () => {
    for (const c of [barrier('Legal reads every post', null, null), barrier('Nobody has time', 'brand', null)]) {
      const b = board([c]);
      b.settings = { ...b.settings, initiativeCap: 2 };
      expect(generateRoadmap(b, '2025-03-14').initiatives.filter((i) => i.horizon === 'now')).toHaveLength(2);
    }
  });
});

describe('the schema', () => {
  const refusal = (r: { success: boolean; error?: unknown }) => (r.success ? null : schemaRefusal(r.error as never));

  it('takes a window on a barrier, and a plan start', () => {
    const value = { kind: 'barrier', text: 'Quiet period', dimension: null, stage: null, createdAt: 1, hold: '2025-10/2025-11' };
    expect(CardValueSchema.safeParse(value).success).toBe(true);
    expect(CardValueSchema.safeParse({ ...value, hold: '/2025-09' }).success).toBe(true);
    expect(CommandSchema.safeParse({ type: 'barrier:set', cardId: 'b1', hold: '2025-10/2025-11' }).success).toBe(true);
    expect(CommandSchema.safeParse({ type: 'barrier:set', cardId: 'b1', hold: null }).success).toBe(true);
    expect(SettingsPatchSchema.safeParse({ planStart: '2026-01-15' }).success).toBe(true);
    expect(SettingsPatchSchema.safeParse({ planStart: null }).success).toBe(true);
  });

  it.each(['2025-13/2025-14', '2025-11/2025-10', '2025-00', 'October', '2025-1/2025-2', '/'])(
    'refuses the window %s as INVALID_MONTH, naming the field',
    (hold) => {
      const e = refusal(CommandSchema.safeParse({ type: 'barrier:set', cardId: 'b1', hold }));
      expect(e?.code).toBe('INVALID_MONTH');
      expect(e?.message).toMatch(/^hold: /);
    },
  );

  it('refuses a day that does not exist as INVALID_MONTH, and a window on a practice card', () => {
    expect(refusal(SettingsPatchSchema.safeParse({ planStart: '2026-02-30' }))?.code).toBe('INVALID_MONTH');
    const practice = { kind: 'practice', text: 'x', dimension: 'brand', stage: 2, createdAt: 1, hold: '/2025-09' };
    expect(CardValueSchema.safeParse(practice).success).toBe(false);
  });
});

describe('every golden board', () => {
  it('starts no public-facing step inside a general window, nor in the month before it', () => {
    let checked = 0;
    for (const sample of SAMPLES) {
      const b = sample.board();
      const r = roadmapOf(sample, b);
      if (!r.start) continue;
      const month = monthOf(r.start)!;
      const windows = b.cards.filter((c) => c.kind === 'barrier' && c.dimension === null).flatMap((c) => readHold(c.hold) ?? []);
      for (const i of r.initiatives.filter((x) => x.kind === 'move')) {
        const h = r.horizons.find((x) => x.id === i.horizon)!;
        if (h.kind === 'waiting') continue;
        const enabler = b.dimensions.find((d) => d.key === i.dimension)?.enabler === true;
        if (enabler && !facesPublic(i.firstStep)) continue;
        const start = month + (i.startMonth ?? h.fromMonth);
        for (const w of windows) {
          checked++;
          expect(holds(w, start) || holds(w, start + 1), `${sample.file}: ${i.title} starts in a window`).toBe(false);
        }
      }
    }
    // public-body and both Kestrel rooms have a general window.
    expect(checked).toBeGreaterThan(10);
  });
});
