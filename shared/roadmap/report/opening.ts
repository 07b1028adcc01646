/**
 * The report's opening, as the markdown export's: the title block (organisation,
 * date, who took part: names only, none in an anonymous workshop), "First 30
 * days" and "Before you act".
 */
import type { Initiative } from '../../domain/types.ts';
import { listNames, plural } from '../../domain/words.ts';
import { suggestedOwners, type ExportContext } from '../markdown/context.ts';
import { escapeHtml, typed } from './escape-html.ts';
import { list, typedOr, type HtmlParts } from './parts.ts';

export function titleBlock({ board, day, people }: ExportContext): string {
  const title = escapeHtml(board.title) || 'Workshop roadmap';
  const participants = board.settings.anonymous
    ? `${plural(people.length, 'person', 'people')} (names are not listed: the workshop ran anonymously)`
    : people.length === 0
      ? 'nobody joined'
      : `${people.map((p) => typedOr(p.name, 'unnamed')).join(', ')} (${people.length})`;
  return `<header class="title"><p class="kicker">Migration roadmap</p><h1 dir="auto">${title}</h1><dl class="facts">
<div><dt>Organisation</dt><dd dir="auto">${typedOr(board.organisation, '<em>not set</em>')}</dd></div>
<div><dt>Date</dt><dd>${day}</dd></div>
<div><dt>Participants</dt><dd>${participants}</dd></div>
</dl></header>`;
}

export function firstThirtyDays(ctx: ExportContext, parts: HtmlParts): string {
  const { board, roadmap, people, meeting, acts, firstHorizon, scheduled } = ctx;
  const { label, ownerLine } = parts;
  const unassessed = roadmap.summaries.filter((s) => s.answers === 0);
  const nobodyVoted = roadmap.summaries.every((s) => s.votes === 0) && people.length > 0;
  const thin = (roadmap.cautions ?? []).some((c) => c.kind === 'thin-mandate');
  const items: string[] = [];
  if (unassessed.length > 0 && unassessed.length < roadmap.summaries.length) {
    const names = listNames(unassessed.map((s) => typed(s.name)));
    const splits = roadmap.summaries.filter((s) => s.disagreement && s.answers > 0).map((s) => typed(s.name));
    const agenda = [
      `place today and the target on ${names}`,
      ...(splits.length > 0 ? [`talk through where the room is split (${listNames(splits)})`] : []),
      ...(nobodyVoted ? ['hold the vote'] : []),
    ];
    const assessed = roadmap.summaries.length - unassessed.length;
    items.push(
      unassessed.length * 2 > roadmap.summaries.length
        ? `<strong>First, finish the assessment (about an hour with the same people):</strong> ${agenda.map((a, n) => `${n + 1}) ${a}`).join('; ')}. Most of the canvas has no answers yet, so the steps below cover only the ${plural(assessed, 'dimension')} that ${assessed === 1 ? 'was' : 'were'} assessed.`
        : `<strong>Before anything else:</strong> ${listNames(agenda)}; the steps below cover only what was assessed.`,
    );
  } else if (nobodyVoted && roadmap.initiatives.length > 0) {
    items.push(
      '<strong>Before anything else:</strong> hold the vote, so the order follows what the room wants first; until then the order follows the size of each gap.',
    );
  }
  const item = (i: Initiative) =>
    `<strong>${label(i)}.</strong> ${typedOr(i.firstStep, 'First step to be agreed by the owner.')} <span class="owner">${ownerLine(i)}</span>`;
  items.push(...meeting.map(item), ...acts.map(item));
  let body: string;
  if (roadmap.initiatives.length === 0 && roadmap.summaries.every((s) => s.answers === 0)) {
    body =
      '<p>Nobody has placed a marker on the canvas yet, so there is nothing to plan from: the first meeting should place today and the target on each dimension, then vote.</p>';
  } else if (items.length === 0) {
    body = '<p>There is nothing to start: no dimension has a gap between where the room puts us today and where it wants to be.</p>';
  } else {
    const intro: string[] = [];
    if (thin) intro.push('A proposal to test, not yet a decision (see Before you act).');
    // Under a capacity barrier the meeting is not one of the first horizon's places: said, so the list agrees with "room for 2".
    const room =
      roadmap.firstRoom !== undefined && firstHorizon === scheduled[0] && firstHorizon
        ? ` in ${typed(firstHorizon.label)}, which has room for ${roadmap.firstRoom}`
        : '';
    if (meeting.length > 0)
      intro.push(`One meeting to settle what the room disagreed on${firstHorizon ? `, then the first steps${room}` : ''}.`);
    else if (firstHorizon)
      intro.push(`The first steps in ${typed(firstHorizon.label)}${room ? `, which has room for ${roadmap.firstRoom}` : ''}.`);
    if (firstHorizon && firstHorizon !== scheduled[0])
      intro.push(`Nothing starts in ${typed(scheduled[0]!.label)}: the reasons below say why.`);
    if (!board.settings.anonymous && roadmap.initiatives.some((i) => suggestedOwners(i).length > 0)) {
      intro.push('Each suggested owner wrote most cards on the dimension or voted for it: the room confirms or names someone else.');
    }
    body = `${intro.length > 0 ? `<p>${intro.join(' ')}</p>` : ''}${list(items, ' class="steps"')}`;
  }
  return `<section class="first-30" aria-labelledby="first-30"><h2 id="first-30">First 30 days</h2>${body}</section>`;
}

/** Nothing when the roadmap has no cautions (roadmaps stored before cautions existed have none). */
export function beforeYouAct({ roadmap }: ExportContext): string {
  const cautions = roadmap.cautions ?? [];
  if (cautions.length === 0) return '';
  return `<section class="cautions" aria-labelledby="before-you-act"><h2 id="before-you-act">Before you act</h2>${list(cautions.map((c) => `<span dir="auto">${escapeHtml(c.text)}</span>`))}</section>`;
}
