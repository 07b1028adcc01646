/**
 * A re-run's "Since 14 March 2025", as the markdown export has it: then and now
 * per dimension, what became of each earlier initiative, the benchmarks met.
 * Nothing for a board that is not a re-run.
 */
import type { ExportContext } from '../markdown/context.ts';
import { outcomeWords, sinceWords } from '../markdown/since-words.ts';
import { escapeHtml, typed } from './escape-html.ts';
import type { HtmlParts } from './parts.ts';

export function sinceSection({ board, roadmap, cards }: ExportContext, { stage, stageCell }: HtmlParts): string {
  const words = sinceWords(board, roadmap, cards, typed);
  if (!words) return '';
  const { since } = words;
  const when = escapeHtml(words.when);
  const out: string[] = [`<h2 id="since">Since ${when}</h2>`, `<p>${words.opening}</p>`];
  const middle = (s: number | null, answers: number) => (answers > 0 && s === null ? 'split' : stageCell(s));
  if (since.dimensions.length > 0) {
    const rows = since.dimensions.map((d) => {
      const moved = words.moved(d);
      const now = (s: number | null) => (d.dropped ? 'n/a' : middle(s, d.now.answers));
      return `<tr><th scope="row" dir="auto">${escapeHtml(d.name)}</th><td>${middle(d.then.current, d.then.answers)}</td><td>${now(d.now.current)}</td><td>${middle(d.then.target, d.then.answers)}</td><td>${now(d.now.target)}</td><td>${moved}</td></tr>`;
    });
    out.push(
      `<table class="since"><thead><tr><th scope="col">Dimension</th><th scope="col">Today, then</th><th scope="col">Today, now</th><th scope="col">Target, then</th><th scope="col">Target, now</th><th scope="col">Moved</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
      '<p class="note">Then and now are each room\'s middle answer, counted as in the appendix. Nobody\'s own answers are compared across the two sessions: only what each room said as a whole.</p>',
    );
  }
  out.push('<h3>What became of the earlier plan</h3>');
  if (since.outcomes.length === 0) {
    out.push('<p>The earlier workshop had no initiatives in its roadmap.</p>');
  } else {
    const items = since.outcomes.map((o) => {
      const { title, rest } = outcomeWords(o, typed, stage);
      return `<li><strong>${title}</strong>${rest}</li>`;
    });
    out.push(`<ul>${items.join('')}</ul>`);
    // A suggested benchmark carries its baseline ("Today: …"): what was measured is the benchmark alone.
    const quoted = (text: string) => `“${typed(text.replace(/ Today: .*$/, '').replace(/[.\s]+$/, ''))}”`;
    const met = since.outcomes.filter((o) => o.mark.benchmarkMet === true && escapeHtml(o.initiative.benchmark));
    const missed = since.outcomes.filter((o) => o.mark.benchmarkMet === false && escapeHtml(o.initiative.benchmark));
    if (met.length === 0 && missed.length === 0) out.push('<p>The room has not said which benchmarks were met.</p>');
    if (met.length > 0) out.push(`<p>Benchmarks met, as the room says: ${met.map((o) => quoted(o.initiative.benchmark)).join('; ')}.</p>`);
    if (missed.length > 0) out.push(`<p>Benchmarks not met yet: ${missed.map((o) => quoted(o.initiative.benchmark)).join('; ')}.</p>`);
  }
  return `<section class="since" aria-labelledby="since">${out.join('\n')}</section>`;
}
