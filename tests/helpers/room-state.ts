/** A room's authoritative state built in memory, for rules tested without a server or a socket. */
import * as Y from 'yjs';
import { initBoard } from '../../shared/doc/meta-doc.ts';
import { defaultDimensions } from '../../shared/domain/workshop-model.ts';
import type { Settings } from '../../shared/domain/types.ts';
import { ledgerMaps } from '../../server/rooms/ledger.ts';
import { RoomState } from '../../server/rooms/room-state.ts';

export function testState(people: string[] = ['ana'], settings: Partial<Settings> = {}): RoomState {
  const ledger = new Y.Doc();
  initBoard(ledger, { title: 'T', organisation: 'O', dimensions: defaultDimensions(), settings });
  const state = new RoomState(ledger, new Map());
  people.forEach((id, i) => {
    ledgerMaps(ledger).participants.set(id, { id, name: id[0]!.toUpperCase() + id.slice(1), joinedAt: i + 1, personId: `person-${id}` });
    state.privateDoc(id);
  });
  return state;
}
