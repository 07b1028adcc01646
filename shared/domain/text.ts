/**
 * Text people type, cleaned once: the schemas in protocol.ts, the phone before
 * it writes a card, and the markdown export all use `cleanText`. Zod-free, so
 * the phone bundle can import it.
 *
 * Invisible characters are removed everywhere: control characters (tab and
 * line breaks are kept: cards may hold a line break), lone surrogates, and
 * format characters (Unicode category Cf): zero-width space, word joiner,
 * BOM, soft hyphen, bidi marks, embeddings, overrides and isolates, invisible
 * operators, stray tag characters. They carry nothing a reader sees, and bidi
 * controls can reorder how the rest of a line displays.
 *
 * Kept, because text needs them: the zero-width joiner and non-joiner between
 * visible characters (emoji sequences, Persian and Indic scripts), emoji tag
 * sequences (the flags of England, Scotland, Wales), and the few format
 * characters that draw a visible sign (the Arabic number signs).
 *
 * Then the ends are trimmed of blanks: white space, joiners, and the "filler"
 * letters that draw nothing (Hangul fillers, the braille blank). A string
 * left with nothing a reader could see becomes '', which the schemas refuse
 * as EMPTY_TEXT.
 */

/** An emoji tag sequence (black flag, tag letters, cancel tag), or one control, format or lone surrogate character. */
const INVISIBLE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|[\p{Cc}\p{Cf}\p{Cs}]/gu;
/** Cc/Cf characters that stay: tab and line breaks, the joiners, and format characters drawn as a visible sign. */
const KEEP = new Set([
  '\t',
  '\n',
  '\r',
  '\u200C',
  '\u200D',
  '\u0600',
  '\u0601',
  '\u0602',
  '\u0603',
  '\u0604',
  '\u0605',
  '\u06DD',
  '\u070F',
  '\u0890',
  '\u0891',
  '\u08E2',
  '\u{110BD}',
  '\u{110CD}',
]);
/** Letters and symbols that draw nothing: Hangul fillers, the halfwidth Hangul filler, the braille blank. */
const FILLERS = '\u115F\u1160\u3164\uFFA0\u2800';
/** What may not stand at either end: white space, joiners, the combining grapheme joiner, fillers. */
const BLANK_ENDS = new RegExp(`^[\\s\\u200C\\u200D\\u034F${FILLERS}]+|[\\s\\u200C\\u200D\\u034F${FILLERS}]+$`, 'gu');
/** Something a reader can see. */
const VISIBLE = new RegExp(`[^\\s\\p{M}\\u200C\\u200D${FILLERS}]`, 'u');

function clean(text: string): string {
  const stripped = text.replace(INVISIBLE, (m) => (m.codePointAt(0) === 0x1f3f4 || KEEP.has(m) ? m : ''));
  const trimmed = stripped.replace(BLANK_ENDS, '');
  return VISIBLE.test(trimmed) ? trimmed : '';
}

/**
 * Removes invisible characters (see the module comment) and trims blanks from
 * both ends. With `max`, also cuts to at most that many UTF-16 units, never
 * leaving half a surrogate pair or a blank end: what the phone writes is then
 * exactly what the server's schema would make of it.
 */
export function cleanText(text: string, max = Infinity): string {
  const out = clean(text);
  return out.length > max ? clean(out.slice(0, max)) : out;
}

/** True when `text` has nothing a reader could see once cleaned (blank, or invisible characters only). */
export const isBlankText = (text: string): boolean => cleanText(text) === '';
