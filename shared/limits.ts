/**
 * Limits shared by server and client. Plain constants (no zod) so the phone
 * bundle can import them without pulling in the schema library.
 */
export const PROTOCOL_VERSION = 1;

export const LIMITS = {
  titleMax: 120,
  organisationMax: 120,
  nameMax: 40,
  cardTextMax: 280,
  dimensionNameMax: 60,
  dimensionsMax: 16,
  descriptorMax: 200,
  promptMax: 200,
  votesPerPersonMax: 50,
  roadmapFieldMax: 500,
  horizonsMax: 6,
  /** One socket message (sync, awareness, command) in bytes. */
  messageBytesMax: 64 * 1024,
  /** A whole board, as encoded Yjs state. */
  documentBytesMax: 4 * 1024 * 1024,
  cardsPerParticipantMax: 200,
  awarenessStateBytesMax: 1024,
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
