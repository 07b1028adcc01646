/**
 * What the roadmap plans, and in what order: each dimension with a gap (its
 * first appearance, for a key a hand-edited template repeats), in four groups
 * (the most-voted, quick wins, groundwork, the rest), by priority then board
 * order within each, with how many steps it takes and what its barriers hold
 * it back until. Where each one goes is place.ts's job.
 */
import type { Card, Horizon } from '../domain/types.ts';
import { byAge, type BoardFacts, type DimensionFacts } from './facts.ts';

/** A gap of this many stages or more is split into two steps in successive horizons. */
export const STEPPED_GAP = 3;

export interface Work {
  d: DimensionFacts;
  /** 0: the most-voted dimension(s); 1: quick wins; 2: groundwork (enablers); 3: the rest. */
  group: 0 | 1 | 2 | 3;
  priority: number;
  /** 2 for an agreed gap of STEPPED_GAP or more; a split room's move is one step "towards" the target. */
  steps: 1 | 2;
  /** Earliest scheduled horizon its barriers allow (0 = no hold), and the barriers that set it. */
  held: { at: number; by: Card[] };
  /**
   * Keys of other planned dimensions whose work must start first: the playbook's `needs`, or,
   * without one, every enabling dimension (for a dimension that is not one itself).
   */
  needs: string[];
  /** The playbook names them: they are placed first, pulled forward if need be. Otherwise (every enabler) they only set a floor once placed. */
  explicitNeeds: boolean;
}

/**
 * Priority (0..100): round(60 * votes / most votes on any dimension + 10 * gap).
 * A quick win: an agreed gap of one stage with at least half the top votes.
 */
export function rankWork(facts: BoardFacts, scheduled: readonly Horizon[]): Work[] {
  const horizonAt = new Map(scheduled.map((h, i) => [h.id, i]));
  const { maxVotes } = facts;
  /** The latest "not before" among the cards (the first horizon holds nothing back), and the barriers that set it. */
  const heldBy = (cards: readonly Card[]) => {
    let at = 0;
    let by: Card[] = [];
    for (const c of cards) {
      const h = c.notBefore ? horizonAt.get(c.notBefore) : undefined;
      if (h === undefined || h === 0) continue;
      if (h > at) [at, by] = [h, [c]];
      else if (h === at) by.push(c);
    }
    return { at, by: by.sort(byAge) };
  };
  const planned = facts.dims.filter((d) => d.first && d.summary.gap > 0);
  const plannedKeys = new Set(planned.map((d) => d.def.key));
  const enablers = planned.filter((d) => d.def.enabler).map((d) => d.def.key);
  const needsOf = (d: DimensionFacts) =>
    (d.playbook?.needs ? [...d.playbook.needs] : d.def.enabler ? [] : enablers).filter((k) => k !== d.def.key && plannedKeys.has(k));
  return planned
    .map((d): Work => {
      const { votes, gap, disagreement } = d.summary;
      const top = maxVotes > 0 && votes === maxVotes;
      const quick = !disagreement && gap === 1 && votes > 0 && votes * 2 >= maxVotes;
      return {
        d,
        group: top ? 0 : quick ? 1 : d.def.enabler ? 2 : 3,
        priority: Math.round((maxVotes > 0 ? (60 * votes) / maxVotes : 0) + 10 * gap),
        steps: !disagreement && gap >= STEPPED_GAP ? 2 : 1,
        held: heldBy([...d.barriers, ...facts.general]),
        needs: needsOf(d),
        explicitNeeds: d.playbook?.needs !== undefined,
      };
    })
    .sort((a, b) => a.group - b.group || b.priority - a.priority || a.d.index - b.d.index);
}
