/**
 * The packet codec of protocol 3 (shared/wire/sio-parser.ts): a `sync` event and its
 * `{ ok: true }` ack each travel as one small binary frame, everything else as
 * Socket.IO writes it, and the decoder reads both layouts on one connection.
 */
import { describe, expect, it } from 'vitest';
import { PacketType, type Packet } from 'socket.io-parser';
import { Decoder, Encoder } from '../../shared/wire/sio-parser.ts';

const frame = Uint8Array.from([0, 2, 3, 9, 8, 7]);

/** Everything a decoder emits for the given wire messages, in order. */
function decodeAll(messages: unknown[]): Packet[] {
  const out: Packet[] = [];
  const d = new Decoder();
  d.on('decoded', (p: Packet) => out.push(p));
  for (const m of messages) d.add(m);
  return out;
}

const plain = (p: Packet) => ({ ...p, data: (p.data as unknown[]).map((x) => (x instanceof Uint8Array ? [...x] : x)) });

describe('the compact sync codec', () => {
  it('writes a sync event, with or without an ack id, as one binary frame of the frame plus one to four bytes, and reads it back', () => {
    const enc = new Encoder();
    for (const id of [undefined, 0, 127, 128, 16_383, 16_384, 2 ** 31 - 1]) {
      const packet: Packet = { type: PacketType.EVENT, nsp: '/', data: ['sync', frame], ...(id === undefined ? {} : { id }) };
      const wire = enc.encode(packet);
      expect(wire).toHaveLength(1);
      expect(wire[0]).toBeInstanceOf(Uint8Array);
      expect((wire[0] as Uint8Array).length).toBeLessThanOrEqual(frame.length + 1 + (id === undefined ? 0 : 5));
      const [back] = decodeAll(wire);
      expect(plain(back!)).toEqual(plain(packet));
    }
    // A Node Buffer or an ArrayBuffer (what the server and a browser receive) reads the same.
    const wire = enc.encode({ type: PacketType.EVENT, nsp: '/', id: 300, data: ['sync', frame] })[0] as Uint8Array;
    for (const m of [Buffer.from(wire), wire.slice().buffer])
      expect(plain(decodeAll([m])[0]!)).toEqual(plain({ type: PacketType.EVENT, nsp: '/', id: 300, data: ['sync', frame] }));
  });

  it('writes the ack { ok: true } in three bytes or fewer, and any other ack as Socket.IO does', () => {
    const enc = new Encoder();
    const ok = enc.encode({ type: PacketType.ACK, nsp: '/', id: 5_000, data: [{ ok: true }] });
    expect(ok).toHaveLength(1);
    expect((ok[0] as Uint8Array).length).toBe(3);
    expect(decodeAll(ok)).toEqual([{ type: PacketType.ACK, nsp: '/', id: 5_000, data: [{ ok: true }] }]);
    const refusal = {
      type: PacketType.ACK,
      nsp: '/',
      id: 7,
      data: [{ ok: false, error: { code: 'LOCKED', message: 'The board is locked.' } }],
    };
    const withData = { type: PacketType.ACK, nsp: '/', id: 8, data: [{ ok: true, data: { used: 1, budget: 3 } }] };
    for (const p of [refusal, withData]) {
      const wire = enc.encode(p);
      expect(typeof wire[0]).toBe('string');
      expect(decodeAll(wire)).toEqual([p]);
    }
  });

  it('leaves other events in Socket.IO layout, and reads them between compact frames on one connection', () => {
    const enc = new Encoder();
    const other: Packet = { type: PacketType.EVENT, nsp: '/', data: ['awareness', Uint8Array.from([0, 1, 2])] };
    const command: Packet = { type: PacketType.EVENT, nsp: '/', id: 3, data: ['command', { type: 'timer:pause' }] };
    const sync: Packet = { type: PacketType.EVENT, nsp: '/', data: ['sync', frame] };
    const otherWire = enc.encode(other);
    // Socket.IO's binary layout: a text header, then the attachment, which starts with a byte the compact layout also uses.
    expect(otherWire).toHaveLength(2);
    expect(typeof otherWire[0]).toBe('string');
    const got = decodeAll([...enc.encode(sync), ...otherWire, ...enc.encode(command), ...enc.encode(sync)]);
    expect(got.map((p) => (p.data as unknown[])[0])).toEqual(['sync', 'awareness', 'command', 'sync']);
    expect([...((got[1]!.data as unknown[])[1] as Uint8Array)]).toEqual([0, 1, 2]);
  });

  it('refuses a binary frame that is none of its three packets, or whose ack id is cut short', () => {
    for (const bad of [
      Uint8Array.from([3, 1]),
      Uint8Array.from([0xff]),
      Uint8Array.from([1, 0x80]),
      Uint8Array.from([2, 0x81]),
      Uint8Array.from([2, 1, 0]),
      new Uint8Array(0),
    ]) {
      expect(() => decodeAll([bad])).toThrow(/compact packet/);
    }
  });
});
