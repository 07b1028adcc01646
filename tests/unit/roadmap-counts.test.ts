/**
 * The numbers a reader checks against each other: the room a capacity barrier leaves the first
 * horizon (said in Before you act, the plan's summary and First 30 days, and kept by the plan),
 * the count of initiatives against the items listed, and a shared top vote called a tie. Over
 * every golden board, as the export reads.
 */
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import { toMarkdown } from '../../shared/roadmap/markdown/index.ts';
import { exportOf, roadmapOf, SAMPLES } from '../fixtures/samples.ts';
import { card, makeBoard, markersOn, participant, vote } from '../fixtures/boards.ts';

const section = (md: string, heading: string) => md.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';

describe('the room a capacity barrier leaves', () => {
  it('is the one number every golden export says and keeps to', () => {
    let seen = 0;
    for (const sample of SAMPLES) {
      const board = sample.board();
      const roadmap = roadmapOf(sample, board);
      const md = exportOf(sample);
      const room = roadmap.firstRoom;
      const cap = board.settings.initiativeCap;
      if (room === undefined) {
        expect(md, sample.file).not.toMatch(/room for \d/);
        continue;
      }
      seen++;
      const first = roadmap.horizons.find((h) => h.kind === undefined)!;
      // The plan keeps to it.
      expect(roadmap.initiatives.filter((i) => i.horizon === first.id).length, sample.file).toBeLessThanOrEqual(room);
      // First 30 days lists no more first steps than that, besides the meeting on a split.
      const steps = section(md, 'First 30 days')
        .split('\n')
        .filter((l) => /^- \*\*\d+\. /.test(l) && !l.includes('agree where we stand'));
      expect(steps.length, sample.file).toBeLessThanOrEqual(room);
      // Every number said about it is that one; no "3 at a time" beside "room for 2".
      for (const m of md.matchAll(/room for (\d+)/g)) expect(Number(m[1]), sample.file).toBe(room);
      expect(md, sample.file).not.toMatch(new RegExp(`with ${cap} initiatives at a time`));
      expect(md, sample.file).toContain(`at most ${cap} at a time (${room} in ${first.label})`);
    }
    // The re-run sample and rerun-anonymous keep one. Elsewhere the top vote and the groundwork it
    // needs (which are never moved) fill the first horizon, and the plan says the cap it keeps.
    expect(seen).toBeGreaterThanOrEqual(2);
  });

  it('moves a joint top vote rather than claim a room the plan does not keep', () => {
    const ids = ['p1', 'p2', 'p3'];
    const b = makeBoard({
      participants: ids.map((id, i) => participant(id, id, i)),
      markers: ['conversation', 'brand', 'content'].flatMap((d) => markersOn(ids, d, [2, 2, 2], [3, 3, 3])),
      votes: [vote('p1', 'dim:conversation', 3), vote('p2', 'dim:brand', 3), vote('p3', 'dim:content', 1)],
      cards: [card('p1', 'Nobody has time for this', null, null, 'barrier')],
    });
    b.settings = { ...b.settings, initiativeCap: 2 };
    const r = generateRoadmap(b, '2025-03-14');
    expect(r.firstRoom).toBe(1);
    // Brand comes first on the board, so it is the room's top vote; Conversation, tied with it, waits.
    expect(r.initiatives.filter((i) => i.horizon === 'now').map((i) => i.dimension)).toEqual(['brand']);
    const conversation = r.initiatives.find((i) => i.dimension === 'conversation')!;
    expect(conversation.why.join(' ')).toContain(
      'Brand positioning & voice and Conversation & inbound communication share the most votes, 3 each of the 7 cast, but “Nobody has time for this” leaves Now room for 1, not 2, so it starts in Next.',
    );
  });
});

describe('a capacity barrier that cannot shrink the first horizon', () => {
  const fullLine = (md: string) =>
    section(md, 'Before you act')
      .split('\n')
      .find((l) => l.includes('cannot hold fewer')) ?? null;

  it('names what fills it, as the chart places it, and asks what stops or which groundwork waits', () => {
    let seen = 0;
    for (const sample of SAMPLES) {
      const board = sample.board();
      const roadmap = roadmapOf(sample, board);
      const md = exportOf(sample);
      const line = fullLine(md);
      if (roadmap.firstRoom !== undefined) {
        expect(line, sample.file).toBeNull();
        continue;
      }
      // The old answer, a cap restated with nothing decided, is not given.
      expect(md, sample.file).not.toMatch(/initiatives? at a time, agree/);
      if (line === null) continue;
      seen++;
      const first = roadmap.horizons.find((h) => h.kind === undefined)!;
      const names = [...new Set(roadmap.initiatives.filter((i) => i.horizon === first.id).map((i) => i.title.split(':')[0]!))];
      for (const name of names) expect(line, `${sample.file}: ${name}`).toContain(name);
      expect(line, sample.file).toContain(`${first.label} cannot hold fewer`);
      expect(line, sample.file).toContain(`stops to make room for all ${['three', 'four'][names.length - 3] ?? names.length}`);
      expect(line, sample.file).toMatch(/which groundwork waits until \w+; .+ then waits with it\./);
    }
    // The charity, first-run, the small charity and the split room.
    expect(seen).toBeGreaterThanOrEqual(4);
  });

  it('on a constructed board, names the top vote and the groundwork it pulled in', () => {
    const ids = ['p1', 'p2', 'p3', 'p4'];
    const b = makeBoard({
      participants: ids.map((id, i) => participant(id, id, i)),
      markers: ['conversation', 'people', 'ways-of-working'].flatMap((d) => markersOn(ids, d, [1, 1, 1, 1], [3, 3, 3, 3])),
      votes: ids.map((id) => vote(id, 'dim:conversation', 3)),
      cards: [card('p1', 'Nobody has time for this', null, null, 'barrier')],
    });
    b.settings = { ...b.settings, initiativeCap: 3 };
    const r = generateRoadmap(b, '2025-03-14');
    expect(r.firstRoom).toBeUndefined();
    expect(r.initiatives.filter((i) => i.horizon === 'now').map((i) => i.dimension)).toEqual(['people', 'ways-of-working', 'conversation']);
    const line = r.cautions!.find((c) => c.kind === 'whole-plan')!.text;
    expect(line).toBe(
      "“Nobody has time for this” is about people's time, but Now cannot hold fewer: Conversation & inbound communication, the room's top vote, needs People, culture & skills and Ways of working & business model first, and the plan keeps all three there. At the first-30-days meeting, decide what the team stops to make room for all three, or which groundwork waits until Next; Conversation & inbound communication then waits with it.",
    );
  });
});

describe('counting sentences', () => {
  it('say as many initiatives as the export lists, and call a shared top vote a tie', () => {
    for (const sample of SAMPLES) {
      const board = sample.board();
      const roadmap = roadmapOf(sample, board);
      const md = exportOf(sample);
      const listed = new Set([...md.matchAll(/^(?:- \*\*|#{3,4} )(\d+)\. /gm)].map((m) => Number(m[1])));
      for (const m of md.matchAll(/The plan (?:spreads|holds) (\d+) initiatives?/g)) expect(Number(m[1]), sample.file).toBe(listed.size);
      const top = Math.max(...roadmap.summaries.map((s) => s.votes));
      const tied = roadmap.summaries.filter(
        (s) => s.votes === top && top > 0 && roadmap.initiatives.some((i) => i.dimension === s.dimension),
      );
      if (tied.length > 1) {
        expect(md, sample.file).not.toContain('The room gave it the most votes');
        expect(md, sample.file).toContain(`share the most votes, ${top} each of the`);
      }
    }
    // The tie the charity's room left: said as one.
    expect(toMarkdown(SAMPLES[5]!.board(), roadmapOf(SAMPLES[5]!, SAMPLES[5]!.board()), { date: '2025-03-14' })).toContain(
      'Community & participation and Giving & volunteering share the most votes, 10 each of the 33 cast',
    );
  });
});
