/**
 * The report's opening, as the markdown export's: the title block (organisation,
 * date, who took part: names only, none in an anonymous workshop), "First 30
 * days" and "Before you act".
 */
import type { Initiative } from '../../domain/types.ts';
import { plural } from '../../domain/words.ts';
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
  const items: string[] = [];
  if (unassessed.length > 0 && unassessed.length < roadmap.summaries.length) {
    items.push(
      `<strong>Before anything else:</strong> finish the assessment (${plural(unassessed.length, 'dimension has', 'dimensions have')} no answers)${nobodyVoted ? ' and hold the vote' : ''}, then generate the roadmap again.`,
    );
  } else if (nobodyVoted && roadmap.initiatives.length > 0) {
    items.push('<strong>Before anything else:</strong> hold the vote, so the order follows what the room wants first, then generate the roadmap again.');
  }
  const item = (i: Initiative) => {
    const owner = ownerLine(i);
    return `<strong>${label(i)}.</strong> ${typedOr(i.firstStep, '<em>No first step set.</em>')}${owner ? ` <span class="owner">${owner}</span>` : ''}`;
  };
  items.push(...meeting.map(item), ...acts.map(item));
  let body: string;
  if (roadmap.initiatives.length === 0 && roadmap.summaries.every((s) => s.answers === 0)) {
    body = '<p>Nobody has placed a marker on the canvas yet, so there is nothing to plan from: run the Assess phase and generate the roadmap again.</p>';
  } else if (items.length === 0) {
    body = '<p>There is nothing to start: no dimension has a gap between where the room puts us today and where it wants to be.</p>';
  } else {
    const intro: string[] = [];
    if (meeting.length > 0) intro.push(`One meeting to settle what the room disagreed on${firstHorizon ? ', then the first steps' : ''}.`);
    else if (firstHorizon) intro.push(`The first steps in ${typed(firstHorizon.label)}.`);
    if (firstHorizon && firstHorizon !== scheduled[0]) intro.push(`Nothing starts in ${typed(scheduled[0]!.label)}: the reasons below say why.`);
    if (!board.settings.anonymous && roadmap.initiatives.some((i) => suggestedOwners(i).length > 0)) {
      intro.push('Suggested owners wrote cards on the dimension or voted for it: confirm them.');
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
