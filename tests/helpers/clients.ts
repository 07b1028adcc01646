/** Real clients for integration tests: HTTP calls and WorkshopConnections holding real Y.Docs. */
import { io, type Socket } from 'socket.io-client';
import { WorkshopConnection } from '../../client/lib/connection.ts';
import { PROTOCOL_VERSION, type CreateWorkshopReply, type JoinReply } from '../../shared/schema/protocol.ts';
import { parser } from '../../shared/wire/sio-parser.ts';

export async function api<T = unknown>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as T, text, headers: res.headers };
}

export async function createWorkshop(base: string, body: Record<string, unknown> = { title: 'Test workshop', organisation: 'Acme' }) {
  const res = await api<CreateWorkshopReply>(base, 'POST', '/api/workshops', body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.json;
}

export async function join(base: string, code: string, name: string) {
  const res = await api<JoinReply>(base, 'POST', `/api/workshops/${code}/participants`, { name });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
  return res.json;
}

export function facilitator(base: string, code: string, key: string): WorkshopConnection {
  return new WorkshopConnection({ url: base, auth: { v: PROTOCOL_VERSION, role: 'facilitator', code, key } });
}

export function participant(base: string, code: string, token: string): WorkshopConnection {
  return new WorkshopConnection({ url: base, auth: { v: PROTOCOL_VERSION, role: 'participant', code, token } });
}

/** The projector: its viewer key is the `#view=` fragment of the workshop's boardUrl. */
export function viewer(base: string, code: string, key: string): WorkshopConnection {
  return new WorkshopConnection({ url: base, auth: { v: PROTOCOL_VERSION, role: 'viewer', code, key } });
}

export const viewerKeyOf = (reply: CreateWorkshopReply): string => /#view=(.+)$/.exec(reply.boardUrl)![1]!;

/** A bare Socket.IO socket, for crafting messages a real client never sends. */
export function rawSocket(base: string, auth: Record<string, unknown>): Socket {
  return io(base, { auth, transports: ['websocket'], reconnection: false, forceNew: true, parser });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

/** The error code of an HTTP reply from `api`, if it carries one. */
export const codeOf = (res: { json: unknown }) => (res.json as { error?: { code?: string } } | undefined)?.error?.code;

/** Opens a bare socket and says how its handshake ended: 'connected', the refusal's code, or 'transport'. */
export async function handshake(url: string, auth: Record<string, unknown>): Promise<string> {
  const s = rawSocket(url, auth);
  try {
    await connected(s);
    return 'connected';
  } catch (err) {
    return (err as { data?: { code?: string } }).data?.code ?? 'transport';
  } finally {
    s.close();
  }
}

/** Polls until `check` returns truthy (no fixed sleeps). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, message = 'condition not met'): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${message}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function closeAll(...conns: Array<{ close(): void } | undefined>): void {
  for (const c of conns) c?.close();
}
