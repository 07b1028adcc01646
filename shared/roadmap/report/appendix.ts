/**
 * The appendix, the record of the board, as the markdown export has it: the
 * canvas as a table and how to read it (from the roadmap's summaries), the
 * canvas as a heat map of everyone's answers (the report's addition), the
 * barriers, and the practice cards by dimension.
 */
import { barrierWindowWords } from '../calendar.ts';
import { TARGET_MONTHS } from '../../domain/canvas.ts';
import type { Card } from '../../domain/types.ts';
import { plural } from '../../domain/words.ts';
import { cardVisible } from '../../rules/visibility.ts';
import { answersInWords } from '../copy.ts';
import { byAge } from '../facts.ts';
import { barriersInOrder, type ExportContext } from '../markdown/context.ts';
import { escapeHtml, typed } from './escape-html.ts';
import { heatMap } from './heat-map.ts';
import { list, typedOr, type HtmlParts } from './parts.ts';

/** `later`: the plan's "Later work" (plan.ts), which closes the appendix as in the markdown. */
export function appendix(ctx: ExportContext, parts: HtmlParts, footer: string, later: string): string {
  const dimOrder = new Map(ctx.board.dimensions.map((d, i) => [d.key, i]));
  // What the room may not read yet stays out, as on the board (by the Export phase every card is open).
  const cards = ctx.cards.filter((c) => cardVisible(ctx.board, c.kind));
  return `<section class="appendix" aria-labelledby="appendix"><h2 id="appendix">Appendix</h2>
${whereWeStand(ctx, parts)}
${barriers(ctx, cards, dimOrder)}
${practiceCards(ctx, parts, cards, dimOrder)}
${later}
<p class="running-footer">${footer}</p></section>`;
}

function whereWeStand(ctx: ExportContext, { stageCell }: HtmlParts): string {
  const rows = ctx.roadmap.summaries.map((s) => {
    const camps = (s.camps ?? []).length === 2;
    // answersInWords gets the stage namer for typed names; its result is escaped once, here.
    const current = camps ? `split: <span dir="auto">${escapeHtml(answersInWords(s, ctx.stageName))}</span>` : stageCell(s.current);
    // Nobody answered: there is no gap to speak of, not a gap of 0.
    const gap = s.answers === 0 || s.target === null ? 'n/a' : s.disagreement && s.gap > 0 ? `up to ${s.gap}` : String(s.gap);
    const spread = s.answers === 0 ? 'n/a' : camps ? 'two camps' : s.disagreement ? `${s.spread}, wide` : String(s.spread);
    return `<tr><th scope="row" dir="auto">${escapeHtml(s.name)}</th><td>${current}</td><td>${stageCell(s.target)}</td><td class="num">${gap}</td><td>${spread}</td><td class="num">${s.votes}</td></tr>`;
  });
  return `<h3>Where we stand</h3>
<p>Everyone placed one marker for where we are today and one for where we should be in 12 to ${TARGET_MONTHS} months.</p>
<table class="canvas"><thead><tr><th scope="col">Dimension</th><th scope="col">Current</th><th scope="col">Target</th><th scope="col" class="num">Gap</th><th scope="col">Spread</th><th scope="col" class="num">Votes</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="note">Current and target are the middle answer (for an even count, the lower of the two middle ones). When the answers fall into two camps, the camps are shown instead: no single answer speaks for the room. Spread is how many stages the middle half of today's answers covers; “wide” (2 or more, or two camps) means the room does not yet share a view, and the plan starts there with a conversation. Where the room disagrees, the gap is counted from the lower edge of the middle half: the most it may have to travel. Votes count votes on the dimension and on its practice cards; votes on barriers come from a pool of their own and rank the barriers.</p>
${heatMap(ctx)}`;
}

function barriers({ board, dimName, votesOn }: ExportContext, cards: Card[], dimOrder: ReadonlyMap<string, number>): string {
  const raised = barriersInOrder(cards, votesOn);
  const head = '<h3>What stands in the way</h3>';
  if (raised.length === 0) return `${head}<p>Nobody raised a barrier card.</p>`;
  const horizonLabel = new Map(board.settings.horizons.map((h) => [h.id, h.label]));
  const items = raised.map((c) => {
    const where = c.dimension !== null && dimName.has(c.dimension) ? typed(dimName.get(c.dimension)!) : 'general';
    const votes = votesOn(c) > 0 ? `, ${plural(votesOn(c), 'vote')}` : '';
    const notBefore = c.notBefore && horizonLabel.has(c.notBefore) ? `, not before ${typed(horizonLabel.get(c.notBefore)!)}` : '';
    const window = barrierWindowWords(c);
    const hold = `${notBefore}${window ? `, ${window}` : ''}`;
    return `<span dir="auto">${escapeHtml(c.text) || '(no text)'}</span> <span class="meta">(${where}${votes}${hold})</span>`;
  });
  return `${head}<p>The barriers people named, most votes first. A general barrier concerns the whole plan rather than one dimension; “not before” holds the work it concerns until that horizon.</p>${list(items, ' class="cards"')}`;
}

function practiceCards(
  { board, votesOn }: ExportContext,
  { stage }: HtmlParts,
  cards: Card[],
  dimOrder: ReadonlyMap<string, number>,
): string {
  const head = '<h3>Practice cards</h3>';
  const practice = cards.filter((c) => c.kind === 'practice' && c.dimension !== null && dimOrder.has(c.dimension));
  if (practice.length === 0) return `${head}<p>Nobody wrote a practice card.</p>`;
  const out = [head, '<p>How people described the way we work today, by dimension and stage.</p>'];
  const seen = new Set<string>();
  for (const d of board.dimensions) {
    if (seen.has(d.key)) continue;
    seen.add(d.key);
    const mine = practice.filter((c) => c.dimension === d.key).sort((a, b) => (a.stage ?? 0) - (b.stage ?? 0) || byAge(a, b));
    if (mine.length === 0) continue;
    out.push(`<h4 dir="auto">${escapeHtml(d.name) || escapeHtml(d.key)}</h4>`);
    out.push(
      list(
        mine.map((c) => {
          const at = c.stage !== null ? `<strong>${stage(c.stage)}:</strong> ` : '';
          const votes = votesOn(c) > 0 ? ` <span class="meta">(${plural(votesOn(c), 'vote')})</span>` : '';
          return `${at}${typedOr(c.text, '(no text)')}${votes}`;
        }),
        ' class="cards"',
      ),
    );
  }
  return out.join('\n');
}
