/**
 * The HTTP side of the app: create, look up and join a workshop, and download
 * the export. Types only from the protocol module, so no zod reaches a phone.
 */
import type { CreateWorkshopReply, JoinReply, WorkshopInfoReply, DimensionInput } from '../../shared/protocol.ts';
import type { Settings } from '../../shared/types.ts';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
  } catch {
    throw new ApiError('OFFLINE', 'No connection to the server. Check your network and try again.', 0);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body?.error;
    throw new ApiError(err?.code ?? 'INTERNAL', err?.message ?? `The server answered ${res.status}.`, res.status);
  }
  return body as T;
}

export interface CreateInput {
  title: string;
  organisation?: string;
  dimensions?: DimensionInput[];
  settings?: Partial<Settings>;
}

export const createWorkshop = (input: CreateInput) =>
  call<CreateWorkshopReply>('/api/workshops', { method: 'POST', body: JSON.stringify(input) });

export const workshopInfo = (code: string) => call<WorkshopInfoReply>(`/api/workshops/${encodeURIComponent(code)}`);

export const joinWorkshop = (code: string, name: string) =>
  call<JoinReply>(`/api/workshops/${encodeURIComponent(code)}/participants`, { method: 'POST', body: JSON.stringify({ name }) });

export const qrUrl = (code: string) => `/api/workshops/${encodeURIComponent(code)}/qr.svg`;
export const joinUrl = (code: string) => `${location.origin}/j/${encodeURIComponent(code)}`;

/** Fetches the markdown export with the facilitator key and saves it under the server's file name. */
export async function downloadExport(code: string, key: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/workshops/${encodeURIComponent(code)}/export.md`, { headers: { authorization: `Bearer ${key}` } });
  } catch {
    throw new ApiError('OFFLINE', 'No connection to the server.', 0);
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(body?.error?.code ?? 'INTERNAL', body?.error?.message ?? `Export failed (${res.status}).`, res.status);
  }
  const name = fileName(res.headers.get('content-disposition')) ?? `workshop-${code.toLowerCase()}.md`;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
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
