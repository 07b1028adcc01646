/** The paragraph that opens "The roadmap": where the room puts us, where it wants to go, what drove the order. */
import { TARGET_MONTHS } from '../../domain/canvas.ts';
import type { BoardState, Roadmap } from '../../domain/types.ts';
import { listNames, plural } from '../../domain/words.ts';
import { isAddedByRoadmap, isWaitingList } from '../horizons.ts';

/** `org` and `stageName` come escaped; none when no dimension has an answer. */
export function summaryParagraphs(board: BoardState, roadmap: Roadmap, org: string, stageName: (s: number) => string): string[] {
  const answered = roadmap.summaries.filter((s) => s.answers > 0);
  if (answered.length === 0) return [];
  const tally = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  };
  const dims = roadmap.summaries.length;
  const sentences: string[] = [];
  const placed = answered.filter((s) => s.current !== null);
  const split = answered.filter((s) => s.current === null);
  const [now, nowCount] = tally(placed.map((s) => s.current!))[0] ?? [null, 0];
  sentences.push(
    now === null
      ? `The room is split on where ${org} stands on every dimension it assessed.`
      : nowCount === dims
        ? `The room puts ${org} at ${stageName(now)} on every dimension.`
        : `The room puts ${org} at ${stageName(now)} on ${nowCount} of ${plural(dims, 'dimension')}${split.length > 0 ? ` and is split on ${split.length}` : ''}.`,
  );
  const goals = tally(answered.filter((s) => s.target !== null).map((s) => s.target!));
  if (goals.length > 0) sentences.push(`Within 12 to ${TARGET_MONTHS} months it wants ${listNames(goals.map(([g, n]) => `${stageName(g)} on ${n}`))}.`);
  const work = roadmap.initiatives.filter((i) => i.kind === 'move');
  if (work.length > 0) {
    const waiting = new Set(roadmap.horizons.filter(isWaitingList).map((h) => h.id));
    const planned = work.filter((i) => !waiting.has(i.horizon)).length;
    const horizons = roadmap.horizons.filter((h) => !isAddedByRoadmap(h) && roadmap.initiatives.some((i) => i.horizon === h.id)).length;
    const waitingCount = work.length - planned;
    sentences.push(
      `The plan spreads ${plural(planned, 'initiative')} over ${plural(horizons, 'horizon')}, at most ${board.settings.initiativeCap} at a time, to keep disruption low.${waitingCount > 0 ? ` ${plural(waitingCount, 'more waits', 'more wait')} for a free slot.` : ''}`,
    );
  }
  return [sentences.join(' ')];
}
