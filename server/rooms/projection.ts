/**
 * Decides what leaves the server: from a room's authoritative state (ledger and
 * private documents) it keeps two documents that only the server writes, one
 * per class of recipient (shared/room-doc.ts has their layout):
 *
 * - `room`, for every connection: the session's meta, revealed cards under
 *   public ids (with the author's name only in a named workshop), counts,
 *   distributions once enough people answered and the phase is open, vote
 *   totals once open, names in a named workshop, the roadmap; in a re-run, the
 *   earlier workshop's plan with what the room says became of it, and its
 *   distributions beside today's once Assess is revealed (aggregates only);
 * - `console`, for the facilitator: cards not revealed yet (no author) and the
 *   people list with participant ids (to remove someone), plus how many
 *   dimensions each answered in a named workshop.
 *
 * Neither is stored: both are rebuilt from the state on load, written in one
 * transaction per flush with only what changed, and their updates go out only
 * after the state they derive from is stored.
 *
 * New cards are registered here (public id, display order) the first time the
 * server sees them; in an anonymous workshop cards enter the room doc in a
 * random order, so neither ids nor Yjs clocks say who wrote what.
 */
import * as Y from 'yjs';
import { readMeta } from '../../shared/board.ts';
import { privateMaps } from '../../shared/private-doc.ts';
import { ANSWERS_PREFIX, CONSOLE, ROOM, STAT_KEYS, type BaselineInfo, type ConsolePerson, type RoomPerson } from '../../shared/room-doc.ts';
import { readRoadmap, writeRoadmap } from '../../shared/roadmap-doc.ts';
import type { CardValue, EarlierInitiativeView, Histogram, PublicCardValue, RoomStats } from '../../shared/types.ts';
import { cardVisible, distributionVisible, thenVisible, votesVisible } from '../../shared/visibility.ts';
import { earlierMark } from '../../shared/baseline.ts';
import { ledgerMaps, readBaseline, readEarlier, splitOwnedKey } from './ledger.ts';
import type { RoomState } from './room-state.ts';

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Makes `map` hold exactly `desired`, writing entries that differ and deleting the rest; new keys in `order`. */
function syncMap<V>(map: Y.Map<V>, desired: Map<string, V>, insertOrder?: (a: [string, V], b: [string, V]) => number): void {
  for (const key of [...map.keys()]) if (!desired.has(key)) map.delete(key);
  const added: [string, V][] = [];
  for (const [key, value] of desired) {
    if (!map.has(key)) added.push([key, value]);
    else if (!same(map.get(key), value)) map.set(key, value);
  }
  if (insertOrder) added.sort(insertOrder);
  for (const [key, value] of added) map.set(key, value);
}

const byOrder = (a: [string, PublicCardValue], b: [string, PublicCardValue]) => a[1].order - b[1].order || (a[0] < b[0] ? -1 : 1);

export interface DirtyParts {
  /** The roadmap changed in the ledger. */
  roadmap: boolean;
}

const emptyHistogram = (): Histogram => ({ current: [0, 0, 0, 0, 0], target: [0, 0, 0, 0, 0], answers: 0 });

export class Projection {
  readonly room = new Y.Doc({ gc: true });
  readonly console = new Y.Doc({ gc: true });

  constructor(private readonly state: RoomState) {}

  /** Brings both documents up to date with the state. Cheap when little changed: only differences are written. */
  update(dirty: DirtyParts = { roadmap: true }): void {
    const state = this.state;
    const ledger = state.ledger;
    const ctx = state.ctx();
    const settings = ctx.settings as ReturnType<RoomState['settings']>;
    const named = !settings.anonymous;
    const dimensions = state.dimensions();
    const dimKeys = new Set(dimensions.map((d) => d.key));
    const present = new Set(state.presentIds());
    const participants = ledgerMaps(ledger).participants;

    // Cards: register what is new, then split into what the room may read and what only the console may.
    const roomCards = new Map<string, PublicCardValue>();
    const consoleCards = new Map<string, PublicCardValue>();
    const cardsOf = new Map<string, number>();
    const visibleCardIds = new Set<string>();
    const counts = { practice: 0, barrier: 0, hiddenPractice: 0, hiddenBarrier: 0 };
    const unregistered: Array<{ pid: string; cardId: string; value: CardValue }> = [];
    for (const pid of present) {
      const doc = state.privates.get(pid);
      if (!doc) continue;
      privateMaps(doc).cards.forEach((value, cardId) => {
        if (!value || typeof value !== 'object') return;
        if (!state.registration(pid, cardId)) unregistered.push({ pid, cardId, value });
      });
    }
    if (unregistered.length) {
      // Registration order says nothing either: shuffled when anonymous, by time when named.
      if (!named) shuffle(unregistered);
      ledger.transact(() => {
        for (const u of unregistered) state.register(u.pid, u.cardId, u.value.createdAt);
      });
    }
    for (const pid of present) {
      const doc = state.privates.get(pid);
      if (!doc) continue;
      const author = participants.get(pid)?.name ?? null;
      let written = 0;
      privateMaps(doc).cards.forEach((value, cardId) => {
        if (!value || typeof value !== 'object') return;
        const reg = state.registration(pid, cardId);
        if (!reg) return;
        written++;
        const visible = cardVisible(ctx, value.kind);
        const notBefore = value.kind === 'barrier' && typeof value.notBefore === 'string' ? value.notBefore : null;
        const base = { kind: value.kind, text: value.text, dimension: value.dimension, stage: value.stage, notBefore, order: reg.order };
        if (value.kind === 'practice') counts.practice++;
        else counts.barrier++;
        if (visible) {
          roomCards.set(reg.id, { ...base, author: named ? author : null });
          visibleCardIds.add(reg.id);
        } else {
          consoleCards.set(reg.id, { ...base, author: null });
          if (value.kind === 'practice') counts.hiddenPractice++;
          else counts.hiddenBarrier++;
        }
      });
      cardsOf.set(pid, written);
    }

    // Markers: histograms per dimension, and how many dimensions each person answered.
    const hists = new Map<string, Histogram>();
    for (const key of dimKeys) hists.set(key, emptyHistogram());
    const answeredBy = new Map<string, number>();
    for (const pid of present) {
      const doc = state.privates.get(pid);
      if (!doc) continue;
      let answered = 0;
      privateMaps(doc).markers.forEach((m, dim) => {
        const h = hists.get(dim);
        if (!h || !m || typeof m !== 'object') return;
        const cur = validStage(m.current);
        const tgt = validStage(m.target);
        if (cur === null && tgt === null) return;
        h.answers++;
        answered++;
        if (cur !== null) h.current[cur - 1]!++;
        if (tgt !== null) h.target[tgt - 1]!++;
      });
      answeredBy.set(pid, answered);
    }

    // Votes: totals on live targets, from people still in the room.
    const totals = new Map<string, number>();
    const voters = new Set<string>();
    ledgerMaps(ledger).votes.forEach((count, key) => {
      const split = splitOwnedKey(key);
      if (!split || !present.has(split.owner) || typeof count !== 'number' || count <= 0) return;
      const target = split.rest;
      const live = target.startsWith('dim:') ? dimKeys.has(target.slice(4)) : target.startsWith('card:') && visibleCardIds.has(target.slice(5));
      if (!live) return;
      voters.add(split.owner);
      totals.set(target, (totals.get(target) ?? 0) + count);
    });

    const stats: RoomStats = {
      participants: present.size,
      practiceCards: counts.practice,
      barrierCards: counts.barrier,
      hiddenPractice: counts.hiddenPractice,
      hiddenBarriers: counts.hiddenBarrier,
      peopleWithCards: [...cardsOf.values()].filter((n) => n > 0).length,
      peopleAnswered: [...answeredBy.values()].filter((n) => n > 0).length,
      peopleVoted: voters.size,
      answers: Object.fromEntries([...hists].map(([k, h]) => [k, h.answers])),
    };

    const room = this.room;
    room.transact(() => {
      syncMap(room.getMap<unknown>(ROOM.meta), new Map(Object.entries(readMeta(ledger))));
      syncMap(room.getMap<PublicCardValue>(ROOM.cards), roomCards, byOrder);
      const statMap = new Map<string, number>();
      for (const key of STAT_KEYS) statMap.set(key, stats[key]);
      for (const [dim, n] of Object.entries(stats.answers)) statMap.set(ANSWERS_PREFIX + dim, n);
      syncMap(room.getMap<number>(ROOM.stats), statMap);
      const dists = new Map<string, Histogram>();
      for (const [dim, h] of hists) if (distributionVisible(ctx, h.answers)) dists.set(dim, h);
      syncMap(room.getMap<Histogram>(ROOM.dists), dists);
      const votes = new Map<string, number>();
      if (votesVisible(ctx)) {
        votes.set('@open', 1);
        for (const [t, n] of totals) votes.set(t, n);
      }
      syncMap(room.getMap<number>(ROOM.votes), votes);
      const people = new Map<string, RoomPerson>();
      if (named) {
        for (const pid of present) {
          const p = participants.get(pid)!;
          people.set(p.personId, { name: p.name, joinedAt: p.joinedAt });
        }
      }
      syncMap(room.getMap<RoomPerson>(ROOM.people), people);
      if (dirty.roadmap) writeRoadmap(room, readRoadmap(ledger));

      // A re-run: the earlier plan and, with today's distributions, the earlier ones; never who.
      const baseline = readBaseline(ledger);
      const info = new Map<string, unknown>();
      const then = new Map<string, Histogram>();
      if (baseline) {
        const names: Record<string, string> = {};
        for (const d of baseline.dimensions) names[d.key] = d.name;
        info.set('info', { title: baseline.title, organisation: baseline.organisation, date: baseline.date, names } satisfies BaselineInfo);
        const marks = readEarlier(ledger);
        info.set(
          'initiatives',
          baseline.initiatives.map(
            (i): EarlierInitiativeView => ({
              id: i.id,
              dimension: i.dimension,
              title: i.title,
              horizon: i.horizon,
              fromStage: i.fromStage,
              toStage: i.toStage,
              benchmark: i.benchmark,
              ...earlierMark(marks, i.id),
            }),
          ),
        );
        for (const d of baseline.dimensions) {
          if (!dimKeys.has(d.key) || !thenVisible(ctx, d.answers)) continue;
          then.set(d.key, { ...emptyHistogram(), current: [...d.current], target: [...d.target], answers: d.answers });
        }
      }
      syncMap(room.getMap<unknown>(ROOM.baseline), info);
      syncMap(room.getMap<Histogram>(ROOM.then), then);
    });

    const cons = this.console;
    cons.transact(() => {
      syncMap(cons.getMap<PublicCardValue>(CONSOLE.cards), consoleCards, byOrder);
      const people = new Map<string, ConsolePerson>();
      for (const pid of present) {
        const p = participants.get(pid)!;
        const entry: ConsolePerson = { name: p.name, joinedAt: p.joinedAt, removed: false };
        if (named) {
          entry.answered = answeredBy.get(pid) ?? 0;
          entry.cards = cardsOf.get(pid) ?? 0;
        }
        people.set(pid, entry);
      }
      syncMap(cons.getMap<ConsolePerson>(CONSOLE.people), people);
    });
  }

  destroy(): void {
    this.room.destroy();
    this.console.destroy();
  }
}

function validStage(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? v : null;
}

function shuffle<T>(list: T[]): void {
  const rnd = new Uint32Array(list.length);
  crypto.getRandomValues(rnd);
  for (let i = list.length - 1; i > 0; i--) {
    const j = rnd[i]! % (i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}
