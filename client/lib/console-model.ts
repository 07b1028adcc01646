/**
 * What the console (and the projector) say of a room, drawn from a RoomBoard:
 * answers counted, what moving on reveals, each phase hidden or revealed, what a
 * barrier holds back. Kept apart from client/lib/model.ts so that none of it
 * reaches the phone's bundle.
 */
import type { Phase, PublicCard, RoomBoard } from '../../shared/domain/types.ts';
import { isHidden, revealedByMove, type PrivatePart } from '../../shared/rules/visibility.ts';
import { listNames, plural } from '../../shared/domain/words.ts';
import { dimensionName } from './model.ts';

/** Answers counted honestly: one answer is one person on one dimension. */
export interface AnswerTally {
  people: number;
  /** People × dimensions: every answer the room could give. */
  possible: number;
  answers: number;
  /** Dimensions fewer people answered than are in the room, fewest first. */
  short: Array<{ key: string; name: string; answers: number }>;
}

export function answerTally(board: RoomBoard): AnswerTally {
  const people = board.stats.participants;
  const dims = board.dimensions;
  let answers = 0;
  const short: AnswerTally['short'] = [];
  for (const d of dims) {
    // Never more than the people in the room (a count can lag a removal by a moment).
    const n = Math.min(people, board.stats.answers[d.key] ?? 0);
    answers += n;
    if (n < people) short.push({ key: d.key, name: d.name, answers: n });
  }
  short.sort((a, b) => a.answers - b.answers);
  return { people, possible: people * dims.length, answers, short };
}

/**
 * What moving the session to `to` opens to everyone, in words ("14 cards", "the answers of
 * 12 people"), or an empty list when it opens nothing. The rule is `revealedByMove`.
 */
export function revealedWords(board: RoomBoard, to: Phase): string[] {
  const out: string[] = [];
  for (const part of revealedByMove(board, to)) {
    const s = board.stats;
    if (part === 'map' && s.hiddenPractice > 0) out.push(plural(s.hiddenPractice, 'card', 'cards'));
    if (part === 'assess' && s.peopleAnswered > 0) out.push(`the answers of ${plural(s.peopleAnswered, 'person', 'people')}`);
    if (part === 'prioritise') {
      if (s.hiddenBarriers > 0) out.push(plural(s.hiddenBarriers, 'barrier', 'barriers'));
      if (s.peopleVoted > 0) out.push('the vote totals');
    }
  }
  return out;
}

/** "Moving to Assess reveals 14 cards to everyone", or null when the move opens nothing. */
export function moveRevealSentence(board: RoomBoard, to: Phase, title: string): string | null {
  const words = revealedWords(board, to);
  return words.length ? `Moving to ${title} reveals ${listNames(words)} to everyone` : null;
}

/** Whether a phase's entries are hidden from the room or revealed; null where the workshop keeps nothing private. */
export function phaseState(board: RoomBoard, phase: Phase): 'hidden' | 'revealed' | null {
  if (!board.settings.privateUntilReveal || !isPrivatePart(phase)) return null;
  return isHidden(board, phase) ? 'hidden' : 'revealed';
}

const isPrivatePart = (p: Phase): p is PrivatePart => p === 'map' || p === 'assess' || p === 'prioritise';

/** What a barrier holds back, in words: "Holds back People, culture & skills · not before Next"; null when it is general and unscheduled. */
export function barrierHolds(
  board: Pick<RoomBoard, 'dimensions' | 'settings'>,
  card: Pick<PublicCard, 'dimension' | 'notBefore'>,
): string | null {
  const parts: string[] = [];
  if (card.dimension) parts.push(`Holds back ${dimensionName(board.dimensions, card.dimension)}`);
  const h = card.notBefore ? board.settings.horizons.find((x) => x.id === card.notBefore) : undefined;
  if (h) parts.push(`${parts.length ? 'not' : 'Not'} before ${h.label}`);
  return parts.length ? parts.join(' · ') : null;
}
