/**
 * What changed in a room's state since the projection last looked: the participants whose own
 * document, card registrations or ledger entry changed, and the ledger roots that changed.
 * The projection recomputes only those; what it writes into the state itself (registering
 * cards) is not a change to follow.
 */
import type * as Y from 'yjs';
import { LEDGER, splitOwnedKey } from './ledger.ts';
import type { RoomState } from './room-state.ts';

export class ProjectionChanges {
  /** Participants whose own document, registrations or ledger entry changed. */
  readonly pids = new Set<string>();
  /** Ledger roots that changed, by name (`meta`, or a LEDGER root). */
  readonly roots = new Set<string>();

  /** Private documents followed, by participant. */
  private readonly watched = new Map<string, Y.Doc>();
  private readonly watchers = new Map<string, () => void>();
  private readonly rootNames = new WeakMap<object, string>();
  /** Set while the projection itself writes the state. */
  private ignoring = false;
  private readonly onLedger = (tr: Y.Transaction) => this.ledgerChanged(tr);

  constructor(private readonly state: RoomState) {
    state.ledger.on('afterTransaction', this.onLedger);
  }

  /** Nothing changed since the last `clear`. */
  get none(): boolean {
    return !this.pids.size && !this.roots.size;
  }

  clear(): void {
    this.pids.clear();
    this.roots.clear();
  }

  /** Runs `fn`, whose writes to the state are the projection's own: they mark nothing changed. */
  unfollowed(fn: () => void): void {
    this.ignoring = true;
    try {
      fn();
    } finally {
      this.ignoring = false;
    }
  }

  /** Follows every private document the state holds (a participant who just joined has a new one, changed from the start). */
  watchPrivates(): void {
    if (this.watched.size === this.state.privates.size) return;
    for (const [pid, doc] of this.state.privates) {
      if (this.watched.get(pid) === doc) continue;
      this.watched.get(pid)?.off('update', this.watcherOf(pid));
      doc.on('update', this.watcherOf(pid));
      this.watched.set(pid, doc);
      this.pids.add(pid);
    }
  }

  destroy(): void {
    this.state.ledger.off('afterTransaction', this.onLedger);
    for (const [pid, doc] of this.watched) doc.off('update', this.watcherOf(pid));
    this.watched.clear();
  }

  private watcherOf(pid: string): () => void {
    let w = this.watchers.get(pid);
    if (!w) {
      w = () => {
        if (!this.ignoring) this.pids.add(pid);
      };
      this.watchers.set(pid, w);
    }
    return w;
  }

  private ledgerChanged(tr: Y.Transaction): void {
    if (this.ignoring) return;
    tr.changed.forEach((keys, type) => {
      const root = this.rootName(type);
      this.roots.add(root);
      if (root !== LEDGER.participants && root !== LEDGER.cards) return;
      // Participants by id, registrations by `${participantId}/${cardId}`: whose contribution changed.
      for (const key of keys) {
        if (key === null) continue;
        const pid = root === LEDGER.participants ? key : splitOwnedKey(key)?.owner;
        if (pid) this.pids.add(pid);
      }
    });
  }

  private rootName(type: Y.AbstractType<Y.YEvent<any>>): string {
    let t = type;
    while (t._item) t = t._item.parent as Y.AbstractType<Y.YEvent<any>>;
    let name = this.rootNames.get(t);
    if (name === undefined) {
      name = '?';
      for (const [key, value] of this.state.ledger.share) if (value === t) name = key;
      this.rootNames.set(t, name);
    }
    return name;
  }
}
