/**
 * The Socket.IO packet codec both sides use (protocol 3): Socket.IO's own,
 * with one compact binary layout for the messages every edit pays for.
 *
 * Socket.IO writes a binary event as two WebSocket frames: a text header
 * (`451-["sync",{"_placeholder":true,"num":0}]`, 42 bytes and more with an ack
 * id) and then the attachment; an ack `{ ok: true }` is `43<id>[{"ok":true}]`.
 * A card edit in a room of 150 sent that header to 150 screens. Here a `sync`
 * event is one binary frame, its first byte saying which of these it is:
 *
 * - `SYNC` (0), then the `sync` frame: a `sync` event without an ack;
 * - `SYNC_ACK` (1), the ack id as a varuint, then the `sync` frame: with an ack;
 * - `ACK_OK` (2), then the ack id as a varuint: the ack `{ ok: true }`.
 *
 * Everything else (commands, refusals, presence, acks with data or errors) is
 * Socket.IO's own encoding, and the decoder still reads a `sync` event in
 * Socket.IO's layout. A binary frame that is not an attachment Socket.IO's
 * decoder is waiting for is read as one of the three; any other first byte is
 * a parse error, which closes the connection (as Socket.IO does with a stray
 * binary frame). No zod here: the phone's bundle imports it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Decoder as SioDecoder, Encoder as SioEncoder, PacketType, protocol, type Packet } from 'socket.io-parser';

export const COMPACT = { sync: 0, syncAck: 1, ackOk: 2 } as const;

const SYNC_EVENT = 'sync';

function bytesOf(v: unknown): Uint8Array | null {
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return null;
}

/** One compact packet: the tag, the ack id if any, then `payload`. */
function compact(tag: number, id: number | undefined, payload: Uint8Array | null): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeUint8(e, tag);
  if (id !== undefined) encoding.writeVarUint(e, id);
  if (payload) encoding.writeUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** A `sync` event as one binary WebSocket message, with an ack id when the sender waits for one. */
export const encodeSyncPacket = (frame: Uint8Array, ackId?: number): Uint8Array =>
  compact(ackId === undefined ? COMPACT.sync : COMPACT.syncAck, ackId, frame);

/** The ack `{ ok: true }` to ack id `id`. */
export const encodeAckOk = (id: number): Uint8Array => compact(COMPACT.ackOk, id, null);

const isOkOnly = (v: unknown): boolean => {
  if (!v || typeof v !== 'object') return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === 'ok' && (v as { ok: unknown }).ok === true;
};

/** The compact form of a packet, or null when it goes in Socket.IO's own layout. */
function compactOf(p: Packet): Uint8Array | null {
  if (p.nsp !== '/' || !Array.isArray(p.data)) return null;
  if ((p.type === PacketType.EVENT || p.type === PacketType.BINARY_EVENT) && p.data.length === 2 && p.data[0] === SYNC_EVENT) {
    const frame = bytesOf(p.data[1]);
    return frame ? encodeSyncPacket(frame, p.id ?? undefined) : null;
  }
  if (p.type === PacketType.ACK && typeof p.id === 'number' && p.data.length === 1 && isOkOnly(p.data[0])) return encodeAckOk(p.id);
  return null;
}

export class Encoder extends SioEncoder {
  override encode(packet: Packet): unknown[] {
    const c = compactOf(packet);
    return c ? [c] : super.encode(packet);
  }
}

/** The ack id after the tag, and where the rest starts. */
function readAckId(bytes: Uint8Array): [number, number] {
  const d = decoding.createDecoder(bytes);
  d.pos = 1;
  try {
    return [decoding.readVarUint(d), d.pos];
  } catch {
    throw new Error('compact packet: truncated ack id');
  }
}

/** Reads a compact packet (see the top of this file); throws on anything else. */
export function decodeCompact(bytes: Uint8Array): Packet {
  switch (bytes[0]) {
    case COMPACT.sync:
      return { type: PacketType.EVENT, nsp: '/', data: [SYNC_EVENT, bytes.subarray(1)] };
    case COMPACT.syncAck: {
      const [id, at] = readAckId(bytes);
      return { type: PacketType.EVENT, nsp: '/', id, data: [SYNC_EVENT, bytes.subarray(at)] };
    }
    case COMPACT.ackOk: {
      const [id, at] = readAckId(bytes);
      if (at !== bytes.length) throw new Error('compact packet: trailing bytes after an ack');
      return { type: PacketType.ACK, nsp: '/', id, data: [{ ok: true }] };
    }
    default:
      throw new Error('compact packet: unknown type');
  }
}

export class Decoder extends SioDecoder {
  override add(obj: unknown): void {
    // An attachment Socket.IO's decoder waits for (a binary event in its own layout) is its own.
    const waiting = (this as unknown as { reconstructor: unknown }).reconstructor;
    const bytes = typeof obj === 'string' || waiting ? null : bytesOf(obj);
    if (!bytes) return super.add(obj);
    this.emitReserved('decoded', decodeCompact(bytes));
  }
}

/** The `parser` option of both `new Server(...)` and `io(...)`. */
export const parser = { protocol, PacketType, Encoder, Decoder };
