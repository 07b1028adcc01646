/**
 * The markdown export: one file a management team can paste into a wiki, a
 * repository or an email and read without the app, the morning after. It opens
 * with what to do in the first 30 days, says plainly what the data cannot
 * carry, then gives the plan by horizon; the record of the board (the canvas
 * table, barriers, practice cards) is the appendix. Pure: the date comes in as
 * an argument.
 *
 * Each section has a file of its own here; everything people typed goes through
 * escape.ts, which makes sure it cannot open markup, break a table row or turn
 * into a link. The output is GFM that passes markdownlint with MD013 (line
 * length: paragraphs are one line each) and MD026 (trailing punctuation in
 * headings: headings carry titles people typed) switched off.
 */
import type { BoardState, Roadmap } from '../../domain/types.ts';
import { appendixSection } from './appendix.ts';
import { beforeYouActSection } from './before-you-act.ts';
import { readExport } from './context.ts';
import { firstThirtyDaysSection } from './first-30-days.ts';
import { laterWorkSection, planSection } from './plan.ts';
import { sinceSection } from './since.ts';
import { titleSection } from './title.ts';
import { MarkdownWriter } from './writer.ts';

export { exportFileName, fileNameFor } from './file-name.ts';

/**
 * The roadmap and a record of the board as one GFM document:
 * - title, organisation, date, participants (names only, none in anonymous mode);
 * - on a re-run, "Since" the earlier workshop: what moved, what became of its plan;
 * - "First 30 days": the meeting that settles what the room disagreed on, and
 *   the first step of everything in the first horizon, with owners or suggested owners;
 * - "Before you act" (when there is something to say): gaps in the data,
 *   splits, targets to question, from `roadmap.cautions`;
 * - the roadmap: a short summary, a legend of the stages, a Mermaid Gantt
 *   chart, then each horizon with each initiative's why, first step, owner and
 *   benchmark (a suggestion where nobody set one);
 * - the appendix: the canvas as a table and how to read it, the barriers, and
 *   the practice cards by dimension.
 *
 * The canvas table and summary come from `roadmap.summaries` (the board as it
 * was when the roadmap was generated); participants, barriers and practice
 * cards come from `board`. Removed participants and their cards are left out.
 * Reads roadmaps stored before suggestions and cautions existed.
 * Throws AppError INVALID_VALUE when `options.date` is not yyyy-mm-dd.
 */
export function toMarkdown(board: BoardState, roadmap: Roadmap, options: { date: string }): string {
  const ctx = readExport(board, roadmap, options.date);
  const out = new MarkdownWriter();
  titleSection(out, ctx);
  sinceSection(out, ctx);
  firstThirtyDaysSection(out, ctx);
  beforeYouActSection(out, ctx);
  planSection(out, ctx);
  appendixSection(out, ctx);
  laterWorkSection(out, ctx);
  return out.toString();
}
