/**
 * Which horizon each piece of ranked work goes in: greedy, in rank order, the
 * earliest horizon with room (at most `cap` each) not before its floor; what
 * finds no room goes to the uncapped waiting list. What a piece of work needs
 * (rank.ts `needs`) is placed before it, and it never starts earlier than that.
 * Only indexes here: the sentences that say why come from assemble.ts.
 */
import type { Horizon } from '../domain/types.ts';
import type { Work } from './rank.ts';

/** A horizon by its index among the scheduled ones (their count: the waiting list), and the ones passed over because they were full. */
export interface Slot {
  h: number;
  full: string[];
  /** It went in over the cap (the room's top vote and what it needs start together). */
  over?: boolean;
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
export function placeWork(work: readonly Work[], scheduled: readonly Horizon[], cap: number): Placement[] {
  const U = scheduled.length; // the waiting list's index
  // Groundwork that could start at once keeps a place in the first horizon, unless some already landed there.
  const groundworkWaiting = work.some((w) => w.group === 2 && w.held.at === 0);
  let groundworkFirst = false;
  const load = scheduled.map(() => 0);
  const byKey = new Map(work.map((w, n) => [w.d.def.key, n]));
  const out: (Placement | undefined)[] = work.map(() => undefined);
  let order = 0;

  /**
   * The earliest horizon from `floor` with room, and the ones it passed over
   * because they were full. The first horizon's last place is kept for
   * groundwork while groundwork is waiting and none has landed there. `force`:
   * the horizon at `floor` whatever its load.
   */
  const place = (floor: number, lead: boolean, groundwork: boolean, force: boolean): Slot => {
    if (force && floor < U) {
      load[floor]!++;
      if (floor === 0 && groundwork) groundworkFirst = true;
      return { h: floor, full: [], over: load[floor]! > cap };
    }
    const full: string[] = [];
    for (let h = floor; h < U; h++) {
      const kept = h === 0 && lead && !groundwork && groundworkWaiting && !groundworkFirst && cap >= 2 && load[0]! >= cap - 1;
      if (load[h]! < cap && !kept) {
        load[h]!++;
        if (h === 0 && groundwork) groundworkFirst = true;
        return { h, full };
      }
      full.push(scheduled[h]!.label);
    }
    return { h: U, full };
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
    const first = place(floor, w.group <= 1 || pulledBy !== null, w.d.def.enabler, together);
    const second = w.steps === 2 ? (first.h < U ? place(first.h + 1, false, false, false) : { h: U, full: [] }) : null;
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
