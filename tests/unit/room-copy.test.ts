import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../shared/roadmap/index.ts';
import { toMarkdown } from '../../shared/roadmap/markdown/index.ts';
import { roomCopy } from '../../shared/roadmap/room-copy.ts';
import { card, makeBoard, markersOn, participant, realisticBoard, vote } from '../fixtures/boards.ts';

describe('roomCopy: the board as the room may take it home', () => {
  it('leaves out cards the room has not seen yet, and keeps those it has', () => {
    const board = makeBoard({
      phase: 'prioritise',
      revealed: { map: true, assess: true, prioritise: false },
      participants: [participant('a', 'Ana')],
      cards: [card('a', 'Seen practice', 'brand', 2), card('a', 'Unseen barrier', null, null, 'barrier')],
    });
    expect(roomCopy(board).cards.map((c) => c.text)).toEqual(['Seen practice']);
    expect(roomCopy({ ...board, revealed: { ...board.revealed, prioritise: true } }).cards).toHaveLength(2);
  });

  it('keeps markers only where the room may see the distribution, and votes only once totals may be seen', () => {
    const ids = ['a', 'b', 'c'];
    const board = makeBoard({
      phase: 'prioritise',
      revealed: { map: true, assess: true, prioritise: false },
      settings: { ...makeBoard().settings, minAnswers: 3 },
      participants: ids.map((id) => participant(id)),
      markers: [...markersOn(ids, 'brand', [1, 2, 3], [4, 4, 4]), ...markersOn(['a'], 'leadership', [2], [5])],
      votes: [vote('a', 'dim:brand', 2)],
    });
    const copy = roomCopy(board);
    // One person's answer on Leadership would be theirs alone: it stays out.
    expect(copy.markers.map((m) => m.dimension)).toEqual(['brand', 'brand', 'brand']);
    expect(copy.votes).toEqual([]);
    expect(roomCopy({ ...board, revealed: { map: true, assess: true, prioritise: true } }).votes).toHaveLength(1);
  });

  it('names nobody in an anonymous workshop: no participant, no owner, no suggested owner', () => {
    const named = realisticBoard();
    const roadmap = generateRoadmap(named);
    roadmap.initiatives[0]!.owner = named.participants[0]!.name;
    const anonymous = { ...named, phase: 'export' as const, settings: { ...named.settings, anonymous: true }, roadmap };
    const copy = roomCopy(anonymous);
    expect(copy.participants.every((p) => p.name === '')).toBe(true);
    expect(copy.roadmap!.initiatives.every((i) => i.owner === '' && i.suggestedOwners.length === 0)).toBe(true);
    const md = toMarkdown(copy, copy.roadmap!, { date: '2025-03-14' });
    for (const p of named.participants) expect(md, p.name).not.toContain(p.name);
    // The original is left as it was.
    expect(roadmap.initiatives[0]!.owner).toBe(named.participants[0]!.name);
  });

  it('changes nothing the room saw in a named workshop at Export', () => {
    const board = { ...realisticBoard(), phase: 'export' as const };
    const copy = roomCopy(board);
    expect(copy.participants).toEqual(board.participants);
    expect(copy.cards).toEqual(board.cards);
    expect(copy.votes).toEqual(board.votes);
  });
});
