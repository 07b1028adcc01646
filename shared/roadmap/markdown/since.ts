/**
 * A re-run's "Since 14 March 2025", near the top of the export: then and now per
 * dimension, what became of each earlier initiative, the benchmarks met.
 */
import type { ExportContext } from './context.ts';
import { inline, normalise } from './escape.ts';
import { outcomeWords, sinceWords } from './since-words.ts';
import type { MarkdownWriter } from './writer.ts';

/** Writes nothing for a board that is not a re-run (no baseline). */
export function sinceSection(out: MarkdownWriter, { board, roadmap, cards, stage, stageCell }: ExportContext): void {
  const words = sinceWords(board, roadmap, cards, (t) => inline(t));
  if (!words) return;
  const { since, when, opening } = words;
  out.heading(2, `Since ${when}`);
  out.para(opening);
  /** A room's middle answer: "split" where it answered but fell into two camps. */
  const middle = (stage: number | null, answers: number) => (answers > 0 && stage === null ? 'split' : stageCell(stage));
  if (since.dimensions.length > 0) {
    const rows = since.dimensions.map((d) => {
      const moved = words.moved(d);
      const now = (stage: number | null) => (d.dropped ? 'n/a' : middle(stage, d.now.answers));
      return `| ${inline(d.name)} | ${middle(d.then.current, d.then.answers)} | ${now(d.now.current)} | ${middle(d.then.target, d.then.answers)} | ${now(d.now.target)} | ${moved} |`;
    });
    out.block([
      '| Dimension | Today, then | Today, now | Target, then | Target, now | Moved |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    ]);
    out.para(
      "Then and now are each room's middle answer, counted as in the appendix. Nobody's own answers are compared across the two sessions: only what each room said as a whole.",
    );
  }
  out.heading(3, 'What became of the earlier plan');
  if (since.outcomes.length === 0) {
    out.para('The earlier workshop had no initiatives in its roadmap.');
    return;
  }
  out.list(
    since.outcomes.map((o) => {
      const { title, rest } = outcomeWords(o, inline, stage);
      return `**${title}**${rest}`;
    }),
  );
  // A suggested benchmark carries its baseline ("Today: …"): what was measured is the benchmark alone.
  const quoted = (text: string) => `“${inline(text.replace(/ Today: .*$/, '').replace(/[.\s]+$/, ''))}”`;
  const met = since.outcomes.filter((o) => o.mark.benchmarkMet === true && normalise(o.initiative.benchmark));
  const missed = since.outcomes.filter((o) => o.mark.benchmarkMet === false && normalise(o.initiative.benchmark));
  if (met.length === 0 && missed.length === 0) {
    out.para('The room has not said which benchmarks were met.');
  } else {
    if (met.length > 0) out.para(`Benchmarks met, as the room says: ${met.map((o) => quoted(o.initiative.benchmark)).join('; ')}.`);
    if (missed.length > 0) out.para(`Benchmarks not met yet: ${missed.map((o) => quoted(o.initiative.benchmark)).join('; ')}.`);
  }
}
