/** The export's Mermaid Gantt chart: the opening block and the scheduled horizons, dated from the workshop day. */
import type { Roadmap } from '../../domain/types.ts';
import { isWaitingList } from '../horizons.ts';
import { mermaidLabel } from './escape.ts';
import type { Day } from './file-name.ts';

/** `months` after `date` (a fraction counts 30 days a month), as yyyy-mm-dd; the 31st of a shorter month is its last day. */
export function addMonths(date: Day, months: number): string {
  const whole = Math.floor(months);
  const days = Math.round((months - whole) * 30);
  const monthIndex = date.m - 1 + whole;
  const y = date.y + Math.floor(monthIndex / 12);
  const m = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const t = new Date(Date.UTC(y, m, Math.min(date.d, lastDay)) + days * 86_400_000);
  return t.toISOString().slice(0, 10);
}

/** The chart's lines, fenced; null when nothing is scheduled. */
export function mermaidGantt(roadmap: Roadmap, date: Day, numbered: ReadonlyMap<string, number>): string[] | null {
  const body: string[] = [];
  for (const h of roadmap.horizons) {
    if (isWaitingList(h)) continue;
    const items = roadmap.initiatives.filter((i) => i.horizon === h.id);
    if (items.length === 0) continue;
    const from = Math.max(0, h.fromMonth);
    const to = h.toMonth > from ? h.toMonth : from + 1;
    const end = addMonths(date, to);
    body.push(`    section ${mermaidLabel(h.label, 40) || 'Horizon'}`);
    for (const i of items) {
      const n = numbered.get(i.id)!;
      // Work a barrier's window moved starts in its month, later than its horizon.
      const at = typeof i.startMonth === 'number' && i.startMonth > from && i.startMonth < to ? i.startMonth : from;
      body.push(`    ${n}. ${mermaidLabel(i.title, 80) || 'Initiative'} :i${n}, ${addMonths(date, at)}, ${end}`);
    }
  }
  if (body.length === 0) return null;
  return ['```mermaid', 'gantt', '    title Migration roadmap', '    dateFormat YYYY-MM-DD', '    axisFormat %b %Y', ...body, '```'];
}
