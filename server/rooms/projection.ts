/**
 * Decides what leaves the server: from a room's authoritative state (ledger and
 * private documents) it keeps two documents that only the server writes, one
 * per class of recipient (shared/doc/room-doc.ts has their layout):
 *
 * - `room`, for every connection: the session's meta, revealed cards under
 *   public ids (with the author's name only in a named workshop), counts,
 *   distributions once enough people answered and the phase is open, vote
 *   totals once open, names in a named workshop, the roadmap; in a re-run, the
 *   earlier workshop's plan with what the room says became of it, and its
 *   distributions beside today's once Assess is revealed (aggregates only);
 * - `console`, for the facilitator: cards not revealed yet (no author) and the
 *   people list with participant ids (to remove someone), plus how many
 *   dimensions each answered in a named workshop; cards set aside (no author),
 *   and who volunteered to own each initiative.
 *
 * A card the facilitator set aside (ledger `aside`) reaches neither `room` nor
 * the console's card map: only the console's set-aside list, and its author's
 * own document, which it never left.
 *
 * Neither is stored: both are rebuilt from the state on load, written in one
 * transaction per flush with only what changed, and their updates go out only
 * after the state they derive from is stored.
 *
 * This file decides what to recompute and what to write; the parts do the work:
 * what changed (projection-changes.ts), what each person adds (contribution.ts),
 * the figures (figures.ts), and the two writers (room-doc-writer.ts,
 * console-doc-writer.ts). New cards get their public id and display order from
 * the room state (RoomState.registerNewCards) the first time an update sees them.
 */
import * as Y from 'yjs';
import { readMeta } from '../../shared/doc/meta-doc.ts';
import { readRoadmap } from '../../shared/doc/roadmap-doc.ts';
import { consolePerson, writeConsoleDoc } from './console-doc-writer.ts';
import { contributionOf, sameCardIds, type Contribution } from './contribution.ts';
import { allCards, cardWrites } from './doc-sync.ts';
import { roomFigures, sameFigures, voteTotals, type RoomFigures } from './figures.ts';
import { asideIds, LEDGER, ledgerMaps, readBaseline, readEarlier } from './ledger.ts';
import { consoleVolunteers } from './volunteers.ts';
import { ProjectionChanges } from './projection-changes.ts';
import { baselineEntries, roomPeople, roomVotes, writeRoomDoc } from './room-doc-writer.ts';
import type { RoomState } from './room-state.ts';

export interface DirtyParts {
  /** The roadmap changed in the ledger. */
  roadmap: boolean;
}

export interface ProjectionOptions {
  /**
   * Recompute only what the changes since the last update touched (the default), or everything
   * every time (the reference the incremental path is tested against).
   */
  incremental?: boolean;
}

export class Projection {
  readonly room = new Y.Doc({ gc: true });
  readonly console = new Y.Doc({ gc: true });

  private readonly incremental: boolean;
  private readonly changes: ProjectionChanges;
  /** Per present participant, what they added at the last update: what the two documents hold of them. */
  private parts = new Map<string, Contribution>();
  /** Everything is recomputed at the next update (the first one). */
  private stale = true;
  private voters = 0;
  /** The room's figures (stats and distributions) as last written, to skip writing them unchanged. */
  private lastFigures: string | null = null;

  constructor(
    private readonly state: RoomState,
    opts: ProjectionOptions = {},
  ) {
    this.incremental = opts.incremental ?? true;
    this.changes = new ProjectionChanges(state);
  }

  /**
   * Brings both documents up to date with the state, writing only differences. Recomputes only
   * the participants whose documents, registrations or ledger entries changed since the last
   * call, and only the parts of the room the changed ledger roots feed; returns at once when
   * nothing changed. The result is the same, write for write, as recomputing everything.
   */
  update(dirty: DirtyParts = { roadmap: true }): void {
    this.changes.watchPrivates();
    const full = this.stale || !this.incremental;
    if (!full && this.changes.none && !dirty.roadmap) return;
    try {
      this.changes.unfollowed(() => this.project(full, dirty));
    } finally {
      this.stale = false;
      this.changes.clear();
    }
  }

  destroy(): void {
    this.changes.destroy();
    this.room.destroy();
    this.console.destroy();
  }

  private project(full: boolean, dirty: DirtyParts): void {
    const state = this.state;
    const ledger = state.ledger;
    const roots = this.changes.roots;
    const ctx = state.ctx();
    const named = !ctx.settings.anonymous;
    const dimKeys = new Set(state.dimensions().map((d) => d.key));
    const presentIds = state.presentIds();
    const present = new Set(presentIds);
    const participants = ledgerMaps(ledger).participants;
    const metaChanged = full || roots.has('meta');
    const peopleChanged = full || roots.has(LEDGER.participants);
    // Setting a card aside is rare: everyone's contribution is recomputed then, as for the session.
    const asideChanged = full || roots.has(LEDGER.aside);
    const aside = asideIds(ledger);

    // Whose contribution to recompute: everyone's when the session changed, else those whose state changed.
    const recompute =
      metaChanged || asideChanged ? presentIds : presentIds.filter((pid) => this.changes.pids.has(pid) || !this.parts.has(pid));
    const gone = [...this.parts.keys()].filter((pid) => !present.has(pid));
    state.registerNewCards(recompute);

    const before = this.parts;
    const after = full ? new Map<string, Contribution>() : new Map(before);
    for (const pid of gone) after.delete(pid);
    const changed: string[] = [];
    for (const pid of recompute) {
      const doc = state.privates.get(pid);
      if (!doc) {
        after.delete(pid);
        continue;
      }
      after.set(pid, contributionOf(state, pid, doc, ctx, named, participants.get(pid)?.name ?? null, dimKeys, aside));
      changed.push(pid);
    }
    // A full pass holds people in the order the room lists them, as it always wrote them.
    const parts = full ? inOrder(after, presentIds) : after;
    this.parts = parts;
    const touched = [...gone, ...changed];
    const visibleSetChanged = full || touched.some((pid) => !sameCardIds(before.get(pid)?.room, parts.get(pid)?.room));

    // Votes: totals on live targets, from people still in the room.
    const votesChanged = metaChanged || roots.has(LEDGER.votes) || peopleChanged || visibleSetChanged;
    let totals: Map<string, number> | undefined;
    if (votesChanged) {
      const visibleCards = new Set<string>();
      for (const c of parts.values()) for (const id of c.room.keys()) visibleCards.add(id);
      const counted = voteTotals(ledgerMaps(ledger).votes.entries(), present, dimKeys, visibleCards);
      totals = counted.totals;
      this.voters = counted.voters;
    }

    // The room's figures come from the session, the people, the votes and each person's counts
    // and markers: most flushes change a card's text and none of these.
    const figuresMoved =
      full ||
      metaChanged ||
      peopleChanged ||
      votesChanged ||
      gone.length > 0 ||
      changed.some((pid) => !sameFigures(before.get(pid), parts.get(pid)));
    let figures: RoomFigures | undefined;
    if (figuresMoved) {
      const next = roomFigures(ctx, dimKeys, present.size, parts.values(), this.voters);
      // Compared here, as written last time, instead of key by key in the document.
      const key = JSON.stringify([[...next.stats], [...next.dists]]);
      if (full || key !== this.lastFigures) figures = next;
      this.lastFigures = key;
    }

    const baselineMoved = metaChanged || roots.has(LEDGER.baseline) || roots.has(LEDGER.earlier);
    const baseline = baselineMoved ? readBaseline(ledger) : null;
    writeRoomDoc(this.room, {
      meta: metaChanged ? new Map(Object.entries(readMeta(ledger))) : undefined,
      cards: full ? { all: allCards(parts, 'room') } : { writes: cardWrites(touched, presentIds, before, parts, 'room') },
      figures,
      votes: totals && roomVotes(ctx, totals),
      people: metaChanged || peopleChanged ? roomPeople(named, presentIds, participants) : undefined,
      roadmap: dirty.roadmap ? readRoadmap(ledger) : undefined,
      baseline: baselineMoved ? baselineEntries(ctx, dimKeys, baseline, baseline ? readEarlier(ledger) : {}) : undefined,
    });
    writeConsoleDoc(this.console, {
      cards: full ? { all: allCards(parts, 'console') } : { writes: cardWrites(touched, presentIds, before, parts, 'console') },
      personOf: (pid) => consolePerson(participants.get(pid)!, named, parts.get(pid)),
      aside: full ? { all: allCards(parts, 'aside') } : { writes: cardWrites(touched, presentIds, before, parts, 'aside') },
      volunteers: full || peopleChanged || dirty.roadmap || roots.has(LEDGER.volunteers) ? consoleVolunteers(ledger, present) : undefined,
      everyone: metaChanged || peopleChanged ? presentIds : undefined,
      // Only the answered and card counts of those recomputed can have moved.
      recounted: named ? changed : [],
    });
  }
}

/** The same entries, in `order` (those not in it left out). */
function inOrder<V>(map: Map<string, V>, order: string[]): Map<string, V> {
  const out = new Map<string, V>();
  for (const key of order) {
    const v = map.get(key);
    if (v) out.set(key, v);
  }
  return out;
}
