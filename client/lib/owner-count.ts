/**
 * How far the room is from one owner per first step, said on the console before export:
 * "3 of 5 first steps have an owner (2 confirmed)". First steps are the initiatives of the
 * roadmap's first horizon, the work that starts on Monday.
 */
import type { Roadmap } from '../../shared/domain/types.ts';

export interface OwnerCount {
  total: number;
  owned: number;
  confirmed: number;
}

export function firstStepOwners(roadmap: Roadmap): OwnerCount {
  const first = roadmap.horizons[0]?.id;
  const steps = roadmap.initiatives.filter((i) => i.horizon === first);
  const owned = steps.filter((i) => i.owner.trim() !== '');
  return { total: steps.length, owned: owned.length, confirmed: owned.filter((i) => i.ownerConfirmed).length };
}

export function ownerCountSentence(c: OwnerCount): string {
  const steps = c.total === 1 ? '1 first step' : `${c.total} first steps`;
  const verb = c.total === 1 ? 'has' : 'have';
  const confirmed = c.owned > 0 && c.confirmed < c.owned ? ` (${c.confirmed} confirmed)` : '';
  return `${c.owned} of ${steps} ${verb} an owner${confirmed}`;
}
