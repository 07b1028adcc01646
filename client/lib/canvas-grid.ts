/**
 * The canvas's grid, read from a RoomBoard: practice cards grouped by cell and the words on its
 * edges. Only the console and the projector draw a canvas, so none of this reaches the phone.
 */
import { STAGES } from '../../shared/domain/canvas.ts';
import type { PublicCard, Stage } from '../../shared/domain/types.ts';

/** A cell's key: `dimension/stage`. */
export const cellKey = (dimension: string, stage: number): string => `${dimension}/${stage}`;

/** Practice cards grouped by cell; a card without a dimension or a stage is in none. */
export function cardsByCell(cards: PublicCard[]): Map<string, PublicCard[]> {
  const cells = new Map<string, PublicCard[]>();
  for (const c of cards) {
    if (c.kind !== 'practice' || !c.dimension || !c.stage) continue;
    const k = cellKey(c.dimension, c.stage);
    (cells.get(k) ?? cells.set(k, []).get(k)!).push(c);
  }
  return cells;
}

/**
 * The canvas's two edges: the default model's journey ("Uses social media" to "Social
 * organisation"), also over the dimension names; a workshop whose stages were renamed runs
 * from its first stage to its last, and its stage headers already say so.
 */
export function canvasEdges(stages: readonly Stage[]): { left: string; right: string; corner: string } {
  const renamed = stages.length !== STAGES.length || stages.some((s, i) => s.name !== STAGES[i]!.name);
  return renamed
    ? { left: stages[0]?.name ?? '', right: stages[stages.length - 1]?.name ?? '', corner: 'Dimension' }
    : { left: 'Uses social media', right: 'Social organisation', corner: 'Uses social media' };
}
