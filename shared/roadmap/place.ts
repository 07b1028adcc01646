/**
 * Which horizon each piece of ranked work goes in: greedy, in rank order, the
 * earliest horizon with room (at most `cap` each) not before its floor; what
 * finds no room goes to the uncapped waiting list. What a piece of work needs
 * (rank.ts `needs`) is placed before it, and it never starts earlier than that.
 * Only indexes here: the sentences that say why come from assemble.ts.
 */
import type { Horizon } from '../domain/types.ts';
import { blocksBefore, openMonth, type Block } from './calendar.ts';
import type { Work } from './rank.ts';

/** A horizon by its index among the scheduled ones (their count: the waiting list), and the ones passed over because they were full. */
export interface Slot {
  h: number;
  full: string[];
  /** It went in over the cap (the room's top vote and what it needs start together). */
  over?: boolean;
  /** A barrier's time window moved it: the month it starts in (from the plan's start), and the windows. */
  window?: { start: number; by: Block[]; closed: number | null };
  /** The first horizon had room but for a capacity barrier, which took its last place. */
  squeezed?: boolean;
}

/** What the calendar asks of the placing (calendar.ts): each piece of work's windows, and the first horizon's cap. */
export interface TimeRules {
  /** The windows that hold piece of work `n`'s step 1 or 2 (a step that faces the public waits where groundwork inside would not). */
  blocks: (n: number, step: 1 | 2) => Block[];
  /** The first horizon's cap: one fewer when a capacity barrier stands in it. */
  firstCap: number;
  /** The work a capacity barrier keeps out of the first horizon (its index), if any. */
  heldBack?: number;
}

/**
 * The same placing with the first horizon one place smaller: the work a capacity barrier
 * keeps out is the last placed there of what may move (not the room's top vote, nor work
 * started with it; a joint top vote may), groundwork last. Null when the first horizon is not full enough to lose one.
 */
export function placeWithLessRoom(
  work: readonly Work[],
  scheduled: readonly Horizon[],
  cap: number,
  blocks: (n: number, step: 1 | 2) => Block[],
  placed: readonly Placement[],
): Placement[] | null {
  if (cap < 2) return null;
  const inFirst = placed.map((p, n) => ({ p, n })).filter(({ p }) => p.first.h === 0 && p.first.over !== true);
  if (inFirst.length < cap) return null;
  // Groundwork stays if anything else can wait: the rest builds on it.
  const enabler = (n: number) => Number(work[n]!.d.def.enabler);
  const movable = inFirst
    // A joint top vote may wait; the room's top vote (the first of them) and what it pulled forward may not.
    .filter(({ p, n }) => !(n === 0 && work[n]!.group === 0) && p.pulledBy === null)
    .sort((a, b) => enabler(a.n) - enabler(b.n) || b.p.order - a.p.order)[0];
  if (!movable) return null;
  return placeWork(work, scheduled, cap, { blocks, firstCap: cap - 1, heldBack: movable.n });
}

export interface Placement {
  /** What it may start no earlier than: its barriers' "not before", or the work it needs; null when nothing holds it. */
  floor: { kind: 'barrier' | 'groundwork'; h: number; needs: string[] } | null;
  first: Slot;
  /** The second step, after the first (null for work in one step). */
  second: Slot | null;
  /** Placed ahead of its rank because the room's top vote needs it first: that dimension's key. */
  pulledBy: string | null;
  /** The order it was placed in: the roadmap numbers initiatives in this order within a horizon. */
  order: number;
}

/**
 * One placement per piece of work, in the same order. Work is placed in rank
 * order, each after what it needs (placed first when it is not yet). The floor:
 * its barriers' "not before", and the horizon of the work it needs; for a second
 * step, after the first. The room's top vote and the enabling work it needs start
 * together in the earliest horizon both may, even over the cap: the enabler as
 * step one. When groundwork is waiting to start, the most-voted dimension and quick
 * wins leave one place in the first horizon for it.
 */
export function placeWork(
  work: readonly Work[],
  scheduled: readonly Horizon[],
  cap: number,
  time: TimeRules = { blocks: () => [], firstCap: cap },
): Placement[] {
  const U = scheduled.length; // the waiting list's index
  // Groundwork that could start at once keeps a place in the first horizon, unless some already landed there.
  const groundworkWaiting = work.some((w) => w.group === 2 && w.held.at === 0);
  let groundworkFirst = false;
  const load = scheduled.map(() => 0);
  const byKey = new Map(work.map((w, n) => [w.d.def.key, n]));
  const out: (Placement | undefined)[] = work.map(() => undefined);
  let order = 0;
  const capOf = (h: number) => (h === 0 ? Math.min(cap, time.firstCap) : cap);

  /**
   * The earliest horizon from `floor` with room, and the ones it passed over
   * because they were full. The first horizon's last place is kept for
   * groundwork while groundwork is waiting and none has landed there. `force`:
   * the horizon at `floor` whatever its load.
   */
  const place = (floor: number, lead: boolean, groundwork: boolean, force: boolean, blocks: readonly Block[], held = false): Slot => {
    // A window moves work out of it: a horizon it blocks whole is passed over, one it blocks in part starts later.
    let closed = -1;
    const timed = (slot: Slot): Slot => {
      if (slot.h >= U || blocks.length === 0) return slot;
      const start = openMonth(scheduled[slot.h]!, blocks)!;
      // Said when a window closed a horizon it could have started in, or pushed its start within this one.
      const from = closed >= 0 ? scheduled[closed]!.fromMonth : scheduled[slot.h]!.fromMonth;
      const by = blocksBefore(blocks, from, start);
      return by.length > 0 ? { ...slot, window: { start, by, closed: closed >= 0 ? closed : null } } : slot;
    };
    if (force && floor < U && openMonth(scheduled[floor]!, blocks) !== null) {
      load[floor]!++;
      if (floor === 0 && groundwork) groundworkFirst = true;
      return timed({ h: floor, full: [], over: load[floor]! > capOf(floor) });
    }
    const full: string[] = [];
    const squeezed = held && floor === 0;
    for (let h = squeezed ? 1 : floor; h < U; h++) {
      if (openMonth(scheduled[h]!, blocks) === null) {
        if (closed < 0) closed = h;
        continue;
      }
      const limit = capOf(h);
      const kept = h === 0 && lead && !groundwork && groundworkWaiting && !groundworkFirst && limit >= 2 && load[0]! >= limit - 1;
      if (load[h]! < limit && !kept) {
        load[h]!++;
        if (h === 0 && groundwork) groundworkFirst = true;
        return timed({ h, full, ...(squeezed ? { squeezed } : {}) });
      }
      full.push(scheduled[h]!.label);
    }
    return { h: U, full, ...(squeezed ? { squeezed } : {}) };
  };

  const placeOne = (n: number, visiting: Set<number>, pulledBy: string | null): void => {
    if (out[n] || visiting.has(n)) return;
    visiting.add(n);
    const w = work[n]!;
    // The room's top vote: the first of the most-voted (a tie goes to rank order). Only it pulls work forward.
    const top = n === 0 && w.group === 0;
    const needed = w.needs.map((k) => byKey.get(k)).filter((m): m is number => m !== undefined);
    // What it needs goes first; the top vote pulls what it needs forward with it. The default
    // needs (every enabler) are not pulled: they hold back only the work ranked after them.
    if (w.explicitNeeds) for (const m of needed) placeOne(m, visiting, top ? w.d.def.key : null);
    const needsAt = needed.map((m) => out[m]?.first.h).filter((h): h is number => h !== undefined);
    const need = needsAt.length > 0 ? Math.max(...needsAt) : 0;
    const floor = Math.max(w.held.at, need);
    const together = pulledBy !== null || (top && needed.some((m) => out[m]?.pulledBy === w.d.def.key));
    const first = place(floor, w.group <= 1 || pulledBy !== null, w.d.def.enabler, together, time.blocks(n, 1), time.heldBack === n);
    const second = w.steps === 2 ? (first.h < U ? place(first.h + 1, false, false, false, time.blocks(n, 2)) : { h: U, full: [] }) : null;
    const needs = needed.filter((m) => out[m]?.first.h === need).map((m) => work[m]!.d.def.key);
    out[n] = {
      floor: floor === 0 ? null : w.held.at >= need ? { kind: 'barrier', h: floor, needs: [] } : { kind: 'groundwork', h: need, needs },
      first,
      second,
      pulledBy,
      order: order++,
    };
  };
  work.forEach((_, n) => placeOne(n, new Set(), null));
  return out.map((p) => p!);
}
