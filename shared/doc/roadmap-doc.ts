/**
 * The roadmap inside a Y.Doc, field by field: one nested map per initiative, so
 * an edit of an owner stores that owner, not the whole roadmap again (a room's
 * stored size then grows with what changed, not with how often). Written only
 * by the server; read by every screen.
 *
 * Layout: root map `roadmap` holds the roadmap's own fields (horizons,
 * summaries, ...) and `present: true`; root map `initiatives` holds one Y.Map
 * per initiative id with its fields plus `rank`, its place in the order.
 */
import * as Y from 'yjs';
import type { Initiative, Roadmap } from '../domain/types.ts';

export const ROADMAP_ROOTS = { roadmap: 'roadmap', initiatives: 'initiatives' } as const;

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Sets `key` to `value` in a Y.Map unless it already holds an equal value. */
function put(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
  } else if (!map.has(key) || !same(map.get(key), value)) {
    map.set(key, value);
  }
}

/**
 * Makes the doc hold `roadmap` (or none), writing only the fields that differ.
 * Call inside a transaction.
 */
export function writeRoadmap(doc: Y.Doc, roadmap: Roadmap | null): void {
  const top = doc.getMap<unknown>(ROADMAP_ROOTS.roadmap);
  const items = doc.getMap<Y.Map<unknown>>(ROADMAP_ROOTS.initiatives);
  if (!roadmap) {
    for (const key of [...top.keys()]) top.delete(key);
    for (const key of [...items.keys()]) items.delete(key);
    return;
  }
  const { initiatives, ...rest } = roadmap;
  put(top, 'present', true);
  for (const [key, value] of Object.entries(rest)) put(top, key, value);
  for (const key of [...top.keys()]) if (key !== 'present' && !(key in rest)) top.delete(key);
  const keep = new Set<string>();
  initiatives.forEach((initiative, rank) => {
    keep.add(initiative.id);
    let item = items.get(initiative.id);
    if (!(item instanceof Y.Map)) {
      item = new Y.Map<unknown>();
      items.set(initiative.id, item);
    }
    for (const [key, value] of Object.entries(initiative)) put(item, key, value);
    put(item, 'rank', rank);
    for (const key of [...item.keys()]) if (key !== 'rank' && !(key in initiative)) item.delete(key);
  });
  for (const key of [...items.keys()]) if (!keep.has(key)) items.delete(key);
}

/** The roadmap the doc holds, initiatives in their order; null when there is none. */
export function readRoadmap(doc: Y.Doc): Roadmap | null {
  const top = doc.getMap<unknown>(ROADMAP_ROOTS.roadmap);
  if (top.get('present') !== true) return null;
  const list: Array<{ rank: number; initiative: Initiative }> = [];
  doc.getMap<Y.Map<unknown>>(ROADMAP_ROOTS.initiatives).forEach((item) => {
    if (!(item instanceof Y.Map)) return;
    const { rank, ...fields } = item.toJSON() as Initiative & { rank?: unknown };
    list.push({ rank: typeof rank === 'number' ? rank : Number.MAX_SAFE_INTEGER, initiative: fields as Initiative });
  });
  list.sort((a, b) => a.rank - b.rank || (a.initiative.id < b.initiative.id ? -1 : 1));
  const fields = top.toJSON() as Record<string, unknown>;
  delete fields.present;
  return { ...(fields as Omit<Roadmap, 'initiatives'>), initiatives: list.map((x) => x.initiative) };
}
