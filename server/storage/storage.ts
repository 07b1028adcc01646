/**
 * The storage interface rooms and routes see. Async so that a networked
 * backend (for several nodes) can sit behind it later; one contract suite
 * (tests/integration/storage-contract.test.ts) runs against every backend.
 */
export interface WorkshopRecord {
  code: string;
  title: string;
  facilitatorKeyHash: string;
  createdAt: number;
  lastActiveAt: number;
}

export interface ParticipantRecord {
  code: string;
  id: string;
  name: string;
  tokenHash: string;
  joinedAt: number;
  removed: boolean;
}

export interface StoredDocument {
  /** The latest snapshot first (if any), then every update after it, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update; pass it to compact(). */
  lastSeq: number;
  /** Total bytes of what was loaded. */
  bytes: number;
}

export interface Storage {
  /** Creates a workshop with its initial document. Throws StorageConflict if the code is taken. */
  createWorkshop(record: WorkshopRecord, initialState: Uint8Array): Promise<void>;
  getWorkshop(code: string): Promise<WorkshopRecord | null>;
  /** Removes the workshop, its participants and its document. */
  deleteWorkshop(code: string): Promise<void>;
  touchWorkshop(code: string, at: number): Promise<void>;
  /** Codes of workshops whose last activity is before `before`. */
  listInactive(before: number): Promise<string[]>;

  addParticipant(record: ParticipantRecord): Promise<void>;
  findParticipantByToken(code: string, tokenHash: string): Promise<ParticipantRecord | null>;
  countParticipants(code: string): Promise<number>;
  markParticipantRemoved(code: string, id: string): Promise<void>;

  /** Appends one update durably; returns its sequence number. */
  appendUpdate(code: string, update: Uint8Array): Promise<number>;
  loadDocument(code: string): Promise<StoredDocument>;
  /** Replaces the snapshot and every update up to `upToSeq` with `state`, atomically. */
  compact(code: string, state: Uint8Array, upToSeq: number): Promise<void>;

  close(): Promise<void>;
}

export class StorageConflict extends Error {
  constructor(message = 'already exists') {
    super(message);
    this.name = 'StorageConflict';
  }
}
