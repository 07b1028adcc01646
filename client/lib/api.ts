/**
 * The HTTP side of the app that the phone needs: look up and join a workshop,
 * and fetch a file with a secret in a header (a participant's copy). What only
 * the console and the create page call (create, links, the export) is in
 * console-api.ts, the template and the archive in files.ts, so the phone never
 * loads them. Types only from the protocol module, so no zod reaches a phone.
 */
import type { JoinReply, WorkshopInfoReply } from '../../shared/schema/protocol.ts';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** Seconds the server asked us to wait (Retry-After), on a refusal that passes. */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw new ApiError('OFFLINE', 'No connection to the server. Check your network and try again.', 0);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body?.error;
    const wait = Number(res.headers.get('retry-after'));
    throw new ApiError(err?.code ?? 'INTERNAL', err?.message ?? `The server answered ${res.status}.`, res.status, wait > 0 ? wait : null);
  }
  return body as T;
}

/**
 * Calls `fn` again while the server says "not now" (429, 503), waiting what it asks (with
 * jitter, so a room refused together does not return together), and tells `say` why it waits.
 */
export async function patiently<T>(fn: () => Promise<T>, say: (waiting: string | null) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await fn();
      say(null);
      return result;
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 429 && e.status !== 503) || attempt >= 30) {
        say(null);
        throw e;
      }
      say(e.message);
      const s = Math.min(60, e.retryAfterS ?? 2 ** Math.min(attempt, 5));
      await new Promise((r) => setTimeout(r, s * 1000 * (0.8 + Math.random() * 0.4)));
    }
  }
}

export const workshopInfo = (code: string) => call<WorkshopInfoReply>(`/api/workshops/${encodeURIComponent(code)}`);

export const joinWorkshop = (code: string, name: string) =>
  call<JoinReply>(`/api/workshops/${encodeURIComponent(code)}/participants`, { method: 'POST', body: JSON.stringify({ name }) });

/**
 * One of the workshop's files, fetched with a secret in a header, never in the URL (a URL ends
 * up in logs and history): the facilitator key, or a participant's token for their copy.
 * Throws the server's named refusal.
 */
export async function fetchFile(path: string, secret: string): Promise<{ name: string | null; res: Response }> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${secret}` }, cache: 'no-store' });
  } catch {
    throw new ApiError('OFFLINE', 'No connection to the server.', 0);
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(body?.error?.code ?? 'INTERNAL', body?.error?.message ?? `Download failed (${res.status}).`, res.status);
  }
  return { name: fileName(res.headers.get('content-disposition')), res };
}

/**
 * A participant's copy (the roadmap as markdown, or the report), saved as a file. A fetch with
 * the token in a header, then a download of what came back: a plain link cannot carry a header,
 * and the phone's token must not sit in a URL.
 */
export async function downloadCopy(code: string, token: string, format: 'md' | 'html'): Promise<void> {
  const { name, res } = await fetchFile(`/api/workshops/${encodeURIComponent(code)}/copy.${format}`, token);
  saveBlob(name ?? `roadmap.${format}`, await res.blob());
}

/** Saves a blob as a download under `name`. */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name from a Content-Disposition header, preferring RFC 5987 `filename*`. */
export function fileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1]!.trim() : null;
}
