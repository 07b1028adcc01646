/** "Before you act": what the data cannot carry (gaps, splits, targets to question), from the roadmap's cautions; nothing when there are none. */
import type { ExportContext } from './context.ts';
import { inline } from './escape.ts';
import type { MarkdownWriter } from './writer.ts';

export function beforeYouActSection(out: MarkdownWriter, { roadmap }: ExportContext): void {
  // Roadmaps stored before cautions existed have none.
  const cautions = roadmap.cautions ?? [];
  if (cautions.length === 0) return;
  out.heading(2, 'Before you act');
  out.list(cautions.map((c) => inline(c.text)));
}
