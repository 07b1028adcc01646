/**
 * What a re-run's "Since" section says, whatever the format: the comparison, the opening
 * paragraph and each dimension's "Moved" cell. The markdown and the HTML report both write it
 * from here, each passing its own escape for what people typed, so the two cannot drift.
 */
import type { BoardState, Card, Roadmap } from '../../domain/types.ts';
import { listNames, plural } from '../../domain/words.ts';
import { dayOf, sinceEarlier, STATUS_WORDS, type DimensionThenNow, type SinceEarlier } from '../../rules/baseline.ts';
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

/**
 * One line of "What became of the earlier plan": the initiative's title (escaped, for the
 * format to emphasise) and the rest of the sentence. `stage` names a stage in the format's way.
 */
export function outcomeWords(
  o: SinceEarlier['outcomes'][number],
  esc: (typed: string) => string,
  stage: (level: number) => string,
): { title: string; rest: string } {
  const i = o.initiative;
  const where = [normalise(i.horizon) ? esc(i.horizon) : null, normalise(i.owner) ? `owner: ${esc(i.owner)}` : null]
    .filter(Boolean)
    .join(', ');
  const status = o.mark.status ? STATUS_WORDS[o.mark.status] : 'not discussed yet';
  const aim = i.kind === 'move' && o.reached !== null ? (o.reached ? ', where it aimed' : `, short of ${stage(i.toStage)}`) : '';
  const now = o.nowStage === null ? '' : `; the room puts it at ${stage(o.nowStage)} today${aim}`;
  // What held it back is the story of a stalled initiative; elsewhere it would only repeat itself.
  const raised =
    o.mark.status === 'stalled' && o.stillRaised.length > 0
      ? `; ${listNames(
          o.stillRaised.map((t) => `“${esc(t)}”`),
          2,
        )} ${o.stillRaised.length === 1 ? 'is' : 'are'} still raised`
      : '';
  return { title: normalise(i.title) ? esc(i.title) : 'Untitled', rest: `${where ? ` (${where})` : ''}: ${status}${now}${raised}.` };
}
