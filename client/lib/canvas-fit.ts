/**
 * The canvas in fit mode (the projector): the board fills the screen, rows share its height
 * and a cell never grows, so each cell shows as many of its newest cards as fit, and a
 * count of the rest. Pure arithmetic over one measured cell height and the canvas's font
 * size; client/components/Canvas.svelte measures them and draws the result.
 *
 * The lengths mirror the `.fit` styles in Canvas.svelte, in em of the canvas type: change
 * one and the other together.
 */

/** A card's line height. */
const LINE = 1.25;
/** A card's vertical padding, both sides together: 0.25em each, 0.2em on a one-line card. */
const CARD_PAD = { one: 0.4, two: 0.5 };
/** A card's border, top and bottom, in pixels. */
const CARD_BORDER_PX = 2;
/** Between cards, and between the distribution bars and the first card. */
const GAP = 0.25;
/** The cell's padding, top and bottom together. */
const CELL_PAD = 0.5;
/** The distribution bars: two rows, or one side by side in a tight row. */
const BARS = { tall: 1.7, tight: 1 };
/** A count alone ("2 cards") needs about this much; below that the cell's label still says it. */
const PILL = 1.35;
/** Rows shorter than this are tight: one-line names, one-row bars, no answer counts. */
const TIGHT_BELOW = 3.9;

/** How many cards a cell has room for, with two lines each or with one, and whether a count alone fits. */
export interface CellRoom {
  two: number;
  one: number;
  pill: boolean;
}

/** No limit: a canvas that is not fitted, or one not measured yet. */
export const UNLIMITED: CellRoom = { two: Infinity, one: Infinity, pill: true };

/** Whether rows this short are tight (a 720p screen, many dimensions). 0 means not measured yet. */
export const isTight = (cellHeight: number, em: number): boolean => cellHeight > 0 && cellHeight < TIGHT_BELOW * em;

/** The height of a card with this many lines, in pixels. */
export const cardHeight = (lines: 1 | 2, em: number): number =>
  lines * LINE * em + (lines === 1 ? CARD_PAD.one : CARD_PAD.two) * em + CARD_BORDER_PX;

/** The height the distribution bars take, with the gap under them, in pixels. */
export const barsHeight = (tight: boolean, em: number): number => (tight ? BARS.tight : BARS.tall) * em + GAP * em;

/**
 * The room in a cell `cellHeight` pixels tall (0: not measured yet, so no limit), with the
 * distribution bars drawn above the cards when `withBars`.
 */
export function cellRoom(cellHeight: number, em: number, withBars: boolean): CellRoom {
  if (!cellHeight) return UNLIMITED;
  const gap = GAP * em;
  const avail = cellHeight - CELL_PAD * em - (withBars ? barsHeight(isTight(cellHeight, em), em) : 0);
  // n cards take n heights and n - 1 gaps.
  const fits = (lines: 1 | 2) => Math.max(0, Math.floor((avail + gap) / (cardHeight(lines, em) + gap)));
  return { two: fits(2), one: fits(1), pill: avail >= PILL * em };
}

/** What a cell shows: its newest `show` cards with `lines` lines each, and whether a count of the rest follows. */
export interface CellLayout {
  show: number;
  lines: 1 | 2;
  more: boolean;
}

/**
 * Cards to show and their line clamp: all of them if they fit (with two lines, else with one),
 * else the newest that fit with two lines, else as many as fit with one. The rest are counted
 * ("+3", or "3 cards" when none shows) where the count fits.
 */
export function cellLayout(count: number, room: CellRoom): CellLayout {
  const pick = (): { show: number; lines: 1 | 2 } => {
    if (count <= room.two) return { show: count, lines: 2 };
    if (count <= room.one) return { show: count, lines: 1 };
    if (room.two >= 1) return { show: room.two, lines: 2 };
    return { show: room.one, lines: 1 };
  };
  const { show, lines } = pick();
  return { show, lines, more: count > show && (show > 0 || room.pill) };
}
