/**
 * What the console and the projector draw of the room: cards split by kind,
 * the distributions and vote totals the server sent, and counts. The server
 * already left out what this screen may not see; a presenting console reads
 * only what the projector reads (LiveBoard.presenting).
 */
import type { PublicCard, RoomBoard } from '../../shared/domain/types.ts';
import { distributions, voteTotals, type Distribution } from './model.ts';

export interface RoomView {
  practice: PublicCard[];
  barriers: PublicCard[];
  /** Practice cards and barriers the room cannot see yet. */
  hiddenPractice: number;
  hiddenBarriers: number;
  /** Distributions to draw (enough answers, phase open); else empty. */
  dists: Map<string, Distribution>;
  /** Answers per dimension: a count never shows who answered what. */
  answers: Map<string, number>;
  /** Vote totals once the room may see them; else null. */
  votes: Map<string, number> | null;
  /** How many people (not removed) took part in each activity: counts only, no names. */
  people: { cards: number; markers: number; votes: number };
}

/** `presenting`: leave out the cards only the console may see yet (a console on the big screen). */
export function roomView(board: RoomBoard, presenting = false): RoomView {
  const cards = presenting ? board.cards.filter((c) => !c.hidden) : board.cards;
  return {
    practice: cards.filter((c) => c.kind === 'practice'),
    barriers: cards.filter((c) => c.kind === 'barrier'),
    hiddenPractice: board.stats.hiddenPractice,
    hiddenBarriers: board.stats.hiddenBarriers,
    dists: distributions(board),
    answers: new Map(Object.entries(board.stats.answers)),
    votes: voteTotals(board),
    people: { cards: board.stats.peopleWithCards, markers: board.stats.peopleAnswered, votes: board.stats.peopleVoted },
  };
}
