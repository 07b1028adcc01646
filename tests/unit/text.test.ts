/**
 * Invisible text (shared/domain/text.ts) and every text field of the shared schemas:
 * invisible characters are cleaned out, and a field left with nothing a reader
 * could see is refused as EMPTY_TEXT, naming the field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CardValueSchema,
  CommandSchema,
  CreateWorkshopBody,
  JoinBody,
  SettingsPatchSchema,
  schemaRefusal,
} from '../../shared/schema/protocol.ts';
import { cleanText, isBlankText } from '../../shared/domain/text.ts';
import { DEFAULT_SETTINGS } from '../../shared/doc/meta-doc.ts';
import type { z } from 'zod';

/** One of each kind of invisible character the issue names, and a few more. */
const INVISIBLES = {
  'zero-width space': '\u200B',
  'zero-width joiner': '\u200D',
  'zero-width non-joiner': '\u200C',
  'word joiner': '\u2060',
  BOM: '\uFEFF',
  'soft hyphen': '\u00AD',
  'left-to-right mark': '\u200E',
  'right-to-left mark': '\u200F',
  'Arabic letter mark': '\u061C',
  'right-to-left override': '\u202E',
  'left-to-right embedding': '\u202A',
  'pop directional formatting': '\u202C',
  'first strong isolate': '\u2068',
  'pop directional isolate': '\u2069',
  'invisible separator': '\u2063',
  'Mongolian vowel separator': '\u180E',
  'tag letter': '\u{E0041}',
  'Hangul filler': '\u3164',
  'braille blank': '\u2800',
  'combining grapheme joiner': '\u034F',
  'a NUL': '\u0000',
  'a C1 control': '\u0085',
} as const;
const ALL_INVISIBLE = Object.values(INVISIBLES).join('');

describe('cleanText', () => {
  it.each(Object.entries(INVISIBLES))('empties a string made only of a %s (and blanks)', (_name, ch) => {
    expect(cleanText(ch)).toBe('');
    expect(cleanText(` ${ch}${ch}\t`)).toBe('');
  });

  it('empties a mixture of every kind', () => {
    expect(cleanText(ALL_INVISIBLE)).toBe('');
    expect(isBlankText(ALL_INVISIBLE)).toBe(true);
    expect(cleanText('\u0301\u0301')).toBe(''); // combining marks with nothing to sit on
  });

  it('removes invisible characters inside text and trims blanks at the ends', () => {
    expect(cleanText('\u200B Sam\u200B from\u00AD Sales\u200E ')).toBe('Sam from Sales');
    expect(cleanText('\u202Egnp.exe')).toBe('gnp.exe');
    expect(cleanText('Ana\u2066\u2069')).toBe('Ana');
    expect(cleanText('\u3164Ana\u3164')).toBe('Ana');
  });

  it('keeps what text needs: emoji joiners, flags, Persian non-joiners, right-to-left letters, line breaks, no-break spaces', () => {
    for (const kept of [
      '👨\u200D👩\u200D👧 family day',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland',
      'می\u200Cخواهم',
      'שלום עולם',
      'line one\nline two',
      '10\u00A0km',
      '\u0600\u0661\u0662',
      'e\u0301',
    ]) {
      expect(cleanText(kept), JSON.stringify(kept)).toBe(kept);
    }
  });

  it('is idempotent and leaves no format character but the joiners, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.array(fc.constantFrom(...Object.values(INVISIBLES)), { maxLength: 6 }),
        (s, inv) => {
          const input = inv.join('') + s + [...inv].reverse().join('');
          const out = cleanText(input);
          expect(cleanText(out)).toBe(out);
          expect(out).toBe(out.replace(/^[\s\u200C\u200D]+|[\s\u200C\u200D]+$/gu, ''));
          expect(out.replace(/\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu, '')).not.toMatch(
            /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u061C\u{E0000}-\u{E007F}]/u,
          );
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });
});

/** The refusal a server gives for a value, or the cleaned value when it passes. */
function check<S extends z.ZodType>(schema: S, value: unknown): { code: string; message: string } | z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const e = schemaRefusal(r.error);
  return { code: e.code, message: e.message };
}

const refused = (field: string) => ({
  code: 'EMPTY_TEXT',
  message: expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')}: only blank or invisible characters`)),
});

describe('text fields of the shared schemas', () => {
  const blank = `\u200B${ALL_INVISIBLE} \u200D`;

  it('refuse an invisible name, title, dimension name or prompt as EMPTY_TEXT, naming the field', () => {
    expect(check(JoinBody, { name: '\u200B' })).toEqual(refused('name'));
    expect(check(JoinBody, { name: '' })).toEqual(refused('name'));
    expect(check(CreateWorkshopBody, { title: blank })).toEqual(refused('title'));
    expect(check(CreateWorkshopBody, { title: 'Offsite', dimensions: [{ name: 'Brand' }, { name: blank }] })).toEqual(
      refused('dimensions.1.name'),
    );
    expect(check(CreateWorkshopBody, { title: 'Offsite', dimensions: [{ name: 'Brand', prompts: [blank] }] })).toEqual(
      refused('dimensions.0.prompts.0'),
    );
    expect(check(SettingsPatchSchema, { horizons: [{ ...DEFAULT_SETTINGS.horizons[0]!, label: blank }] })).toEqual(
      refused('horizons.0.label'),
    );
  });

  it('refuse a card a phone writes through Yjs when its text is invisible (the server validates with this schema)', () => {
    const card = { kind: 'practice', text: blank, dimension: 'brand', stage: 2, createdAt: 1 };
    expect(check(CardValueSchema, card)).toEqual(refused('text'));
    expect(check(CardValueSchema, { ...card, kind: 'barrier', stage: null, text: '\u2067\u2069' })).toEqual(refused('text'));
    expect(check(CardValueSchema, { ...card, text: '\u200Bour agency\u200E posts' })).toMatchObject({ text: 'our agency posts' });
  });

  it('refuse an invisible initiative title; clean owner, benchmark and first step', () => {
    const edit = (patch: Record<string, string>) => ({ type: 'roadmap:edit', initiativeId: 'brand:move', patch });
    expect(check(CommandSchema, edit({ title: blank }))).toEqual(refused('patch.title'));
    expect(check(CommandSchema, edit({ owner: blank, benchmark: '\u202EAna', firstStep: 'Call\u200B Ben' }))).toEqual(
      edit({ owner: '', benchmark: 'Ana', firstStep: 'Call Ben' }),
    );
  });

  it('clean optional text to empty rather than refuse it: organisation, descriptors, poles', () => {
    const body = check(CreateWorkshopBody, {
      title: '\uFEFFOffsite\u200B',
      organisation: blank,
      dimensions: [{ name: 'Brand\u00AD', left: blank, right: 'x\u200Fy', descriptors: [blank, 'a', 'b', 'c', 'd'] }],
    });
    expect(body).toEqual({
      title: 'Offsite',
      organisation: '',
      dimensions: [{ name: 'Brand', left: '', right: 'xy', descriptors: ['', 'a', 'b', 'c', 'd'] }],
    });
  });

  it('measure length after cleaning, and keep other refusals as INVALID_BODY', () => {
    expect(check(JoinBody, { name: `${'\u200B'.repeat(100)}Ana` })).toEqual({ name: 'Ana' });
    expect(check(JoinBody, { name: 'x'.repeat(41) })).toMatchObject({ code: 'INVALID_BODY' });
    expect(check(JoinBody, { name: 42 })).toMatchObject({ code: 'INVALID_BODY', message: expect.stringMatching(/^name: /) });
  });
});
