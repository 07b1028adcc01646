/**
 * The projector's canvas fits the screen (client/lib/canvas-fit.ts): what the room sees in a
 * cell of a given height. Type never shrinks to fit; what gives is how many cards show, with
 * how many lines, and a count of the rest. Heights in pixels, `em` the canvas's font size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellLayout, cellRoom, isTight } from '../../client/lib/canvas-fit.ts';

/**
 * The height a cell's content takes, as the `.fit` styles of Canvas.svelte draw it (written
 * out here, not taken from the module, so a slip in its arithmetic shows): cell padding
 * 0.25em top and bottom; the bars 1.7em (1em in a tight row) and a 0.25em gap; each card
 * 1.25em a line, padded 0.25em (0.2em on one line) top and bottom, with a 1px border;
 * 0.25em between cards. The "+N" count sits beside the cards; alone it needs 1.35em.
 */
function drawnHeight(cellH: number, em: number, bars: boolean, show: number, lines: 1 | 2, countAlone: boolean): number {
  const tight = cellH < 3.9 * em;
  const card = lines * 1.25 * em + (lines === 1 ? 0.4 : 0.5) * em + 2;
  const barsH = bars ? (tight ? 1 : 1.7) * em + 0.25 * em : 0;
  const cards = show > 0 ? show * card + (show - 1) * 0.25 * em : countAlone ? 1.35 * em : 0;
  return 0.5 * em + barsH + cards;
}

describe('a cell on the projector', () => {
  it('never shows a card or a count that runs past the cell, however many cards and whatever the screen', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 600, noNaN: true }),
        fc.double({ min: 14, max: 34, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        (cellH, em, bars, count) => {
          const shown = cellLayout(count, cellRoom(cellH, em, bars));
          const countAlone = shown.more && shown.show === 0;
          expect(shown.show).toBeLessThanOrEqual(count);
          // The bars are drawn in any case (the cell clips them); the cards and the count only where they fit.
          if (shown.show > 0 || countAlone)
            expect(drawnHeight(cellH, em, bars, shown.show, shown.lines, countAlone)).toBeLessThanOrEqual(cellH + 1e-6);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('hides a card only when it does not fit, and then always says how many are hidden if there is room to', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 600, noNaN: true }),
        fc.double({ min: 14, max: 34, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        (cellH, em, bars, count) => {
          const shown = cellLayout(count, cellRoom(cellH, em, bars));
          if (shown.show < count) {
            // One more card with as many lines would not fit.
            expect(drawnHeight(cellH, em, bars, shown.show + 1, shown.lines, false)).toBeGreaterThan(cellH);
            if (shown.show > 0 || drawnHeight(cellH, em, bars, 0, 1, true) <= cellH) expect(shown.more).toBe(true);
          } else expect(shown.more).toBe(false);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  // A 1080p projector: the canvas type is 1.1 × 0.95vw, about 20px.
  const em = 20;

  it('shows every card with two lines when they fit', () => {
    expect(cellLayout(3, cellRoom(220, em, false))).toEqual({ show: 3, lines: 2, more: false });
  });

  it('cuts every card to one line rather than hide one, when one line shows them all', () => {
    // 80px for cards: one card of two lines (62px), or two of one line (35px each, 5px apart).
    expect(cellLayout(2, cellRoom(90, em, false))).toEqual({ show: 2, lines: 1, more: false });
  });

  it('shows the newest that fit with two lines and counts the rest, when even one line cannot show them all', () => {
    expect(cellLayout(5, cellRoom(90, em, false))).toEqual({ show: 1, lines: 2, more: true });
  });

  it('counts the cards of a cell too short for any, and says nothing where even the count does not fit', () => {
    expect(cellLayout(4, cellRoom(40, em, false))).toEqual({ show: 0, lines: 1, more: true });
    expect(cellLayout(4, cellRoom(30, em, false))).toEqual({ show: 0, lines: 1, more: false });
  });

  it('draws the bars on one row in a tight row, which leaves room for a card under them', () => {
    expect(isTight(75, em)).toBe(true);
    expect(isTight(80, em)).toBe(false);
    expect(cellLayout(1, cellRoom(75, em, true))).toEqual({ show: 1, lines: 1, more: false });
  });

  it('shows every card before the cell is measured', () => {
    expect(isTight(0, em)).toBe(false);
    expect(cellLayout(40, cellRoom(0, em, true))).toEqual({ show: 40, lines: 2, more: false });
  });
});
