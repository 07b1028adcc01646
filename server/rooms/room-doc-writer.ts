/**
 * The `room` document, which every connection receives (its layout: shared/doc/room-doc.ts):
 * what each of its parts holds, and the one transaction that writes the parts that moved.
 * What to write and when is the projection's call (projection.ts); whatever is built here is
 * exactly what the privacy table lets everyone see.
 */
import type * as Y from 'yjs';
import { ROOM, type BaselineInfo, type PackedCard, type RoomPerson } from '../../shared/doc/room-doc.ts';
import { writeRoadmap } from '../../shared/doc/roadmap-doc.ts';
import type { Baseline, EarlierInitiativeView, EarlierMark, Histogram, Roadmap } from '../../shared/domain/types.ts';
import { earlierMark } from '../../shared/rules/baseline.ts';
import { thenVisible, votesVisible, type RevealContext } from '../../shared/rules/visibility.ts';
import { nothingToWrite, syncMap, writeCards, type CardsUpdate } from './doc-sync.ts';
import type { RoomFigures } from './figures.ts';
import type { LedgerParticipant } from './ledger.ts';

/** A re-run's parts of the room document: `baseline` (info, initiatives) and `then` (earlier distributions). */
export interface BaselineEntries {
  info: Map<string, unknown>;
  then: Map<string, Histogram>;
}

/** What to write into the room document; a part left undefined is left as it is. */
export interface RoomDocWrite {
  /** The session's meta, key by key. */
  meta?: Map<string, unknown>;
  cards: CardsUpdate;
  figures?: RoomFigures;
  /** What `votes` holds: see `roomVotes`. */
  votes?: Map<string, number>;
  people?: Map<string, RoomPerson>;
  roadmap?: Roadmap | null;
  baseline?: BaselineEntries;
}

/** Writes the parts of `w` that are there, in one transaction; none at all when nothing would change. */
export function writeRoomDoc(room: Y.Doc, w: RoomDocWrite): void {
  const idle = !w.meta && !w.figures && !w.votes && !w.people && w.roadmap === undefined && !w.baseline && nothingToWrite(w.cards);
  if (idle) return;
  room.transact(() => {
    if (w.meta) syncMap(room.getMap<unknown>(ROOM.meta), w.meta);
    writeCards(room.getMap<PackedCard>(ROOM.cards), w.cards);
    if (w.figures) {
      syncMap(room.getMap<number>(ROOM.stats), w.figures.stats);
      syncMap(room.getMap<Histogram>(ROOM.dists), w.figures.dists);
    }
    if (w.votes) syncMap(room.getMap<number>(ROOM.votes), w.votes);
    if (w.people) syncMap(room.getMap<RoomPerson>(ROOM.people), w.people);
    if (w.roadmap !== undefined) writeRoadmap(room, w.roadmap);
    if (w.baseline) {
      syncMap(room.getMap<unknown>(ROOM.baseline), w.baseline.info);
      syncMap(room.getMap<Histogram>(ROOM.then), w.baseline.then);
    }
  });
}

/** The room's `votes`: nothing while the room may not see totals, else `@open` and every total. */
export function roomVotes(ctx: RevealContext, totals: Map<string, number>): Map<string, number> {
  const votes = new Map<string, number>();
  if (votesVisible(ctx)) {
    votes.set('@open', 1);
    for (const [t, n] of totals) votes.set(t, n);
  }
  return votes;
}

/** The room's `people`: names under opaque person ids in a named workshop, nobody in an anonymous one. */
export function roomPeople(named: boolean, presentIds: string[], participants: Y.Map<LedgerParticipant>): Map<string, RoomPerson> {
  const people = new Map<string, RoomPerson>();
  if (named) {
    for (const pid of presentIds) {
      const p = participants.get(pid)!;
      people.set(p.personId, { name: p.name, joinedAt: p.joinedAt });
    }
  }
  return people;
}

/** A re-run: the earlier plan and, with today's distributions, the earlier ones; never who. Both empty on a first run. */
export function baselineEntries(
  ctx: RevealContext,
  dimKeys: ReadonlySet<string>,
  baseline: Baseline | null,
  marks: Readonly<Record<string, EarlierMark>>,
): BaselineEntries {
  const info = new Map<string, unknown>();
  const then = new Map<string, Histogram>();
  if (baseline) {
    const names: Record<string, string> = {};
    for (const d of baseline.dimensions) names[d.key] = d.name;
    info.set('info', { title: baseline.title, organisation: baseline.organisation, date: baseline.date, names } satisfies BaselineInfo);
    info.set(
      'initiatives',
      baseline.initiatives.map((i): EarlierInitiativeView => ({
        id: i.id,
        dimension: i.dimension,
        title: i.title,
        horizon: i.horizon,
        fromStage: i.fromStage,
        toStage: i.toStage,
        benchmark: i.benchmark,
        ...earlierMark(marks, i.id),
      })),
    );
    for (const d of baseline.dimensions) {
      if (!dimKeys.has(d.key) || !thenVisible(ctx, d.answers)) continue;
      then.set(d.key, { current: [...d.current], target: [...d.target], answers: d.answers });
    }
  }
  return { info, then };
}
