/**
 * "The roadmap" as the markdown export has it: the summary, a legend of the
 * stages, the timeline (an SVG here, where the markdown has a Mermaid chart),
 * then the first horizon with work on a page of its own in print, each initiative
 * with its why, business goal, first step, owner and benchmark; later horizons one
 * line per initiative (their detail is the appendix's "After Now, in full", laterWork
 * here); initiatives whose horizon is gone; when to look again. Each part that
 * ends a printed page run ends with the workshop's name and date (see styles.ts:
 * the running footer of the printed report).
 */
import { workshopStages } from '../../domain/canvas.ts';
import type { Horizon, Initiative } from '../../domain/types.ts';
import { listNames, plural } from '../../domain/words.ts';
import { isWaitingList } from '../horizons.ts';
import { suggestedBenchmark, type ExportContext } from '../markdown/context.ts';
import { goalLine, isFar, laterWorkTitle } from '../markdown/plan.ts';
import { summaryParagraphs } from '../markdown/plan-summary.ts';
import { escapeHtml, typed } from './escape-html.ts';
import { list, typedOr, type HtmlParts } from './parts.ts';
import { timelineSvg } from './timeline-svg.ts';

const horizonHeading = (h: Horizon) =>
  isWaitingList(h) ? typed(h.label) : `${typed(h.label)} <span class="months">(months ${h.fromMonth} to ${h.toMonth})</span>`;

export function planSections(ctx: ExportContext, parts: HtmlParts, footer: string): string {
  const { board, roadmap, numbered, acts, inHorizon } = ctx;
  const cap = board.settings.initiativeCap;
  // Each part, and whether it starts a page in print (styles.ts): the footer goes on the last part before a new page.
  const out: Array<{ starts: boolean; html: (footer: string | null) => string }> = [];
  const org = escapeHtml(board.organisation) ? typed(board.organisation) : 'the organisation';
  const intro = summaryParagraphs(board, roadmap, org, parts.stage, typed).map((p) => `<p>${p}</p>`);
  const stages = workshopStages(board.stages).map((st) =>
    escapeHtml(st.short) ? `${typed(st.name)} (${typed(st.short)})` : typed(st.name),
  );
  const chart = timelineSvg(roadmap, numbered);
  out.push({
    starts: true,
    html: (f) =>
      `<section class="plan" aria-labelledby="plan"><h2 id="plan">The roadmap</h2>${intro.join('')}<p>Stages, left to right: ${stages.join(', ')}.</p>${chart ? `<figure class="chart" tabindex="0">${chart}<figcaption>The plan by horizon. Every initiative is written out below.</figcaption></figure>` : ''}${foot(f)}</section>`,
  });
  let n = 0;
  let outlined = false;
  for (const h of roadmap.horizons) {
    if (ctx.opening.has(h.id)) continue;
    const here = inHorizon(h);
    // A horizon with nothing in it says nothing: no empty sections.
    if (here.length === 0) continue;
    const body: string[] = [];
    if (isFar(h, ctx)) {
      if (!outlined) {
        const end = ctx.firstHorizon ? ` when ${typed(ctx.firstHorizon.label)} ends, on ${ctx.dayAfter(ctx.firstHorizon.toMonth)}` : '';
        body.push(
          `<p>What starts later is outlined here, one line each: its reasons, first steps and benchmarks are in the appendix (${laterWorkTitle(ctx.firstHorizon ? typed(ctx.firstHorizon.label) : null)}), to confirm${end}.</p>`,
        );
      }
      if (isWaitingList(h))
        body.push(
          `<p>These did not fit in the horizons above without going past ${plural(cap, 'initiative')} in one. Move one in when a slot frees up.</p>`,
        );
      outlined = true;
      body.push(
        list(
          here.map((i) => `<strong>${parts.label(i)}.</strong> <span class="owner">${parts.ownerLine(i)}</span>`),
          ' class="outline"',
        ),
      );
      // One line each: these follow on the page before them.
      const id = `horizon-${++n}`;
      out.push({ starts: false, html: (f) => horizonSection(id, horizonHeading(h), body, f, 'horizon outlined') });
      continue;
    }
    // Their first steps and owners are under First 30 days: said once.
    const above = here.filter((i) => acts.includes(i));
    if (above.length > 0) {
      const which = above.length === here.length ? '' : ` of ${listNames(above.map((i) => String(numbered.get(i.id))))}`;
      body.push(`<p>First steps and owners${which}: see First 30 days.</p>`);
    }
    const review = isWaitingList(h) ? null : ctx.dayAfter(h.toMonth);
    for (const i of here) body.push(initiative(ctx, parts, i, acts.includes(i), above.includes(i), review));
    const id = `horizon-${++n}`;
    out.push({ starts: true, html: (f) => horizonSection(id, horizonHeading(h), body, f) });
  }
  const horizonIds = new Set(roadmap.horizons.map((h) => h.id));
  const orphans = roadmap.initiatives.filter((i) => !horizonIds.has(i.horizon));
  if (orphans.length > 0) {
    const id = `horizon-${++n}`;
    const body = orphans.map((i) => initiative(ctx, parts, i, false, false, null));
    out.push({ starts: true, html: (f) => horizonSection(id, 'Without a horizon', body, f) });
  }
  if (roadmap.initiatives.length > 0) {
    const again = `<p>Run this assessment again with the same people on ${ctx.dayAfter(6)} and on ${ctx.dayAfter(12)}, and compare where the room puts us with this record: the plan is checked, not filed.</p>`;
    out.push({
      starts: false,
      html: (f) =>
        `<section class="look-again" aria-labelledby="look-again"><h2 id="look-again">Look again</h2>${again}${foot(f)}</section>`,
    });
  }
  // The appendix after the plan starts a page too.
  return out.map((part, k) => part.html(out[k + 1]?.starts === false ? null : footer)).join('\n');
}

/** The appendix's "After Now, in full" (laterWorkTitle): each initiative the plan outlines in one line, in full; '' when there is none. */
export function laterWork(ctx: ExportContext, parts: HtmlParts): string {
  const far = ctx.roadmap.horizons.filter((h) => !ctx.opening.has(h.id) && isFar(h, ctx) && ctx.inHorizon(h).length > 0);
  if (far.length === 0) return '';
  const out = [`<h3 id="later-work">${laterWorkTitle(ctx.firstHorizon ? typed(ctx.firstHorizon.label) : null)}</h3>`];
  for (const h of far) {
    const review = isWaitingList(h) ? null : ctx.dayAfter(h.toMonth);
    for (const i of ctx.inHorizon(h)) out.push(initiative(ctx, parts, i, false, false, review, 4));
  }
  return out.join('\n');
}

function horizonSection(id: string, heading: string, body: string[], footer: string | null, className = 'horizon'): string {
  return `<section class="${className}" aria-labelledby="${id}"><h2 id="${id}" dir="auto">${heading}</h2>${body.join('\n')}${foot(footer)}</section>`;
}

const foot = (footer: string | null) => (footer ? `<p class="running-footer">${footer}</p>` : '');

/**
 * The markdown's initiative, field for field. `stepAbove`: its first step is listed under First 30 days;
 * `saidAbove`: so is its owner, and the horizon says so once; `review`: the day its benchmark is reviewed.
 */
function initiative(
  ctx: ExportContext,
  parts: HtmlParts,
  i: Initiative,
  stepAbove: boolean,
  saidAbove: boolean,
  review: string | null,
  level = 3,
): string {
  const { board, numbered } = ctx;
  const benchmark = escapeHtml(i.benchmark)
    ? typed(i.benchmark)
    : escapeHtml(suggestedBenchmark(i))
      ? `suggested: ${typed(suggestedBenchmark(i))}`
      : 'to be set by the owner';
  const owner = parts
    .ownerLine(i)
    .replace(/^Owner: /, '')
    .replace(/\.$/, '');
  const rows: Array<[string, string]> = [['Why', i.why.map((w) => typed(w)).join(' ')]];
  const goal = goalLine(board, i);
  if (goal) rows.push([goal.label, typed(goal.text)]);
  if (!saidAbove)
    rows.push(['First step', stepAbove ? 'see First 30 days.' : typedOr(i.firstStep, 'to be agreed by the owner')], ['Owner', owner]);
  rows.push(['Benchmark', `${benchmark}${review ? ` Review on ${review}.` : ''}`]);
  const n = numbered.get(i.id);
  return `<article class="initiative" aria-labelledby="i${n}"><h${level} id="i${n}"><span class="n">${n}.</span> ${typedOr(i.title, 'Untitled')}</h${level}><dl>${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl></article>`;
}
