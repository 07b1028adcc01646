/**
 * What a browser remembers between visits, in localStorage: a participant's
 * identity per room and the local copies of docs (the facilitator's and the
 * projector's keys: keys.ts, which the phone never loads). Every access
 * tolerates storage being blocked (private mode, quotas).
 */
import type { JoinReply } from '../../shared/schema/protocol.ts';
import { PROTOCOL_VERSION } from '../../shared/domain/limits.ts';

const P = 'social-shift:';

function store(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export function readJson<T>(key: string): T | null {
  try {
    const raw = store()?.getItem(P + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) store()?.removeItem(P + key);
    else store()?.setItem(P + key, JSON.stringify(value));
  } catch {
    /* storage full or blocked: the app still works, it just forgets on reload */
  }
}

export type ParticipantSession = JoinReply;

export const participantSession = {
  get: (code: string) => readJson<ParticipantSession>(`me:${code}`),
  set: (code: string, s: ParticipantSession) => writeJson(`me:${code}`, s),
  clear: (code: string) => writeJson(`me:${code}`, null),
};

/** localStorage key prefix under which WorkshopConnection keeps the local docs (per protocol version). */
export const docKey = (code: string, who: string) => `${P}doc${PROTOCOL_VERSION}:${code}:${who}`;

export const lastName = {
  get: () => readJson<string>('name') ?? '',
  set: (name: string) => writeJson('name', name),
};
