/**
 * The room's figures (server/rooms/figures.ts) from plain values: the counts every screen
 * shows, the distributions of markers once the room may see them, and the vote totals, which
 * count only live votes.
 */
import { describe, expect, it } from 'vitest';
import { ANSWERS_PREFIX } from '../../shared/doc/room-doc.ts';
import { STAGE_COUNT, type Phase } from '../../shared/domain/canvas.ts';
import { cardTarget, dimTarget } from '../../shared/rules/votes.ts';
import type { RevealContext } from '../../shared/rules/visibility.ts';
import {
  emptyHistogram,
  histograms,
  roomFigures,
  roomStats,
  sameFigures,
  voteTotals,
  type PersonFigures,
} from '../../server/rooms/figures.ts';
import { ownedKey } from '../../server/rooms/ledger.ts';

const person = (p: Partial<PersonFigures> = {}): PersonFigures => ({
  practice: 0,
  barrier: 0,
  hiddenPractice: 0,
  hiddenBarrier: 0,
  written: 0,
  markers: [],
  ...p,
});

const ctx = (phase: Phase, opts: { minAnswers?: number; privateUntilReveal?: boolean; assessRevealed?: boolean } = {}): RevealContext => ({
  phase,
  settings: { minAnswers: opts.minAnswers ?? 3, privateUntilReveal: opts.privateUntilReveal ?? true },
  revealed: { map: false, assess: opts.assessRevealed ?? false, prioritise: false },
});

// Three people placed themselves on "voice"; nobody on "listening".
const answered = [
  person({ markers: [['voice', 2, 4]] }),
  person({ markers: [['voice', 2, null]] }),
  person({ markers: [['voice', null, 5]] }),
];

describe('distributions', () => {
  it('count each current and target stage once, and each person who set either as one answer', () => {
    const h = histograms(['voice', 'listening'], answered);
    expect(h.get('voice')).toEqual({ current: [0, 2, 0, 0, 0], target: [0, 0, 0, 1, 1], answers: 3 });
    expect(h.get('listening')).toEqual({ current: [0, 0, 0, 0, 0], target: [0, 0, 0, 0, 0], answers: 0 });
    expect([...h.keys()]).toEqual(['voice', 'listening']);
  });

  it('have one bucket per stage of the canvas', () => {
    expect(emptyHistogram().current).toHaveLength(STAGE_COUNT);
    expect(emptyHistogram().target).toHaveLength(STAGE_COUNT);
  });

  it('leave out markers on a dimension that is no longer on the canvas', () => {
    const h = histograms(['voice'], [person({ markers: [['gone', 1, 1]] })]);
    expect([...h.keys()]).toEqual(['voice']);
    expect(h.get('voice')!.answers).toBe(0);
  });

  it('reach the room from Assess on, once revealed, and only with enough answers', () => {
    const shown = (c: RevealContext) => [...roomFigures(c, ['voice', 'listening'], 3, answered, 0).dists.keys()];
    expect(shown(ctx('map', { assessRevealed: true }))).toEqual([]);
    expect(shown(ctx('assess'))).toEqual([]); // private until the facilitator reveals it
    expect(shown(ctx('assess', { assessRevealed: true }))).toEqual(['voice']);
    expect(shown(ctx('assess', { privateUntilReveal: false }))).toEqual(['voice']);
    expect(shown(ctx('prioritise'))).toEqual(['voice']); // moving on opened it
    expect(shown(ctx('assess', { assessRevealed: true, minAnswers: 4 }))).toEqual([]); // one more answer would be needed
  });

  it('leave the number of answers per dimension visible while the distribution is hidden', () => {
    const { stats, dists } = roomFigures(ctx('map'), ['voice', 'listening'], 3, answered, 0);
    expect(dists.size).toBe(0);
    expect(stats.get(ANSWERS_PREFIX + 'voice')).toBe(3);
    expect(stats.get(ANSWERS_PREFIX + 'listening')).toBe(0);
  });
});

describe('counts', () => {
  it('add up cards, hidden cards and people who wrote, answered and voted', () => {
    const people = [
      person({ practice: 2, barrier: 1, hiddenPractice: 2, written: 3, markers: [['voice', 1, 2]] }),
      person({ barrier: 2, hiddenBarrier: 1, written: 2 }),
      person(),
    ];
    expect(roomStats(4, people, 2)).toEqual({
      participants: 4,
      practiceCards: 2,
      barrierCards: 3,
      hiddenPractice: 2,
      hiddenBarriers: 1,
      peopleWithCards: 2,
      peopleAnswered: 1,
      peopleVoted: 2,
    });
    const { stats } = roomFigures(ctx('map'), ['voice'], 4, people, 2);
    expect(Object.fromEntries(stats)).toEqual({
      participants: 4,
      practiceCards: 2,
      barrierCards: 3,
      hiddenPractice: 2,
      hiddenBarriers: 1,
      peopleWithCards: 2,
      peopleAnswered: 1,
      peopleVoted: 2,
      [ANSWERS_PREFIX + 'voice']: 1,
    });
  });

  it('move with a marker or a card count, not with a card text', () => {
    const a = person({ practice: 1, written: 1, markers: [['voice', 2, 3]] });
    expect(sameFigures(a, person({ practice: 1, written: 1, markers: [['voice', 2, 3]] }))).toBe(true);
    expect(sameFigures(a, person({ practice: 1, written: 1, markers: [['voice', 2, 4]] }))).toBe(false);
    expect(sameFigures(a, person({ practice: 1, hiddenPractice: 1, written: 1, markers: [['voice', 2, 3]] }))).toBe(false);
    expect(sameFigures(a, undefined)).toBe(false);
  });
});

describe('vote totals', () => {
  const dimKeys = new Set(['voice', 'listening']);
  const visibleCards = new Set(['pub1']);
  const present = new Set(['ana', 'ben']);

  it('add up votes of present people on dimensions and cards the room can see', () => {
    const votes: Array<[string, unknown]> = [
      [ownedKey('ana', dimTarget('voice')), 2],
      [ownedKey('ben', dimTarget('voice')), 1],
      [ownedKey('ben', cardTarget('pub1')), 1],
    ];
    const { totals, voters } = voteTotals(votes, present, dimKeys, visibleCards);
    expect(Object.fromEntries(totals)).toEqual({ [dimTarget('voice')]: 3, [cardTarget('pub1')]: 1 });
    expect(voters).toBe(2);
  });

  it('count nothing for a removed person, a hidden or deleted card, a dimension taken off the canvas, or no votes', () => {
    const votes: Array<[string, unknown]> = [
      [ownedKey('cy', dimTarget('voice')), 3], // removed from the room
      [ownedKey('ana', cardTarget('hidden')), 1], // not revealed, or deleted
      [ownedKey('ana', dimTarget('gone')), 1], // no longer on the canvas
      [ownedKey('ana', dimTarget('listening')), 0],
      [ownedKey('ben', 'listening'), 1], // not a target
      [dimTarget('voice'), 1], // nobody's
    ];
    const { totals, voters } = voteTotals(votes, present, dimKeys, visibleCards);
    expect(totals.size).toBe(0);
    expect(voters).toBe(0);
  });
});
