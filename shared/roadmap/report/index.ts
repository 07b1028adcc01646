/**
 * The report: the markdown export's content as one self-contained HTML page a
 * board would rather look at than read, and that prints as the board document
 * ("Save as PDF" from any browser). Fonts from the system, no script, no
 * request: the timeline is an inline SVG drawn in timeline-svg.ts, the canvas
 * a heat-map table.
 *
 * What it shows, and to whom, comes from the markdown export's context
 * (../markdown/context.ts): removed participants and their cards are out, an
 * anonymous workshop names nobody and suggests no owner. Everything people
 * typed goes through escape-html.ts. Pure: the date comes in as an argument.
 */
import type { BoardState, Roadmap } from '../../domain/types.ts';
import { readExport } from '../markdown/context.ts';
import { appendix } from './appendix.ts';
import { clipped, escapeHtml } from './escape-html.ts';
import { beforeYouAct, firstThirtyDays, titleBlock } from './opening.ts';
import { htmlParts } from './parts.ts';
import { laterWork, planSections } from './plan.ts';
import { sinceSection } from './since.ts';
import { REPORT_CSS } from './styles.ts';

/**
 * The roadmap and a record of the board as one HTML document, in the markdown
 * export's order: title, since the earlier workshop (a re-run), first 30 days,
 * before you act, the plan by horizon, look again, the appendix (ending with
 * the later work the plan outlines).
 * Throws AppError INVALID_VALUE when `options.date` is not yyyy-mm-dd.
 */
export function toReportHtml(board: BoardState, roadmap: Roadmap, options: { date: string }): string {
  const ctx = readExport(board, roadmap, options.date);
  const parts = htmlParts(ctx);
  const title = escapeHtml(board.title) || 'Workshop roadmap';
  const org = escapeHtml(board.organisation);
  const footer = `<span dir="auto">${title}</span>${org ? ` · <span dir="auto">${org}</span>` : ''} · ${ctx.day}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle(board.title, `: roadmap, ${ctx.day}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${titleBlock(ctx)}
${sinceSection(ctx, parts)}
${firstThirtyDays(ctx, parts)}
${beforeYouAct(ctx)}
<p class="running-footer">${footer}</p>
${planSections(ctx, parts, footer)}
${appendix(ctx, parts, footer, laterWork(ctx, parts))}
</main>
</body>
</html>
`;
}

/** The page's <title>: short enough for a tab (html-validate counts 70 characters of source, entities included). */
function pageTitle(title: string, suffix: string): string {
  let max = 60;
  while (max > 1 && clipped(title, max).length + suffix.length > 70) max--;
  return `${clipped(title, max) || 'Workshop roadmap'}${suffix}`;
}
