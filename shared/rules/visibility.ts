/**
 * Who may see what, and when: the promise of "private until reveal", as pure
 * rules over the board's phase, settings and reveal switches. The server decides
 * with them what leaves it for each recipient (server/rooms/projection.ts); a
 * screen uses them only to word what it shows ("hidden until the reveal").
 */
import { phaseAtLeast, type Phase } from '../domain/canvas.ts';
import type { CardKind, RevealState, Settings } from '../domain/types.ts';

export type PrivatePart = keyof RevealState;

export interface RevealContext {
  phase: Phase;
  settings: Pick<Settings, 'privateUntilReveal' | 'minAnswers'>;
  revealed: RevealState;
}

/**
 * True while the room must not see others' entries of a part: the facilitator
 * asked for privacy and has not revealed it yet. Moving the session past the
 * phase opens it, because the next phase works on it (votes need the cards).
 */
export function isHidden(ctx: RevealContext, part: PrivatePart): boolean {
  if (!ctx.settings.privateUntilReveal || ctx.revealed[part]) return false;
  // Hidden up to and including its own phase: once the session moves past it, it is open.
  return ctx.phase === part || !phaseAtLeast(ctx.phase, part);
}

/** The part of the session a card belongs to: practice cards to Map, barriers to Prioritise. */
export const partOfCard = (kind: CardKind): PrivatePart => (kind === 'barrier' ? 'prioritise' : 'map');

/** Whether the room may read a card's text: always after its part is open. */
export const cardVisible = (ctx: RevealContext, kind: CardKind): boolean => !isHidden(ctx, partOfCard(kind));

/** Distributions of markers: from Assess on, once open, and only with enough answers to hide any one person. */
export function distributionVisible(ctx: RevealContext, answers: number): boolean {
  return phaseAtLeast(ctx.phase, 'assess') && !isHidden(ctx, 'assess') && answers >= ctx.settings.minAnswers;
}

/**
 * A re-run's earlier distribution of one dimension: with today's (from Assess on, once open),
 * and only where enough people answered then, so it never shows one person's earlier answer.
 */
export function thenVisible(ctx: RevealContext, answersThen: number): boolean {
  return phaseAtLeast(ctx.phase, 'assess') && !isHidden(ctx, 'assess') && answersThen >= ctx.settings.minAnswers;
}

/** Vote totals: from Prioritise on, once open. */
export function votesVisible(ctx: RevealContext): boolean {
  return phaseAtLeast(ctx.phase, 'prioritise') && !isHidden(ctx, 'prioritise');
}

/** Votes count only in Prioritise (the room has seen the targets by then). */
export const votingOpen = (ctx: RevealContext): boolean => ctx.phase === 'prioritise';

/**
 * What moving from `from` to `to` opens to everyone, in order: the parts still hidden that
 * the move goes past. The console says it before the facilitator moves ("Moving to Assess
 * reveals 14 cards to everyone").
 */
export function revealedByMove(ctx: RevealContext, to: Phase): PrivatePart[] {
  const parts: PrivatePart[] = ['map', 'assess', 'prioritise'];
  return parts.filter((part) => isHidden(ctx, part) && !isHidden({ ...ctx, phase: to }, part));
}
