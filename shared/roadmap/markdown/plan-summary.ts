/** The paragraph that opens "The roadmap": where the room puts us, where it wants to go, what drove the order. */
import { TARGET_MONTHS } from '../../domain/canvas.ts';
import type { BoardState, DimensionSummary, Roadmap } from '../../domain/types.ts';
import { inline } from './escape.ts';
import { listNames, plural } from '../../domain/words.ts';
import { isAddedByRoadmap, isWaitingList } from '../horizons.ts';

/** `org` and `stageName` come escaped, dimension names go through `escape` (the HTML report passes its own); none when no dimension has an answer. */
export function summaryParagraphs(
  board: BoardState,
  roadmap: Roadmap,
  org: string,
  stageName: (s: number) => string,
  escape: (text: string) => string = inline,
): string[] {
  const answered = roadmap.summaries.filter((s) => s.answers > 0);
  if (answered.length === 0) return [];
  const sentences: string[] = [];
  // Every name, never "and 2 more": the reader wants to know which.
  const names = (list: readonly DimensionSummary[]) => listNames(list.map((s) => escape(s.name)));
  /** "at Broadcasting on most dimensions, higher on A and lower on B": what the numbers mean, not the counts. */
  const where = (pick: (s: DimensionSummary) => number | null): string | null => {
    const known = answered.filter((s) => pick(s) !== null);
    const counts = new Map<number, number>();
    for (const s of known) counts.set(pick(s)!, (counts.get(pick(s)!) ?? 0) + 1);
    const [mode, n] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [null, 0];
    if (mode === null) return null;
    // Two stages as common as each other: say so, rather than crown one of them.
    const tied = [...counts]
      .filter(([, c]) => c === n)
      .map(([stage]) => stage)
      .sort((a, b) => a - b);
    const higher = known.filter((s) => pick(s)! > tied[tied.length - 1]!);
    const lower = known.filter((s) => pick(s)! < tied[0]!);
    const share =
      n === known.length
        ? known.length === roadmap.summaries.length
          ? 'every dimension'
          : 'every dimension it assessed'
        : n * 2 > known.length
          ? 'most dimensions'
          : 'more dimensions than any other stage';
    const head = tied.length > 1 ? `${listNames(tied.map(stageName))} in equal numbers` : `${stageName(mode)} on ${share}`;
    return [head, higher.length > 0 ? `higher on ${names(higher)}` : null, lower.length > 0 ? `lower on ${names(lower)}` : null]
      .filter((x): x is string => x !== null)
      .join(', ');
  };
  const today = where((s) => s.current);
  const split = answered.filter((s) => s.current === null);
  sentences.push(
    today === null
      ? `The room is split on where ${org} stands on every dimension it assessed.`
      : `The room puts ${org} at ${today}${split.length > 0 ? `, and is split on ${names(split)}` : ''}.`,
  );
  const goal = where((s) => s.target);
  if (goal !== null) sentences.push(`Within 12 to ${TARGET_MONTHS} months it aims for ${goal}.`);
  const work = roadmap.initiatives.filter((i) => i.kind === 'move');
  if (work.length > 0) {
    const waiting = new Set(roadmap.horizons.filter(isWaitingList).map((h) => h.id));
    const planned = work.filter((i) => !waiting.has(i.horizon)).length;
    const horizons = roadmap.horizons.filter((h) => !isAddedByRoadmap(h) && roadmap.initiatives.some((i) => i.horizon === h.id)).length;
    const waitingCount = work.length - planned;
    const meetings = roadmap.initiatives.length - work.length;
    // The number of initiatives said is the number listed: meetings and the waiting list included.
    const first = roadmap.horizons.find((h) => !isAddedByRoadmap(h));
    const room = roadmap.firstRoom !== undefined && first ? ` (${roadmap.firstRoom} in ${escape(first.label)})` : '';
    const atATime = `at most ${board.settings.initiativeCap} at a time${room}`;
    if (meetings === 0) {
      sentences.push(
        `The plan spreads ${plural(planned, 'initiative')} over ${plural(horizons, 'horizon')}, ${atATime}, to keep disruption low.${waitingCount > 0 ? ` ${plural(waitingCount, 'more waits', 'more wait')} for a free slot.` : ''}`,
      );
    } else {
      const parts = [
        `${meetings === 1 ? 'a meeting' : `${meetings} meetings`} in the first 30 days`,
        ...(planned > 0 ? [`${planned} over ${plural(horizons, 'horizon')}, ${atATime}, to keep disruption low`] : []),
        ...(waitingCount > 0 ? [`${waitingCount} waiting for a free slot`] : []),
      ];
      sentences.push(`The plan holds ${plural(roadmap.initiatives.length, 'initiative')}: ${listNames(parts)}.`);
    }
  }
  return [sentences.join(' ')];
}
