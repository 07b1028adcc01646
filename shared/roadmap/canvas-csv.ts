/**
 * The canvas as CSV, for a spreadsheet or an executive overview slide: one row
 * per dimension with how many people put it at each stage today and as the
 * target (columns named with the workshop's own stage names), how many
 * answered, the votes it received and the spread of today's answers.
 *
 * RFC 4180: CRLF line ends, a field in double quotes when it holds a comma, a
 * quote or a line break, quotes doubled. A spreadsheet runs a cell that starts
 * with =, +, -, @, a tab or a carriage return as a formula, and dimension and
 * stage names are typed by a facilitator: such a text cell gets a leading `'`
 * (the OWASP advice), so it shows as typed and runs nothing. The file starts
 * with a byte-order mark, without which Excel reads UTF-8 as another code page.
 *
 * What the room may not see stays out, as on the board: counts where fewer
 * people answered than the workshop's minimum (or before the reveal), and votes
 * before the Prioritise phase is open, are left empty.
 */
import { workshopStages } from '../domain/canvas.ts';
import { cleanText } from '../domain/text.ts';
import type { BoardState } from '../domain/types.ts';
import { distributionVisible, votesVisible } from '../rules/visibility.ts';
import { readFacts } from './facts.ts';

const FORMULA = /^[=+\-@\t\r]/;

/** One text cell: defused when a spreadsheet would run it, quoted when it needs to be. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells: ReadonlyArray<string | number | null>) => cells.map(csvCell).join(',');

export function toCanvasCsv(board: BoardState): string {
  const facts = readFacts(board);
  const stages = workshopStages(board.stages);
  const name = (text: string, fallback: string) => cleanText(String(text ?? '')) || fallback;
  const header = [
    'Dimension',
    ...stages.map((s) => `Today: ${name(s.name, `stage ${s.level}`)}`),
    ...stages.map((s) => `Target: ${name(s.name, `stage ${s.level}`)}`),
    'Answers',
    'Votes',
    'Spread',
  ];
  const showVotes = votesVisible(board);
  const lines = facts.dims
    .filter((d) => d.first)
    .map((d) => {
      const answers = d.today.answers;
      const shown = distributionVisible(board, answers);
      const counts = (list: readonly number[]) => stages.map((_, k) => (shown ? (list[k] ?? 0) : null));
      return row([
        name(d.def.name, d.def.key),
        ...counts(d.summary.counts),
        ...counts(d.targetCounts),
        answers,
        showVotes ? d.summary.votes : null,
        shown && answers > 0 ? d.today.spread : null,
      ]);
    });
  return `\uFEFF${[row(header), ...lines].join('\r\n')}\r\n`;
}
