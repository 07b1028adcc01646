/** Suggested owners for the roadmap's initiatives, from who took part in each dimension. */
import type { Initiative } from '../domain/types.ts';
import type { BoardFacts } from './facts.ts';

/**
 * Up to two names per dimension, in roadmap order, from who wrote cards on it
 * or voted for it (votes spent plus cards written, most first). A person already
 * suggested for two dimensions comes after everyone who is not, and is only
 * ever the first name. The same names go on every initiative of a dimension.
 * Nobody in an anonymous workshop. Writes `suggestedOwners` on the initiatives given.
 */
export function suggestOwners(initiatives: Initiative[], facts: BoardFacts, anonymous: boolean): void {
  if (anonymous) return;
  const byId = new Map(facts.people.map((p, i) => [p.id, { name: p.name.trim(), order: i }]));
  const load = new Map<string, number>();
  const chosen = new Map<string, string[]>();
  for (const i of initiatives) {
    let names = chosen.get(i.dimension);
    if (!names) {
      const d = facts.dims.find((x) => x.def.key === i.dimension && x.first)!;
      const busy = (id: string) => (load.get(id) ?? 0) >= 2;
      const ranked = [...d.involvement]
        .filter(([id, n]) => n > 0 && byId.has(id) && byId.get(id)!.name !== '')
        .sort(([a, na], [b, nb]) => Number(busy(a)) - Number(busy(b)) || nb - na || byId.get(a)!.order - byId.get(b)!.order)
        .map(([id]) => id);
      // The best placed person always; a second only if not already suggested twice.
      const picks = ranked.slice(0, 1).concat(ranked.slice(1, 2).filter((id) => !busy(id)));
      for (const id of picks) load.set(id, (load.get(id) ?? 0) + 1);
      names = picks.map((id) => byId.get(id)!.name);
      chosen.set(i.dimension, names);
    }
    i.suggestedOwners = [...names];
  }
}
