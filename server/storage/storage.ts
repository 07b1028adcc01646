/**
 * The storage interface rooms and routes see. Async so that a networked
 * backend (several nodes) sits behind it; one contract suite
 * (tests/integration/storage-contract.test.ts) runs against every backend.
 *
 * A workshop keeps several Yjs documents, each an append log plus a compacted
 * snapshot, addressed by (workshop code, document name). Which names exist is
 * the room's business (see server/rooms/docs.ts); storage only keeps bytes.
 */
export interface WorkshopRecord {
  code: string;
  title: string;
  facilitatorKeyHash: string;
  /**
   * The projector's read-only key, kept as it is (not hashed) so the console can show the
   * projector link again: it opens no more than a participant sees, never a write.
   */
  viewerKey: string;
  /**
   * The report link's read-only key, kept as the viewer key is (the console shows the link
   * again); '' or absent while there is no report link (never made, or revoked).
   */
  reportKey?: string;
  createdAt: number;
  lastActiveAt: number;
  /** Layout of the stored documents (see server/rooms/docs.ts): 1 = one shared doc, 2 = per-person docs. */
  format: number;
}

export interface ParticipantRecord {
  code: string;
  id: string;
  name: string;
  tokenHash: string;
  joinedAt: number;
  removed: boolean;
}

/** One update to append: which workshop, which of its documents, and the Yjs update. */
export interface DocUpdate {
  code: string;
  doc: string;
  update: Uint8Array;
  /** The writer's lease epoch for this workshop's room (cluster mode; see `claim`). */
  epoch?: number;
}

export interface StoredDocument {
  /** The latest snapshot first (if any), then every update after it, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update; pass it to compact(). */
  lastSeq: number;
  /** Total bytes of what was loaded. */
  bytes: number;
}

export type WorkshopPatch = Partial<Pick<WorkshopRecord, 'viewerKey' | 'reportKey' | 'title'>>;

export interface Storage {
  /** Creates a workshop with its initial documents. Throws StorageConflict if the code is taken. */
  createWorkshop(record: WorkshopRecord, docs: ReadonlyMap<string, Uint8Array>): Promise<void>;
  getWorkshop(code: string): Promise<WorkshopRecord | null>;
  updateWorkshop(code: string, patch: WorkshopPatch): Promise<void>;
  /** Removes the workshop, its participants and every document. */
  deleteWorkshop(code: string): Promise<void>;
  touchWorkshop(code: string, at: number): Promise<void>;
  /** Codes of workshops whose last activity is before `before`. */
  listInactive(before: number): Promise<string[]>;

  addParticipant(record: ParticipantRecord): Promise<void>;
  findParticipantByToken(code: string, tokenHash: string): Promise<ParticipantRecord | null>;
  countParticipants(code: string): Promise<number>;
  markParticipantRemoved(code: string, id: string): Promise<void>;

  /**
   * Appends updates, of any documents of any workshops, durably and all or nothing (one
   * transaction); returns their sequence numbers in the same order.
   * Throws StaleEpoch, writing nothing, when an update carries an epoch older than its room's.
   */
  appendUpdates(batch: readonly DocUpdate[]): Promise<number[]>;
  /** Every stored document of a workshop, by name (empty when it has none). */
  loadDocuments(code: string): Promise<Map<string, StoredDocument>>;
  /**
   * Replaces a document's snapshot and every update up to `upToSeq` with `state`, atomically.
   * With `epoch`, fenced as appendUpdates is.
   */
  compact(code: string, doc: string, state: Uint8Array, upToSeq: number, epoch?: number): Promise<void>;
  /**
   * Replaces all of a workshop's documents with these states and sets its format, atomically
   * (the upgrade of a workshop stored in an older layout). With `epoch`, fenced as appendUpdates is.
   */
  replaceDocuments(code: string, docs: ReadonlyMap<string, Uint8Array>, format: number, epoch?: number): Promise<void>;
  /**
   * Fencing, for several nodes (cluster mode): records that the holder of lease `epoch` now
   * writes this workshop's documents, so that from now on any write carrying an older epoch
   * is refused with StaleEpoch. Throws StaleEpoch itself when a newer epoch is recorded.
   * A new owner claims BEFORE it loads the documents: everything the previous owner
   * committed is then in what it loads, and nothing the previous owner tries later lands.
   * A single-node backend (SQLite) has no one to fence and accepts every epoch.
   */
  claim(code: string, epoch: number): Promise<void>;

  /** A trivial round trip (SELECT 1): resolves when the store answers, for the readiness probe. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export class StorageConflict extends Error {
  constructor(message = 'already exists') {
    super(message);
    this.name = 'StorageConflict';
  }
}

/**
 * The store cannot take reads or writes right now (disk full or read-only, database
 * unreachable or shutting down): a condition that passes, answered with STORAGE_UNAVAILABLE.
 * Each backend translates its own driver's errors into this, so nothing above storage needs
 * to know SQLite or PostgreSQL error codes.
 */
export class StorageUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailable';
  }
}

/**
 * A write carried a lease epoch older than the one recorded for its workshop: another node
 * has taken the room over since. Nothing of that write was stored; the writer must stop
 * acting as the room's owner.
 */
export class StaleEpoch extends Error {
  constructor(
    readonly code: string,
    readonly offered: number,
    readonly recorded: number,
  ) {
    super(`workshop ${code}: epoch ${offered} is stale, ${recorded} has written since`);
    this.name = 'StaleEpoch';
  }
}

/**
 * Wraps every method of a backend so that the errors `translate` recognises come out in
 * storage's own terms (StorageUnavailable, StorageConflict); anything else passes unchanged.
 */
export function translatingErrors(storage: Storage, translate: (err: unknown) => Error | null): Storage {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(storage) as [string, (...a: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await fn.apply(storage, args);
      } catch (err) {
        throw translate(err) ?? err;
      }
    };
  }
  return wrapped as unknown as Storage;
}
