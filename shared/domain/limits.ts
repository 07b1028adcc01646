/**
 * Limits shared by server and client. Plain constants (no zod) so the phone
 * bundle can import them without pulling in the schema library.
 */
/** Bumped whenever the wire changes; a page from another version is told to reload. */
export const PROTOCOL_VERSION = 3;

export const LIMITS = {
  titleMax: 120,
  organisationMax: 120,
  nameMax: 40,
  cardTextMax: 280,
  dimensionNameMax: 60,
  dimensionsMax: 16,
  descriptorMax: 200,
  promptMax: 200,
  promptsMax: 4,
  stageNameMax: 40,
  stageShortMax: 60,
  horizonLabelMax: 40,
  /** A first step's cues: word beginnings that tie a practice card to it. */
  cueMax: 40,
  cuesMax: 20,
  templateNameMax: 120,
  templateDescriptionMax: 1_000,
  votesPerPersonMax: 50,
  roadmapFieldMax: 500,
  servesMax: 40,
  horizonsMax: 6,
  /** One socket message (sync, awareness, command) in bytes. */
  messageBytesMax: 64 * 1024,
  /** The room's shared state (the ledger: settings, people, votes, roadmap), as stored. */
  documentBytesMax: 4 * 1024 * 1024,
  /** One person's own document (their cards and markers), as stored. */
  privateDocumentBytesMax: 512 * 1024,
  cardsPerParticipantMax: 200,
  /**
   * A body that carries a whole workshop: `POST /api/workshops` with an archive as `previous`
   * (every other body is capped at 64 KB). A 4 MB board (12,000 cards of 280 characters)
   * archives to about 5 MB; this leaves room for a full room of long cards.
   */
  archiveBytesMax: 32 * 1024 * 1024,
} as const;

export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 6;

/** Normalises what a person typed as a room code; returns null when it cannot be one. */
export function normaliseRoomCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== ROOM_CODE_LENGTH) return null;
  for (const ch of code) if (!ROOM_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** A dimension's key: lower-case letters, digits and dashes. Votes, cards and re-runs refer to it. */
export const DIMENSION_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A horizon's id ("now", "year-two"). */
export const HORIZON_ID = /^[a-z0-9-]{1,20}$/;
/** A card's id, and the public id a revealed card goes by. */
export const CARD_ID = /^[A-Za-z0-9_-]{1,40}$/;
