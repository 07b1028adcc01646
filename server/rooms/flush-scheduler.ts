/**
 * When rooms flush (project, store, deliver, ack) what they applied. Every room with changes is
 * flushed from one callback, so each room's flush runs synchronously up to its storage append
 * and a storage that collects the appends of one synchronous stretch (sqlite.ts) commits every
 * room's batch in one transaction. A commit costs about the same whatever it holds, so the more
 * rooms' changes one callback takes, the less each change pays.
 *
 * - **Light load, as before:** a change is flushed at the end of this event-loop turn (with
 *   whatever else arrived in it) when the last flush ended `gatherMs` or more ago, or when the
 *   last flush was this very room's: one busy room (a phone sending edit after edit as each is
 *   acknowledged) has no one to share a commit with, so it is not held.
 * - **Busy:** a change of another room arriving sooner waits for a timer of `gatherMs`, and every
 *   room's changes of that window are flushed together: one transaction, one projection pass per
 *   room, one frame per recipient and document.
 * - **Bounds:** time, so a change is never held more than `gatherMs` (plus the timer's own
 *   slack) beyond what it would have been; and count, so a window that collects `maxRooms`
 *   rooms flushes at the end of the turn instead, keeping one flush's stall of the loop short.
 *
 * Nothing here decides what is stored or acknowledged: a room still acks a change only once its
 * batch is committed, in the order the changes were applied.
 */
export interface FlushSchedulerOptions {
  /** How long a change may wait for others while the server is busy, ms. */
  gatherMs: number;
  /** How many rooms a window takes before it is flushed at the end of the turn. */
  maxRooms: number;
  now?: () => number;
}

export class FlushScheduler {
  private due = new Set<() => void>();
  private requests = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: ReturnType<typeof setImmediate> | null = null;
  private lastFlushEnd = -Infinity;
  /** The rooms the last flush took (weakly: a room unloaded since is not kept in memory by it). */
  private lastFlushed = new WeakSet<() => void>();
  private readonly now: () => number;
  private readonly run = () => this.flushAll();

  constructor(private readonly opts: FlushSchedulerOptions) {
    this.now = opts.now ?? (() => performance.now());
  }

  /** Asks for `flush` to run once, with every other flush asked for before it runs. */
  request(flush: () => void): void {
    this.due.add(flush);
    this.requests++;
    if (this.immediate) return;
    const quiet = this.now() - this.lastFlushEnd >= this.opts.gatherMs || this.lastFlushed.has(flush);
    if (quiet || this.requests >= this.opts.maxRooms) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.immediate = setImmediate(this.run);
    } else if (!this.timer) {
      this.timer = setTimeout(this.run, this.opts.gatherMs);
    }
  }

  private flushAll(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.immediate = null;
    const due = this.due;
    this.lastFlushed = new WeakSet(due);
    this.due = new Set();
    this.requests = 0;
    try {
      for (const flush of due) flush();
    } finally {
      this.lastFlushEnd = this.now();
    }
  }
}
