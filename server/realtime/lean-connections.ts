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
import { EventEmitter } from 'node:events';
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';

const NOTHING: Readonly<Record<string, never>> = Object.freeze({});

/** What an upgrade's stand-in response (Engine.IO's WebSocketResponse) has that we touch. */
interface UpgradeResponse {
  req: unknown;
  socket: import('node:net').Socket;
}
type ResponseClass = new (req: object, socket: EventEmitter) => unknown;

/** Per stand-in response class: the source of the listener it leaves on the TCP socket, or null if none we may take. */
const reemitters = new WeakMap<object, string | null>();

/**
 * Engine.IO does not export the class, so we learn its listener from one we build on a probe
 * socket: exactly one `close` listener, and closing the probe makes the response emit `close`.
 * Listeners made by the same line of source print the same, so a real socket's is found by
 * that text, learned from the Engine.IO that is installed rather than written here. Anything
 * else (two listeners, none, no re-emit, a constructor that throws) learns nothing, and the
 * listener stays, costing what it did: tests/integration/idle-connection.test.ts then fails.
 */
function learnReemitter(Response: ResponseClass): string | null {
  try {
    const probe = new EventEmitter();
    const res = new Response({}, probe);
    const added = probe.listeners('close');
    if (added.length !== 1 || !(res instanceof EventEmitter)) return null;
    let reemitted = false;
    res.on('close', () => (reemitted = true));
    probe.emit('close');
    return reemitted ? String(added[0]) : null;
  } catch {
    return null;
  }
}

/**
 * An Engine.IO middleware: an upgrade's stand-in response forgets the request, and the TCP
 * socket forgets the response. Engine.IO reads the request there only through `setHeader` and
 * friends, which only middlewares call (this is the only one, and it calls none); the response
 * is kept only by a `close` listener that re-emits `close` on it for middlewares that log
 * responses, which we do not have.
 */
export function forgetUpgradeRequest(_req: IncomingMessage, res: unknown, next: () => void): void {
  if (!(res instanceof ServerResponse) && res && typeof res === 'object' && 'req' in res && 'socket' in res) {
    const r = res as UpgradeResponse;
    r.req = null;
    const Response = res.constructor as ResponseClass;
    let source = reemitters.get(Response);
    if (source === undefined) reemitters.set(Response, (source = learnReemitter(Response)));
    const reemit =
      source === null
        ? undefined
        : r.socket
            .listeners('close')
            .filter((l) => String(l) === source)
            .pop();
    if (reemit) r.socket.removeListener('close', reemit as () => void);
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
