/**
 * The two horizons the roadmap adds to the facilitator's own, in one place:
 * the opening block ("First 30 days": meetings that settle what the room
 * disagreed on, not a quarter's work) and the waiting list ("Not yet
 * scheduled": what the capped horizons had no room for). Neither is capped;
 * each is added only when something lands in it, the opening block first and
 * the waiting list last.
 */
import type { Horizon } from '../domain/types.ts';

export const OPENING_HORIZON_ID = 'first-30-days';
export const UNSCHEDULED_HORIZON_ID = 'unscheduled';
export const OPENING_LABEL = 'First 30 days';
const WAITING_LABEL = 'Not yet scheduled';

export const isOpeningBlock = (h: Horizon): boolean => h.kind === 'opening';

/** The waiting list; also recognises one stored before horizons had a `kind`. */
export const isWaitingList = (h: Horizon): boolean =>
  h.kind === 'waiting' ||
  (h.kind === undefined && h.id.startsWith(UNSCHEDULED_HORIZON_ID) && h.label === WAITING_LABEL && h.fromMonth === h.toMonth);

/** A horizon the roadmap added, as opposed to one the facilitator set up. */
export const isAddedByRoadmap = (h: Horizon): boolean => isOpeningBlock(h) || isWaitingList(h);

function freeId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The facilitator's horizons (copied), plus the opening block and the waiting list with ids that do not collide with them. */
export function planHorizons(settingsHorizons: readonly Horizon[]): { opening: Horizon; scheduled: Horizon[]; waiting: Horizon } {
  const scheduled = settingsHorizons.map(({ id, label, fromMonth, toMonth }) => ({ id, label, fromMonth, toMonth }));
  const taken = new Set(scheduled.map((h) => h.id));
  const opening: Horizon = { id: freeId(OPENING_HORIZON_ID, taken), label: OPENING_LABEL, fromMonth: 0, toMonth: 1, kind: 'opening' };
  taken.add(opening.id);
  const end = scheduled.reduce((m, h) => Math.max(m, h.toMonth), 0);
  const waiting: Horizon = {
    id: freeId(UNSCHEDULED_HORIZON_ID, taken),
    label: WAITING_LABEL,
    fromMonth: end,
    toMonth: end,
    kind: 'waiting',
  };
  return { opening, scheduled, waiting };
}

/** Puts the opening block first and the waiting list last, keeping the facilitator's order in between. */
export function inHorizonOrder(horizons: readonly Horizon[]): Horizon[] {
  const rank = (h: Horizon) => (isOpeningBlock(h) ? 0 : isWaitingList(h) ? 2 : 1);
  return horizons
    .map((h, i) => ({ h, i }))
    .sort((a, b) => rank(a.h) - rank(b.h) || a.i - b.i)
    .map((x) => x.h);
}
