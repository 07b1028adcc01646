/**
 * What a re-run's "Since" section says, whatever the format: the comparison, the opening
 * paragraph and each dimension's "Moved" cell. The markdown and the HTML report both write it
 * from here, each passing its own escape for what people typed, so the two cannot drift.
 */
import type { BoardState, Card, Roadmap } from '../../domain/types.ts';
import { listNames, plural } from '../../domain/words.ts';
import { dayOf, sinceEarlier, type DimensionThenNow, type SinceEarlier } from '../../rules/baseline.ts';
import { normalise } from './escape.ts';

export interface SinceWords {
  since: SinceEarlier;
  /** The earlier workshop's day, in words ("14 March 2025"). */
  when: string;
  /** The opening paragraph, typed text escaped with `esc`. */
  opening: string;
  /** The "Moved" cell of one dimension. */
  moved: (d: DimensionThenNow) => string;
}

/** Null for a board that is not a re-run (no baseline). */
export function sinceWords(board: BoardState, roadmap: Roadmap, cards: readonly Card[], esc: (typed: string) => string): SinceWords | null {
  if (!board.baseline) return null;
  const dims = new Set(board.dimensions.map((d) => d.key));
  const barriersNow = cards
    .filter((c) => c.kind === 'barrier')
    .map((c) => ({ text: c.text, dimension: c.dimension !== null && dims.has(c.dimension) ? c.dimension : null }));
  const since = sinceEarlier(board.baseline, roadmap.summaries, board.earlier, barriersNow);
  const when = dayOf(since.baseline.date);
  const earlierTitle = normalise(since.baseline.title) ? `, “${esc(since.baseline.title)}”` : '';
  const up = since.dimensions.filter((d) => (d.moved ?? 0) > 0);
  const down = since.dimensions.filter((d) => (d.moved ?? 0) < 0);
  const same = since.dimensions.filter((d) => d.moved === 0);
  const names = (list: typeof up) =>
    listNames(
      list.map((d) => esc(d.name)),
      3,
    );
  const moves = [
    up.length > 0 ? `moved up on ${plural(up.length, 'dimension')} (${names(up)})` : null,
    down.length > 0 ? `slipped on ${plural(down.length, 'dimension')} (${names(down)})` : null,
    same.length > 0 ? `stayed where it was on ${same.length}` : null,
  ].filter((x): x is string => x !== null);
  const opening = `This workshop ran again after the one on ${when}${earlierTitle}. ${
    moves.length > 0
      ? `Since then the room ${listNames(moves)}.`
      : 'No dimension has a middle answer in both sessions, so no shift can be measured yet: the table shows what each room said.'
  }`;
  const moved = (d: DimensionThenNow) =>
    d.dropped ? 'off the canvas now' : d.moved === null ? 'n/a' : d.moved > 0 ? `up ${d.moved}` : d.moved < 0 ? `down ${-d.moved}` : 'no';
  return { since, when, opening, moved };
}
