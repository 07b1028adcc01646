/**
 * What an idle connection keeps alive, trimmed to what it still needs (issue 14:
 * heap per idle participant). Socket.IO, Engine.IO and `ws` hold the HTTP
 * upgrade request for the connection's whole life, twice: as the Engine.IO
 * socket's `request` (Socket.IO's docs advise dropping it) and as the `req` of
 * the stand-in response Engine.IO makes for each upgrade, which a `close`
 * listener on the TCP socket keeps alive. Socket.IO's `handshake` keeps the
 * headers, query, auth (a participant's token) and two strings. We read the
 * handshake once, in the middleware, and the request never after.
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';

const NOTHING: Readonly<Record<string, never>> = Object.freeze({});

/**
 * An Engine.IO middleware: an upgrade's stand-in response forgets the request. Engine.IO only
 * reads it there through `setHeader` and friends, which only middlewares call; this is the only
 * one, and it calls none.
 */
export function forgetUpgradeRequest(_req: IncomingMessage, res: unknown, next: () => void): void {
  if (!(res instanceof ServerResponse) && res && typeof res === 'object' && 'req' in res) (res as { req: unknown }).req = null;
  next();
}

/** Once the handshake was read: the connection forgets the upgrade request and the handshake's bulk. */
export function trimHandshake(socket: Socket): void {
  // A socket forwarded from another node (server/cluster/guest.ts) has neither.
  if (!socket.handshake) return;
  (socket.conn as unknown as { request: unknown }).request = null;
  const h = socket.handshake as { headers: unknown; query: unknown; auth: unknown; url: string; time: string };
  h.headers = NOTHING;
  h.query = NOTHING;
  h.auth = NOTHING;
  h.url = '';
  h.time = '';
}
