/**
 * "The roadmap": a short summary, a legend of the stages, a Mermaid Gantt chart,
 * then each horizon with each initiative's why, first step, owner and benchmark
 * (a suggestion where nobody set one); initiatives whose horizon is gone last.
 */
import { workshopStages } from '../../domain/canvas.ts';
import type { BoardState, Horizon, Initiative } from '../../domain/types.ts';
import { listNames, plural } from '../../domain/words.ts';
import { isWaitingList } from '../horizons.ts';
import { suggestedBenchmark, type ExportContext } from './context.ts';
import { proposedGoal } from '../goals.ts';
import { KIND_WORDS, kindOf } from '../../domain/organisation.ts';
import { inline, normalise } from './escape.ts';
import { mermaidGantt } from './gantt.ts';
import { summaryParagraphs } from './plan-summary.ts';
import type { MarkdownWriter } from './writer.ts';

/**
 * The body details the first horizon with work in it, the plan the room commits to
 * now; what comes after is outlined in one line each (title and owner), with its
 * detail in the appendix, to confirm when the first horizon ends. It keeps the body
 * short enough to read the next morning.
 */
export const isFar = (h: Horizon, ctx: ExportContext) =>
  isWaitingList(h) || (ctx.firstHorizon !== undefined && h.id !== ctx.firstHorizon.id);

/**
 * The appendix section that gives outlined work in full: named after the horizon it follows
 * ("After Now, in full"), not "Later", which a horizon may be called too. `label` comes escaped.
 */
export const laterWorkTitle = (label: string | null) => (label ? `After ${label}, in full` : 'Later work, in full');

const horizonHeading = (h: Horizon) => (isWaitingList(h) ? inline(h.label) : `${inline(h.label)} (months ${h.fromMonth} to ${h.toMonth})`);

export function planSection(out: MarkdownWriter, ctx: ExportContext): void {
  const { board, roadmap, stage, numbered, acts, inHorizon, ownerLine } = ctx;
  const cap = board.settings.initiativeCap;
  out.heading(2, 'The roadmap');
  const org = normalise(board.organisation) ? inline(board.organisation) : 'the organisation';
  for (const p of summaryParagraphs(board, roadmap, org, stage)) out.para(p);
  out.para(
    `Stages, left to right: ${workshopStages(board.stages)
      .map((st) => (normalise(st.short) ? `${inline(st.name)} (${inline(st.short)})` : inline(st.name)))
      .join(', ')}.`,
  );
  const chart = mermaidGantt(board, roadmap, ctx.date, numbered);
  if (chart) out.block(chart);

  let outlined = false;
  for (const h of roadmap.horizons) {
    if (ctx.opening.has(h.id)) continue;
    const here = inHorizon(h);
    // A horizon with nothing in it says nothing: no empty sections.
    if (here.length === 0) continue;
    out.heading(2, horizonHeading(h));
    if (isFar(h, ctx)) {
      if (!outlined) {
        const end = ctx.firstHorizon ? ` when ${inline(ctx.firstHorizon.label)} ends, on ${ctx.dayAfter(ctx.firstHorizon.toMonth)}` : '';
        out.para(
          `What starts later is outlined here, one line each: its reasons, first steps and benchmarks are in the appendix (${laterWorkTitle(ctx.firstHorizon ? inline(ctx.firstHorizon.label) : null)}), to confirm${end}.`,
        );
      }
      if (isWaitingList(h))
        out.para(
          `These did not fit in the horizons above without going past ${plural(cap, 'initiative')} in one. Move one in when a slot frees up.`,
        );
      outlined = true;
      out.list(here.map((i) => `**${ctx.label(i)}.** ${ownerLine(i)}`));
      continue;
    }
    // Their first steps and owners are under First 30 days, a screen above: said once.
    const above = here.filter((i) => acts.includes(i));
    if (above.length > 0) {
      const which = above.length === here.length ? '' : ` of ${listNames(above.map((i) => String(numbered.get(i.id))))}`;
      out.para(`First steps and owners${which}: see First 30 days.`);
    }
    const review = isWaitingList(h) ? null : ctx.dayAfter(h.toMonth);
    for (const i of here) initiativeSection(out, ctx, i, acts.includes(i), above.includes(i), review);
  }
  const horizonIds = new Set(roadmap.horizons.map((h) => h.id));
  const orphans = roadmap.initiatives.filter((i) => !horizonIds.has(i.horizon));
  if (orphans.length > 0) {
    out.heading(2, 'Without a horizon');
    for (const i of orphans) initiativeSection(out, ctx, i, false, false, null);
  }
  if (roadmap.initiatives.length > 0) {
    out.heading(2, 'Look again');
    out.para(
      `Run this assessment again with the same people on ${ctx.dayAfter(6)} and on ${ctx.dayAfter(12)}, and compare where the room puts us with this record: the plan is checked, not filed.`,
    );
  }
}

/** The appendix's "After Now, in full" (laterWorkTitle): each outlined initiative in full. */
export function laterWorkSection(out: MarkdownWriter, ctx: ExportContext): void {
  const far = ctx.roadmap.horizons.filter((h) => !ctx.opening.has(h.id) && isFar(h, ctx) && ctx.inHorizon(h).length > 0);
  if (far.length === 0) return;
  out.heading(3, laterWorkTitle(ctx.firstHorizon ? inline(ctx.firstHorizon.label) : null));
  for (const h of far) {
    const review = isWaitingList(h) ? null : ctx.dayAfter(h.toMonth);
    for (const i of ctx.inHorizon(h)) initiativeSection(out, ctx, i, false, false, review, 4);
  }
}

/** `stepAbove`: its first step is listed under First 30 days; `saidAbove`: so is its owner, and the horizon says so once. */
function initiativeSection(
  out: MarkdownWriter,
  { board, label, ownerLine }: ExportContext,
  i: Initiative,
  stepAbove: boolean,
  saidAbove: boolean,
  review: string | null,
  level = 3,
): void {
  out.heading(level, label(i));
  const benchmark = normalise(i.benchmark)
    ? inline(i.benchmark)
    : normalise(suggestedBenchmark(i))
      ? `suggested: ${inline(suggestedBenchmark(i))}`
      : 'to be set by the owner';
  const owner = ownerLine(i)
    .replace(/^Owner: /, '')
    .replace(/\.$/, '');
  const g = goalLine(board, i);
  const goal = g ? [`**${g.label}:** ${inline(g.text)}`] : [];
  out.list([
    `**Why:** ${i.why.map((w) => inline(w)).join(' ')}`,
    ...goal,
    ...(saidAbove
      ? []
      : [
          `**First step:** ${stepAbove ? 'see First 30 days.' : inline(i.firstStep) || 'to be agreed by the owner'}`,
          `**Owner:** ${owner}`,
        ]),
    `**Benchmark:** ${benchmark}${review ? ` Review on ${review}.` : ''}`,
  ]);
}

/**
 * An initiative's business goal, as the markdown and the report say it: the room's own words
 * when it set one in the Roadmap phase, otherwise one proposed from the kind of organisation
 * and labelled a proposal. A meeting has none of its own (it settles where we stand) unless the
 * room gave it one. `text` is unescaped.
 */
export function goalLine(board: BoardState, i: Initiative): { label: string; text: string } | null {
  const own = normalise(i.goal ?? '');
  // As typed, with the full stop every other line of the export ends with.
  if (own) return { label: 'Business goal', text: /[.!?…]$/.test(own) ? own : `${own}.` };
  if (i.kind !== 'move') return null;
  return { label: 'Business goal (proposed)', text: proposedGoal(board.settings.organisationKind, i.dimension, servesOf(board)) };
}

export const servesOf = (board: BoardState) =>
  normalise(board.settings.serves) || KIND_WORDS[kindOf(board.settings.organisationKind)].serves;
