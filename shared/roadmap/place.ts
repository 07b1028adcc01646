/**
 * Which horizon each piece of ranked work goes in: greedy, in rank order, the
 * earliest horizon with room (at most `cap` each) not before its floor; what
 * finds no room goes to the uncapped waiting list. Only indexes here: the
 * sentences that say why come from assemble.ts.
 */
import type { Horizon } from '../domain/types.ts';
import type { Work } from './rank.ts';

/** A horizon by its index among the scheduled ones (their count: the waiting list), and the ones passed over because they were full. */
export interface Slot {
  h: number;
  full: string[];
}

export interface Placement {
  /** What it may start no earlier than: its barriers' "not before", or the groundwork it builds on; null when nothing holds it. */
  floor: { kind: 'barrier' | 'groundwork'; h: number } | null;
  first: Slot;
  /** The second step, after the first (null for work in one step). */
  second: Slot | null;
}

/**
 * One placement per piece of work, in the same order. The floor: its barriers'
 * "not before" horizon; for the rest (group 3), the horizon of the latest
 * groundwork, so groundwork never comes after what depends on it; for a second
 * step, after the first. When groundwork is waiting to start, the most-voted
 * dimension and quick wins leave one place in the first horizon for it.
 */
export function placeWork(work: readonly Work[], scheduled: readonly Horizon[], cap: number): Placement[] {
  const U = scheduled.length; // the waiting list's index
  // Groundwork that could start at once keeps a place in the first horizon, unless some already landed there.
  const groundworkWaiting = work.some((w) => w.group === 2 && w.held.at === 0);
  let groundworkFirst = false;
  const load = scheduled.map(() => 0);
  const groundworkAt: number[] = [];
  /**
   * The earliest horizon from `floor` with room, and the ones it passed over
   * because they were full. The first horizon's last place is kept for
   * groundwork while groundwork is waiting and none has landed there: it is
   * full once that groundwork is placed, which comes next in the order.
   */
  const place = (floor: number, lead: boolean, groundwork: boolean): Slot => {
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

  return work.map((w): Placement => {
    const ground = w.group === 3 && groundworkAt.length > 0 ? Math.max(...groundworkAt) : 0;
    const floor = Math.max(w.held.at, ground);
    const first = place(floor, w.group <= 1, w.d.def.enabler);
    const second = w.steps === 2 ? (first.h < U ? place(first.h + 1, false, false) : { h: U, full: [] }) : null;
    if (w.d.def.enabler) groundworkAt.push(first.h);
    return {
      floor: floor === 0 ? null : w.held.at >= ground ? { kind: 'barrier', h: floor } : { kind: 'groundwork', h: ground },
      first,
      second,
    };
  });
}
