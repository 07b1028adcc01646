/**
 * The canvas as CSV (shared/roadmap/canvas-csv.ts): one row per dimension a
 * spreadsheet reads back as the board said it, whatever was typed, and no cell
 * a spreadsheet would run as a formula.
 */
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/domain/canvas.ts';
import { csvCell, toCanvasCsv } from '../../shared/roadmap/canvas-csv.ts';
import { makeBoard, markersOn, participant, realisticBoard, vote } from '../fixtures/boards.ts';

/** A strict RFC 4180 reader: records of fields, CRLF between records. */
function parseCsv(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const text = csv.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') ((field += '"'), (i += 2));
        else if (text[i] === '"') break;
        else if (i >= text.length) throw new Error('unclosed quote');
        else field += text[i++];
      }
      i++;
      expect([',', '\r', undefined]).toContain(text[i]);
    } else if (ch === ',') (row.push(field), (field = ''), i++);
    else if (ch === '\r') {
      expect(text[i + 1]).toBe('\n');
      row.push(field);
      rows.push(row);
      ((row = []), (field = ''), (i += 2));
    } else if (ch === '\n') throw new Error('bare LF outside quotes');
    else ((field += ch), i++);
  }
  expect(row).toEqual([]);
  return rows;
}

describe('toCanvasCsv', () => {
  it('has one row per dimension, columns named with the workshop stages, counts for now and target, answers, votes and spread', () => {
    const board = realisticBoard();
    const rows = parseCsv(toCanvasCsv(board));
    expect(rows[0]).toEqual([
      'Dimension',
      ...STAGES.map((s) => `Today: ${s.name}`),
      ...STAGES.map((s) => `Target: ${s.name}`),
      'Answers',
      'Votes',
      'Spread',
    ]);
    expect(rows).toHaveLength(board.dimensions.length + 1);
    for (const [n, d] of board.dimensions.entries()) {
      const row = rows[n + 1]!;
      expect(row[0]).toBe(d.name);
      const mine = board.markers.filter((m) => m.dimension === d.key);
      for (let s = 1; s <= 5; s++) {
        expect(Number(row[s]), `${d.key} today ${s}`).toBe(mine.filter((m) => m.current === s).length);
        expect(Number(row[5 + s]), `${d.key} target ${s}`).toBe(mine.filter((m) => m.target === s).length);
      }
      expect(Number(row[11])).toBe(mine.filter((m) => m.current !== null).length);
    }
    expect(rows.slice(1).every((r) => r.length === 14)).toBe(true);
  });

  it('reads back commas, quotes and line breaks in dimension and stage names as typed', () => {
    const board = makeBoard({ participants: [participant('a'), participant('b'), participant('c')] });
    board.dimensions[0] = { ...board.dimensions[0]!, name: 'Leadership, "the top", and\nownership' };
    board.stages = STAGES.map((s) => (s.level === 2 ? { ...s, name: 'Broad,"casting"' } : s));
    board.markers = markersOn(['a', 'b', 'c'], board.dimensions[0].key, [2, 2, 3], [4, 4, 4]);
    const csv = toCanvasCsv(board);
    const rows = parseCsv(csv);
    expect(rows[0]![2]).toBe('Today: Broad,"casting"');
    expect(rows[1]![0]).toBe('Leadership, "the top", and\nownership');
    expect(rows[1]!.slice(1, 6)).toEqual(['0', '2', '1', '0', '0']);
    expect(rows[1]!.slice(6, 11)).toEqual(['0', '0', '0', '3', '0']);
    expect(rows[1]![13]).toBe('1');
  });

  it('defuses a cell a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const cell = csvCell(attack);
      const read = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(read, JSON.stringify(attack)).toBe(`'${attack}`);
    }
    const board = makeBoard();
    board.dimensions[0] = { ...board.dimensions[0]!, name: '=cmd|"/c calc"!A1' };
    board.stages = STAGES.map((s) => (s.level === 1 ? { ...s, name: '@nope' } : s));
    const rows = parseCsv(toCanvasCsv(board));
    expect(rows[1]![0]).toBe('\'=cmd|"/c calc"!A1');
    // The header is built as "Today: …", so it never starts with the typed name.
    expect(rows[0]![1]).toBe('Today: @nope');
    // Numbers are numbers, never defused.
    expect(csvCell(-1)).toBe('-1');
  });

  it('leaves out what the room may not see: small distributions and votes before Prioritise', () => {
    const board = makeBoard({ phase: 'assess', participants: [participant('a'), participant('b')] });
    board.settings = { ...board.settings, minAnswers: 3 };
    board.markers = markersOn(['a', 'b'], 'brand', [2, 3], [4, 4]);
    board.votes = [vote('a', 'dim:brand', 2)];
    const rows = parseCsv(toCanvasCsv(board));
    const brand = rows.find((r) => r[0] === board.dimensions.find((d) => d.key === 'brand')!.name)!;
    expect(brand.slice(1, 11)).toEqual(Array(10).fill(''));
    expect(brand[11]).toBe('2');
    expect(brand[12]).toBe('');
    expect(brand[13]).toBe('');
  });
});
