/**
 * The hand-written checks of a phone's card and marker values (server/rooms/value-check.ts)
 * accept exactly what the schemas of shared/schema/protocol.ts accept (a card's text also already
 * clean), over generated values: well-formed ones, near misses and hostile ones (fast-check,
 * seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardValueSchema, MarkerValueSchema } from '../../shared/schema/protocol.ts';
import { isCleanCard, isMarker } from '../../server/rooms/value-check.ts';

const RUNS = { numRuns: 20_000, seed: 20_261_202 };

/** What the write rules accepted before the hand check: the schema, and text already clean. */
const schemaCard = (v: Record<string, unknown>) => {
  const parsed = CardValueSchema.safeParse(v);
  return parsed.success && parsed.data.text === v.text;
};

const junk = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -0, 1, NaN, Infinity, -Infinity, '', 'x', 10n, [], {}, [1], { a: 1 }),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 5 }),
);
const stage = fc.oneof(fc.constantFrom(null, 1, 2, 3, 4, 5, 0, 6, -1, 2.5, NaN, Infinity, '3', -0, 3n), junk);
const invisible = [
  '\u200B',
  '\u200E',
  '\u2067',
  '\uFEFF',
  '\u00AD',
  '\u0000',
  '\u001F',
  '\uD800',
  '\u200D',
  '\u200C',
  '\u034F',
  '\u3164',
  '\u2800',
  ' ',
  '\t',
  '\n',
  '\u00A0',
  '\u0301',
  '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
  '\u{E0041}',
  '\u0600',
];
const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.oneof(fc.constantFrom(...invisible), fc.constantFrom('a', 'Z', '9', 'é', '👨‍👩‍👧', 'ب', '한')), { maxLength: 12 })
    .map((parts) => parts.join('')),
  fc.integer({ min: 270, max: 290 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 270, max: 290 }).map((n) => `${'a'.repeat(n)} `),
  fc.constantFrom('We ask customers first', ' padded', 'padded ', 'two\nlines', '\u200B', ''),
  junk,
);
const dimension = fc.oneof(fc.constantFrom(null, 'brand', 'a', 'a-b', '-a', 'A', 'a_b', 'a'.repeat(40), 'a'.repeat(41), '9x', ''), junk);
const horizon = fc.oneof(fc.constantFrom(null, undefined, 'now', 'next-2', 'a'.repeat(20), 'a'.repeat(21), 'Now', '', 'a b'), junk);
const createdAt = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1.5, 8_640_000_000_000_000, 8_640_000_000_000_001, 2 ** 53, 2 ** 53 - 1, NaN, Infinity, '1', 1n),
  fc.integer({ min: 0 }),
  fc.double(),
  junk,
);
const kind = fc.oneof(fc.constantFrom('practice', 'barrier', 'note', 'Practice', ''), junk);
const extraKey = fc.constantFrom('id', 'author', 'order', 'constructor', 'toString', 'hasOwnProperty', 'x');

/** A card-like object: each field present or not, well-formed or not, sometimes an extra key. */
const cardLike = fc
  .record(
    { kind, text, dimension, stage, createdAt, notBefore: horizon, extra: fc.option(fc.tuple(extraKey, junk), { nil: undefined }) },
    { requiredKeys: [] },
  )
  .map(({ extra, ...fields }) => {
    const v: Record<string, unknown> = { ...fields };
    if (extra) v[extra[0]] = extra[1];
    return v;
  });
/** Mostly `good`, sometimes `other`. */
const likely = <T, U>(good: fc.Arbitrary<T>, other: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: other, weight: 1 });
/** Mostly valid cards, so that both sides say yes often enough to matter. */
const nearCard = fc
  .record({
    kind: fc.constantFrom('practice', 'barrier'),
    text: likely(fc.constantFrom('We ask customers first', 'Teams share what they learn'), text),
    dimension: likely(fc.constantFrom('brand', 'people', null), dimension),
    stage: likely(fc.constantFrom(1, 3, 5, null), stage),
    createdAt: likely(fc.integer({ min: 0, max: 2_000_000_000_000 }), createdAt),
    notBefore: likely(fc.constantFrom(undefined, null, 'now'), horizon),
    absent: fc.boolean(),
  })
  .map(({ absent, ...v }) => {
    const out: Record<string, unknown> = { ...v };
    if (v.notBefore === undefined && absent) delete out.notBefore; // absent, not undefined
    return out;
  });

describe('value checks by hand', () => {
  it('accept exactly the cards the schema accepts with clean text', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(cardLike, nearCard), (v) => {
        const expected = schemaCard(v);
        if (expected) accepted++;
        expect(isCleanCard(v)).toBe(expected);
      }),
      RUNS,
    );
    // The property says nothing if nothing is ever accepted.
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 20);
  });

  it('accept exactly the markers the schema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc
          .record(
            {
              current: fc.oneof(fc.constantFrom(null, 1, 3, 5), stage),
              target: fc.oneof(fc.constantFrom(null, 2, 4), stage),
              extra: fc.option(fc.tuple(extraKey, junk), { nil: undefined, freq: 4 }),
            },
            { requiredKeys: [] },
          )
          .map(({ extra, ...fields }) => {
            const v: Record<string, unknown> = { ...fields };
            if (extra) v[extra[0]] = extra[1];
            return v;
          }),
        (v) => {
          const expected = MarkerValueSchema.safeParse(v).success;
          if (expected) accepted++;
          expect(isMarker(v)).toBe(expected);
        },
      ),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 50);
  });

  it('agree on a key that lib0 decodes as an own "__proto__" field', () => {
    const v = JSON.parse('{"kind":"practice","text":"ok","dimension":"brand","stage":2,"createdAt":1,"__proto__":{"x":1}}') as Record<
      string,
      unknown
    >;
    expect(isCleanCard(v)).toBe(schemaCard(v));
    expect(isCleanCard(v)).toBe(false);
  });
});
