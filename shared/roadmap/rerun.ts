/** What a re-run adds to the roadmap: then against now, and the room's word on the earlier plan, in each dimension's reasons. */
import type { StageNamer } from '../domain/canvas.ts';
import type { BoardState } from '../domain/types.ts';
import { monthOf, sinceEarlier, type SinceEarlier } from '../rules/baseline.ts';
import * as copy from './copy.ts';
import type { BoardFacts } from './facts.ts';

/** Then against now, from the board's baseline (there must be one) and the room's own words on the earlier plan. */
export function sinceFrom(board: BoardState, facts: BoardFacts): SinceEarlier {
  const barriersNow = [
    ...facts.dims.filter((d) => d.first).flatMap((d) => d.barriers.map((c) => ({ text: c.text, dimension: d.def.key }))),
    ...facts.general.map((c) => ({ text: c.text, dimension: null })),
  ];
  return sinceEarlier(
    board.baseline!,
    facts.dims.filter((d) => d.first).map((d) => d.summary),
    board.earlier,
    barriersNow,
  );
}

/**
 * What a re-run adds to a dimension's move: credit where the room moved it (or a plain word
 * where it slipped), and, where an earlier initiative on it stalled and the stage it aimed for
 * is still not reached, why it stalled, with a first step that deals with that first.
 */
export function rerunFor(
  since: SinceEarlier | null,
  key: string,
  stageName: StageNamer,
): { stalled: string[]; moved: string[]; step: (text: string) => string } {
  const none = { stalled: [], moved: [], step: (text: string) => text };
  if (!since) return none;
  const month = monthOf(since.baseline.date);
  const d = since.dimensions.find((x) => x.dimension === key);
  const moved = d && d.moved !== null && d.moved !== 0 ? [copy.movedSentence(month, d.then.current!, d.now.current!, stageName)] : [];
  const stalled = since.outcomes.find((o) => o.initiative.dimension === key && o.mark.status === 'stalled' && o.reached !== true);
  if (!stalled) return { ...none, moved };
  return {
    stalled: [copy.stalledSentence(month, stalled.stillRaised)],
    moved,
    step: (text: string) => copy.afterStallStep(stalled.stillRaised, text),
  };
}
