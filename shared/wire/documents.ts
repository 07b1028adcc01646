/**
 * The parts of the protocol a phone needs at run time, without zod: which
 * documents a `sync` frame can name, who syncs which, and the handshake
 * refusals a retry cannot fix. shared/schema/protocol.ts re-exports them beside the
 * schemas; client code imports them from here, so the schema library stays
 * out of the phone's bundle (it took the join page and phone app to 103 KB
 * gzipped, past their 80 KB budget).
 */
import type { ErrorCode } from '../domain/errors.ts';

/** Who a connection is: the facilitator's console, the projector, or a participant's phone. */
export type Role = 'facilitator' | 'viewer' | 'participant';

/** Documents a connection may sync, by the byte that names them in a `sync` frame. */
export const DOC_IDS = { room: 0, mine: 1, console: 2 } as const;
export type DocName = keyof typeof DOC_IDS;
export const DOC_NAMES: readonly DocName[] = ['room', 'mine', 'console'];
export const docName = (id: number): DocName | undefined => DOC_NAMES[id];

/** Which documents each role syncs; `mine` is the only one a client may write. */
export const DOCS_FOR: Record<Role, readonly DocName[]> = {
  participant: ['room', 'mine'],
  viewer: ['room'],
  facilitator: ['room', 'console'],
};

/** Refusals a retry cannot fix: the page says so instead of "offline" forever. */
export const FINAL_REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'REMOVED',
  'WORKSHOP_NOT_FOUND',
  'VERSION_MISMATCH',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);
