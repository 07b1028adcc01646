/**
 * A room's authoritative state: the ledger and one private document per
 * participant, with the lookups commands and the projection need. No storage,
 * no transport, no clock: Room (room.ts) owns persistence and delivery.
 */
import * as Y from 'yjs';
import { readDimensions, readLocked, readPhase, readRevealed, readSettings, readStages, readTimer } from '../../shared/doc/meta-doc.ts';
import { privateMaps, SERVER_CLIENT } from '../../shared/doc/private-doc.ts';
import { readRoadmap } from '../../shared/doc/roadmap-doc.ts';
import type { BoardState, Card, CardValue, DimensionDef, Marker, Settings, Vote, VoteTarget } from '../../shared/domain/types.ts';
import type { RevealContext } from '../../shared/rules/visibility.ts';
import { parseTarget } from '../../shared/rules/votes.ts';
import { DEFAULT_TEMPLATE, defaultPlaybook, type WorkshopModel } from '../../shared/domain/workshop-model.ts';
import {
  asideIds,
  ledgerMaps,
  ownedKey,
  readBaseline,
  readEarlier,
  readStoredModel,
  splitOwnedKey,
  type CardRegistration,
  type LedgerParticipant,
} from './ledger.ts';

export interface CardRef {
  participantId: string;
  cardId: string;
}

/** Random, URL-safe, 12 characters: public ids tell nothing about who or when. */
export function randomId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

export class RoomState {
  readonly ledger: Y.Doc;
  readonly privates: Map<string, Y.Doc>;
  /** public id -> (participant, card id), kept in step with the ledger's registry. */
  private readonly byPublicId = new Map<string, CardRef>();

  constructor(ledger: Y.Doc, privates: Map<string, Y.Doc>) {
    this.ledger = ledger;
    this.privates = privates;
    ledgerMaps(ledger).cards.forEach((reg, key) => this.index(key, reg));
    ledgerMaps(ledger).cards.observe((event) => {
      for (const key of event.keysChanged) {
        const reg = ledgerMaps(ledger).cards.get(key);
        if (reg) this.index(key, reg);
      }
    });
  }

  private index(key: string, reg: CardRegistration): void {
    const split = splitOwnedKey(key);
    if (split && reg && typeof reg.id === 'string') this.byPublicId.set(reg.id, { participantId: split.owner, cardId: split.rest });
  }

  // ------------------------------------------------------------ the session

  ctx(): RevealContext & { settings: Settings } {
    return { phase: readPhase(this.ledger), settings: readSettings(this.ledger), revealed: readRevealed(this.ledger) };
  }
  settings(): Settings {
    return readSettings(this.ledger);
  }
  dimensions(): DimensionDef[] {
    return readDimensions(this.ledger);
  }
  locked(): boolean {
    return readLocked(this.ledger);
  }

  // ------------------------------------------------------------ people

  participant(id: string): LedgerParticipant | undefined {
    return ledgerMaps(this.ledger).participants.get(id);
  }

  /** Whether this participant may still write: known and not removed. */
  present(id: string | null): id is string {
    const p = id ? this.participant(id) : undefined;
    return !!p && !p.removed;
  }

  presentIds(): string[] {
    const out: string[] = [];
    ledgerMaps(this.ledger).participants.forEach((p) => {
      if (!p.removed) out.push(p.id);
    });
    return out;
  }

  /** The participant's own document, created (empty) when they have none yet. */
  privateDoc(participantId: string): Y.Doc {
    let doc = this.privates.get(participantId);
    if (!doc) {
      doc = new Y.Doc({ gc: true });
      this.privates.set(participantId, doc);
    }
    return doc;
  }

  // ------------------------------------------------------------ cards

  card(publicId: string): (CardRef & { value: CardValue }) | undefined {
    const ref = this.byPublicId.get(publicId);
    if (!ref) return undefined;
    const value = this.privates.get(ref.participantId) && privateMaps(this.privates.get(ref.participantId)!).cards.get(ref.cardId);
    return value ? { ...ref, value } : undefined;
  }

  /** Whether the facilitator set this card aside (moderation): it then counts and shows nowhere but its author's own screens. */
  isAside(publicId: string): boolean {
    return ledgerMaps(this.ledger).aside.has(publicId);
  }

  registration(participantId: string, cardId: string): CardRegistration | undefined {
    return ledgerMaps(this.ledger).cards.get(ownedKey(participantId, cardId));
  }

  /**
   * Gives a card its public id and display order the first time the server sees it: random
   * order in an anonymous workshop, so neither the id nor the order says who wrote it.
   */
  register(participantId: string, cardId: string, createdAt: number): CardRegistration {
    const existing = this.registration(participantId, cardId);
    if (existing) return existing;
    const order = this.settings().anonymous ? crypto.getRandomValues(new Uint32Array(1))[0]! : createdAt;
    const reg: CardRegistration = { id: randomId(), order };
    ledgerMaps(this.ledger).cards.set(ownedKey(participantId, cardId), reg);
    serverWrite(this.privateDoc(participantId), (m) => m.public.set(cardId, reg.id));
    return reg;
  }

  /**
   * Registers, in one ledger transaction, every card in these participants' documents the
   * server has not seen yet (the projection passes those whose documents changed: only there
   * can a card be new). In an anonymous workshop they are registered in a random order, so the
   * ledger's own order says nothing of who wrote what either.
   */
  registerNewCards(participantIds: Iterable<string>): void {
    const unregistered: Array<{ pid: string; cardId: string; createdAt: number }> = [];
    for (const pid of participantIds) {
      const doc = this.privates.get(pid);
      if (!doc) continue;
      privateMaps(doc).cards.forEach((value, cardId) => {
        if (!value || typeof value !== 'object') return;
        if (!this.registration(pid, cardId)) unregistered.push({ pid, cardId, createdAt: value.createdAt });
      });
    }
    if (!unregistered.length) return;
    if (this.settings().anonymous) shuffle(unregistered);
    this.ledger.transact(() => {
      for (const u of unregistered) this.register(u.pid, u.cardId, u.createdAt);
    });
  }

  // ------------------------------------------------------------ the whole board, for the roadmap and the export

  /**
   * The full board as the roadmap generator and the export read it: cards keyed by public id
   * (never by anything derived from a participant id), markers and votes per participant.
   * Cards set aside, and votes on them, are left out here, the one place every roadmap,
   * export and archive reads the board from: none of them can quote such a card.
   */
  fullBoard(): BoardState {
    const ledger = this.ledger;
    const aside = asideIds(ledger);
    const participants = [...ledgerMaps(ledger).participants.values()].map(({ personId: _p, ...p }) => p);
    participants.sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
    const cards: Card[] = [];
    const markers: Marker[] = [];
    for (const [pid, doc] of this.privates) {
      const m = privateMaps(doc);
      m.cards.forEach((value, cardId) => {
        const reg = this.registration(pid, cardId);
        if (!reg || !value || typeof value !== 'object' || aside.has(reg.id)) return;
        cards.push({ ...value, key: reg.id, id: reg.id, authorId: pid });
      });
      m.markers.forEach((value, dimension) => {
        if (value && typeof value === 'object')
          markers.push({ participantId: pid, dimension, current: value.current ?? null, target: value.target ?? null });
      });
    }
    cards.sort((a, b) => a.createdAt - b.createdAt || (a.key < b.key ? -1 : 1));
    markers.sort((a, b) => (a.participantId + a.dimension < b.participantId + b.dimension ? -1 : 1));
    const votes: Vote[] = [];
    const onAside = (target: string) => {
      const t = parseTarget(target);
      return t?.kind === 'card' && aside.has(t.id);
    };
    ledgerMaps(ledger).votes.forEach((count, key) => {
      const split = splitOwnedKey(key);
      if (split && typeof count === 'number' && count > 0 && !onAside(split.rest))
        votes.push({ participantId: split.owner, target: split.rest as VoteTarget, count });
    });
    votes.sort((a, b) => (a.participantId + a.target < b.participantId + b.target ? -1 : 1));
    const meta = ledger.getMap<unknown>('meta');
    return {
      title: String(meta.get('title') ?? ''),
      organisation: String(meta.get('organisation') ?? ''),
      phase: readPhase(ledger),
      settings: readSettings(ledger),
      timer: readTimer(ledger),
      revealed: readRevealed(ledger),
      locked: readLocked(ledger),
      dimensions: readDimensions(ledger),
      participants,
      cards,
      markers,
      votes,
      roadmap: readRoadmap(ledger),
      stages: readStages(ledger),
      playbooks: readStoredModel(ledger).playbooks,
      baseline: readBaseline(ledger),
      earlier: readEarlier(ledger),
    };
  }

  /**
   * The workshop's model as it stands (the facilitator may have changed dimensions and
   * settings since it was created): what `template.json` exports. A workshop created before
   * models were files reads with the default canvas's name and playbooks.
   */
  model(): WorkshopModel {
    const stored = readStoredModel(this.ledger);
    const dimensions = readDimensions(this.ledger);
    let playbooks = stored.playbooks;
    if (!playbooks) {
      playbooks = {};
      for (const d of dimensions) {
        const p = defaultPlaybook(d.key);
        if (p) playbooks[d.key] = p;
      }
    }
    return {
      name: stored.name ?? DEFAULT_TEMPLATE.name,
      description: stored.description ?? DEFAULT_TEMPLATE.description,
      stages: readStages(this.ledger),
      dimensions,
      playbooks,
      settings: readSettings(this.ledger),
    };
  }
}

function shuffle<T>(list: T[]): void {
  const rnd = new Uint32Array(list.length);
  crypto.getRandomValues(rnd);
  for (let i = list.length - 1; i > 0; i--) {
    const j = rnd[i]! % (i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}

/**
 * Writes into a participant's document as the server, binding the server's Yjs client id
 * first so that no phone can later write under it.
 */
export function serverWrite(doc: Y.Doc, fn: (m: ReturnType<typeof privateMaps>) => void): void {
  const m = privateMaps(doc);
  doc.transact(() => {
    const me = String(doc.clientID);
    if (m.clients.get(me) !== SERVER_CLIENT) m.clients.set(me, SERVER_CLIENT);
    fn(m);
  });
}
