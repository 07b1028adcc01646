/**
 * The appendix, the record of the board: the canvas as a table and how to read
 * it (from the roadmap's summaries: the board as it was when the roadmap was
 * generated), the barriers, and the practice cards by dimension (from the board).
 */
import { barrierWindowWords } from '../calendar.ts';
import { TARGET_MONTHS } from '../../domain/canvas.ts';
import { plural } from '../../domain/words.ts';
import { answersInWords } from '../copy.ts';
import { byAge } from '../facts.ts';
import { barriersInOrder, type ExportContext } from './context.ts';
import { inline } from './escape.ts';
import type { MarkdownWriter } from './writer.ts';

export function appendixSection(out: MarkdownWriter, ctx: ExportContext): void {
  out.heading(2, 'Appendix');
  whereWeStand(out, ctx);
  const dimOrder = new Map(ctx.board.dimensions.map((d, i) => [d.key, i]));
  barriers(out, ctx, dimOrder);
  practiceCards(out, ctx, dimOrder);
}

function whereWeStand(out: MarkdownWriter, { roadmap, stageName, stageCell }: ExportContext): void {
  out.heading(3, 'Where we stand');
  out.para(`Everyone placed one marker for where we are today and one for where we should be in 12 to ${TARGET_MONTHS} months.`);
  const rows = roadmap.summaries.map((s) => {
    const camps = (s.camps ?? []).length === 2;
    const current = camps ? `split: ${inline(answersInWords(s, stageName))}` : stageCell(s.current);
    // Nobody answered: there is no gap to speak of, not a gap of 0.
    const gap = s.answers === 0 || s.target === null ? 'n/a' : s.disagreement && s.gap > 0 ? `up to ${s.gap}` : String(s.gap);
    const spread = s.answers === 0 ? 'n/a' : camps ? 'two camps' : s.disagreement ? `${s.spread}, wide` : String(s.spread);
    return `| ${inline(s.name)} | ${current} | ${stageCell(s.target)} | ${gap} | ${spread} | ${s.votes} |`;
  });
  out.block(['| Dimension | Current | Target | Gap | Spread | Votes |', '| --- | --- | --- | ---: | --- | ---: |', ...rows]);
  out.para(
    'Current and target are the middle answer (for an even count, the lower of the two middle ones). When the answers fall into two camps, the camps are shown instead: no single answer speaks for the room. Spread is how many stages the middle half of today\'s answers covers; "wide" (2 or more, or two camps) means the room does not yet share a view, and the plan starts there with a conversation. Where the room disagrees, the gap is counted from the lower edge of the middle half: the most it may have to travel. Votes count votes on the dimension and on its practice cards; votes on barriers come from a pool of their own and rank the barriers.',
  );
}

function barriers(out: MarkdownWriter, { board, cards, dimName, votesOn }: ExportContext, dimOrder: ReadonlyMap<string, number>): void {
  out.heading(3, 'What stands in the way');
  const raised = barriersInOrder(cards, votesOn);
  if (raised.length === 0) {
    out.para('Nobody raised a barrier card.');
    return;
  }
  out.para(
    'The barriers people named, most votes first. A general barrier concerns the whole plan rather than one dimension; "not before" holds the work it concerns until that horizon.',
  );
  const horizonLabel = new Map(board.settings.horizons.map((h) => [h.id, h.label]));
  out.list(
    raised.map((c) => {
      const where = c.dimension !== null && dimName.has(c.dimension) ? inline(dimName.get(c.dimension)!) : 'general';
      const votes = votesOn(c) > 0 ? `, ${plural(votesOn(c), 'vote')}` : '';
      const notBefore = c.notBefore && horizonLabel.has(c.notBefore) ? `, not before ${inline(horizonLabel.get(c.notBefore)!)}` : '';
      const window = barrierWindowWords(c);
      const hold = `${notBefore}${window ? `, ${window}` : ''}`;
      return `${inline(c.text, true) || '(no text)'} (${where}${votes}${hold})`;
    }),
  );
}

function practiceCards(out: MarkdownWriter, { board, cards, stage, votesOn }: ExportContext, dimOrder: ReadonlyMap<string, number>): void {
  out.heading(3, 'Practice cards');
  const practice = cards.filter((c) => c.kind === 'practice' && c.dimension !== null && dimOrder.has(c.dimension));
  if (practice.length === 0) {
    out.para('Nobody wrote a practice card.');
    return;
  }
  out.para('How people described the way we work today, by dimension and stage.');
  const seen = new Set<string>();
  for (const d of board.dimensions) {
    if (seen.has(d.key)) continue;
    seen.add(d.key);
    const mine = practice.filter((c) => c.dimension === d.key).sort((a, b) => (a.stage ?? 0) - (b.stage ?? 0) || byAge(a, b));
    if (mine.length === 0) continue;
    out.heading(4, inline(d.name) || d.key);
    out.list(
      mine.map((c) => {
        const at = c.stage !== null ? `**${stage(c.stage)}:** ` : '';
        const votes = votesOn(c) > 0 ? ` (${plural(votesOn(c), 'vote')})` : '';
        return `${at}${inline(c.text, at === '') || '(no text)'}${votes}`;
      }),
    );
  }
}
