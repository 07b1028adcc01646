/**
 * Upgrades a workshop stored in format 1 (one shared "board" document, synced
 * to every device) to format 2 (a server-only ledger and one private document
 * per participant), losing nothing: settings, people, every card and marker,
 * votes and the roadmap with its edits. Cards get public ids; votes and the
 * roadmap that pointed at a card by its author-prefixed key point at the
 * public id instead. Pure: documents in, document states out.
 *
 * Format 1 layout (root maps of plain values): `meta`; `participants`
 * (id -> Participant); `clients` (Yjs client id -> participant id); `cards`
 * (`${participantId}/${cardId}` -> CardValue); `markers`
 * (`${participantId}/${dimension}` -> MarkerValue); `votes`
 * (`${participantId}/${target}` -> count, card targets `card:${participantId}/${cardId}`);
 * `roadmap` ("current" -> Roadmap, cards and barriers as author-prefixed keys).
 */
import * as Y from 'yjs';
import { privateMaps, SERVER_CLIENT } from '../../shared/doc/private-doc.ts';
import { writeRoadmap } from '../../shared/doc/roadmap-doc.ts';
import type { CardValue, MarkerValue, Participant, Roadmap } from '../../shared/domain/types.ts';
import { cardTarget, parseTarget } from '../../shared/rules/votes.ts';
import { LEDGER_DOC, privateDocName } from './docs.ts';
import { ledgerMaps, ownedKey, splitOwnedKey } from './ledger.ts';
import { randomId } from './room-state.ts';

export function upgradeV1(board: Y.Doc): Map<string, Uint8Array> {
  const ledger = new Y.Doc();
  const privates = new Map<string, Y.Doc>();
  const privateOf = (pid: string) => {
    let doc = privates.get(pid);
    if (!doc) {
      doc = new Y.Doc();
      privateMaps(doc).clients.set(String(doc.clientID), SERVER_CLIENT);
      privates.set(pid, doc);
    }
    return doc;
  };
  const meta = board.getMap<unknown>('meta');
  const anonymous = (meta.get('settings') as { anonymous?: unknown } | undefined)?.anonymous === true;
  const lm = ledgerMaps(ledger);
  /** Old card key (`pid/cardId`) -> public id. */
  const publicIds = new Map<string, string>();

  ledger.transact(() => {
    meta.forEach((value, key) => ledger.getMap<unknown>('meta').set(key, value));
    board.getMap<Participant>('participants').forEach((p, id) => {
      if (!p || typeof p !== 'object') return;
      lm.participants.set(id, { ...p, personId: randomId() });
      privateOf(id);
    });
    const cards: Array<[string, CardValue]> = [];
    board.getMap<CardValue>('cards').forEach((value, key) => {
      if (value && typeof value === 'object' && splitOwnedKey(key)) cards.push([key, value]);
    });
    cards.sort((a, b) => a[1].createdAt - b[1].createdAt || (a[0] < b[0] ? -1 : 1));
    for (const [key, value] of cards) {
      const { owner, rest } = splitOwnedKey(key)!;
      const id = randomId();
      publicIds.set(key, id);
      const order = anonymous ? crypto.getRandomValues(new Uint32Array(1))[0]! : value.createdAt;
      lm.cards.set(ownedKey(owner, rest), { id, order });
      const mine = privateMaps(privateOf(owner));
      mine.cards.set(rest, value);
      mine.public.set(rest, id);
    }
    board.getMap<MarkerValue>('markers').forEach((value, key) => {
      const split = splitOwnedKey(key);
      if (split && value && typeof value === 'object') privateMaps(privateOf(split.owner)).markers.set(split.rest, value);
    });
    board.getMap<number>('votes').forEach((count, key) => {
      const split = splitOwnedKey(key);
      if (!split || typeof count !== 'number' || count <= 0) return;
      let target = split.rest;
      if (target.startsWith(cardTarget(''))) {
        const old = parseTarget(target);
        const id = old?.kind === 'card' ? publicIds.get(old.id) : undefined;
        if (!id) return; // a vote on a card that no longer exists counted for nothing before either
        target = cardTarget(id);
      }
      lm.votes.set(ownedKey(split.owner, target), count);
      privateMaps(privateOf(split.owner)).votes.set(target, count);
    });
    const roadmap = board.getMap<Roadmap>('roadmap').get('current');
    if (roadmap && typeof roadmap === 'object' && Array.isArray(roadmap.initiatives)) {
      const map = (keys: unknown) => (Array.isArray(keys) ? keys.map((k) => publicIds.get(String(k))).filter((k): k is string => !!k) : []);
      writeRoadmap(ledger, {
        ...roadmap,
        initiatives: roadmap.initiatives.map((i) => ({ ...i, cards: map(i.cards), barriers: map(i.barriers) })),
      });
    }
  });

  const out = new Map<string, Uint8Array>([[LEDGER_DOC, Y.encodeStateAsUpdate(ledger)]]);
  for (const [pid, doc] of privates) out.set(privateDocName(pid), Y.encodeStateAsUpdate(doc));
  ledger.destroy();
  for (const doc of privates.values()) doc.destroy();
  return out;
}
