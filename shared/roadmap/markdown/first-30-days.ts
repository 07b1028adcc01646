/**
 * "First 30 days", the export's first section: the meeting that settles what the
 * room disagreed on, then the first step of everything in the first horizon,
 * with owners or suggested owners; or what to finish before there is a plan.
 */
import type { Initiative } from '../../domain/types.ts';
import { plural } from '../../domain/words.ts';
import { suggestedOwners, type ExportContext } from './context.ts';
import { inline } from './escape.ts';
import type { MarkdownWriter } from './writer.ts';

export function firstThirtyDaysSection(out: MarkdownWriter, ctx: ExportContext): void {
  const { board, roadmap, people, meeting, acts, firstHorizon, scheduled, label, ownerLine } = ctx;
  out.heading(2, 'First 30 days');
  const unassessed = roadmap.summaries.filter((s) => s.answers === 0);
  const nobodyVoted = roadmap.summaries.every((s) => s.votes === 0) && people.length > 0;
  const items: string[] = [];
  if (unassessed.length > 0 && unassessed.length < roadmap.summaries.length) {
    items.push(
      `**Before anything else:** finish the assessment (${plural(unassessed.length, 'dimension has', 'dimensions have')} no answers)${nobodyVoted ? ' and hold the vote' : ''}, then generate the roadmap again.`,
    );
  } else if (nobodyVoted && roadmap.initiatives.length > 0) {
    items.push('**Before anything else:** hold the vote, so the order follows what the room wants first, then generate the roadmap again.');
  }
  const item = (i: Initiative) => `**${label(i)}.** ${inline(i.firstStep) || '_No first step set._'}${ownerLine(i) ? ` ${ownerLine(i)}` : ''}`;
  items.push(...meeting.map(item), ...acts.map(item));
  if (roadmap.initiatives.length === 0 && roadmap.summaries.every((s) => s.answers === 0)) {
    out.para('Nobody has placed a marker on the canvas yet, so there is nothing to plan from: run the Assess phase and generate the roadmap again.');
  } else if (items.length === 0) {
    out.para('There is nothing to start: no dimension has a gap between where the room puts us today and where it wants to be.');
  } else {
    const intro: string[] = [];
    if (meeting.length > 0) intro.push(`One meeting to settle what the room disagreed on${firstHorizon ? ', then the first steps' : ''}.`);
    else if (firstHorizon) intro.push(`The first steps in ${inline(firstHorizon.label)}.`);
    if (firstHorizon && firstHorizon !== scheduled[0]) intro.push(`Nothing starts in ${inline(scheduled[0]!.label)}: the reasons below say why.`);
    if (!board.settings.anonymous && roadmap.initiatives.some((i) => suggestedOwners(i).length > 0)) {
      intro.push('Suggested owners wrote cards on the dimension or voted for it: confirm them.');
    }
    if (intro.length > 0) out.para(intro.join(' '));
    out.list(items);
  }
}
