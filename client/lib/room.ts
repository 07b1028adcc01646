/**
 * What the room may see of a board: the projector always, and the facilitator
 * console while it is presenting (a projected console must not anchor the room
 * either). Kept out of model.ts so the phone bundle does not carry it.
 */
import type { BoardState, Card } from '../../shared/types.ts';
import { distributions, distributionVisible, isHidden, removedIds, visibleCards, voteTotals, type Distribution } from './model.ts';

export interface RoomView {
  practice: Card[];
  barriers: Card[];
  /** Practice cards and barriers the room cannot see yet. */
  hiddenPractice: number;
  hiddenBarriers: number;
  /** Distributions to draw (enough answers, phase open), in phases that use them; else null. */
  dists: Map<string, Distribution> | null;
  /** Answers per dimension: a count never shows who answered what. */
  answers: Map<string, number>;
  /** Vote totals once the room may see them, in phases that use them; else null. */
  votes: Map<string, number> | null;
  /** How many people (not removed) took part in each activity: counts only, no names. */
  people: { cards: number; markers: number; votes: number };
}

const ASSESSED = ['assess', 'prioritise', 'roadmap', 'export'];
const VOTED = ['prioritise', 'roadmap', 'export'];

/**
 * `everything`: the facilitator's own view (every card, distributions once enough
 * people answered, vote totals); otherwise what a participant who is nobody sees.
 */
export function roomView(board: BoardState, everything = false): RoomView {
  const removed = removedIds(board);
  const cards = everything ? board.cards : visibleCards(board, { participantId: null });
  const practice = cards.filter((c) => c.kind === 'practice');
  const barriers = cards.filter((c) => c.kind === 'barrier');
  const all = distributions(board, removed);
  const answers = new Map([...all].map(([k, d]) => [k, d.answers]));
  let dists: Map<string, Distribution> | null = null;
  if (ASSESSED.includes(board.phase)) {
    dists = new Map(
      [...all].filter(([, d]) => (everything ? d.answers >= board.settings.minAnswers : distributionVisible(board, d))),
    );
  }
  const votes = VOTED.includes(board.phase) && (everything || !isHidden(board, 'prioritise')) ? voteTotals(board.votes) : null;
  const count = (ids: Iterable<string>) => new Set([...ids].filter((id) => !removed.has(id))).size;
  return {
    practice,
    barriers,
    hiddenPractice: board.cards.filter((c) => c.kind === 'practice').length - practice.length,
    hiddenBarriers: board.cards.filter((c) => c.kind === 'barrier').length - barriers.length,
    dists,
    answers,
    votes,
    people: {
      cards: count(board.cards.filter((c) => c.kind === 'practice').map((c) => c.authorId)),
      markers: count(board.markers.filter((m) => m.current !== null || m.target !== null).map((m) => m.participantId)),
      votes: count(board.votes.filter((v) => v.count > 0).map((v) => v.participantId)),
    },
  };
}

