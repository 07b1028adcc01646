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
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { readMeta } from '../../shared/doc/meta-doc.ts';
import { privateMaps } from '../../shared/doc/private-doc.ts';
import { ANSWERS_PREFIX, CONSOLE, ROOM, STAT_KEYS, packCard, type BaselineInfo, type ConsolePerson, type PackedCard, type RoomPerson } from '../../shared/doc/room-doc.ts';
import { readRoadmap, writeRoadmap } from '../../shared/doc/roadmap-doc.ts';
import type { CardValue, EarlierInitiativeView, Histogram, RoomStats } from '../../shared/domain/types.ts';
import { cardVisible, distributionVisible, thenVisible, votesVisible, type RevealContext } from '../../shared/rules/visibility.ts';
import { earlierMark } from '../../shared/rules/baseline.ts';
import { LEDGER, ledgerMaps, readBaseline, readEarlier, splitOwnedKey } from './ledger.ts';
import type { RoomState } from './room-state.ts';

/** Equal plain values (what a Y.Map holds): structure, not key order. */
const same = (a: unknown, b: unknown): boolean => a === b || isDeepStrictEqual(a, b);

/** Two contributions add the same to the room's figures: the same counts and the same markers. */
function sameFigures(a: Contribution | undefined, b: Contribution | undefined): boolean {
  if (!a || !b) return false;
  if (a.practice !== b.practice || a.barrier !== b.barrier || a.hiddenPractice !== b.hiddenPractice || a.hiddenBarrier !== b.hiddenBarrier || a.written !== b.written) return false;
  if (a.markers.length !== b.markers.length) return false;
  return a.markers.every((m, i) => {
    const o = b.markers[i]!;
    return m[0] === o[0] && m[1] === o[1] && m[2] === o[2];
  });
}

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

const byOrder = (a: [string, PackedCard], b: [string, PackedCard]) => a[1].o - b[1].o || (a[0] < b[0] ? -1 : 1);

export interface DirtyParts {
  /** The roadmap changed in the ledger. */
  roadmap: boolean;
}

const emptyHistogram = (): Histogram => ({ current: [0, 0, 0, 0, 0], target: [0, 0, 0, 0, 0], answers: 0 });

/** What one present participant adds to the two documents: a function of their own document, their card registrations, their name and the session. */
interface Contribution {
  /** Revealed cards by public id, in the order of their own document. */
  room: Map<string, PackedCard>;
  /** Cards not revealed yet, by public id. */
  console: Map<string, PackedCard>;
  practice: number;
  barrier: number;
  hiddenPractice: number;
  hiddenBarrier: number;
  /** Registered cards. */
  written: number;
  /** [dimension, current, target] of each answered dimension of the canvas. */
  markers: Array<[string, number | null, number | null]>;
}

/** Ledger roots whose change the projection follows key by key; any other root is followed as a whole. */
type LedgerRoot = 'meta' | 'participants' | 'votes' | 'cards' | 'baseline' | 'earlier' | string;

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
  /** Per present participant, what they added at the last update: what the two documents hold of them. */
  private parts = new Map<string, Contribution>();
  /** Everything is recomputed at the next update (the first one). */
  private stale = true;
  /** Participants whose own document, registrations or ledger entry changed since the last update. */
  private readonly dirtyPids = new Set<string>();
  /** Ledger roots changed since the last update. */
  private readonly dirtyRoots = new Set<LedgerRoot>();
  /** Private documents followed, by participant. */
  private readonly watched = new Map<string, Y.Doc>();
  private readonly rootNames = new WeakMap<object, string>();
  /** Set while the projection itself writes the state (registering cards): not a change to follow. */
  private projecting = false;
  private voters = 0;
  /** The room's figures (stats and distributions) as last written, to skip writing them unchanged. */
  private lastStats: string | null = null;
  private readonly onLedger = (tr: Y.Transaction) => this.ledgerChanged(tr);

  constructor(
    private readonly state: RoomState,
    opts: ProjectionOptions = {},
  ) {
    this.incremental = opts.incremental ?? true;
    state.ledger.on('afterTransaction', this.onLedger);
  }

  /**
   * Brings both documents up to date with the state, writing only differences. Recomputes only
   * the participants whose documents, registrations or ledger entries changed since the last
   * call, and only the parts of the room the changed ledger roots feed; returns at once when
   * nothing changed. The result is the same, write for write, as recomputing everything.
   */
  update(dirty: DirtyParts = { roadmap: true }): void {
    this.watchPrivates();
    const full = this.stale || !this.incremental;
    if (!full && !this.dirtyPids.size && !this.dirtyRoots.size && !dirty.roadmap) return;
    this.projecting = true;
    try {
      this.project(full, dirty);
    } finally {
      this.projecting = false;
      this.stale = false;
      this.dirtyPids.clear();
      this.dirtyRoots.clear();
    }
  }

  destroy(): void {
    this.state.ledger.off('afterTransaction', this.onLedger);
    for (const [pid, doc] of this.watched) doc.off('update', this.watcherOf(pid));
    this.watched.clear();
    this.room.destroy();
    this.console.destroy();
  }

  // ------------------------------------------------------------------ following changes

  private readonly watchers = new Map<string, () => void>();
  private watcherOf(pid: string): () => void {
    let w = this.watchers.get(pid);
    if (!w) {
      w = () => {
        if (!this.projecting) this.dirtyPids.add(pid);
      };
      this.watchers.set(pid, w);
    }
    return w;
  }

  /** Follows every private document the state holds (a participant who just joined has a new one). */
  private watchPrivates(): void {
    if (this.watched.size === this.state.privates.size) return;
    for (const [pid, doc] of this.state.privates) {
      if (this.watched.get(pid) === doc) continue;
      this.watched.get(pid)?.off('update', this.watcherOf(pid));
      doc.on('update', this.watcherOf(pid));
      this.watched.set(pid, doc);
      this.dirtyPids.add(pid);
    }
  }

  private ledgerChanged(tr: Y.Transaction): void {
    if (this.projecting) return;
    tr.changed.forEach((keys, type) => {
      const root = this.rootName(type);
      this.dirtyRoots.add(root);
      if (root !== LEDGER.participants && root !== LEDGER.cards) return;
      // Participants by id, registrations by `${participantId}/${cardId}`: whose contribution changed.
      for (const key of keys) {
        if (key === null) continue;
        const pid = root === LEDGER.participants ? key : splitOwnedKey(key)?.owner;
        if (pid) this.dirtyPids.add(pid);
      }
    });
  }

  private rootName(type: Y.AbstractType<Y.YEvent<any>>): string {
    let t = type;
    while (t._item) t = t._item.parent as Y.AbstractType<Y.YEvent<any>>;
    let name = this.rootNames.get(t);
    if (name === undefined) {
      name = '?';
      for (const [key, value] of this.state.ledger.share) if (value === t) name = key;
      this.rootNames.set(t, name);
    }
    return name;
  }

  // ------------------------------------------------------------------ deriving

  /** One participant's cards and markers as the room and the console may see them. */
  private contributionOf(pid: string, doc: Y.Doc, ctx: RevealContext, named: boolean, author: string | null, dimKeys: Set<string>): Contribution {
    const c: Contribution = { room: new Map(), console: new Map(), practice: 0, barrier: 0, hiddenPractice: 0, hiddenBarrier: 0, written: 0, markers: [] };
    const maps = privateMaps(doc);
    maps.cards.forEach((value, cardId) => {
      if (!value || typeof value !== 'object') return;
      const reg = this.state.registration(pid, cardId);
      if (!reg) return;
      c.written++;
      const visible = cardVisible(ctx, value.kind);
      const notBefore = value.kind === 'barrier' && typeof value.notBefore === 'string' ? value.notBefore : null;
      const base = { kind: value.kind, text: value.text, dimension: value.dimension, stage: value.stage, notBefore, order: reg.order };
      if (value.kind === 'practice') c.practice++;
      else c.barrier++;
      if (visible) c.room.set(reg.id, packCard({ ...base, author: named ? author : null }));
      else {
        c.console.set(reg.id, packCard({ ...base, author: null }));
        if (value.kind === 'practice') c.hiddenPractice++;
        else c.hiddenBarrier++;
      }
    });
    maps.markers.forEach((m, dim) => {
      if (!dimKeys.has(dim) || !m || typeof m !== 'object') return;
      const cur = validStage(m.current);
      const tgt = validStage(m.target);
      if (cur === null && tgt === null) return;
      c.markers.push([dim, cur, tgt]);
    });
    return c;
  }

  private project(full: boolean, dirty: DirtyParts): void {
    const state = this.state;
    const ledger = state.ledger;
    const roots = this.dirtyRoots;
    const ctx = state.ctx();
    const settings = ctx.settings as ReturnType<RoomState['settings']>;
    const named = !settings.anonymous;
    const dimensions = state.dimensions();
    const dimKeys = new Set(dimensions.map((d) => d.key));
    const presentIds = state.presentIds();
    const present = new Set(presentIds);
    const participants = ledgerMaps(ledger).participants;
    const metaChanged = full || roots.has('meta');
    const peopleChanged = full || roots.has(LEDGER.participants);

    // Whose contribution to recompute: everyone's when the session changed, else those whose state changed.
    const recompute = metaChanged ? presentIds : presentIds.filter((pid) => this.dirtyPids.has(pid) || !this.parts.has(pid));
    const gone = [...this.parts.keys()].filter((pid) => !present.has(pid));

    // Cards: register what is new (they can only be in documents that changed).
    const unregistered: Array<{ pid: string; cardId: string; value: CardValue }> = [];
    for (const pid of recompute) {
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
      after.set(pid, this.contributionOf(pid, doc, ctx, named, participants.get(pid)?.name ?? null, dimKeys));
      changed.push(pid);
    }
    if (full) {
      // In the order the room lists people, as a full pass always wrote them.
      const ordered = new Map<string, Contribution>();
      for (const pid of presentIds) {
        const c = after.get(pid);
        if (c) ordered.set(pid, c);
      }
      this.parts = ordered;
    } else this.parts = after;
    const parts = this.parts;
    const touched = [...gone, ...changed];
    const visibleSetChanged = full || touched.some((pid) => !sameKeys(before.get(pid)?.room, parts.get(pid)?.room));

    // Votes: totals on live targets, from people still in the room.
    const votesChanged = metaChanged || roots.has(LEDGER.votes) || peopleChanged || visibleSetChanged;
    const totals = new Map<string, number>();
    if (votesChanged) {
      const voters = new Set<string>();
      const visibleCardIds = new Set<string>();
      for (const c of parts.values()) for (const id of c.room.keys()) visibleCardIds.add(id);
      ledgerMaps(ledger).votes.forEach((count, key) => {
        const split = splitOwnedKey(key);
        if (!split || !present.has(split.owner) || typeof count !== 'number' || count <= 0) return;
        const target = split.rest;
        const live = target.startsWith('dim:') ? dimKeys.has(target.slice(4)) : target.startsWith('card:') && visibleCardIds.has(target.slice(5));
        if (!live) return;
        voters.add(split.owner);
        totals.set(target, (totals.get(target) ?? 0) + count);
      });
      this.voters = voters.size;
    }

    // The room's figures (counts and distributions) come from the session, the people, the votes
    // and each person's counts and markers: most flushes change a card's text and none of these.
    const figuresMoved =
      full || metaChanged || peopleChanged || votesChanged || gone.length > 0 || changed.some((pid) => !sameFigures(before.get(pid), parts.get(pid)));
    const statMap = new Map<string, number>();
    const dists = new Map<string, Histogram>();
    let statsChanged = false;
    if (figuresMoved) {
      // Markers: histograms per dimension, and how many dimensions each person answered.
      const hists = new Map<string, Histogram>();
      for (const key of dimKeys) hists.set(key, emptyHistogram());
      for (const c of parts.values()) {
        for (const [dim, cur, tgt] of c.markers) {
          const h = hists.get(dim)!;
          h.answers++;
          if (cur !== null) h.current[cur - 1]!++;
          if (tgt !== null) h.target[tgt - 1]!++;
        }
      }
      const counts = { practice: 0, barrier: 0, hiddenPractice: 0, hiddenBarrier: 0, withCards: 0, answered: 0 };
      for (const c of parts.values()) {
        counts.practice += c.practice;
        counts.barrier += c.barrier;
        counts.hiddenPractice += c.hiddenPractice;
        counts.hiddenBarrier += c.hiddenBarrier;
        if (c.written > 0) counts.withCards++;
        if (c.markers.length > 0) counts.answered++;
      }
      const stats: Omit<RoomStats, 'answers'> = {
        participants: present.size,
        practiceCards: counts.practice,
        barrierCards: counts.barrier,
        hiddenPractice: counts.hiddenPractice,
        hiddenBarriers: counts.hiddenBarrier,
        peopleWithCards: counts.withCards,
        peopleAnswered: counts.answered,
        peopleVoted: this.voters,
      };
      for (const key of STAT_KEYS) statMap.set(key, stats[key]);
      for (const [dim, h] of hists) statMap.set(ANSWERS_PREFIX + dim, h.answers);
      for (const [dim, h] of hists) if (distributionVisible(ctx, h.answers)) dists.set(dim, h);
      // Compared here, as written last time, instead of key by key in the document.
      const statsKey = JSON.stringify([[...statMap], [...dists]]);
      statsChanged = full || statsKey !== this.lastStats;
      this.lastStats = statsKey;
    }
    const roomCardWrites = full ? [] : cardWrites(touched, presentIds, before, parts, 'room');
    const consoleCardWrites = full ? [] : cardWrites(touched, presentIds, before, parts, 'console');
    const roomWork =
      full || metaChanged || peopleChanged || votesChanged || statsChanged || dirty.roadmap || roots.has(LEDGER.baseline) || roots.has(LEDGER.earlier) || roomCardWrites.length > 0;

    const room = this.room;
    if (roomWork) room.transact(() => {
      if (metaChanged) syncMap(room.getMap<unknown>(ROOM.meta), new Map(Object.entries(readMeta(ledger))));
      if (full) {
        const roomCards = new Map<string, PackedCard>();
        for (const c of parts.values()) for (const [id, v] of c.room) roomCards.set(id, v);
        syncMap(room.getMap<PackedCard>(ROOM.cards), roomCards, byOrder);
      } else applyWrites(room.getMap<PackedCard>(ROOM.cards), roomCardWrites);
      if (statsChanged) {
        syncMap(room.getMap<number>(ROOM.stats), statMap);
        syncMap(room.getMap<Histogram>(ROOM.dists), dists);
      }
      if (votesChanged) {
        const votes = new Map<string, number>();
        if (votesVisible(ctx)) {
          votes.set('@open', 1);
          for (const [t, n] of totals) votes.set(t, n);
        }
        syncMap(room.getMap<number>(ROOM.votes), votes);
      }
      if (metaChanged || peopleChanged) {
        const people = new Map<string, RoomPerson>();
        if (named) {
          for (const pid of presentIds) {
            const p = participants.get(pid)!;
            people.set(p.personId, { name: p.name, joinedAt: p.joinedAt });
          }
        }
        syncMap(room.getMap<RoomPerson>(ROOM.people), people);
      }
      if (dirty.roadmap) writeRoadmap(room, readRoadmap(ledger));
      if (metaChanged || roots.has(LEDGER.baseline) || roots.has(LEDGER.earlier)) this.projectBaseline(ctx, dimKeys);
    });

    const cons = this.console;
    const personOf = (pid: string): ConsolePerson => {
      const p = participants.get(pid)!;
      const entry: ConsolePerson = { name: p.name, joinedAt: p.joinedAt, removed: false };
      if (named) {
        const c = parts.get(pid);
        entry.answered = c?.markers.length ?? 0;
        entry.cards = c?.written ?? 0;
      }
      return entry;
    };
    const peopleMap = cons.getMap<ConsolePerson>(CONSOLE.people);
    // Only the answered and card counts of those recomputed can have moved.
    const personWrites: Array<[string, ConsolePerson]> = [];
    if (!metaChanged && !peopleChanged && named) {
      for (const pid of changed) {
        const entry = personOf(pid);
        if (!same(peopleMap.get(pid), entry)) personWrites.push([pid, entry]);
      }
    }
    // A transaction costs even when it writes nothing: the console is left alone when nothing it shows moved.
    if (!full && !metaChanged && !peopleChanged && !consoleCardWrites.length && !personWrites.length) return;
    cons.transact(() => {
      if (full) {
        const consoleCards = new Map<string, PackedCard>();
        for (const c of parts.values()) for (const [id, v] of c.console) consoleCards.set(id, v);
        syncMap(cons.getMap<PackedCard>(CONSOLE.cards), consoleCards, byOrder);
      } else applyWrites(cons.getMap<PackedCard>(CONSOLE.cards), consoleCardWrites);
      if (metaChanged || peopleChanged) {
        const people = new Map<string, ConsolePerson>();
        for (const pid of presentIds) people.set(pid, personOf(pid));
        syncMap(peopleMap, people);
      } else {
        for (const [pid, entry] of personWrites) peopleMap.set(pid, entry);
      }
    });
  }

  /** A re-run: the earlier plan and, with today's distributions, the earlier ones; never who. */
  private projectBaseline(ctx: RevealContext, dimKeys: Set<string>): void {
    const ledger = this.state.ledger;
    const room = this.room;
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
  }
}

function sameKeys(a: Map<string, unknown> | undefined, b: Map<string, unknown> | undefined): boolean {
  const na = a?.size ?? 0;
  if (na !== (b?.size ?? 0)) return false;
  if (na === 0) return true;
  for (const key of a!.keys()) if (!b!.has(key)) return false;
  return true;
}

/** A write to a card map: a value to set, or null to delete the key. */
type CardWrite = [string, PackedCard | null];

/**
 * What `syncMap` would write to a card map, from the contributions that changed alone: the
 * same deletions, the same updates in the same order (people in room order, cards in their
 * document's order) and the same additions in display order. The map holds exactly the
 * contributions of the last update, so comparing with those is comparing with the map.
 */
function cardWrites(
  touched: string[],
  presentIds: string[],
  before: Map<string, Contribution>,
  after: Map<string, Contribution>,
  which: 'room' | 'console',
): CardWrite[] {
  const writes: CardWrite[] = [];
  if (!touched.length) return writes;
  const added: [string, PackedCard][] = [];
  // Updates in the order a full pass meets them: by person as the room lists them.
  const touchedSet = new Set(touched);
  const order = touched.length === 1 ? (after.has(touched[0]!) ? touched : []) : presentIds.filter((pid) => touchedSet.has(pid) && after.has(pid));
  for (const pid of touched) {
    const was = before.get(pid)?.[which];
    const now = after.get(pid)?.[which];
    if (was) for (const id of was.keys()) if (!now?.has(id)) writes.push([id, null]);
  }
  for (const pid of order) {
    const was = before.get(pid)?.[which];
    for (const [id, value] of after.get(pid)![which]) {
      const old = was?.get(id);
      if (old === undefined) added.push([id, value]);
      else if (!same(old, value)) writes.push([id, value]);
    }
  }
  added.sort(byOrder);
  for (const a of added) writes.push(a);
  return writes;
}

function applyWrites(map: Y.Map<PackedCard>, writes: CardWrite[]): void {
  for (const [id, value] of writes) {
    if (value === null) map.delete(id);
    else map.set(id, value);
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
