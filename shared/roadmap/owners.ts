/** The suggested owner of each initiative, from who took part in its dimension. */
import type { Initiative } from '../domain/types.ts';
import type { BoardFacts } from './facts.ts';

/** Besides the suggested owner, at most this many others are named to work "with" them. */
const WITH_MAX = 2;
/** Nobody is the suggested owner of more initiatives than this while someone else who took part in one is free. */
const OWNS_MAX = 2;
/** Nobody is named (owner or "with") on more than half the items, rounded up, while someone else who took part is free. */
const loadMax = (items: number) => Math.ceil(items / 2);

/**
 * One suggested owner per dimension: whoever wrote most cards on it, then whoever
 * spent most votes on it; a tie goes to the person whose card came first, then to
 * who joined first. Others who took part follow, in the same order, as the people to
 * work with (`suggestedOwners[0]` is the suggestion, the rest are "with"). The same
 * people are named on every initiative of a dimension. Suggestions are spread, in plan
 * order: someone already suggested for OWNS_MAX initiatives gives way to the next person
 * who took part in this one (they stay among the "with"); so a dimension's second step may
 * go to another of its people. Nobody is named at all on more than half the items: past
 * that, they are left out of the "with" (and give way as owner to someone under it).
 * Nobody in an anonymous workshop: only
 * the room can put a name there. Writes `suggestedOwners` on the initiatives given.
 */
export function suggestOwners(initiatives: Initiative[], facts: BoardFacts, anonymous: boolean): void {
  if (anonymous) return;
  const byId = new Map(facts.people.map((p, i) => [p.id, { name: p.name.trim(), order: i }]));
  const chosen = new Map<string, string[]>();
  const owns = new Map<string, number>();
  const load = new Map<string, number>();
  const max = loadMax(initiatives.length);
  const free = (id: string) => (load.get(id) ?? 0) < max;
  for (const i of initiatives) {
    let ranked = chosen.get(i.dimension);
    if (!ranked) {
      const d = facts.dims.find((x) => x.def.key === i.dimension && x.first)!;
      const cards = new Map<string, { n: number; first: number }>();
      for (const c of [...d.practice, ...d.barriers]) {
        const had = cards.get(c.authorId);
        cards.set(c.authorId, { n: (had?.n ?? 0) + 1, first: Math.min(had?.first ?? Infinity, c.createdAt) });
      }
      const wrote = (id: string) => cards.get(id)?.n ?? 0;
      const voted = (id: string) => (d.involvement.get(id) ?? 0) - wrote(id);
      const firstCard = (id: string) => cards.get(id)?.first ?? Infinity;
      ranked = [...d.involvement]
        .filter(([id, n]) => n > 0 && byId.has(id) && byId.get(id)!.name !== '')
        .map(([id]) => id)
        .sort(
          (a, b) => wrote(b) - wrote(a) || voted(b) - voted(a) || firstCard(a) - firstCard(b) || byId.get(a)!.order - byId.get(b)!.order,
        );
      chosen.set(i.dimension, ranked);
    }
    const under = (id: string) => (owns.get(id) ?? 0) < OWNS_MAX;
    const owner = ranked.find((id) => under(id) && free(id)) ?? ranked.find(under) ?? ranked[0];
    if (owner !== undefined) owns.set(owner, (owns.get(owner) ?? 0) + 1);
    // The owner, then the dimension's people in order: those who gave way stay among the "with", unless already named on half the items.
    const names = owner === undefined ? [] : [owner, ...ranked.filter((id) => id !== owner && free(id)).slice(0, WITH_MAX)];
    for (const id of names) load.set(id, (load.get(id) ?? 0) + 1);
    i.suggestedOwners = names.map((id) => byId.get(id)!.name);
  }
}
