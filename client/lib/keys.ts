/**
 * The facilitator key and the projector's viewer key per room, kept in
 * localStorage (session.ts) on the console's and the projector's browsers.
 * Apart from session.ts so that the phone never loads them.
 */
import { readJson, writeJson } from './session.ts';

export const facilitatorKey = {
  get: (code: string) => readJson<string>(`key:${code}`),
  set: (code: string, key: string) => writeJson(`key:${code}`, key),
};

export const viewerKey = {
  get: (code: string) => readJson<string>(`view:${code}`),
  set: (code: string, key: string) => writeJson(`view:${code}`, key),
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
