/**
 * The HTML report (shared/roadmap/report): a valid, self-contained page with
 * the markdown export's content, the same privacy, typed text that stays text,
 * and a timeline that is drawn the same every time (golden files).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import type { BoardState } from '../../shared/domain/types.ts';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import { toMarkdown } from '../../shared/roadmap/markdown/index.ts';
import { toReportHtml } from '../../shared/roadmap/report/index.ts';
import {
  card,
  charityBoard,
  makeBoard,
  markersOn,
  participant,
  realisticBoard,
  RERUN_DATE,
  rerunBoard,
  splitRoomRerunBoard,
} from '../fixtures/boards.ts';
import { timelineOf, TIMELINE_SAMPLES } from '../fixtures/report-samples.ts';
import { roadmapOf, SAMPLE_DATE, SAMPLES } from '../fixtures/samples.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const report = (board: BoardState, date = SAMPLE_DATE) => toReportHtml(board, generateRoadmap(board), { date });
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
/** The text a reader sees: tags out, the five entities read back. */
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The text as read, where tags inside a sentence (<bdi>, <strong>, <span>, <em>) leave no space, and quotes are one kind. */
const readText = (html: string) => visibleText(html.replace(/<\/?(?:bdi|strong|span|em)\b[^>]*>/g, '')).replace(/[“”]/g, '"');

/** Each paragraph and list item of the markdown as a reader sees it: markup out, "**Why:** x" read as "Why x" (a field is a dt/dd in the report). */
function markdownLines(md: string): string[] {
  let fenced = false;
  const out: string[] = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || line.startsWith('```') || line.startsWith('|') || line.startsWith('#') || !line.trim()) continue;
    out.push(
      line
        .replace(/^- /, '')
        .replace(/^\*\*(Organisation|Date|Participants|Why|Business goal(?: \(proposed\))?|First step|Owner|Benchmark):\*\* /, '$1 ')
        .replace(/\*\*/g, '')
        .replace(/^_(.*)_$/, '$1')
        .replace(/`/g, '')
        .replace(/\\(.)/g, '$1')
        .replace(/[“”]/g, '"')
        .replace(/\s+/g, ' '),
    );
  }
  return out;
}

describe('the HTML report', () => {
  for (const sample of SAMPLES) {
    it(`${sample.file.replace(/.*\//, '').replace('.md', '')}: every paragraph and list item of the markdown, in the same words`, () => {
      const board = sample.board();
      const date = sample.date ?? SAMPLE_DATE;
      const roadmap = roadmapOf(sample, board);
      const text = readText(toReportHtml(board, roadmap, { date }));
      const missing = markdownLines(toMarkdown(board, roadmap, { date })).filter((line) => !text.includes(line));
      expect(missing).toEqual([]);
    });
    it(`${sample.file.replace(/.*\//, '').replace('.md', '')}: valid HTML, self-contained, the markdown's sections and initiatives`, async () => {
      const board = sample.board();
      const date = sample.date ?? SAMPLE_DATE;
      const html = report(board, date);
      const result = await validator.validateString(html);
      expect(result.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`))).toEqual([]);
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
      expect(html).toContain('<meta name="viewport"');
      expect(html).toMatch(/<title>[^<]+<\/title>/);
      // No script, no stylesheet or image to fetch, no link out: the SVG namespace is the one URL.
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\son\w+=|@import|url\(/i);
      expect(html.match(/https?:\/\/[^\s"<]*/g) ?? []).toEqual(['http://www.w3.org/2000/svg']);
      // The markdown's headings are the report's, in the same order.
      const md = toMarkdown(board, generateRoadmap(board), { date });
      const mdHeadings = [...md.matchAll(/^#{1,2} (.+)$/gm)].map((m) => m[1]!.replace(/\\(.)/g, '$1').replace(/ \(\d+\)$/, ''));
      const text = visibleText(html);
      let from = 0;
      for (const h of mdHeadings) {
        const at = text.indexOf(h, from);
        expect(at, `heading "${h}"`).toBeGreaterThanOrEqual(0);
        from = at;
      }
      for (const i of generateRoadmap(board).initiatives) expect(text).toContain(i.title);
    });
  }

  it('holds every practice and barrier card the markdown holds', () => {
    const board = realisticBoard();
    const text = visibleText(report(board));
    for (const c of board.cards) expect(text).toContain(c.text);
  });

  it('an anonymous workshop names nobody: no participant, no suggested owner', () => {
    for (const make of [splitRoomRerunBoard, () => ({ ...charityBoard(), settings: { ...charityBoard().settings, anonymous: true } })]) {
      const board = make();
      expect(board.settings.anonymous).toBe(true);
      const html = report(board);
      for (const p of board.participants) {
        expect(html).not.toContain(p.name);
        for (const part of p.name.split(' ')) if (part.length > 2) expect(html, `${p.name}`).not.toContain(part);
      }
      expect(html).not.toContain('Suggested owner');
      expect(html).toContain('names are not listed: the workshop ran anonymously');
    }
  });

  it('leaves out a removed participant and their cards', () => {
    const board = realisticBoard();
    const gone = board.participants[0]!;
    board.participants[0] = { ...gone, removed: true };
    const html = report(board);
    expect(html).not.toContain(gone.name);
    for (const c of board.cards.filter((c) => c.authorId === gone.id)) expect(visibleText(html)).not.toContain(c.text);
  });

  it('shows what people typed as text: no tag, attribute, entity or bidi control gets through', async () => {
    const ids = ['a', 'b', 'c'];
    const attack = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const board = makeBoard({
      title: `${attack} "quoted" 'single'`,
      organisation: '&lt;b&gt;R&D&amp;',
      participants: [
        participant('a', '<b onclick=alert(1)>Ada</b>'),
        participant('b', 'javascript:alert(1)'),
        participant('c', 'Zoe\u202Eevil'),
      ],
      markers: ['leadership', 'brand', 'people'].flatMap((d) => markersOn(ids, d, [2, 2, 3], [4, 4, 4])),
      cards: [
        card('a', '</li></ul><a href="javascript:alert(1)">click</a>', 'leadership', 2),
        card('b', '<svg onload=alert(1)>', null, null, 'barrier'),
      ],
    });
    board.dimensions[0] = { ...board.dimensions[0]!, name: '<style>body{display:none}</style>Leadership' };
    const html = report(board);
    const result = await validator.validateString(html);
    expect(result.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
    const tags = new Set([...body.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
    const allowed =
      'html head meta title body main header section article figure figcaption svg desc rect text tspan line h1 h2 h3 h4 p ul li dl dt dd div span bdi strong em table thead tbody tr th td';
    expect([...tags].filter((t) => !allowed.split(' ').includes(t))).toEqual([]);
    // Inside the tags themselves (the typed text shows "onerror=" as words, which is right).
    const attributes = [...body.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
    expect(attributes.filter((t) => /\s(on\w+|href|src|style)=/i.test(t))).toEqual([]);
    expect(html).not.toContain('\u202E');
    const text = visibleText(html);
    expect(text).toContain(attack);
    expect(text).toContain('&lt;b&gt;R&D&amp;');
    expect(text).toContain('</li></ul><a href="javascript:alert(1)">click</a>');
    expect(text).toContain('Zoeevil');
  });

  it('leaves out cards still hidden until the reveal, as the board does', () => {
    const board = realisticBoard();
    board.phase = 'map';
    board.settings = { ...board.settings, privateUntilReveal: true };
    board.revealed = { map: false, assess: false, prioritise: false };
    // The record of the board; the roadmap itself quotes cards, and is only made once they are open.
    // Later work, which closes the appendix, is the roadmap's too: the record is what comes before it.
    const text = visibleText(report(board)).split('What stands in the way')[1]!.split('in full')[0]!;
    for (const c of board.cards) expect(text).not.toContain(c.text);
    expect(text).toContain('Nobody raised a barrier card.');
    expect(text).toContain('Nobody wrote a practice card.');
  });

  it('ends each printed run of pages (the first pages, the plan, the horizons, the appendix) with the workshop and date (the printed footer)', () => {
    const board = charityBoard();
    const html = report(board);
    const footers = html.match(/<p class="running-footer">[^\n]*?<\/p>/g) ?? [];
    // The opening pages, the plan's summary, the first horizon run on through the later horizons' one-line outlines and
    // Look again (they follow on its pages), the appendix: a footer where a page run ends, none mid-page.
    expect(footers).toHaveLength(4);
    expect(html).toMatch(/id="look-again">Look again<\/h2><p>[^\n]*<p class="running-footer">/);
    expect(new Set(footers).size).toBe(1);
    expect(visibleText(footers[0]!)).toContain(`${board.title} · ${board.organisation} · ${SAMPLE_DATE}`);
  });

  it('shows no distribution with fewer answers than the workshop asks for', () => {
    const board = makeBoard({
      participants: [participant('a'), participant('b')],
      markers: markersOn(['a', 'b'], 'brand', [2, 3], [4, 4]),
    });
    board.settings = { ...board.settings, minAnswers: 3 };
    expect(report(board)).toContain('fewer than 3 answers: not shown');
  });
});

describe('the timeline SVG', () => {
  for (const sample of TIMELINE_SAMPLES) {
    it(`${sample.file} is what the code draws today (node --import tsx scripts/sample-report.ts)`, () => {
      expect(timelineOf(sample.board())).toBe(readFileSync(resolve(root, sample.file), 'utf8'));
    });
  }

  it('docs/sample-report.html, the report the README links to, is what the code writes today', () => {
    const board = rerunBoard();
    expect(report(board, RERUN_DATE)).toBe(readFileSync(resolve(root, 'docs/sample-report.html'), 'utf8'));
  });

  it('is the same for the same board, numbers every planned initiative as the text does, and describes itself', () => {
    const board = charityBoard();
    const svg = timelineOf(board);
    expect(timelineOf(charityBoard())).toBe(svg);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="timeline-title timeline-desc"/);
    expect(svg).toContain('<title id="timeline-title">Timeline: 11 initiatives in 4 horizons</title>');
    // “Volunteers’ time is stretched thin” leaves Now room for two.
    expect(svg).toContain('<desc id="timeline-desc">Now (months 0–3): 1, 2, 3; Next (months 3–6): 4, 5, 6;');
    const numbers = [...svg.matchAll(/font-size="11">(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
