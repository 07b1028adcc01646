/** The write rules of a participant's own document, tested without a server or a socket. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AppError } from '../../shared/domain/errors.ts';
import { privateMaps, SERVER_CLIENT } from '../../shared/doc/private-doc.ts';
import { validateParticipantUpdate } from '../../server/rooms/validate-update.ts';
import { serverWrite } from '../../server/rooms/room-state.ts';

const card = (text: string) => ({ kind: 'practice' as const, text, dimension: 'brand', stage: 2, createdAt: 1 });

/** Ana's document on the server, where the server already wrote (a vote, a public id). */
function serverDoc() {
  const doc = new Y.Doc();
  serverWrite(doc, (m) => m.votes.set('dim:brand', 1));
  return doc;
}

/** A phone's copy of the server doc, an edit on it, and the update that edit produces. */
function edit(server: Y.Doc, change: (d: Y.Doc) => void, phone = new Y.Doc()) {
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(phone);
  change(phone);
  return { phone, update: Y.encodeStateAsUpdate(phone, sv) };
}

const ctx = (doc: Y.Doc) => ({
  participantId: 'ana',
  clientOwner: (id: number) => privateMaps(doc).clients.get(String(id)),
  serverClientId: doc.clientID,
});

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : `unexpected ${String(err)}`;
  }
}

describe('validateParticipantUpdate', () => {
  it('accepts a new card and reports the new client id', () => {
    const server = serverDoc();
    const { phone, update } = edit(server, (d) => privateMaps(d).cards.set('c1', card('ours')));
    expect(validateParticipantUpdate(server, update, ctx(server))).toEqual({ newClients: [phone.clientID], newCardKeys: 1 });
  });

  it('accepts a card with emoji joiners and a line break: text needs those', () => {
    const server = serverDoc();
    const { update } = edit(server, (d) => privateMaps(d).cards.set('c1', card('Family day 👨\u200D👩\u200D👧\nevery Friday')));
    expect(codeOf(() => validateParticipantUpdate(server, update, ctx(server)))).toBeNull();
  });

  it('accepts an edit and a delete of an own card resolved through its origin, and of a card the server moved', () => {
    const server = serverDoc();
    const first = edit(server, (d) => privateMaps(d).cards.set('c1', card('v1')));
    Y.applyUpdate(server, first.update);
    privateMaps(server).clients.set(String(first.phone.clientID), 'ana');
    // The facilitator moved it: the server wrote the new value.
    serverWrite(server, (m) => m.cards.set('c1', { ...card('v1'), stage: 4 }));
    Y.applyUpdate(first.phone, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(first.phone);
    privateMaps(first.phone).cards.set('c1', card('v2'));
    privateMaps(first.phone).cards.delete('c1');
    const update = Y.encodeStateAsUpdate(first.phone, sv);
    expect(codeOf(() => validateParticipantUpdate(server, update, ctx(server)))).toBeNull();
  });

  it.each([
    ["the server's votes", (d: Y.Doc) => privateMaps(d).votes.set('dim:brand', 9), 'FORBIDDEN_TYPE'],
    ['the public ids', (d: Y.Doc) => privateMaps(d).public.set('c1', 'forged'), 'FORBIDDEN_TYPE'],
    ['the client bindings', (d: Y.Doc) => privateMaps(d).clients.set('1', SERVER_CLIENT), 'FORBIDDEN_TYPE'],
    ['a root of its own', (d: Y.Doc) => d.getMap('meta').set('phase', 'export'), 'FORBIDDEN_TYPE'],
    ['a nested type', (d: Y.Doc) => privateMaps(d).cards.set('c1', new Y.Map() as never), 'FORBIDDEN_TYPE'],
    ['a root array', (d: Y.Doc) => d.getArray('x').insert(0, [1]), 'FORBIDDEN_TYPE'],
    ['text', (d: Y.Doc) => d.getText('t').insert(0, 'hi'), 'FORBIDDEN_TYPE'],
    ['an invalid card', (d: Y.Doc) => privateMaps(d).cards.set('c1', { ...card('x'), kind: 'note' as never }), 'INVALID_VALUE'],
    ['an empty card', (d: Y.Doc) => privateMaps(d).cards.set('c1', card('')), 'EMPTY_TEXT'],
    [
      'a card of zero-width spaces and bidi marks',
      (d: Y.Doc) => privateMaps(d).cards.set('c1', card('\u200B\u200E\u2067\uFEFF')),
      'EMPTY_TEXT',
    ],
    ['a card hiding a zero-width space', (d: Y.Doc) => privateMaps(d).cards.set('c1', card('our\u200Bagency')), 'INVALID_VALUE'],
    ['a card with a bidi override', (d: Y.Doc) => privateMaps(d).cards.set('c1', card('\u202Etxet')), 'INVALID_VALUE'],
    ['a card with blank ends', (d: Y.Doc) => privateMaps(d).cards.set('c1', card(' ours ')), 'INVALID_VALUE'],
    ['a too long card', (d: Y.Doc) => privateMaps(d).cards.set('c1', card('x'.repeat(281))), 'INVALID_VALUE'],
    ['a card id with a slash', (d: Y.Doc) => privateMaps(d).cards.set('ben/c1', card('x')), 'INVALID_VALUE'],
    ['a stage out of range', (d: Y.Doc) => privateMaps(d).markers.set('brand', { current: 6, target: 1 }), 'INVALID_VALUE'],
    ['an extra field', (d: Y.Doc) => privateMaps(d).markers.set('brand', { current: 2, target: 3, by: 'ben' } as never), 'INVALID_VALUE'],
    ['a bad dimension key', (d: Y.Doc) => privateMaps(d).markers.set('Brand!', { current: 2, target: 3 }), 'INVALID_VALUE'],
  ])('refuses writing to %s, and changes nothing', (_label, change, code) => {
    const server = serverDoc();
    const before = Y.encodeStateAsUpdate(server);
    const { update } = edit(server, change);
    expect(codeOf(() => validateParticipantUpdate(server, update, ctx(server)))).toBe(code);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  });

  it("refuses deleting what the server wrote (the person's own votes)", () => {
    const server = serverDoc();
    const { update } = edit(server, (d) => privateMaps(d).votes.delete('dim:brand'));
    expect(codeOf(() => validateParticipantUpdate(server, update, ctx(server)))).toBe('NOT_OWNER');
  });

  it("refuses items written under the server's client id, bound or not yet bound", () => {
    const server = serverDoc();
    const asBound = edit(server, (d) => {
      d.clientID = server.clientID;
      privateMaps(d).cards.set('c2', card('as the server'));
    });
    expect(codeOf(() => validateParticipantUpdate(server, asBound.update, ctx(server)))).toBe('IMPERSONATION');
    // A server id from an earlier run of the server, bound in the doc.
    const old = new Y.Doc();
    privateMaps(server).clients.set(String(old.clientID), SERVER_CLIENT);
    const asOld = edit(server, (d) => {
      d.clientID = old.clientID;
      privateMaps(d).cards.set('c3', card('as an old server'));
    });
    expect(codeOf(() => validateParticipantUpdate(server, asOld.update, ctx(server)))).toBe('IMPERSONATION');
  });

  it('refuses an update that skips clocks the server never received', () => {
    const server = serverDoc();
    const phone = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
    privateMaps(phone).cards.set('a', card('first'));
    const sv = Y.encodeStateVector(phone);
    privateMaps(phone).cards.set('b', card('second'));
    const onlySecond = Y.encodeStateAsUpdate(phone, sv);
    expect(codeOf(() => validateParticipantUpdate(server, onlySecond, ctx(server)))).toBe('UNKNOWN_ITEM');
  });

  it('refuses garbage and oversize input with named errors', () => {
    const server = serverDoc();
    expect(codeOf(() => validateParticipantUpdate(server, new Uint8Array([7, 7, 7, 7]), ctx(server)))).toMatch(
      /MALFORMED_UPDATE|FORBIDDEN_TYPE|UNKNOWN_ITEM/,
    );
    expect(codeOf(() => validateParticipantUpdate(server, new Uint8Array(70_000), ctx(server)))).toBe('PAYLOAD_TOO_LARGE');
  });
});
