/** Encoding and decoding of y-protocols sync frames on the server, with named errors for garbage. */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { AppError } from '../../shared/errors.ts';

export type SyncFrame =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array };

export function decodeSyncFrame(message: Uint8Array): SyncFrame {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (decoder.pos !== message.length) throw new Error('trailing or truncated');
    switch (type) {
      case syncProtocol.messageYjsSyncStep1:
        return { type: 'step1', stateVector: payload };
      case syncProtocol.messageYjsSyncStep2:
        return { type: 'step2', update: payload };
      case syncProtocol.messageYjsUpdate:
        return { type: 'update', update: payload };
      default:
        throw new Error('unknown type');
    }
  } catch {
    throw new AppError('MALFORMED_UPDATE');
  }
}

function frame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeStep1 = (stateVector: Uint8Array) => frame(syncProtocol.messageYjsSyncStep1, stateVector);
export const encodeStep2 = (update: Uint8Array) => frame(syncProtocol.messageYjsSyncStep2, update);
export const encodeUpdate = (update: Uint8Array) => frame(syncProtocol.messageYjsUpdate, update);

/** An update that carries nothing (no structs, no deletions): what an up-to-date client answers. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
