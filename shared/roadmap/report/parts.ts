/**
 * The phrasings the report's sections share, as HTML: the markdown export's
 * context (../markdown/context.ts) decides what is shown, in what order and to
 * whom; this file only says it with typed text escaped for HTML instead of
 * markdown.
 */
import type { Initiative } from '../../domain/types.ts';
import { ownerWords, type ExportContext } from '../markdown/context.ts';
import { escapeHtml, typed } from './escape-html.ts';

/** Typed text in a sentence, or `fallback` (already HTML) when nothing visible was typed. */
export const typedOr = (text: string, fallback: string): string => (escapeHtml(text) ? typed(text) : fallback);

export interface HtmlParts {
  /** A stage's name as the workshop calls it. */
  stage: (s: number) => string;
  /** A middle answer in a table: the stage's name and number, or "no answers". */
  stageCell: (s: number | null) => string;
  /** "3. Title", as headings and lists name an initiative. */
  label: (i: Initiative) => string;
  /** The markdown's owner line ("Owner: Sam (suggested, not yet confirmed), with Ana."), names as HTML. */
  ownerLine: (i: Initiative) => string;
}

export function htmlParts({ board, stageName, numbered }: ExportContext): HtmlParts {
  const stage = (s: number) => typed(stageName(s));
  return {
    stage,
    stageCell: (s) => (s === null ? 'no answers' : `${stage(s)} (${s})`),
    label: (i) => `${numbered.get(i.id)}. ${typedOr(i.title, 'Untitled')}`,
    ownerLine: (i) => ownerWords(i, board.settings.anonymous, typed),
  };
}

/** A bulleted list; nothing when there are no items. */
export const list = (items: readonly string[], attrs = ''): string =>
  items.length === 0 ? '' : `<ul${attrs}>${items.map((t) => `<li>${t}</li>`).join('')}</ul>`;
