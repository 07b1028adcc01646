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
}

export interface StoredDocument {
  /** The latest snapshot first (if any), then every update after it, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update; pass it to compact(). */
  lastSeq: number;
  /** Total bytes of what was loaded. */
  bytes: number;
}

export type WorkshopPatch = Partial<Pick<WorkshopRecord, 'viewerKey' | 'title'>>;

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
   */
  appendUpdates(batch: readonly DocUpdate[]): Promise<number[]>;
  /** Every stored document of a workshop, by name (empty when it has none). */
  loadDocuments(code: string): Promise<Map<string, StoredDocument>>;
  /** Replaces a document's snapshot and every update up to `upToSeq` with `state`, atomically. */
  compact(code: string, doc: string, state: Uint8Array, upToSeq: number): Promise<void>;
  /**
   * Replaces all of a workshop's documents with these states and sets its format, atomically
   * (the upgrade of a workshop stored in an older layout).
   */
  replaceDocuments(code: string, docs: ReadonlyMap<string, Uint8Array>, format: number): Promise<void>;

  close(): Promise<void>;
}

export class StorageConflict extends Error {
  constructor(message = 'already exists') {
    super(message);
    this.name = 'StorageConflict';
  }
}
