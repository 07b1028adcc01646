/** The write rules, tested on plain docs without a server or a socket. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, maps, ownedKey, defaultDimensions } from '../../shared/board.ts';
import { AppError } from '../../shared/errors.ts';
import { validateParticipantUpdate } from '../../server/rooms/validate-update.ts';

const card = (text: string) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: 1 });

function serverDoc() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'T', organisation: 'O', dimensions: defaultDimensions() });
  maps(doc).participants.set('ana', { id: 'ana', name: 'Ana', joinedAt: 1 });
  maps(doc).participants.set('ben', { id: 'ben', name: 'Ben', joinedAt: 2 });
  return doc;
}

/** A phone's copy of the server doc, an edit on it, and the update that edit produces. */
function edit(server: Y.Doc, change: (d: Y.Doc) => void, phone = new Y.Doc()) {
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(phone);
  change(phone);
  return { phone, update: Y.encodeStateAsUpdate(phone, sv) };
}

function owners(doc: Y.Doc) {
  return (id: number) => maps(doc).clients.get(String(id));
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : `unexpected ${String(err)}`;
  }
}

describe('validateParticipantUpdate', () => {
  it('accepts a new card under the participant\'s own key and reports the new client id', () => {
    const server = serverDoc();
    const { phone, update } = edit(server, (d) => maps(d).cards.set(ownedKey('ana', 'c1'), card('ours')));
    const result = validateParticipantUpdate(server, update, { participantId: 'ana', clientOwner: owners(server) });
    expect(result).toEqual({ newClients: [phone.clientID], newCardKeys: 1 });
  });

  it('accepts an edit and a delete of an own card resolved through its origin', () => {
    const server = serverDoc();
    const first = edit(server, (d) => maps(d).cards.set(ownedKey('ana', 'c1'), card('v1')));
    Y.applyUpdate(server, first.update);
    maps(server).clients.set(String(first.phone.clientID), 'ana');
    const sv = Y.encodeStateVector(first.phone);
    maps(first.phone).cards.set(ownedKey('ana', 'c1'), card('v2'));
    maps(first.phone).cards.delete(ownedKey('ana', 'c1'));
    const update = Y.encodeStateAsUpdate(first.phone, sv);
    expect(codeOf(() => validateParticipantUpdate(server, update, { participantId: 'ana', clientOwner: owners(server) }))).toBeNull();
  });

  it.each([
    ['someone else\'s key', (d: Y.Doc) => maps(d).cards.set(ownedKey('ben', 'c1'), card('forged')), 'NOT_OWNER'],
    ['the meta map', (d: Y.Doc) => maps(d).meta.set('phase', 'export'), 'FORBIDDEN_TYPE'],
    ['votes directly', (d: Y.Doc) => maps(d).votes.set(ownedKey('ana', 'dim:brand'), 9), 'FORBIDDEN_TYPE'],
    ['a nested type', (d: Y.Doc) => maps(d).cards.set(ownedKey('ana', 'c1'), new Y.Map() as never), 'FORBIDDEN_TYPE'],
    ['a root array', (d: Y.Doc) => d.getArray('x').insert(0, [1]), 'FORBIDDEN_TYPE'],
    ['text', (d: Y.Doc) => d.getText('t').insert(0, 'hi'), 'FORBIDDEN_TYPE'],
    ['an invalid card', (d: Y.Doc) => maps(d).cards.set(ownedKey('ana', 'c1'), { ...card(''), text: '' }), 'INVALID_VALUE'],
    ['a too long card', (d: Y.Doc) => maps(d).cards.set(ownedKey('ana', 'c1'), card('x'.repeat(281))), 'INVALID_VALUE'],
    ['a stage out of range', (d: Y.Doc) => maps(d).markers.set(ownedKey('ana', 'brand'), { current: 6, target: 1 }), 'INVALID_VALUE'],
    ['an extra field', (d: Y.Doc) => maps(d).markers.set(ownedKey('ana', 'brand'), { current: 2, target: 3, by: 'ben' }), 'INVALID_VALUE'],
    ['a key without owner', (d: Y.Doc) => maps(d).cards.set('c1', card('x')), 'NOT_OWNER'],
  ])('refuses writing to %s', (_label, change, code) => {
    const server = serverDoc();
    const before = Y.encodeStateAsUpdate(server);
    const { update } = edit(server, change);
    expect(codeOf(() => validateParticipantUpdate(server, update, { participantId: 'ana', clientOwner: owners(server) }))).toBe(code);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  });

  it("refuses deleting someone else's card", () => {
    const server = serverDoc();
    const ben = edit(server, (d) => maps(d).cards.set(ownedKey('ben', 'c1'), card('Ben')));
    Y.applyUpdate(server, ben.update);
    maps(server).clients.set(String(ben.phone.clientID), 'ben');
    const { update } = edit(server, (d) => maps(d).cards.delete(ownedKey('ben', 'c1')));
    expect(codeOf(() => validateParticipantUpdate(server, update, { participantId: 'ana', clientOwner: owners(server) }))).toBe('NOT_OWNER');
  });

  it("refuses items written with another participant's client id", () => {
    const server = serverDoc();
    const ben = edit(server, (d) => maps(d).cards.set(ownedKey('ben', 'c1'), card('Ben')));
    Y.applyUpdate(server, ben.update);
    maps(server).clients.set(String(ben.phone.clientID), 'ben');
    const { update } = edit(server, (d) => {
      d.clientID = ben.phone.clientID;
      maps(d).cards.set(ownedKey('ana', 'c2'), card('Ana?'));
    });
    expect(codeOf(() => validateParticipantUpdate(server, update, { participantId: 'ana', clientOwner: owners(server) }))).toBe('IMPERSONATION');
  });

  it('refuses an update that skips clocks the server never received', () => {
    const server = serverDoc();
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
    maps(phone).cards.set(ownedKey('ana', 'a'), card('first'));
    const sv = Y.encodeStateVector(phone);
    maps(phone).cards.set(ownedKey('ana', 'b'), card('second'));
    const onlySecond = Y.encodeStateAsUpdate(phone, sv);
    expect(codeOf(() => validateParticipantUpdate(server, onlySecond, { participantId: 'ana', clientOwner: owners(server) }))).toBe('UNKNOWN_ITEM');
  });

  it('refuses garbage and oversize input with named errors', () => {
    const server = serverDoc();
    const ctx = { participantId: 'ana', clientOwner: owners(server) };
    expect(codeOf(() => validateParticipantUpdate(server, new Uint8Array([7, 7, 7, 7]), ctx))).toMatch(/MALFORMED_UPDATE|FORBIDDEN_TYPE|UNKNOWN_ITEM/);
    expect(codeOf(() => validateParticipantUpdate(server, new Uint8Array(70_000), ctx))).toBe('PAYLOAD_TOO_LARGE');
  });
});
