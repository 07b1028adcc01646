/**
 * The files a workshop is downloaded as, by format, and the page the report link shows: one
 * place that turns a board and its roadmap into bytes with a name and a type. Whose board it is
 * (the facilitator's full one, or the room's copy: shared/roadmap/room-copy.ts) is the caller's
 * choice. Pure.
 */
import { AppError } from '../shared/domain/errors.ts';
import type { BoardState, Roadmap } from '../shared/domain/types.ts';
import { fileNameFor, toMarkdown } from '../shared/roadmap/markdown/index.ts';

export const EXPORT_FORMATS = ['md', 'html', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** Throws NOT_FOUND (a named refusal, never a stand-in file) for a format this server cannot write yet. */
export function renderExport(board: BoardState, roadmap: Roadmap, format: ExportFormat, date: string): ExportedFile {
  switch (format) {
    case 'md':
      return {
        fileName: fileNameFor(board.title, 'roadmap', date, 'md'),
        contentType: 'text/markdown; charset=utf-8',
        body: toMarkdown(board, roadmap, { date }),
      };
    case 'html':
      throw new AppError('NOT_FOUND', 'The HTML report is not part of this server yet: download the roadmap as markdown.');
    case 'csv':
      throw new AppError('NOT_FOUND', 'The canvas as CSV is not part of this server yet: download the roadmap as markdown.');
  }
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page the report link shows. Until the HTML report is part of this server, the roadmap's
 * markdown as the page's text (escaped, in a <pre>): the same content, readable in any browser.
 */
export function reportPage(board: BoardState, roadmap: Roadmap, date: string): string {
  const title = escapeHtml(board.title || 'Workshop roadmap');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem}pre{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace}</style>
</head>
<body>
<main><pre>${escapeHtml(toMarkdown(board, roadmap, { date }))}</pre></main>
</body>
</html>
`;
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
