/**
 * What a hostile client puts on the wire, built by hand: `sync` frames for any
 * document byte, Yjs updates crafted from a copy of a server document, and a
 * fingerprint of a live room's whole state, to show that a refused message
 * changed nothing for anyone.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Socket } from 'socket.io-client';
import { DOC_IDS, type Ack, type DocName } from '../../shared/schema/protocol.ts';
import type { Room } from '../../server/rooms/room.ts';

/** A `sync` frame: [document byte][y-protocols message type][payload]. `doc` may be a byte no document has. */
export function syncFrame(doc: DocName | number, type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeUint8(e, typeof doc === 'number' ? doc : DOC_IDS[doc]);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export const updateFrame = (doc: DocName | number, update: Uint8Array) => syncFrame(doc, syncProtocol.messageYjsUpdate, update);
export const step1Frame = (doc: DocName | number, stateVector: Uint8Array) => syncFrame(doc, syncProtocol.messageYjsSyncStep1, stateVector);

/** Sends anything as a `sync` event and waits for its ack. */
export async function sendSync(socket: Socket, payload: unknown): Promise<Ack> {
  return (await socket.timeout(5_000).emitWithAck('sync', payload as never)) as Ack;
}

export async function sendCommand(socket: Socket, command: unknown): Promise<Ack<unknown>> {
  return (await socket.timeout(5_000).emitWithAck('command', command as never)) as Ack<unknown>;
}

/** The update an edit makes on a copy of `base`, the way a client would make it; optionally as Yjs client `clientID`. */
export function craft(base: Y.Doc, edit: (doc: Y.Doc) => void, clientID?: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  // Set after loading: Yjs picks a new id when a loaded update already uses ours.
  if (clientID !== undefined) doc.clientID = clientID;
  const sv = Y.encodeStateVector(doc);
  edit(doc);
  const update = Y.encodeStateAsUpdate(doc, sv);
  doc.destroy();
  return update;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * Everything a room holds and everything it shows, once all it has applied is stored: the full
 * board, the state of the ledger and of every private document, and both projections (what
 * every phone, projector and console receives). Equal before and after means nobody saw a change.
 */
export async function roomFingerprint(room: Room): Promise<string> {
  await room.flush();
  const privates = [...room.state.privates]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([pid, doc]) => [pid, b64(Y.encodeStateAsUpdate(doc))]);
  return JSON.stringify({
    board: room.state.fullBoard(),
    ledger: b64(Y.encodeStateAsUpdate(room.state.ledger)),
    privates,
    room: b64(Y.encodeStateAsUpdate(room.projection.room)),
    console: b64(Y.encodeStateAsUpdate(room.projection.console)),
  });
}

/** Collects the document bytes of every `sync` frame a raw socket receives. */
export function recordSyncDocs(socket: Socket): number[] {
  const seen: number[] = [];
  socket.on('sync', (data: ArrayBuffer | Uint8Array) => {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    seen.push(bytes[0]!);
  });
  return seen;
}
