/**
 * "What moved" as the screens draw it, from what the server let this screen
 * see of a re-run (RoomBoard.baseline): per dimension, the earlier room's
 * distribution beside today's and the shift of the middle answer, by the one
 * rule the board and the roadmap use (shared/rules/summary.ts). Pure.
 */
import { dayOf, monthOf } from '../../shared/rules/baseline.ts';
import { stageNamer } from '../../shared/domain/canvas.ts';
import type { RoomBoard } from '../../shared/domain/types.ts';
import { distributionOf, type Distribution } from './model.ts';

export interface MovedRow {
  key: string;
  name: string;
  then: Distribution;
  /** Today's distribution, when the room may see it. */
  now: Distribution | null;
  /** Today's middle answer minus the earlier one, when both have one. */
  shift: number | null;
  /** The shift in words: "Broadcasting → Experimenting, up 1". */
  words: string;
}

export interface WhatMovedView {
  /** "14 March 2025", "March 2025". */
  day: string;
  month: string;
  title: string;
  rows: MovedRow[];
}

function words(board: RoomBoard, then: Distribution, now: Distribution | null): { shift: number | null; words: string } {
  const stageName = stageNamer(board.stages);
  if (!now) return { shift: null, words: 'Today: not enough answers yet' };
  const a = then.medianCurrent;
  const b = now.medianCurrent;
  if (a === null && b === null) return { shift: null, words: 'Split then, and split now' };
  if (a === null) return { shift: null, words: `Split then; today ${stageName(b!)}` };
  if (b === null) return { shift: null, words: `${stageName(a)} then; split today` };
  const shift = b - a;
  if (shift === 0) return { shift, words: `Still ${stageName(b)}` };
  return { shift, words: `${stageName(a)} → ${stageName(b)}, ${shift > 0 ? 'up' : 'down'} ${Math.abs(shift)}` };
}

/** The comparison a screen may draw; null for a first run. Rows only where the earlier distribution may be shown. */
export function whatMoved(board: RoomBoard): WhatMovedView | null {
  const b = board.baseline;
  if (!b) return null;
  const rows: MovedRow[] = [];
  for (const d of board.dimensions) {
    const h = Object.hasOwn(b.then, d.key) ? b.then[d.key] : undefined;
    if (!h) continue;
    const then = distributionOf(h);
    const nowHist = Object.hasOwn(board.dists, d.key) ? board.dists[d.key] : undefined;
    const now = nowHist ? distributionOf(nowHist) : null;
    rows.push({ key: d.key, name: d.name, then, now, ...words(board, then, now) });
  }
  return { day: dayOf(b.date), month: monthOf(b.date), title: b.title, rows };
}
