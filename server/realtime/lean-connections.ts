/**
 * What an idle connection keeps alive, trimmed to what it still needs (issue 14:
 * heap per idle participant). Socket.IO, Engine.IO and `ws` hold the HTTP
 * upgrade request for the connection's whole life, twice: as the Engine.IO
 * socket's `request` (Socket.IO's docs advise dropping it) and as the `req` of
 * the stand-in response Engine.IO makes for each upgrade, which a `close`
 * listener on the TCP socket keeps alive with the response. Socket.IO's `handshake` keeps the
 * headers, query, auth (a participant's token) and two strings. We read the
 * handshake once, in the middleware, and the request never after.
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';

const NOTHING: Readonly<Record<string, never>> = Object.freeze({});

/** What an upgrade's stand-in response (Engine.IO's WebSocketResponse) has that we touch. */
interface UpgradeResponse {
  req: unknown;
  socket: Socket_;
}
type Socket_ = import('node:net').Socket;

/**
 * An Engine.IO middleware: an upgrade's stand-in response forgets the request, and the TCP
 * socket forgets the response. Engine.IO reads the request there only through `setHeader` and
 * friends, which only middlewares call (this is the only one, and it calls none); the response
 * is kept only by a `close` listener that re-emits `close` on it for middlewares that log
 * responses, which we do not have. That listener is recognised by what it does: should a
 * later Engine.IO add it differently, it stays, and costs what it did.
 */
export function forgetUpgradeRequest(_req: IncomingMessage, res: unknown, next: () => void): void {
  if (!(res instanceof ServerResponse) && res && typeof res === 'object' && 'req' in res && 'socket' in res) {
    const r = res as UpgradeResponse;
    r.req = null;
    const closers = r.socket.listeners('close');
    const reemit = closers[closers.length - 1];
    if (reemit && /^\(\)\s*=>\s*this\.emit\("close"\)$/.test(String(reemit))) r.socket.removeListener('close', reemit as () => void);
  }
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
