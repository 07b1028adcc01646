/** Room codes, secrets and their hashes. Secrets are stored only as SHA-256 hashes. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../shared/domain/limits.ts';

export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

/** 256 random bits, url-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Short public id (participants, cards). */
export const newId = (): string => randomBytes(9).toString('base64url');

/** Secrets carry 256 bits of entropy, so a fast hash is enough; no salt needed. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
