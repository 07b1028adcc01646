/**
 * "The roadmap": a short summary, a legend of the stages, a Mermaid Gantt chart,
 * then each horizon with each initiative's why, first step, owner and benchmark
 * (a suggestion where nobody set one); initiatives whose horizon is gone last.
 */
import { workshopStages } from '../../domain/canvas.ts';
import type { Horizon, Initiative } from '../../domain/types.ts';
import { listNames, plural } from '../../domain/words.ts';
import { isWaitingList } from '../horizons.ts';
import { orList, suggestedBenchmark, suggestedOwners, type ExportContext } from './context.ts';
import { inline, normalise } from './escape.ts';
import { mermaidGantt } from './gantt.ts';
import { summaryParagraphs } from './plan-summary.ts';
import type { MarkdownWriter } from './writer.ts';

const horizonHeading = (h: Horizon) => (isWaitingList(h) ? inline(h.label) : `${inline(h.label)} (months ${h.fromMonth} to ${h.toMonth})`);

export function planSection(out: MarkdownWriter, ctx: ExportContext): void {
  const { board, roadmap, stage, numbered, acts, inHorizon, ownerLine } = ctx;
  const cap = board.settings.initiativeCap;
  out.heading(2, 'The roadmap');
  const org = normalise(board.organisation) ? inline(board.organisation) : 'the organisation';
  for (const p of summaryParagraphs(board, roadmap, org, stage)) out.para(p);
  out.para(`Stages, left to right: ${workshopStages(board.stages).map((st) => (normalise(st.short) ? `${inline(st.name)} (${inline(st.short)})` : inline(st.name))).join(', ')}.`);
  const chart = mermaidGantt(roadmap, ctx.date, numbered);
  if (chart) out.block(chart);

  for (const h of roadmap.horizons) {
    if (ctx.opening.has(h.id)) continue;
    const here = inHorizon(h);
    if (isWaitingList(h) && here.length === 0) continue;
    out.heading(2, horizonHeading(h));
    if (isWaitingList(h)) out.para(`These did not fit in the horizons above without going past ${plural(cap, 'initiative')} in one. Move one in when a slot frees up.`);
    if (here.length === 0) out.para('Nothing is planned in this horizon yet.');
    // Their first steps and owners are under First 30 days, a screen above: said once.
    const above = here.filter((i) => acts.includes(i) && ownerLine(i));
    if (above.length > 0) {
      const which = above.length === here.length ? '' : ` of ${listNames(above.map((i) => String(numbered.get(i.id))))}`;
      out.para(`First steps and owners${which}: see First 30 days.`);
    }
    for (const i of here) initiativeSection(out, ctx, i, acts.includes(i), above.includes(i));
  }
  const horizonIds = new Set(roadmap.horizons.map((h) => h.id));
  const orphans = roadmap.initiatives.filter((i) => !horizonIds.has(i.horizon));
  if (orphans.length > 0) {
    out.heading(2, 'Without a horizon');
    for (const i of orphans) initiativeSection(out, ctx, i, false, false);
  }
}

/** `stepAbove`: its first step is listed under First 30 days; `saidAbove`: so is its owner, and the horizon says so once. */
function initiativeSection(out: MarkdownWriter, { board, label }: ExportContext, i: Initiative, stepAbove: boolean, saidAbove: boolean): void {
  out.heading(3, label(i));
  const owners = suggestedOwners(i).map((n) => inline(n)).filter(Boolean);
  const owner = normalise(i.owner)
    ? inline(i.owner)
    : owners.length > 0 && !board.settings.anonymous
      ? `suggested: ${orList(owners)}`
      : '_not set_';
  const benchmark = normalise(i.benchmark)
    ? inline(i.benchmark)
    : normalise(suggestedBenchmark(i))
      ? `suggested: ${inline(suggestedBenchmark(i))}`
      : '_not set_';
  out.list([
    `**Why:** ${i.why.map((w) => inline(w)).join(' ')}`,
    ...(saidAbove ? [] : [`**First step:** ${stepAbove ? 'see First 30 days.' : inline(i.firstStep) || '_not set_'}`, `**Owner:** ${owner}`]),
    `**Benchmark:** ${benchmark}`,
  ]);
}
