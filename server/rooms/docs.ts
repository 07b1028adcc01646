/**
 * The documents a workshop stores, by name, and the layouts they have had.
 * Format 1: one shared document, "board", synced to every device (before
 * privacy on the wire). Format 2: the server-only "ledger" and one private
 * document per participant, "p:<participant id>"; what each connection sees is
 * derived from them and not stored (projection.ts).
 */
export const FORMAT = 2;
export const LEDGER_DOC = 'ledger';
export const V1_BOARD_DOC = 'board';
const PRIVATE_PREFIX = 'p:';
export const privateDocName = (participantId: string): string => `${PRIVATE_PREFIX}${participantId}`;
/** The participant whose private document this is; null for the ledger. */
export const participantOfDoc = (name: string): string | null =>
  name.startsWith(PRIVATE_PREFIX) ? name.slice(PRIVATE_PREFIX.length) : null;
