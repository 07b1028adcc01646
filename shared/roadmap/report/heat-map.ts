/**
 * The canvas as a small heat map: per dimension, how many people placed today's
 * marker and the target marker on each stage. Each cell shows its number and is
 * shaded by the share of the row's answers it holds, so colour only repeats
 * what the number says. A dimension whose distribution the room may not see
 * (hidden until the reveal, or fewer answers than the workshop's minimum, which
 * would expose one person) shows a line saying so instead, as the board does.
 */
import { workshopStages } from '../../domain/canvas.ts';
import { distributionVisible } from '../../rules/visibility.ts';
import { readFacts } from '../facts.ts';
import type { ExportContext } from '../markdown/context.ts';
import { escapeHtml, typed } from './escape-html.ts';

/** Shade steps from none to all of the row's answers, light to dark; the two darkest take white text. */
const SHADES = ['#ffffff', '#e3ecf5', '#c3d6ea', '#8fb3d6', '#4f84b8', '#24527f'];

function shade(count: number, answers: number): number {
  if (count === 0 || answers === 0) return 0;
  return Math.min(5, 1 + Math.floor((count / answers) * 4.999));
}

function cells(counts: readonly number[], answers: number, edge: string): string {
  return counts
    .map((n, s) => {
      const level = shade(n, answers);
      return `<td class="heat h${level}${s === 0 ? ` ${edge}` : ''}">${n}</td>`;
    })
    .join('');
}

export function heatMap({ board }: ExportContext): string {
  const facts = readFacts(board);
  const stages = workshopStages(board.stages);
  const numbers = stages.map((s) => `<th scope="col" class="num" title="${escapeHtml(s.name)}">${s.level}</th>`).join('');
  const rows = facts.dims
    .filter((d) => d.first)
    .map((d) => {
      const answers = d.today.answers;
      const name = `<th scope="row" dir="auto">${escapeHtml(d.def.name) || escapeHtml(d.def.key)}</th>`;
      if (!distributionVisible(board, answers)) {
        const why =
          answers === 0
            ? 'no answers'
            : answers < board.settings.minAnswers
              ? `fewer than ${board.settings.minAnswers} answers: not shown`
              : 'not revealed';
        return `<tr>${name}<td colspan="${stages.length * 2}" class="hidden-row">${why}</td></tr>`;
      }
      return `<tr>${name}${cells(d.summary.counts, answers, 'edge')}${cells(d.targetCounts, d.wanted.answers, 'edge')}</tr>`;
    });
  const legend = SHADES.slice(1)
    .map((c, n) => `<span class="swatch h${n + 1}" aria-hidden="true"></span>`)
    .join('');
  return `<figure class="heat-map">
<figcaption>How many people put each dimension at each stage, today and as the target. Darker cells hold a larger share of the answers; the number is the count.</figcaption>
<table>
<thead><tr><td rowspan="2"></td><th scope="colgroup" colspan="${stages.length}" class="edge">Today</th><th scope="colgroup" colspan="${stages.length}" class="edge">Target</th></tr>
<tr>${numbers.replace('class="num"', 'class="num edge"')}${numbers.replace('class="num"', 'class="num edge"')}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>
<p class="legend"><span class="scale">fewer ${legend} more</span> Stages: ${stages.map((s) => `${s.level} ${typed(s.name)}`).join(', ')}.</p>
</figure>`;
}
