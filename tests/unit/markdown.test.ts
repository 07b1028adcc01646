/**
 * The markdown export, read back with a real parser (remark + remark-gfm) and
 * linted with markdownlint. Hostile text goes into every field people type.
 */
import { lint } from 'markdownlint/sync';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { exportFileName, toMarkdown } from '../../shared/markdown.ts';
import { applyInitiativeEdit, generateRoadmap, moveInitiative } from '../../shared/roadmap.ts';
import type { BoardState, Roadmap } from '../../shared/types.ts';
import { card, makeBoard, marker, participant, realisticBoard, vote } from '../fixtures/boards.ts';

/**
 * The export's lint configuration. Off, and why: MD013 (line length), since a
 * paragraph or table row is one line by design; MD026 (trailing punctuation in
 * headings), since headings carry titles people typed ("Go!").
 */
const LINT_CONFIG = { default: true, MD013: false, MD026: false } as const;

interface Node {
  type: string;
  value?: string;
  depth?: number;
  lang?: string;
  url?: string;
  children?: Node[];
}

const parse = (md: string) => remark().use(remarkGfm).parse(md) as unknown as Node;
const all = (n: Node, type: string): Node[] => [...(n.type === type ? [n] : []), ...(n.children ?? []).flatMap((c) => all(c, type))];
/** Text content as a reader sees it: text and inline code, joined. */
const text = (n: Node): string => (n.type === 'text' || n.type === 'inlineCode' ? (n.value ?? '') : (n.children ?? []).map(text).join(''));
const headings = (tree: Node, depth: number) => all(tree, 'heading').filter((h) => h.depth === depth).map(text);
const lintErrors = (md: string) => lint({ strings: { md }, config: LINT_CONFIG }).md ?? [];

/** Hostile text: markup, HTML, links, line breaks, emoji, right-to-left script, bidi overrides. */
const HOSTILE = [
  'a | b || c',
  '`code` and ``more``',
  '*bold* _it_ **x** __y__ ~~z~~',
  '# not a heading',
  '<script>alert(1)</script> <b>b</b>',
  '[link](https://evil.example) ![img](x.png)',
  'line one\nline two\r\nline three',
  'emoji 🚀👩🏽‍💻 done',
  'עברית و العربية mixed',
  '- 1. > quote',
  'price $5 and $6 &amp; &lt;x&gt; \\ backslash',
  'mail me@example.com or www.example.com or https://example.com/a_b*c',
  '=== ',
  '42. answer',
  '\tindented\twith tabs',
];
const hostile = (i: number) => HOSTILE[i % HOSTILE.length]!;
/** What the parsed document should show for a typed text: line breaks and tabs become spaces, nothing else changes. */
const asShown = (s: string) => s.replace(/[ \t]*(\r\n|\n|\r)[ \t]*/g, ' ').replace(/\t/g, ' ').trim();

function hostileBoard(): { board: BoardState; roadmap: Roadmap } {
  const board = realisticBoard();
  board.title = 'Q3 | `offsite` # <b>bold</b> 🚀 *now*';
  board.organisation = 'Acme | <i>Ltd</i> [x](y) עברית';
  board.participants = board.participants.map((p, i) => ({ ...p, name: hostile(i) }));
  board.dimensions = board.dimensions.map((d, i) => ({ ...d, name: `${d.name} ${hostile(i + 3)}` }));
  board.settings.horizons = board.settings.horizons.map((h, i) => ({ ...h, label: `${h.label} ${hostile(i + 7)}` }));
  board.cards = board.cards.map((c, i) => ({ ...c, text: hostile(i) }));
  let roadmap = generateRoadmap(board);
  roadmap.initiatives.forEach((init, i) => {
    roadmap = applyInitiativeEdit(roadmap, init.id, {
      title: hostile(i + 1),
      owner: hostile(i + 2),
      benchmark: hostile(i + 4),
      firstStep: hostile(i + 5),
    });
  });
  return { board, roadmap };
}

describe('toMarkdown: structure', () => {
  const board = realisticBoard();
  const roadmap = generateRoadmap(board);
  const md = toMarkdown(board, roadmap, { date: '2025-03-14' });
  const tree = parse(md);

  it('has the title, the sections and the horizons as headings', () => {
    expect(headings(tree, 1)).toEqual(['From broadcasting to conversation']);
    expect(headings(tree, 2)).toEqual([
      'Summary',
      'Where we stand',
      'The roadmap',
      'Now (months 0 to 3)',
      'Next (months 3 to 6)',
      'Later (months 6 to 12)',
      'Not yet scheduled',
      'What stands in the way',
      'Practice cards',
    ]);
    expect(headings(tree, 3).filter((h) => /^\d+\. /.test(h))).toHaveLength(roadmap.initiatives.length);
    expect(headings(tree, 3)).toContain('1. Leadership & ownership: build a shared view of where we stand');
  });

  it('lists organisation, date and participants', () => {
    expect(md).toContain('- **Organisation:** Harbourside Building Society');
    expect(md).toContain('- **Date:** 2025-03-14');
    for (const p of board.participants) expect(md).toContain(p.name);
  });

  it('has the canvas as a GFM table with six columns and a row per dimension', () => {
    const [table] = all(tree, 'table');
    expect(table).toBeDefined();
    const rows = table!.children!;
    expect(rows.map((r) => r.children!.length)).toEqual(rows.map(() => 6));
    expect(rows[0]!.children!.map(text)).toEqual(['Dimension', 'Current', 'Target', 'Gap', 'Spread', 'Votes']);
    expect(rows).toHaveLength(1 + board.dimensions.length);
    expect(rows[1]!.children!.map(text)).toEqual(['Leadership & ownership', 'Broadcasting (2)', 'Engaging (4)', '2', '3, wide', '6']);
  });

  it('gives each initiative its why, first step, owner and benchmark, "not set" when empty', () => {
    const edited = applyInitiativeEdit(roadmap, 'people:move', { owner: 'Kwame Mensah', benchmark: 'A third of staff trained to answer customers' });
    const out = toMarkdown(board, edited, { date: '2025-03-14' });
    expect(out).toContain('- **Owner:** Kwame Mensah');
    expect(out).toContain('- **Benchmark:** A third of staff trained to answer customers');
    expect(out).toContain('- **Owner:** _not set_');
    expect(out.match(/- \*\*Why here:\*\* /g)).toHaveLength(roadmap.initiatives.length);
    expect(out.match(/- \*\*First step:\*\* /g)).toHaveLength(roadmap.initiatives.length);
  });

  it('has a Mermaid Gantt chart of the scheduled horizons, dated from the workshop', () => {
    const code = all(tree, 'code').filter((c) => c.lang === 'mermaid');
    expect(code).toHaveLength(1);
    const chart = code[0]!.value!;
    expect(chart.split('\n')[0]).toBe('gantt');
    expect(chart).toContain('section Now');
    expect(chart).toContain(':i1, 2025-03-14, 2025-06-14');
    expect(chart).toContain('2025-09-14, 2026-03-14');
    expect(chart).not.toContain('Not yet scheduled');
  });

  it('lists barriers (general ones included) and practice cards by dimension', () => {
    expect(md).toContain('- No time: the leadership team is fully booked with the merger (general, 1 vote)');
    const practiceSection = md.slice(md.indexOf('## Practice cards'));
    expect(practiceSection).toContain('### Leadership & ownership');
    expect(practiceSection).toContain('- **Absent:** No one on the exec team has an active LinkedIn or X account');
  });

  it('passes markdownlint', () => {
    expect(lintErrors(md)).toEqual([]);
  });

  it('is deterministic and uses only the date it is given', () => {
    expect(toMarkdown(board, roadmap, { date: '2025-03-14' })).toBe(md);
    expect(toMarkdown(board, roadmap, { date: '2026-01-31' })).toContain('2026-01-31');
  });

  it('rejects a date that is not yyyy-mm-dd', () => {
    expect(() => toMarkdown(board, roadmap, { date: '14/03/2025' })).toThrow(AppError);
    expect(() => toMarkdown(board, roadmap, { date: '2025-02-30' })).toThrow(AppError);
  });
});

describe('toMarkdown: hostile text in every field', () => {
  const { board, roadmap } = hostileBoard();
  const md = toMarkdown(board, roadmap, { date: '2025-03-14' });
  const tree = parse(md);

  it('passes markdownlint', () => {
    expect(lintErrors(md)).toEqual([]);
  });

  it('keeps the heading structure: one H1, the fixed sections, one H3 per initiative', () => {
    expect(headings(tree, 1)).toEqual([asShown(board.title)]);
    const h2 = headings(tree, 2);
    for (const fixed of ['Summary', 'Where we stand', 'The roadmap', 'What stands in the way', 'Practice cards']) expect(h2).toContain(fixed);
    expect(h2).toContain(`${asShown(board.settings.horizons[0]!.label)} (months 0 to 3)`);
    expect(headings(tree, 3).filter((h) => /^\d+\. /.test(h)).length).toBeGreaterThanOrEqual(roadmap.initiatives.length);
    // Nothing typed became a heading of its own, a blockquote, HTML, a link or an image.
    for (const type of ['html', 'link', 'image', 'blockquote', 'delete', 'emphasis']) expect(all(tree, type)).toEqual([]);
  });

  it('keeps exactly six cells in every table row, with names shown as typed', () => {
    const tables = all(tree, 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.children!;
    for (const row of rows) expect(row.children).toHaveLength(6);
    expect(rows.slice(1).map((r) => text(r.children![0]!))).toEqual(board.dimensions.map((d) => asShown(d.name)));
  });

  it('shows every card, name and field as typed', () => {
    const shown = text(tree);
    const typed = [
      board.title,
      board.organisation,
      ...board.participants.map((p) => p.name),
      ...board.cards.map((c) => c.text),
      ...roadmap.initiatives.flatMap((i) => [i.title, i.owner, i.benchmark, i.firstStep]),
    ];
    for (const t of typed) expect(shown).toContain(asShown(t));
  });

  it('the text of a hostile card is exactly what was typed', () => {
    const items = all(tree, 'listItem').map(text);
    for (const h of HOSTILE) {
      const c = board.cards.find((x) => x.text === h && x.kind === 'barrier');
      if (c) expect(items.some((t) => t.startsWith(asShown(h)))).toBe(true);
    }
    const script = items.find((t) => t.includes('<script>'));
    expect(script).toContain('<script>alert(1)</script> <b>b</b>');
  });

  it('keeps the Mermaid chart free of characters that would break it', () => {
    const chart = all(tree, 'code').find((c) => c.lang === 'mermaid')!.value!;
    const lines = chart.split('\n').slice(4);
    for (const line of lines) {
      if (line.trim().startsWith('section ')) expect(line).not.toMatch(/[:#;%`|<>]/);
      else {
        const [label, meta] = line.split(' :');
        expect(label).not.toMatch(/[:#;%`|<>]/);
        expect(meta).toMatch(/^i\d+, \d{4}-\d{2}-\d{2}, \d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('strips bidi overrides and control characters, keeping the rest', () => {
    const b = makeBoard({ participants: [participant('p1', 'Eve\u202Eevil\u2066 \u0007bell')] });
    const out = toMarkdown(b, generateRoadmap(b), { date: '2025-03-14' });
    expect(out).toContain('Eveevil bell');
    expect(out).not.toMatch(/[\u202E\u2066\u0007]/);
  });
});

describe('toMarkdown: edge cases', () => {
  it('an empty board still gives a valid document that says what is missing', () => {
    const board = makeBoard({ title: '', organisation: '' });
    const md = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
    expect(lintErrors(md)).toEqual([]);
    expect(headings(parse(md), 1)).toEqual(['Workshop roadmap']);
    expect(md).toContain('Nobody has placed a marker');
    expect(md).toContain('There are no initiatives');
    expect(md).toContain('Nobody raised a barrier card.');
    expect(md).not.toContain('```mermaid');
  });

  it('anonymous mode lists no names', () => {
    const board = realisticBoard();
    board.settings.anonymous = true;
    const md = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
    for (const p of board.participants) expect(md).not.toContain(p.name);
    expect(md).toContain('8 people (names are not listed');
    expect(lintErrors(md)).toEqual([]);
  });

  it('leaves out removed participants and their cards', () => {
    const board = makeBoard({
      participants: [participant('p1', 'Ada'), participant('p2', 'Mallory', 1, true)],
      markers: [marker('p1', 'brand', 2, 3)],
      cards: [card('p2', 'spam spam spam', 'brand', 2), card('p1', 'real card', 'brand', 2)],
    });
    const md = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
    expect(md).not.toContain('Mallory');
    expect(md).not.toContain('spam');
    expect(md).toContain('real card');
  });

  it('duplicate names and titles still give unique headings (markdownlint MD024)', () => {
    const board = realisticBoard();
    board.dimensions = board.dimensions.map((d) => ({ ...d, name: 'Same' }));
    let roadmap = generateRoadmap(board);
    roadmap = applyInitiativeEdit(roadmap, roadmap.initiatives[0]!.id, { title: 'Summary' });
    roadmap = moveInitiative(roadmap, roadmap.initiatives[1]!.id, 'later', 0);
    const md = toMarkdown(board, roadmap, { date: '2025-03-14' });
    expect(lintErrors(md)).toEqual([]);
  });

  it('300 participants and 2,000 cards: valid, every card listed once', () => {
    const base = makeBoard();
    const dims = base.dimensions.map((d) => d.key);
    const ids = Array.from({ length: 300 }, (_, i) => `p${i}`);
    const cards = Array.from({ length: 2_000 }, (_, i) =>
      card(ids[i % 300]!, `card number ${i} | ${hostile(i)}`, i % 7 === 0 ? null : dims[i % 10]!, 1 + (i % 5), i % 7 === 0 ? 'barrier' : 'practice', `z${i}`, i),
    );
    const board = makeBoard({
      participants: ids.map((id, i) => participant(id, `Person ${i}`, i)),
      markers: dims.flatMap((d) => ids.map((p, i) => marker(p, d, 1 + (i % 3), 4))),
      cards,
      votes: ids.map((p, i) => vote(p, `dim:${dims[i % 10]!}`, 5)),
    });
    const md = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
    const items = all(parse(md), 'listItem').map(text);
    for (const i of [0, 1, 999, 1_999]) expect(items.filter((t) => t.includes(`card number ${i} |`))).toHaveLength(1);
    expect(lintErrors(md)).toEqual([]);
  });
});

describe('exportFileName', () => {
  it('slugifies the title into safe ASCII', () => {
    expect(exportFileName('Leadership Offsite: Q3!', '2025-03-14')).toBe('leadership-offsite-q3-roadmap-2025-03-14.md');
    expect(exportFileName('Café Müller / Ærø', '2025-03-14')).toBe('cafe-muller-r-roadmap-2025-03-14.md');
    expect(exportFileName('../../etc/passwd', '2025-03-14')).toBe('etc-passwd-roadmap-2025-03-14.md');
  });

  it('is never empty, even for an emoji-only or right-to-left title', () => {
    expect(exportFileName('🚀🔥', '2025-03-14')).toBe('workshop-roadmap-2025-03-14.md');
    expect(exportFileName('العربية', '2025-03-14')).toBe('workshop-roadmap-2025-03-14.md');
    expect(exportFileName('', '2025-03-14')).toBe('workshop-roadmap-2025-03-14.md');
  });

  it('keeps names short and rejects a bad date', () => {
    expect(exportFileName('a'.repeat(500), '2025-03-14').length).toBeLessThanOrEqual(60 + '-roadmap-2025-03-14.md'.length);
    expect(() => exportFileName('x', '2025-3-14')).toThrow(AppError);
  });
});
