/**
 * A `sync` event is one binary WebSocket frame (shared/wire/sio-parser.ts). For a
 * broadcast we encode that frame once and hand each WebSocket connection the
 * same bytes as one pre-encoded Engine.IO packet (what Socket.IO's adapter does
 * for text broadcasts): the bytes `socket.emit` would write, queued in order
 * with the connection's other packets, without encoding and copying them once
 * per screen. Anything that is not a plain open WebSocket (long-polling,
 * compression) falls back to `socket.emit`.
 */
import { encodeSyncPacket } from '../../shared/wire/sio-parser.ts';

/** What we read of an Engine.IO connection to hand it a pre-encoded WebSocket packet. */
interface EngineConn {
  readyState: string;
  transport?: { name: string; perMessageDeflate?: unknown };
  write(data: string, options: { wsPreEncodedFrame: Buffer[] }): void;
}

/** One unmasked, final WebSocket frame (server to client): 1 = text, 2 = binary. */
export function wsFrame(opcode: 1 | 2, payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const out = Buffer.allocUnsafe(head + n);
  out[0] = 0x80 | opcode;
  if (n < 126) out[1] = n;
  else if (n < 65_536) {
    out[1] = 126;
    out.writeUInt16BE(n, 2);
  } else {
    out[1] = 127;
    out.writeBigUInt64BE(BigInt(n), 2);
  }
  out.set(payload, head);
  return out;
}

/** The WebSocket frame of a `sync` event (without an ack) carrying `frame`. */
export const syncFrames = (frame: Uint8Array): Buffer[] => [wsFrame(2, encodeSyncPacket(frame))];

/** Sends pre-encoded `sync` frames on a WebSocket connection; false when it must go through socket.emit. */
export function sendFrames(socket: { readonly conn: { readonly readyState: string } }, frames: () => Buffer[]): boolean {
  const conn = socket.conn as unknown as EngineConn;
  if (conn.readyState !== 'open' || conn.transport?.name !== 'websocket' || conn.transport.perMessageDeflate) return false;
  conn.write('', { wsPreEncodedFrame: frames() });
  return true;
}

/**
 * The step-2 frames of a document's cached full state, built once per state: every joining
 * phone gets the same bytes without copying the board twice more (framing, attachment).
 */
const fullStateCache = new WeakMap<Uint8Array, Buffer[]>();
export function cachedFrames(state: Uint8Array, encode: (state: Uint8Array) => Uint8Array): Buffer[] {
  let frames = fullStateCache.get(state);
  if (!frames) fullStateCache.set(state, (frames = syncFrames(encode(state))));
  return frames;
}
