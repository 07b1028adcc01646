/**
 * `sync` frames on the wire: one byte naming the document (shared/schema/protocol.ts
 * DOC_IDS), then a y-protocols sync message. Decoding refuses garbage with a
 * named error; encoding is what the server sends.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { AppError } from '../../shared/domain/errors.ts';
import { DOC_IDS, docName, type DocName } from '../../shared/schema/protocol.ts';

export type SyncMessage =
  { type: 'step1'; stateVector: Uint8Array } | { type: 'step2'; update: Uint8Array } | { type: 'update'; update: Uint8Array };

export type SyncFrame = SyncMessage & { doc: DocName };

export function decodeSyncFrame(frame: Uint8Array): SyncFrame {
  try {
    const decoder = decoding.createDecoder(frame);
    const doc = docName(decoding.readUint8(decoder));
    if (!doc) throw new Error('unknown document');
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (decoder.pos !== frame.length) throw new Error('trailing or truncated');
    switch (type) {
      case syncProtocol.messageYjsSyncStep1:
        return { doc, type: 'step1', stateVector: payload };
      case syncProtocol.messageYjsSyncStep2:
        return { doc, type: 'step2', update: payload };
      case syncProtocol.messageYjsUpdate:
        return { doc, type: 'update', update: payload };
      default:
        throw new Error('unknown type');
    }
  } catch {
    throw new AppError('MALFORMED_UPDATE');
  }
}

function frame(doc: DocName, type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, DOC_IDS[doc]);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeStep1 = (doc: DocName, stateVector: Uint8Array) => frame(doc, syncProtocol.messageYjsSyncStep1, stateVector);
export const encodeStep2 = (doc: DocName, update: Uint8Array) => frame(doc, syncProtocol.messageYjsSyncStep2, update);
export const encodeUpdate = (doc: DocName, update: Uint8Array) => frame(doc, syncProtocol.messageYjsUpdate, update);

/** An update that carries nothing (no structs, no deletions): what an up-to-date client answers. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
