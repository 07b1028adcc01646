/**
 * The markdown export, read back with a real parser (remark + remark-gfm) and
 * linted with markdownlint. Hostile text goes into every field people type.
 */
import fc from 'fast-check';
import { lint } from 'markdownlint/sync';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors.ts';
import { exportFileName, toMarkdown } from '../../shared/roadmap/markdown/index.ts';
import { applyInitiativeEdit, generateRoadmap, moveInitiative } from '../../shared/roadmap/index.ts';
import type { BoardState, Initiative, Roadmap } from '../../shared/domain/types.ts';
import { card, charityBoard, makeBoard, marker, participant, realisticBoard, splitRoomBoard, vote } from '../fixtures/boards.ts';

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
const headings = (tree: Node, depth: number) =>
  all(tree, 'heading')
    .filter((h) => h.depth === depth)
    .map(text);
const lintErrors = (md: string) => lint({ strings: { md }, config: LINT_CONFIG }).md ?? [];
const initiative = (r: Roadmap, id: string): Initiative => r.initiatives.find((i) => i.id === id)!;
/** The lines under a heading, up to the next heading of any level. */
function section(md: string, title: string): string {
  const lines = md.split('\n');
  const at = lines.findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '') === title);
  if (at < 0) throw new Error(`no heading "${title}"`);
  const end = lines.findIndex((l, i) => i > at && /^#+ /.test(l));
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}
/** Everything before the appendix, without the Mermaid chart (code, not prose). */
const bodyOf = (md: string) => md.slice(0, md.indexOf('\n## Appendix')).replace(/```mermaid[\s\S]*?```/g, '');
/** Words as a reader counts them: runs of text with a letter or digit. */
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

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
const asShown = (s: string) =>
  s
    .replace(/[ \t]*(\r\n|\n|\r)[ \t]*/g, ' ')
    .replace(/\t/g, ' ')
    .trim();

function hostileBoard(): { board: BoardState; roadmap: Roadmap } {
  const board = realisticBoard();
  board.title = 'Q3 | `offsite` # <b>bold</b> 🚀 *now*';
  board.settings.serves = '<i>donors</i> | *members*';
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

  it('opens with the first 30 days, then Before you act, the roadmap by horizon, and the record of the board as an appendix', () => {
    expect(headings(tree, 1)).toEqual(['From broadcasting to conversation']);
    expect(headings(tree, 2)).toEqual([
      'First 30 days',
      'Before you act',
      'The roadmap',
      'Now (months 0 to 3)',
      'Next (months 3 to 6)',
      'Later (months 6 to 12)',
      'Year two (months 12 to 18)',
      'Look again',
      'Appendix',
    ]);
    // The first horizon in full, the rest outlined in the body and given in full in the appendix (Later work).
    const h3 = headings(tree, 3);
    const h4 = headings(tree, 4);
    const now = roadmap.initiatives.filter((i) => i.horizon === 'now');
    expect(h3.filter((h) => /^\d+\. /.test(h))).toHaveLength(now.length);
    expect(h4.filter((h) => /^\d+\. /.test(h))).toHaveLength(roadmap.initiatives.filter((i) => i.kind === 'move').length - now.length);
    expect(h3).toContain('4. Conversation & inbound communication: from Broadcasting to Engaging');
    expect(h3.slice(-4)).toEqual(['Where we stand', 'What stands in the way', 'Practice cards', 'After Now, in full']);
  });

  it('lists organisation, date and participants', () => {
    expect(md).toContain('- **Organisation:** Harbourside Building Society');
    expect(md).toContain('- **Date:** 2025-03-14');
    for (const p of board.participants) expect(md).toContain(p.name);
  });

  it('First 30 days: the meeting on the split, then the first step of each action in Now with its suggested owners', () => {
    const first = section(md, 'First 30 days');
    const items = first.split('\n').filter((l) => l.startsWith('- '));
    expect(items[0]).toBe(
      `- **1. Leadership & ownership: agree where we stand.** ${initiative(roadmap, 'leadership:align').firstStep} Owner: Tom Lindqvist (suggested, not yet confirmed), with Priya Raman and David Chen.`,
    );
    // The staff guide and the sign-offs cut come first: the top vote (Conversation) needs them, and goes after them.
    expect(items[1]).toMatch(/^- \*\*2\. People, culture & skills: from Broadcasting to Engaging\.\*\* /);
    expect(items[2]).toMatch(/^- \*\*3\. Ways of working & business model: from Broadcasting to Experimenting\.\*\* /);
    const conversation = initiative(roadmap, 'conversation:move');
    expect(items[3]).toBe(
      `- **4. Conversation & inbound communication: from Broadcasting to Engaging.** ${conversation.firstStep} Owner: Tom Lindqvist (suggested, not yet confirmed), with Margaret Okafor and James Whitfield.`,
    );
    // What follows the meeting waits for it: it is not a first action. The items are numbered without a gap.
    expect(first).not.toContain('towards Engaging');
    // What the top vote needs goes with it, over the cap "No time: the leadership team is fully booked" set.
    expect(items.map((l) => /^- \*\*(\d+)\./.exec(l)![1])).toEqual(['1', '2', '3', '4']);
  });

  it('Before you act shows the split as the room answered, and questions the one-way target', () => {
    const before = section(md, 'Before you act');
    expect(before).toContain(
      '- The room is split on Leadership & ownership: 4 say Absent or Broadcasting, 1 says Experimenting and 3 say Engaging.',
    );
    expect(before).toContain('On Commerce & value exchange the room aims for Broadcasting');
  });

  it('has the canvas as a GFM table in the appendix, with the split shown and no middle answer claimed', () => {
    const [table] = all(tree, 'table');
    const rows = table!.children!;
    expect(rows.map((r) => r.children!.length)).toEqual(rows.map(() => 6));
    expect(rows[0]!.children!.map(text)).toEqual(['Dimension', 'Current', 'Target', 'Gap', 'Spread', 'Votes']);
    expect(rows).toHaveLength(1 + board.dimensions.length);
    expect(rows[1]!.children!.map(text)).toEqual([
      'Leadership & ownership',
      'split: 4 say Absent or Broadcasting, 1 says Experimenting and 3 say Engaging',
      'Engaging (4)',
      'up to 2',
      'two camps',
      '6',
    ]);
    expect(rows[3]!.children!.map(text)).toEqual([
      'Conversation & inbound communication',
      'Broadcasting (2)',
      'Engaging (4)',
      '2',
      '0',
      '8',
    ]);
    expect(md.indexOf('| Dimension |')).toBeGreaterThan(md.indexOf('## Appendix'));
  });

  it('gives each initiative its why, first step, owner and benchmark: a suggestion where nobody set one, "not set" only where none exists', () => {
    let edited = applyInitiativeEdit(roadmap, 'ways-of-working:move', { owner: 'Kwame Mensah' });
    edited = applyInitiativeEdit(edited, 'people:move', { benchmark: 'A third of staff trained to answer members' });
    edited = applyInitiativeEdit(edited, 'brand:move', { firstStep: '' });
    const out = toMarkdown(
      board,
      { ...edited, initiatives: edited.initiatives.map((i) => (i.id === 'insight:move' ? { ...i, suggestedOwners: [] } : i)) },
      { date: '2025-03-14' },
    );
    // A typed owner without the room's confirmation says so; the first 30 days carry it.
    expect(section(out, 'First 30 days')).toContain('Owner: Kwame Mensah (not yet confirmed).');
    const people = section(out, '2. People, culture & skills: from Broadcasting to Engaging');
    expect(people).toContain('- **Benchmark:** A third of staff trained to answer members Review on 14 June 2025.');
    const insight = section(out, '7. Insight & measurement: from Broadcasting to Engaging');
    expect(insight).toContain('- **Owner:** to be named by the room');
    expect(insight).toContain(
      `- **Benchmark:** suggested: ${initiative(roadmap, 'insight:move').suggestedBenchmark} Review on 14 September 2025.`,
    );
    expect(section(out, '10. Brand positioning & voice: from Broadcasting to Engaging')).toContain(
      '- **First step:** to be agreed by the owner',
    );
    expect(section(out, '8. Community & participation: from Broadcasting to Experimenting')).toContain(
      '- **Owner:** Elena Rossi (suggested, not yet confirmed), with James Whitfield and Kwame Mensah',
    );
    // A confirmed owner says so.
    const confirmed = {
      ...edited,
      initiatives: edited.initiatives.map((i) => (i.id === 'ways-of-working:move' ? { ...i, ownerConfirmed: true } : i)),
    };
    expect(section(toMarkdown(board, confirmed, { date: '2025-03-14' }), 'First 30 days')).toContain('Owner: Kwame Mensah (confirmed).');
    // Initiatives in Now point to the first 30 days rather than repeat their step; a horizon whose every step is there says so once.
    expect(section(out, 'Now (months 0 to 3)')).toMatch(/^\nFirst steps and owners: see First 30 days\.\n/);
    expect(section(out, '4. Conversation & inbound communication: from Broadcasting to Engaging')).not.toContain('First step');
    expect(section(out, '6. Leadership & ownership: towards Engaging')).toContain(
      '- **First step:** Whichever camp is right, both can start here: ',
    );
    const charity = toMarkdown(charityBoard(), generateRoadmap(charityBoard()), { date: '2025-03-14' });
    expect(section(charity, 'Now (months 0 to 3)')).toBe('\nFirst steps and owners: see First 30 days.\n');
    expect(section(charity, '1. People, culture & skills: from Broadcasting to Experimenting')).not.toContain('First step');
    expect(out.match(/- \*\*Why:\*\* /g)).toHaveLength(roadmap.initiatives.filter((i) => i.kind === 'move').length);
  });

  it('has a Mermaid Gantt chart of the first 30 days and the scheduled horizons, dated from the workshop', () => {
    const code = all(tree, 'code').filter((c) => c.lang === 'mermaid');
    expect(code).toHaveLength(1);
    const chart = code[0]!.value!;
    expect(chart.split('\n')[0]).toBe('gantt');
    expect(chart).toContain('section First 30 days');
    expect(chart).toContain('1. Leadership and ownership - agree where we stand :i1, 2025-03-14, 2025-04-14');
    expect(chart).toContain(':i2, 2025-03-14, 2025-06-14');
    expect(chart).toContain('section Year two');
    expect(chart).toContain('2026-03-14, 2026-09-14');
  });

  it('lists barriers (general ones included, with what they hold back) and practice cards by dimension', () => {
    expect(md).toContain('- No time: the leadership team is fully booked with the merger (general, 1 vote)');
    expect(md).toContain('- The agency contract runs until next March and owns the voice (Brand positioning & voice, not before Year two)');
    const practiceSection = md.slice(md.indexOf('### Practice cards'));
    expect(practiceSection).toContain('#### Leadership & ownership');
    expect(practiceSection).toContain('- **Absent:** No one on the exec team has an active LinkedIn or X account');
  });

  it('keeps the body, before the appendix, under 1,200 words for a ten-dimension roadmap, and free of jargon', () => {
    for (const b of [realisticBoard(), splitRoomBoard(), charityBoard()]) {
      const body = bodyOf(toMarkdown(b, generateRoadmap(b), { date: '2025-03-14' }));
      expect(words(body)).toBeLessThan(1_200);
      expect(body).not.toMatch(/\bmedian\b|interquartile|\benabl|1\.0|2\.0/i);
    }
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

describe('toMarkdown: length', () => {
  /** A workshop-like room per dimension: most people near one stage, some scattered, sometimes two camps. */
  const workshop = fc
    .record({
      n: fc.integer({ min: 5, max: 15 }),
      rooms: fc.array(
        fc.record({
          centre: fc.integer({ min: 1, max: 4 }),
          ahead: fc.integer({ min: 0, max: 2 }),
          camps: fc.boolean(),
          noise: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 15, maxLength: 15 }),
        }),
        { minLength: 10, maxLength: 10 },
      ),
      cards: fc.array(
        fc.record({
          d: fc.nat(9),
          stage: fc.integer({ min: 1, max: 4 }),
          words: fc.integer({ min: 6, max: 14 }),
          barrier: fc.boolean(),
          general: fc.boolean(),
        }),
        { minLength: 10, maxLength: 40 },
      ),
      votes: fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { minLength: 15, maxLength: 15 }),
    })
    .map((g) => {
      const base = makeBoard();
      const dims = base.dimensions.map((d) => d.key);
      const ids = Array.from({ length: g.n }, (_, i) => `p${i}`);
      const clamp = (x: number) => Math.min(5, Math.max(1, x));
      const markers = g.rooms.flatMap((room, d) =>
        ids.map((p, i) => {
          const o = room.noise[i]!;
          const current = room.camps ? clamp(room.centre + (i % 2) * 2) : clamp(room.centre + (Math.abs(o) === 2 ? Math.sign(o) : 0));
          return marker(p, dims[d]!, current, clamp(room.centre + room.ahead + (o === 2 ? 1 : 0)));
        }),
      );
      const cards = g.cards.map((c, i) =>
        card(
          ids[i % g.n]!,
          Array.from({ length: c.words }, (_, w) => ['our', 'agency', 'posts', 'every', 'reply', 'needs', 'approval'][(i + w) % 7]).join(
            ' ',
          ),
          c.barrier && c.general ? null : dims[c.d]!,
          c.stage,
          c.barrier ? 'barrier' : 'practice',
          `x${i}`,
          i,
        ),
      );
      const votes = ids.flatMap((p, i) => {
        const [a, b] = g.votes[i]!;
        return a === b ? [vote(p, `dim:${dims[a]!}`, 5)] : [vote(p, `dim:${dims[a]!}`, 3), vote(p, `dim:${dims[b]!}`, 2)];
      });
      return makeBoard({ participants: ids.map((id, i) => participant(id, `Person ${i}`, i)), markers, cards, votes });
    });

  // The fixtures above stay under 1,200; a room split on many dimensions at once (a meeting item,
  // a caution and a step "towards" for each) runs a little longer, so the bound here is "about".
  it('the body of a ten-dimension roadmap from a workshop-like room stays about 1,200 words (at most 1,350)', () => {
    fc.assert(
      fc.property(workshop, (board) => {
        expect(words(bodyOf(toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' })))).toBeLessThanOrEqual(1_350);
      }),
      { numRuns: 50, seed: 20_250_314 },
    );
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
    for (const fixed of ['First 30 days', 'Before you act', 'The roadmap', 'Appendix']) expect(h2).toContain(fixed);
    for (const fixed of ['Where we stand', 'What stands in the way', 'Practice cards']) expect(headings(tree, 3)).toContain(fixed);
    expect(h2).toContain(`${asShown(board.settings.horizons[0]!.label)} (months 0 to 3)`);
    expect([...headings(tree, 3), ...headings(tree, 4)].filter((h) => /^\d+\. /.test(h)).length).toBeGreaterThanOrEqual(
      roadmap.initiatives.filter((i) => i.kind === 'move').length,
    );
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

  it('who the organisation serves is typed too: it shows as typed inside generated sentences, and opens no markup', () => {
    const board = realisticBoard();
    board.settings.serves = '<i>donors</i> | *members* [x](y)';
    const md = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
    const tree = parse(md);
    expect(text(tree)).toContain('Give <i>donors</i> | *members* [x](y) one way to reach a knowledgeable person');
    for (const type of ['html', 'link', 'emphasis']) expect(all(tree, type)).toEqual([]);
    expect(lintErrors(md)).toEqual([]);
  });

  it('strips bidi overrides and control characters, keeping the rest', () => {
    const b = makeBoard({ participants: [participant('p1', 'Eve\u202Eevil\u2066 \u0007bell')] });
    const out = toMarkdown(b, generateRoadmap(b), { date: '2025-03-14' });
    expect(out).toContain('Eveevil bell');
    expect(out).not.toMatch(/[\u202E\u2066\u0007]/);
  });

  it('strips zero-width characters, bidi marks, the BOM and soft hyphens too, from every field (boards stored before the schemas cleaned text)', () => {
    const hidden = '\u200B\u200E\u200F\u061C\u2060\uFEFF\u00AD\u{E0041}';
    const b = realisticBoard();
    b.title = `Off${hidden}site`;
    b.organisation = `${hidden}Acme`;
    b.participants = b.participants.map((p) => ({ ...p, name: `${p.name}${hidden}` }));
    b.dimensions = b.dimensions.map((d) => ({ ...d, name: `${hidden}${d.name}` }));
    b.cards = b.cards.map((c) => ({ ...c, text: `${c.text}${hidden} (seen)` }));
    const out = toMarkdown(b, generateRoadmap(b), { date: '2025-03-14' });
    expect(out).not.toMatch(/[\u200B\u200E\u200F\u061C\u2060\uFEFF\u00AD\u{E0000}-\u{E007F}]/u);
    expect(out).toContain('# Offsite');
    expect(out).toContain('- **Organisation:** Acme');
    expect(out).toContain(`${b.cards[0]!.text.replace(hidden, '')}`);
  });
});

describe('toMarkdown: edge cases', () => {
  it('an empty board still gives a valid document that says what is missing', () => {
    const board = makeBoard({ title: '', organisation: '' });
    const md = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
    expect(lintErrors(md)).toEqual([]);
    expect(headings(parse(md), 1)).toEqual(['Workshop roadmap']);
    expect(md).toContain('Nobody has placed a marker');
    expect(md).toContain('Nobody has assessed the canvas yet');
    expect(md).toContain('Nobody raised a barrier card.');
    expect(md).not.toContain('```mermaid');
    expect(md).not.toContain('undefined');
  });

  it('anonymous mode lists no names', () => {
    const board = realisticBoard();
    board.settings.anonymous = true;
    const md = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
    for (const p of board.participants) expect(md).not.toContain(p.name);
    expect(md).toContain('8 people (names are not listed');
    expect(md).not.toMatch(/suggested owner|Owner:\*\* suggested/i);
    expect(lintErrors(md)).toEqual([]);
  });

  it('even a stored roadmap with suggestions names nobody when the workshop is anonymous', () => {
    const board = realisticBoard();
    const roadmap = generateRoadmap(board);
    board.settings.anonymous = true;
    const md = toMarkdown(board, roadmap, { date: '2025-03-14' });
    for (const p of board.participants) expect(md).not.toContain(p.name);
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
      card(
        ids[i % 300]!,
        `card number ${i} | ${hostile(i)}`,
        i % 7 === 0 ? null : dims[i % 10]!,
        1 + (i % 5),
        i % 7 === 0 ? 'barrier' : 'practice',
        `z${i}`,
        i,
      ),
    );
    const board = makeBoard({
      participants: ids.map((id, i) => participant(id, `Person ${i}`, i)),
      markers: dims.flatMap((d) => ids.map((p, i) => marker(p, d, 1 + (i % 3), 4))),
      cards,
      votes: ids.map((p, i) => vote(p, `dim:${dims[i % 10]!}`, 5)),
    });
    const md = toMarkdown(board, generateRoadmap(board), { date: '2025-03-14' });
    // The appendix lists each card once (initiatives may quote some of them too).
    const items = all(parse(md.slice(md.indexOf('## Appendix'))), 'listItem').map(text);
    for (const i of [0, 1, 999, 1_999]) expect(items.filter((t) => t.includes(`card number ${i} |`))).toHaveLength(1);
    expect(lintErrors(md)).toEqual([]);
  });
});

describe('toMarkdown: roadmaps stored before this version', () => {
  it('still reads one without suggestions, steps, cautions or horizon kinds, with the old three horizons and waiting list', () => {
    const board = realisticBoard();
    board.settings.horizons = board.settings.horizons.slice(0, 3);
    const fresh = generateRoadmap(board);
    const old = {
      horizons: fresh.horizons.map(({ kind: _k, ...h }) => h),
      summaries: fresh.summaries.map(({ camps: _c, counts: _n, low: _l, high: _h, ...s }) => s),
      initiatives: fresh.initiatives.map(({ suggestedOwners: _o, suggestedBenchmark: _b, heldBy: _h, step: _s, steps: _t, ...i }) => i),
    } as unknown as Roadmap;
    const md = toMarkdown(board, old, { date: '2025-03-14' });
    expect(lintErrors(md)).toEqual([]);
    expect(md).not.toMatch(/undefined|NaN/);
    expect(md).not.toContain('## Before you act');
    expect(md).toContain('Owner: to be named by the room.');
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
