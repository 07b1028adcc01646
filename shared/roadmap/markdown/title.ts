/** The export's title block: the workshop's title, then organisation, date and who took part (names only, none in anonymous mode). */
import { plural } from '../../domain/words.ts';
import type { ExportContext } from './context.ts';
import { inline, normalise } from './escape.ts';
import type { MarkdownWriter } from './writer.ts';

export function titleSection(out: MarkdownWriter, { board, day, people }: ExportContext): void {
  out.heading(1, normalise(board.title) ? inline(board.title) : 'Workshop roadmap');
  const org = normalise(board.organisation);
  const participantLine = board.settings.anonymous
    ? `${plural(people.length, 'person', 'people')} (names are not listed: the workshop ran anonymously)`
    : people.length === 0
      ? 'nobody joined'
      : `${people.map((p) => inline(p.name) || 'unnamed').join(', ')} (${people.length})`;
  out.list([
    `**Organisation:** ${org ? inline(board.organisation) : '_not set_'}`,
    `**Date:** ${day}`,
    `**Participants:** ${participantLine}`,
  ]);
}
