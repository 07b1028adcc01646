/**
 * Typed text made safe for the markdown export, and for the Mermaid chart in it.
 * Everything people typed (title, organisation, names, dimension names, stage
 * names, horizon labels, card texts, initiative fields) goes through `inline`,
 * which keeps the text as typed while making sure it cannot open markup, break
 * a table row or turn into a link. Kept apart from the sections, so what makes
 * the export safe is read, and attacked by its tests, in one place.
 */
import { cleanText } from '../../domain/text.ts';

/** Line breaks of every kind, with the blanks around them: collapsed to one space, since one field is one line. */
const BREAKS = /[ \t]*(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])[ \t]*/g;
/**
 * What GFM would turn into a link (an autolink literal: a URL, www. address or
 * e-mail). It is shown in a code span instead: as typed, not clickable, and
 * not a "bare URL". Stops at characters that would end a code span or a cell.
 * GFM links a URL after any character but a letter (a digit, an underscore), and an
 * e-mail whose domain starts with a dot: both are caught here too.
 */
const LINKISH = /(?:(?<![a-z])(?:https?:\/\/|www\.|mailto:|xmpp:)[^\s<>`|\\]*|[\w.+-]+@(?=[\w.-]*\.[\w-])[\w.-]*[\w-])/gi;
/** Characters that can open or close markup anywhere in a line, plus `|` (cells) and `$` (GitHub math). */
const MARKUP = /[\\`*_[\]<>#|~$]/g;

/**
 * One line of what someone typed: breaks and tabs become spaces, then the same
 * cleaning the schemas apply (shared/domain/text.ts): control and format characters
 * (zero-width spaces, bidi marks, embeddings, overrides and isolates) go, as
 * they can reorder how a line displays (a table row, a heading) unseen. This
 * also covers boards stored before the schemas cleaned text. Empty when
 * nothing but blanks was typed: the sections test it to say "not set".
 */
export function normalise(text: string): string {
  return cleanText(
    String(text ?? '')
      .replace(BREAKS, ' ')
      .replace(/\t/g, ' '),
  );
}

function escapePlain(text: string): string {
  return text.replace(MARKUP, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/**
 * Text someone typed, made safe for one line of markdown: a heading, a list
 * item, a paragraph or a table cell. `lineStart` also escapes what would open
 * a block (a list marker, a numbered item, a setext underline) at the start.
 */
export function inline(text: string, lineStart = false): string {
  const clean = normalise(text);
  let out = '';
  let last = 0;
  for (const m of clean.matchAll(LINKISH)) {
    out += escapePlain(clean.slice(last, m.index)) + '`' + m[0] + '`';
    last = m.index + m[0].length;
  }
  out += escapePlain(clean.slice(last));
  if (lineStart) out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** Text for a Mermaid label: letters, digits and a little punctuation only, so it cannot end a statement or open a comment. */
export function mermaidLabel(text: string, max = 60): string {
  const cleaned = normalise(text)
    .replace(/&/g, ' and ')
    .replace(/:/g, ' - ')
    .replace(/[^\p{L}\p{M}\p{N} .,'/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...cleaned];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : cleaned;
}
