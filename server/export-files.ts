/**
 * The files a workshop is downloaded as, by format, and the page the report link shows: one
 * place that turns a board and its roadmap into bytes with a name and a type. Whose board it is
 * (the facilitator's full one, or the room's copy: shared/roadmap/room-copy.ts) is the caller's
 * choice. Pure.
 */
import type { BoardState, Roadmap } from '../shared/domain/types.ts';
import { toCanvasCsv } from '../shared/roadmap/canvas-csv.ts';
import { fileNameFor, toMarkdown } from '../shared/roadmap/markdown/index.ts';
import { escapeHtml } from '../shared/roadmap/report/escape-html.ts';
import { toReportHtml } from '../shared/roadmap/report/index.ts';

export const EXPORT_FORMATS = ['md', 'html', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** The file of one format, named from the workshop's title and the day. */
export function renderExport(board: BoardState, roadmap: Roadmap, format: ExportFormat, date: string): ExportedFile {
  switch (format) {
    case 'md':
      return {
        fileName: fileNameFor(board.title, 'roadmap', date, 'md'),
        contentType: 'text/markdown; charset=utf-8',
        body: toMarkdown(board, roadmap, { date }),
      };
    case 'html':
      return {
        fileName: fileNameFor(board.title, 'report', date, 'html'),
        contentType: 'text/html; charset=utf-8',
        body: toReportHtml(board, roadmap, { date }),
      };
    case 'csv':
      return {
        fileName: fileNameFor(board.title, 'canvas', date, 'csv'),
        contentType: 'text/csv; charset=utf-8',
        body: toCanvasCsv(board),
      };
  }
}

/** The page the report link shows: the report itself, the same HTML a phone downloads. */
export function reportPage(board: BoardState, roadmap: Roadmap, date: string): string {
  return toReportHtml(board, roadmap, { date });
}

/** A page saying why the report link shows nothing (revoked, not ready, unknown), with no detail of the workshop. */
export function reportRefusalPage(heading: string, text: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:36rem;padding:2rem 1rem}</style>
</head>
<body>
<main><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p></main>
</body>
</html>
`;
}
