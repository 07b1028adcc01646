/**
 * What one present participant adds to the two derived documents: a function of their own
 * document, their card registrations, their name and the session. The projection keeps one
 * per person and recomputes only those whose inputs changed.
 */
import type * as Y from 'yjs';
import { privateMaps } from '../../shared/doc/private-doc.ts';
import { packCard, type PackedCard } from '../../shared/doc/room-doc.ts';
import { cardVisible, type RevealContext } from '../../shared/rules/visibility.ts';
import type { PersonFigures } from './figures.ts';
import type { RoomState } from './room-state.ts';
import { isStage } from './value-check.ts';

export interface Contribution extends PersonFigures {
  /** Revealed cards by public id, in the order of their own document. */
  room: Map<string, PackedCard>;
  /** Cards not revealed yet, by public id. */
  console: Map<string, PackedCard>;
  /** Cards the facilitator set aside, by public id: only the console's "set aside" list shows them. */
  aside: Map<string, PackedCard>;
}

/**
 * One participant's cards and markers as the room and the console may see them (`aside`: the
 * public ids of cards set aside). Cards the
 * server has not registered yet are left out (they have no public id); so are markers on a
 * dimension not in `dimKeys` and stages outside the canvas.
 */
export function contributionOf(
  state: Pick<RoomState, 'registration'>,
  pid: string,
  doc: Y.Doc,
  ctx: RevealContext,
  named: boolean,
  author: string | null,
  dimKeys: ReadonlySet<string>,
  aside: ReadonlySet<string> = new Set(),
): Contribution {
  const c: Contribution = {
    room: new Map(),
    console: new Map(),
    aside: new Map(),
    practice: 0,
    barrier: 0,
    hiddenPractice: 0,
    hiddenBarrier: 0,
    written: 0,
    markers: [],
  };
  const maps = privateMaps(doc);
  maps.cards.forEach((value, cardId) => {
    if (!value || typeof value !== 'object') return;
    const reg = state.registration(pid, cardId);
    if (!reg) return;
    c.written++;
    const visible = cardVisible(ctx, value.kind);
    const notBefore = value.kind === 'barrier' && typeof value.notBefore === 'string' ? value.notBefore : null;
    const hold = value.kind === 'barrier' && typeof value.hold === 'string' ? value.hold : null;
    const base = { kind: value.kind, text: value.text, dimension: value.dimension, stage: value.stage, notBefore, hold, order: reg.order };
    // Set aside: counted nowhere, shown only in the console's list (without its author) so it can be restored.
    if (aside.has(reg.id)) {
      c.aside.set(reg.id, packCard({ ...base, author: null }));
      return;
    }
    if (value.kind === 'practice') c.practice++;
    else c.barrier++;
    if (visible) c.room.set(reg.id, packCard({ ...base, author: named ? author : null }));
    else {
      c.console.set(reg.id, packCard({ ...base, author: null }));
      if (value.kind === 'practice') c.hiddenPractice++;
      else c.hiddenBarrier++;
    }
  });
  maps.markers.forEach((m, dim) => {
    if (!dimKeys.has(dim) || !m || typeof m !== 'object') return;
    const cur = isStage(m.current) ? m.current : null;
    const tgt = isStage(m.target) ? m.target : null;
    if (cur === null && tgt === null) return;
    c.markers.push([dim, cur, tgt]);
  });
  return c;
}

/** The same card ids (the room's set of visible cards did not move), whatever their values. */
export function sameCardIds(a: Map<string, unknown> | undefined, b: Map<string, unknown> | undefined): boolean {
  const na = a?.size ?? 0;
  if (na !== (b?.size ?? 0)) return false;
  if (na === 0) return true;
  for (const key of a!.keys()) if (!b!.has(key)) return false;
  return true;
}
