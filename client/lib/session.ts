/**
 * What a browser remembers between visits, in localStorage: the facilitator key
 * per room, a participant's identity per room, and the local copies of docs.
 * Every access tolerates storage being blocked (private mode, quotas).
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

export const facilitatorKey = {
  get: (code: string) => readJson<string>(`key:${code}`),
  set: (code: string, key: string) => writeJson(`key:${code}`, key),
};

export const viewerKey = {
  get: (code: string) => readJson<string>(`view:${code}`),
  set: (code: string, key: string) => writeJson(`view:${code}`, key),
};

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

/**
 * The facilitator key for a room: it arrives once in the URL fragment (which a
 * browser never sends to the server), is kept in localStorage, and leaves the
 * address bar so it is not projected or bookmarked by accident.
 */
export function takeFacilitatorKey(code: string): string | null {
  const m = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (m) {
    facilitatorKey.set(code, decodeURIComponent(m[1]!));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return facilitatorKey.get(code);
}

/**
 * The key a projector opens the board with: its own read-only viewer key, arriving once in the
 * URL fragment (`#view=`) and kept like the facilitator key; in the facilitator's own browser
 * the facilitator key serves too.
 */
export function takeViewerKey(code: string): string | null {
  const m = /(?:^#|&)view=([^&]+)/.exec(location.hash);
  if (m) {
    viewerKey.set(code, decodeURIComponent(m[1]!));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return viewerKey.get(code) ?? facilitatorKey.get(code);
}
