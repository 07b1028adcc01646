/** The export's Mermaid Gantt chart: the opening block and the scheduled horizons, dated from the workshop day. */
import { STAGE_NOT_AGREED } from '../../domain/canvas.ts';
import type { BoardState, Initiative, Roadmap } from '../../domain/types.ts';
import { defaultPlaybook, playbookOf } from '../../domain/workshop-model.ts';
import { isOpeningBlock, isWaitingList } from '../horizons.ts';
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

/**
 * Work that waits for something in its own horizon starts a month in, after the first 30 days,
 * as its reasons say: a move "towards" a target after the meeting that settles where we stand
 * (in the horizon that starts at once), or work whose dimension needs another's first (the
 * model's `needs`) when that other comes before it in the same horizon.
 */
export function startsAfterFirstMonth(board: BoardState, roadmap: Roadmap, i: Initiative, fromMonth: number): boolean {
  const opening = new Set(roadmap.horizons.filter(isOpeningBlock).map((h) => h.id));
  const meeting = roadmap.initiatives.some((x) => x.kind === 'align' && x.dimension === i.dimension && opening.has(x.horizon));
  if (i.kind === 'move' && i.fromStage === STAGE_NOT_AGREED && meeting && fromMonth === 0) return true;
  const needs = (board.playbooks ? playbookOf(board.playbooks, i.dimension) : defaultPlaybook(i.dimension))?.needs ?? [];
  const before = roadmap.initiatives.slice(0, roadmap.initiatives.indexOf(i));
  return before.some((x) => x.horizon === i.horizon && x.kind === 'move' && needs.includes(x.dimension));
}

/** The chart's lines, fenced; null when nothing is scheduled. */
export function mermaidGantt(board: BoardState, roadmap: Roadmap, date: Day, numbered: ReadonlyMap<string, number>): string[] | null {
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
      // Work a barrier's window moved starts in its month; work that waits for a step in its own
      // horizon starts a month in; the rest when its horizon opens.
      const at =
        typeof i.startMonth === 'number' && i.startMonth > from && i.startMonth < to
          ? i.startMonth
          : startsAfterFirstMonth(board, roadmap, i, from) && to - from > 1
            ? from + 1
            : from;
      body.push(`    ${n}. ${mermaidLabel(i.title, 80) || 'Initiative'} :i${n}, ${addMonths(date, at)}, ${end}`);
    }
  }
  if (body.length === 0) return null;
  return ['```mermaid', 'gantt', '    title Migration roadmap', '    dateFormat YYYY-MM-DD', '    axisFormat %b %Y', ...body, '```'];
}
