/**
 * "The roadmap" as the markdown export has it: the summary, a legend of the
 * stages, the timeline (an SVG here, where the markdown has a Mermaid chart),
 * then each horizon on a page of its own in print, each initiative with its
 * why, first step, owner and benchmark; initiatives whose horizon is gone last.
 * The plan and each horizon end with the workshop's name and date (see
 * styles.ts: the running footer of the printed report).
 */
import { workshopStages } from '../../domain/canvas.ts';
import type { Horizon, Initiative } from '../../domain/types.ts';
import { listNames, plural } from '../../domain/words.ts';
import { isWaitingList } from '../horizons.ts';
import { orList, suggestedBenchmark, type ExportContext } from '../markdown/context.ts';
import { summaryParagraphs } from '../markdown/plan-summary.ts';
import { escapeHtml, typed } from './escape-html.ts';
import { typedOr, type HtmlParts } from './parts.ts';
import { timelineSvg } from './timeline-svg.ts';

const horizonHeading = (h: Horizon) => (isWaitingList(h) ? typed(h.label) : `${typed(h.label)} <span class="months">(months ${h.fromMonth} to ${h.toMonth})</span>`);

export function planSections(ctx: ExportContext, parts: HtmlParts, footer: string): string {
  const { board, roadmap, numbered, acts, inHorizon } = ctx;
  const cap = board.settings.initiativeCap;
  const out: string[] = [];
  const org = escapeHtml(board.organisation) ? typed(board.organisation) : 'the organisation';
  const intro = summaryParagraphs(board, roadmap, org, parts.stage).map((p) => `<p>${p}</p>`);
  const stages = workshopStages(board.stages).map((st) => (escapeHtml(st.short) ? `${typed(st.name)} (${typed(st.short)})` : typed(st.name)));
  const chart = timelineSvg(roadmap, numbered);
  out.push(
    `<section class="plan" aria-labelledby="plan"><h2 id="plan">The roadmap</h2>${intro.join('')}<p>Stages, left to right: ${stages.join(', ')}.</p>${chart ? `<figure class="chart" tabindex="0">${chart}<figcaption>The plan by horizon. Every initiative is written out below.</figcaption></figure>` : ''}<p class="running-footer">${footer}</p></section>`,
  );
  let n = 0;
  for (const h of roadmap.horizons) {
    if (ctx.opening.has(h.id)) continue;
    const here = inHorizon(h);
    if (isWaitingList(h) && here.length === 0) continue;
    const body: string[] = [];
    if (isWaitingList(h)) body.push(`<p>These did not fit in the horizons above without going past ${plural(cap, 'initiative')} in one. Move one in when a slot frees up.</p>`);
    if (here.length === 0) body.push('<p>Nothing is planned in this horizon yet.</p>');
    // Their first steps and owners are under First 30 days: said once.
    const above = here.filter((i) => acts.includes(i) && parts.ownerLine(i));
    if (above.length > 0) {
      const which = above.length === here.length ? '' : ` of ${listNames(above.map((i) => String(numbered.get(i.id))))}`;
      body.push(`<p>First steps and owners${which}: see First 30 days.</p>`);
    }
    for (const i of here) body.push(initiative(ctx, parts, i, acts.includes(i), above.includes(i)));
    out.push(horizonSection(`horizon-${++n}`, horizonHeading(h), body, footer));
  }
  const horizonIds = new Set(roadmap.horizons.map((h) => h.id));
  const orphans = roadmap.initiatives.filter((i) => !horizonIds.has(i.horizon));
  if (orphans.length > 0) out.push(horizonSection(`horizon-${++n}`, 'Without a horizon', orphans.map((i) => initiative(ctx, parts, i, false, false)), footer));
  return out.join('\n');
}

function horizonSection(id: string, heading: string, body: string[], footer: string): string {
  return `<section class="horizon" aria-labelledby="${id}"><h2 id="${id}" dir="auto">${heading}</h2>${body.join('\n')}<p class="running-footer">${footer}</p></section>`;
}

/** `stepAbove`: its first step is listed under First 30 days; `saidAbove`: so is its owner, and the horizon says so once. */
function initiative({ numbered }: ExportContext, parts: HtmlParts, i: Initiative, stepAbove: boolean, saidAbove: boolean): string {
  const owners = parts.suggested(i);
  const owner = escapeHtml(i.owner) ? typed(i.owner) : owners.length > 0 ? `suggested: ${orList(owners)}` : '<em>not set</em>';
  const benchmark = escapeHtml(i.benchmark)
    ? typed(i.benchmark)
    : escapeHtml(suggestedBenchmark(i))
      ? `suggested: ${typed(suggestedBenchmark(i))}`
      : '<em>not set</em>';
  const rows: Array<[string, string]> = [['Why', i.why.map((w) => typed(w)).join(' ')]];
  if (!saidAbove) rows.push(['First step', stepAbove ? 'see First 30 days.' : typedOr(i.firstStep, '<em>not set</em>')], ['Owner', owner]);
  rows.push(['Benchmark', benchmark]);
  return `<article class="initiative" aria-labelledby="i${numbered.get(i.id)}"><h3 id="i${numbered.get(i.id)}"><span class="n">${numbered.get(i.id)}.</span> ${typedOr(i.title, 'Untitled')}</h3><dl>${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl></article>`;
}

