/**
 * The board as the room may take it home: what a phone downloads and what the report link
 * shows. It holds no more than the projector shows, so every artefact built from it (markdown,
 * report, CSV) keeps the same promise without knowing it:
 * - cards the room has not seen yet (private until reveal) are left out;
 * - markers only on dimensions whose distribution the room may see (enough answers), votes
 *   only once their totals may be seen;
 * - in an anonymous workshop, no name: participants are unnamed, and no initiative carries an
 *   owner or a suggested owner. An owner in an anonymous room may be a person's name typed by
 *   anyone, and nothing yet marks that the person volunteered, so a copy names none.
 * Pure; the facilitator's own export reads the full board instead.
 */
import type { BoardState, Initiative, Roadmap } from '../domain/types.ts';
import { cardVisible, distributionVisible, votesVisible, type RevealContext } from '../rules/visibility.ts';

export function roomCopy(board: BoardState): BoardState {
  const ctx: RevealContext = { phase: board.phase, settings: board.settings, revealed: board.revealed };
  const answered = new Map<string, Set<string>>();
  for (const m of board.markers) {
    if (m.current === null && m.target === null) continue;
    const people = answered.get(m.dimension) ?? new Set<string>();
    people.add(m.participantId);
    answered.set(m.dimension, people);
  }
  const anonymous = board.settings.anonymous;
  return {
    ...board,
    participants: board.participants.map((p) => (anonymous ? { ...p, name: '' } : { ...p })),
    cards: board.cards.filter((c) => cardVisible(ctx, c.kind)),
    markers: board.markers.filter((m) => distributionVisible(ctx, answered.get(m.dimension)?.size ?? 0)),
    votes: votesVisible(ctx) ? board.votes : [],
    roadmap: board.roadmap && anonymous ? withoutOwners(board.roadmap) : board.roadmap,
  };
}

/** The roadmap with no owner, confirmed or suggested, on any initiative. */
export function withoutOwners(roadmap: Roadmap): Roadmap {
  const strip = (i: Initiative): Initiative => ({ ...i, owner: '', ownerConfirmed: false, suggestedOwners: [] });
  return { ...roadmap, initiatives: roadmap.initiatives.map(strip) };
}
