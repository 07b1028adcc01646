/**
 * Typed text made safe for the HTML report: the one place it happens, so what
 * keeps the report safe is read, and attacked by its tests, here. Everything
 * people typed (title, organisation, names, dimension and stage names, horizon
 * labels, card texts, initiative fields) goes through `escapeHtml`.
 *
 * The report has no script and no link built from typed text, so a typed
 * "javascript:" URL stays words on a page. Text is cleaned as the markdown
 * export cleans it (breaks become spaces; control, format and bidi characters
 * go: they could reorder a line unseen), then the five characters that mean
 * something in HTML become entities, which makes the result safe both between
 * tags and inside a quoted attribute.
 */
import { normalise } from '../markdown/escape.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** One line of typed text as HTML text (or a quoted attribute's value); '' when nothing visible was typed. */
export function escapeHtml(text: string): string {
  return normalise(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Typed text inside a sentence: escaped and isolated in a <bdi>, so a name in a
 * right-to-left script neither takes on nor reorders the English around it.
 * Elements that hold nothing but typed text carry dir="auto" instead.
 */
export const typed = (text: string): string => `<bdi>${escapeHtml(text)}</bdi>`;

/** Typed text cut to at most `max` characters (the last one "…" when cut), escaped: for a label with no room to wrap. */
export function clipped(text: string, max: number): string {
  const chars = [...normalise(text)];
  return escapeHtml(
    chars.length > max
      ? `${chars
          .slice(0, max - 1)
          .join('')
          .trimEnd()}…`
      : chars.join(''),
  );
}
