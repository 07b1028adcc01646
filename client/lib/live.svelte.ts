/**
 * LiveBoard: the reactive face of a WorkshopConnection, and the one place a
 * screen changes the board (`addCard`, `setMarker`, `command`): views
 * stay presentational and never touch a Y.Doc. The documents are read back as
 * one RoomBoard at most once per animation frame, however many updates arrive,
 * so a burst of 300 cards costs one render, not 300.
 */
import { WorkshopConnection, type SyncStatus, type WriteResult } from './connection.ts';
import { readRoomBoard } from '../../shared/doc/room-doc.ts';
import { deleteCard, privateMaps, putCard, putMarker } from '../../shared/doc/private-doc.ts';
import type { CardValue, MarkerValue, RoomBoard } from '../../shared/domain/types.ts';
import type { ClosedPayload, Command, CommandAck, CommandType, HandshakeAuth, HandshakeRefusal } from '../../shared/schema/protocol.ts';
import { newId } from './model.ts';

export interface LiveOptions {
  auth: HandshakeAuth;
  persistKey?: string;
  /** This phone's participant id (participants only). */
  participantId?: string;
}

/** A card the server refused after it had left the form (sent from offline): offered back. */
export interface LostCard {
  id: string;
  value: CardValue;
  reason: string;
}

export class LiveBoard {
  board = $state.raw<RoomBoard | null>(null);
  status = $state<SyncStatus>('connecting');
  pending = $state(0);
  /** Participant ids with an open connection (the console); elsewhere only `onlineCount`. */
  online = $state.raw<ReadonlySet<string>>(new Set());
  onlineCount = $state(0);
  closed = $state.raw<ClosedPayload | null>(null);
  refusal = $state.raw<HandshakeRefusal | null>(null);
  /** "The server is busy, trying again…": the connection waits to try again by itself. */
  waiting = $state<string | null>(null);
  /** The last refusal from the server, in words for people. */
  notice = $state<string | null>(null);
  lost = $state.raw<LostCard[]>([]);

  readonly conn: WorkshopConnection;
  readonly #participantId: string | null;
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #offs: (() => void)[] = [];
  #lastReason = 'The server did not keep it.';

  constructor(opts: LiveOptions) {
    this.#participantId = opts.participantId ?? null;
    this.conn = new WorkshopConnection({ auth: opts.auth, persistKey: opts.persistKey });
    this.#offs.push(
      this.conn.on('change', () => this.#schedule()),
      this.conn.on('status', () => this.#schedule()),
      this.conn.on('rejected', (r) => {
        this.notice = r.message;
        this.#lastReason = r.message;
        this.#schedule();
      }),
      this.conn.on('lost', (cards) => {
        const reason = this.#lastReason;
        this.lost = [...this.lost, ...cards.map((c) => ({ id: c.id, value: c.value as CardValue, reason }))];
      }),
      this.conn.on('closed', (c) => (this.closed = c)),
    );
    // The browser knows about a dead network long before a socket ping times out.
    const offline = () => this.conn.socket.disconnect();
    const online = () => {
      if (!this.closed && !this.conn.refusal && !this.conn.socket.connected) this.conn.socket.connect();
    };
    const hide = () => this.conn.persistNow();
    addEventListener('offline', offline);
    addEventListener('online', online);
    addEventListener('pagehide', hide);
    this.#offs.push(
      () => removeEventListener('offline', offline),
      () => removeEventListener('online', online),
      () => removeEventListener('pagehide', hide),
    );
    this.#refresh();
  }

  /** Server time now, so every screen counts down the same timer. */
  serverNow(localNow: number): number {
    return localNow + this.conn.serverOffsetMs;
  }

  async command<T extends CommandType>(cmd: Extract<Command, { type: T }>): Promise<CommandAck<T>> {
    const ack = await this.conn.command(cmd);
    this.notice = ack.ok ? null : ack.error.message;
    return ack;
  }

  // ------------------------------------------------------------ a participant's own entries

  /** Adds a card; resolves with what became of it, so a form keeps the text until it is safe. */
  async addCard(card: Omit<CardValue, 'createdAt'>): Promise<WriteResult> {
    const id = newId();
    return this.#write((doc) => putCard(doc, id, { ...card, createdAt: Date.now() }));
  }

  async updateCard(id: string, patch: Partial<Omit<CardValue, 'createdAt' | 'kind'>>): Promise<WriteResult> {
    return this.#write((doc) => {
      const old = privateMaps(doc).cards.get(id);
      if (old) putCard(doc, id, { ...old, ...patch });
    });
  }

  async deleteCard(id: string): Promise<WriteResult> {
    return this.#write((doc) => deleteCard(doc, id));
  }

  async setMarker(dimension: string, patch: Partial<MarkerValue>): Promise<WriteResult> {
    return this.#write((doc) => {
      const old = privateMaps(doc).markers.get(dimension);
      putMarker(doc, dimension, { current: old?.current ?? null, target: old?.target ?? null, ...patch });
    });
  }

  /** Takes a lost card off the list (put back in the form, or let go). */
  dismissLost(id: string): void {
    this.lost = this.lost.filter((c) => c.id !== id);
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    if (this.#timer) clearTimeout(this.#timer);
    for (const off of this.#offs) off();
    this.conn.close();
  }

  async #write(fn: Parameters<WorkshopConnection['write']>[0]): Promise<WriteResult> {
    const result = await this.conn.write(fn);
    this.notice = result.ok ? null : result.error.message;
    this.#schedule();
    return result;
  }

  #schedule(): void {
    if (this.#frame || this.#timer) return;
    const run = () => {
      cancelAnimationFrame(this.#frame);
      if (this.#timer) clearTimeout(this.#timer);
      this.#frame = 0;
      this.#timer = null;
      this.#refresh();
    };
    this.#frame = requestAnimationFrame(run);
    // Background tabs get no frames; a projector tab must still keep up.
    this.#timer = setTimeout(run, 120);
  }

  #refresh(): void {
    const conn = this.conn;
    const hasMeta = conn.room.getMap('meta').size > 0;
    if (hasMeta) {
      this.board = readRoomBoard(conn.room, {
        console: conn.console,
        mine: conn.mine && this.#participantId ? { doc: conn.mine, participantId: this.#participantId } : null,
      });
    }
    this.status = conn.status;
    this.pending = conn.pending;
    this.refusal = conn.refusal;
    this.waiting = conn.waiting;
    this.onlineCount = conn.presence.online;
    const ids = conn.presence.ids ?? [];
    if (ids.length !== this.online.size || ids.some((id) => !this.online.has(id))) this.online = new Set(ids);
  }
}
