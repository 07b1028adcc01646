/**
 * The pure edits the room makes to a roadmap, and regeneration that keeps
 * them. Every function takes plain objects and returns new ones; nothing is
 * changed in place.
 */
import { AppError } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import type { EditableField, Horizon, Initiative, Roadmap } from '../domain/types.ts';
import { inHorizonOrder, isAddedByRoadmap } from './horizons.ts';

/** What regenerating would do to one initiative, shown to the room before it is applied. */
export interface RoadmapChange {
  initiativeId: string;
  title: string;
  change: 'added' | 'removed' | 'updated';
  /**
   * added: empty. updated: the generated fields whose value changes (edited
   * fields are kept, so never listed). removed: the fields people had edited,
   * which are lost with it.
   */
  fields: string[];
}

const EDITABLE_ORDER: readonly EditableField[] = ['title', 'owner', 'goal', 'benchmark', 'firstStep', 'horizon', 'order'];
const TEXT_FIELDS = ['title', 'owner', 'goal', 'benchmark', 'firstStep'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const withEdited = (edited: readonly EditableField[], add: readonly EditableField[]): EditableField[] => {
  const set = new Set([...edited, ...add]);
  return EDITABLE_ORDER.filter((f) => set.has(f));
};

/** Re-sorts initiatives by the roadmap's horizon order, keeping the order within each horizon; unknown horizons last. */
function orderByHorizon(horizons: readonly Horizon[], initiatives: readonly Initiative[]): Initiative[] {
  const rank = new Map(horizons.map((h, i) => [h.id, i]));
  return initiatives
    .map((initiative, i) => ({ initiative, i, r: rank.get(initiative.horizon) ?? horizons.length }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.initiative);
}

function findInitiative(roadmap: Roadmap, initiativeId: string): Initiative {
  const found = roadmap.initiatives.find((i) => i.id === initiativeId);
  if (!found) throw new AppError('NOT_FOUND', `The roadmap has no initiative "${initiativeId}".`);
  return found;
}

/**
 * Sets text fields of one initiative and records them in `edited`, so that
 * regenerating keeps them. Returns a new roadmap. Throws AppError NOT_FOUND for
 * an unknown id, INVALID_VALUE for a field that is not editable text, an empty
 * title or a value longer than LIMITS.roadmapFieldMax.
 */
export function applyInitiativeEdit(
  roadmap: Roadmap,
  initiativeId: string,
  patch: Partial<Pick<Initiative, 'title' | 'owner' | 'goal' | 'benchmark' | 'firstStep'>>,
): Roadmap {
  findInitiative(roadmap, initiativeId);
  const changes: Partial<Record<TextField, string>> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!(TEXT_FIELDS as readonly string[]).includes(field)) throw new AppError('INVALID_VALUE', `"${field}" cannot be edited.`);
    if (typeof value !== 'string' || value.length > LIMITS.roadmapFieldMax) {
      throw new AppError('INVALID_VALUE', `"${field}" must be text of at most ${LIMITS.roadmapFieldMax} characters.`);
    }
    if (field === 'title' && value.trim() === '') throw new AppError('INVALID_VALUE', 'An initiative needs a title.');
    changes[field as TextField] = value;
  }
  const fields = Object.keys(changes) as TextField[];
  return {
    ...roadmap,
    initiatives: roadmap.initiatives.map((i) =>
      i.id === initiativeId ? unconfirmedIfRenamed(i, { ...i, ...changes, edited: withEdited(i.edited, fields) }) : i,
    ),
  };
}

/** A confirmation is of one name: another owner (or none) is not confirmed until the facilitator says so again. */
function unconfirmedIfRenamed(before: Initiative, after: Initiative): Initiative {
  if (!after.ownerConfirmed || after.owner === before.owner) return after;
  const { ownerConfirmed: _dropped, ...rest } = after;
  return rest;
}

/**
 * Moves an initiative into `horizon` at position `index` among that
 * horizon's initiatives (clamped to 0..count), and marks `horizon` and
 * `order` as edited. A manual move may exceed `initiativeCap`: the cap shapes
 * the suggestion, people decide. Throws AppError NOT_FOUND for an unknown
 * initiative, INVALID_VALUE for a horizon the roadmap does not have or an
 * index that is not a number.
 */
export function moveInitiative(roadmap: Roadmap, initiativeId: string, horizon: string, index: number): Roadmap {
  const moving = findInitiative(roadmap, initiativeId);
  if (!roadmap.horizons.some((h) => h.id === horizon)) throw new AppError('INVALID_VALUE', `The roadmap has no horizon "${horizon}".`);
  if (typeof index !== 'number' || Number.isNaN(index)) throw new AppError('INVALID_VALUE', 'The position must be a number.');
  const rest = orderByHorizon(
    roadmap.horizons,
    roadmap.initiatives.filter((i) => i.id !== initiativeId),
  );
  const inTarget = rest.filter((i) => i.horizon === horizon);
  const at = Math.min(Math.max(0, Math.trunc(index)), inTarget.length);
  // Moved by hand, it starts with its new horizon: a month a window set no longer holds.
  const { startMonth: _start, ...unmoved } = moving;
  const moved: Initiative = { ...unmoved, horizon, edited: withEdited(moving.edited, ['horizon', 'order']) };
  // Insert before the at-th initiative of the target horizon, or after its last one.
  const anchor = inTarget[at];
  const last = inTarget[inTarget.length - 1];
  let pos: number;
  if (anchor) pos = rest.indexOf(anchor);
  else if (last) pos = rest.indexOf(last) + 1;
  else {
    const rank = new Map(roadmap.horizons.map((h, i) => [h.id, i]));
    const mine = rank.get(horizon)!;
    const after = rest.findIndex((i) => (rank.get(i.horizon) ?? Infinity) > mine);
    pos = after === -1 ? rest.length : after;
  }
  return { ...roadmap, initiatives: [...rest.slice(0, pos), moved, ...rest.slice(pos)] };
}

const GENERATED_FIELDS = [
  'title',
  'fromStage',
  'toStage',
  'step',
  'steps',
  'horizon',
  'order',
  'why',
  'firstStep',
  'suggestedOwners',
  'suggestedBenchmark',
  'cards',
  'barriers',
  'heldBy',
  'priority',
] as const;

/**
 * Combines a freshly generated roadmap with the one the room has been
 * editing. For every initiative whose id still exists, the fields listed in
 * its `edited` are kept (title, owner, benchmark, first step, and the horizon
 * and position of a manual move); everything else comes from `fresh`.
 * A kept horizon that `fresh` no longer has is dropped (reported as an update
 * of `horizon`), except the two the roadmap adds itself (the opening block and
 * the waiting list), which are re-added in their place; either is dropped again
 * when nothing is left in it.
 *
 * `replaced` lists, in roadmap order then removed ones, what applying the
 * result changes for the room: initiatives added, removed (with the edited
 * fields that are lost) and updated (with the generated fields whose value
 * changes; `order` when its position within its horizon changes). Unchanged
 * initiatives are not listed. Pure: call it to preview, then apply.
 */
export function mergeRoadmap(previous: Roadmap | null, fresh: Roadmap): { roadmap: Roadmap; replaced: RoadmapChange[] } {
  if (!previous) {
    return {
      roadmap: fresh,
      replaced: fresh.initiatives.map((i) => ({ initiativeId: i.id, title: i.title, change: 'added', fields: [] })),
    };
  }
  const prevById = new Map(previous.initiatives.map((i) => [i.id, i]));
  const freshIds = new Set(fresh.initiatives.map((i) => i.id));
  let horizons = fresh.horizons.map((h) => ({ ...h }));
  const horizonIds = () => new Set(horizons.map((h) => h.id));
  const positionIn = (r: { initiatives: Initiative[] }, i: Initiative) =>
    r.initiatives.filter((x) => x.horizon === i.horizon).findIndex((x) => x.id === i.id);

  const horizonDropped = new Set<string>();
  const kept: Initiative[] = [];
  const pinned: { initiative: Initiative; index: number }[] = [];
  for (const f of fresh.initiatives) {
    const p = prevById.get(f.id);
    if (!p) {
      kept.push(f);
      continue;
    }
    let edited = p.edited.filter((e) => EDITABLE_ORDER.includes(e));
    const merged: Initiative = { ...f, edited: [] };
    for (const field of TEXT_FIELDS) if (edited.includes(field)) merged[field] = String(p[field] ?? '');
    // A confirmed owner is the room's decision: it stays with the name it confirmed.
    if (edited.includes('owner') && p.ownerConfirmed) merged.ownerConfirmed = true;
    if (edited.includes('horizon')) {
      if (!horizonIds().has(p.horizon)) {
        const added = previous.horizons.find((h) => h.id === p.horizon && isAddedByRoadmap(h));
        if (added) horizons = inHorizonOrder([...horizons, { ...added }]);
      }
      if (horizonIds().has(p.horizon)) {
        if (merged.horizon !== p.horizon) delete merged.startMonth;
        merged.horizon = p.horizon;
      } else {
        edited = edited.filter((e) => e !== 'horizon' && e !== 'order');
        horizonDropped.add(f.id);
      }
    }
    merged.edited = withEdited([], edited);
    if (edited.includes('order')) pinned.push({ initiative: merged, index: positionIn(previous, p) });
    else kept.push(merged);
  }

  // Pinned initiatives go back to their previous position within their horizon.
  let initiatives = orderByHorizon(horizons, kept);
  for (const { initiative, index } of pinned.sort((a, b) => a.index - b.index)) {
    const inTarget = initiatives.filter((i) => i.horizon === initiative.horizon);
    const anchor = inTarget[Math.max(0, index)];
    const last = inTarget[inTarget.length - 1];
    const pos = anchor ? initiatives.indexOf(anchor) : last ? initiatives.indexOf(last) + 1 : initiatives.length;
    initiatives = orderByHorizon(horizons, [...initiatives.slice(0, pos), initiative, ...initiatives.slice(pos)]);
  }
  // Kept moves can empty the opening block or the waiting list; an empty one is noise.
  horizons = horizons.filter((h) => !isAddedByRoadmap(h) || initiatives.some((i) => i.horizon === h.id));
  const roadmap: Roadmap = { ...fresh, horizons, initiatives };

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const replaced: RoadmapChange[] = [];
  for (const i of initiatives) {
    const p = prevById.get(i.id);
    if (!p) {
      replaced.push({ initiativeId: i.id, title: i.title, change: 'added', fields: [] });
      continue;
    }
    const fields: string[] = [];
    for (const field of GENERATED_FIELDS) {
      if (field === 'order') {
        if (p.horizon === i.horizon && positionIn(previous, p) !== positionIn(roadmap, i)) fields.push('order');
        continue;
      }
      if (!same(p[field], i[field])) fields.push(field);
    }
    if (horizonDropped.has(i.id) && !fields.includes('horizon')) fields.push('horizon');
    if (fields.length > 0) replaced.push({ initiativeId: i.id, title: i.title, change: 'updated', fields });
  }
  for (const p of previous.initiatives) {
    if (!freshIds.has(p.id)) replaced.push({ initiativeId: p.id, title: p.title, change: 'removed', fields: [...p.edited] });
  }
  return { roadmap, replaced };
}
