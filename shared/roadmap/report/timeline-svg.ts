/**
 * The roadmap's timeline as an inline SVG, drawn here rather than by a chart
 * runtime, so the report needs no script and the drawing is the same every
 * time for the same roadmap (golden tests hold it).
 *
 * Horizons are columns, left to right in the roadmap's order (the opening
 * block first); each initiative is one row, numbered as in the text, with its
 * bar in its horizon's column: a filled bar for a step on the canvas, an
 * outlined one for a meeting that settles where the room stands. The waiting
 * list is left out, as from the markdown's chart: it is not on the calendar.
 * Columns have equal widths, not widths in months: a bar's column is what
 * reads, and a year-long horizon would otherwise squeeze the first three
 * months into a sliver. Titles too long for the row are cut with "…"; the
 * full text is in the plan below, and the description lists every horizon.
 */
import type { Horizon, Initiative, Roadmap } from '../../domain/types.ts';
import { plural } from '../../domain/words.ts';
import { isOpeningBlock, isWaitingList } from '../horizons.ts';
import { normalise } from '../markdown/escape.ts';
import { clipped as clip, escapeHtml } from './escape-html.ts';

const WIDTH = 720;
const LABEL_WIDTH = 330;
/** A row holds a title of up to two lines. */
const ROW = 34;
const BAR = 18;
const LEGEND = 30;
/** Characters of a 12px system font that fit in a width, counted generously so nothing runs over. */
const fits = (px: number) => Math.max(4, Math.floor(px / 6.6));
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
const INK = '#1d2733';
const MUTED = '#5b6673';
const BAR_FILL = '#2b5d8a';
const BAND = '#eef2f6';

/** Typed text in at most `lines` lines of `max` characters, broken between words; what does not fit ends in "…". Escaped. */
function wrap(text: string, max: number, lines: number): string[] {
  const words = normalise(text).split(' ');
  const out: string[] = [];
  let line = '';
  while (words.length > 0 && out.length < lines) {
    const next = line ? `${line} ${words[0]}` : words[0]!;
    if ([...next].length <= max) {
      line = next;
      words.shift();
    } else if (!line) {
      line = words.shift()!; // One word longer than the line: clip() cuts it below.
    } else {
      out.push(line);
      line = '';
    }
  }
  if (line && out.length < lines) out.push(line);
  const rest = words.join(' ');
  if (rest) out[out.length - 1] = `${out[out.length - 1]} ${rest}`;
  return out.map((l) => clip(l, max));
}

const months = (h: Horizon) => (isOpeningBlock(h) ? 'month 1' : `months ${h.fromMonth}–${h.toMonth}`);

/** The timeline as one <svg> element, or null when no initiative sits in a horizon on the calendar. */
export function timelineSvg(roadmap: Roadmap, numbered: ReadonlyMap<string, number>, id = 'timeline'): string | null {
  const columns = roadmap.horizons
    .filter((h) => !isWaitingList(h))
    .map((h) => ({ h, items: roadmap.initiatives.filter((i) => i.horizon === h.id) }))
    .filter((c) => c.items.length > 0);
  if (columns.length === 0) return null;
  const rows: Array<{ i: Initiative; col: number }> = columns.flatMap((c, col) => c.items.map((i) => ({ i, col })));
  const colWidth = (WIDTH - LABEL_WIDTH) / columns.length;
  const max = fits(colWidth - 12);
  // A horizon's name takes up to two lines; the months line up under the longest.
  const names = columns.map((c) => (escapeHtml(c.h.label) ? wrap(c.h.label, max, 2) : ['Horizon']));
  const nameLines = Math.max(...names.map((n) => n.length));
  const HEAD = 30 + 14 * nameLines;
  const x = (col: number) => LABEL_WIDTH + col * colWidth;
  const height = HEAD + rows.length * ROW + 8 + LEGEND;
  const bottom = HEAD + rows.length * ROW + 4;
  const r = (n: number) => Math.round(n * 10) / 10;

  const out: string[] = [];
  const desc = columns
    .map((c) => `${clip(c.h.label, 60) || 'Horizon'} (${months(c.h)}): ${c.items.map((i) => numbered.get(i.id)).join(', ')}`)
    .join('; ');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${FONT}" font-size="12" class="timeline">`,
    `<title id="${id}-title">Timeline: ${plural(rows.length, 'initiative')} in ${plural(columns.length, 'horizon')}</title>`,
    `<desc id="${id}-desc">${desc}. Numbers match the plan.</desc>`,
  );
  columns.forEach((c, col) => {
    if (col % 2 === 0) out.push(`<rect x="${r(x(col))}" y="0" width="${r(colWidth)}" height="${bottom}" fill="${BAND}"/>`);
    const tx = r(x(col) + 6);
    const name = names[col]!;
    out.push(
      `<text x="${tx}" y="16" fill="${INK}" font-weight="600">${name.map((l, k) => `<tspan x="${tx}" dy="${k === 0 ? 0 : 14}">${l}</tspan>`).join('')}</text>`,
      `<text x="${tx}" y="${16 + 14 * nameLines}" fill="${MUTED}" font-size="11">${clip(months(c.h), max)}</text>`,
    );
  });
  out.push(`<line x1="0" y1="${HEAD - 4}" x2="${WIDTH}" y2="${HEAD - 4}" stroke="${MUTED}" stroke-width="1"/>`);
  rows.forEach(({ i, col }, n) => {
    const y = HEAD + n * ROW;
    const number = numbered.get(i.id)!;
    if (n > 0) out.push(`<line x1="0" y1="${y}" x2="${WIDTH}" y2="${y}" stroke="#dde2e8" stroke-width="1"/>`);
    const lines = wrap(`${number}. ${normalise(i.title) || 'Untitled'}`, fits(LABEL_WIDTH - 12), 2);
    const top = lines.length === 1 ? y + 21 : y + 14;
    out.push(
      `<text x="0" y="${top}" fill="${INK}">${lines.map((l, k) => `<tspan x="0" dy="${k === 0 ? 0 : 14}">${l}</tspan>`).join('')}</text>`,
    );
    const bx = r(x(col) + 6);
    const bw = r(colWidth - 12);
    const meeting = i.kind === 'align';
    out.push(
      meeting
        ? `<rect x="${bx}" y="${y + 8}" width="${bw}" height="${BAR}" rx="3" fill="#ffffff" stroke="${BAR_FILL}" stroke-width="1.5" stroke-dasharray="4 2"/>`
        : `<rect x="${bx}" y="${y + 8}" width="${bw}" height="${BAR}" rx="3" fill="${BAR_FILL}"/>`,
      `<text x="${r(bx + 6)}" y="${y + 21}" fill="${meeting ? BAR_FILL : '#ffffff'}" font-weight="600" font-size="11">${number}</text>`,
    );
  });
  const ly = bottom + 10;
  out.push(
    `<rect x="0" y="${ly}" width="22" height="12" rx="2" fill="${BAR_FILL}"/>`,
    `<text x="28" y="${ly + 10}" fill="${MUTED}" font-size="11">a step on the canvas</text>`,
  );
  if (rows.some((row) => row.i.kind === 'align')) {
    out.push(
      `<rect x="170" y="${ly}" width="22" height="12" rx="2" fill="#ffffff" stroke="${BAR_FILL}" stroke-width="1.5" stroke-dasharray="4 2"/>`,
      `<text x="198" y="${ly + 10}" fill="${MUTED}" font-size="11">a meeting to agree where we stand</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
