/**
 * "First 30 days", the export's first section: an agenda to finish the assessment
 * when much of it is missing, the meeting that settles what the room disagreed on,
 * then the first step of everything in the first horizon, each with one owner
 * (confirmed, or suggested and not yet confirmed). Worded as a proposal to test
 * when the mandate is thin.
 */
import type { Initiative } from '../../domain/types.ts';
import { listNames, plural } from '../../domain/words.ts';
import { suggestedOwners, type ExportContext } from './context.ts';
import { inline } from './escape.ts';
import type { MarkdownWriter } from './writer.ts';

export function firstThirtyDaysSection(out: MarkdownWriter, ctx: ExportContext): void {
  const { board, roadmap, people, meeting, acts, firstHorizon, scheduled, label, ownerLine } = ctx;
  out.heading(2, 'First 30 days');
  const unassessed = roadmap.summaries.filter((s) => s.answers === 0);
  const nobodyVoted = roadmap.summaries.every((s) => s.votes === 0) && people.length > 0;
  const thin = (roadmap.cautions ?? []).some((c) => c.kind === 'thin-mandate');
  const items: string[] = [];
  if (unassessed.length > 0 && unassessed.length < roadmap.summaries.length) {
    const names = listNames(unassessed.map((s) => inline(s.name)));
    const splits = roadmap.summaries.filter((s) => s.disagreement && s.answers > 0).map((s) => inline(s.name));
    const agenda = [
      `place today and the target on ${names}`,
      ...(splits.length > 0 ? [`talk through where the room is split (${listNames(splits)})`] : []),
      ...(nobodyVoted ? ['hold the vote'] : []),
    ];
    items.push(
      unassessed.length * 2 > roadmap.summaries.length
        ? `**First, finish the assessment (about an hour with the same people):** ${agenda.map((a, n) => `${n + 1}) ${a}`).join('; ')}. Most of the canvas has no answers yet, so the steps below cover only the ${plural(roadmap.summaries.length - unassessed.length, 'dimension')} that ${roadmap.summaries.length - unassessed.length === 1 ? 'was' : 'were'} assessed.`
        : `**Before anything else:** ${listNames(agenda)}; the steps below cover only what was assessed.`,
    );
  } else if (nobodyVoted && roadmap.initiatives.length > 0) {
    items.push(
      '**Before anything else:** hold the vote, so the order follows what the room wants first; until then the order follows the size of each gap.',
    );
  }
  const item = (i: Initiative) => `**${label(i)}.** ${inline(i.firstStep) || 'First step to be agreed by the owner.'} ${ownerLine(i)}`;
  items.push(...meeting.map(item), ...acts.map(item));
  if (roadmap.initiatives.length === 0 && roadmap.summaries.every((s) => s.answers === 0)) {
    out.para(
      'Nobody has placed a marker on the canvas yet, so there is nothing to plan from: the first meeting should place today and the target on each dimension, then vote.',
    );
  } else if (items.length === 0) {
    out.para('There is nothing to start: no dimension has a gap between where the room puts us today and where it wants to be.');
  } else {
    const intro: string[] = [];
    if (thin) intro.push('A proposal to test, not yet a decision (see Before you act).');
    // Under a capacity barrier the meeting is not one of the first horizon's places: said, so the list agrees with "room for 2".
    const room =
      roadmap.firstRoom !== undefined && firstHorizon === scheduled[0] && firstHorizon
        ? ` in ${inline(firstHorizon.label)}, which has room for ${roadmap.firstRoom}`
        : '';
    if (meeting.length > 0)
      intro.push(`One meeting to settle what the room disagreed on${firstHorizon ? `, then the first steps${room}` : ''}.`);
    else if (firstHorizon)
      intro.push(`The first steps in ${inline(firstHorizon.label)}${room ? `, which has room for ${roadmap.firstRoom}` : ''}.`);
    if (firstHorizon && firstHorizon !== scheduled[0])
      intro.push(`Nothing starts in ${inline(scheduled[0]!.label)}: the reasons below say why.`);
    if (!board.settings.anonymous && roadmap.initiatives.some((i) => suggestedOwners(i).length > 0)) {
      intro.push('Each suggested owner wrote most cards on the dimension or voted for it: the room confirms or names someone else.');
    }
    if (intro.length > 0) out.para(intro.join(' '));
    out.list(items);
  }
}
