/**
 * LiveBoard: the reactive face of a WorkshopConnection. The doc is re-read as
 * plain data at most once per animation frame, however many updates arrive, so
 * a burst of 300 cards costs one render, not 300.
 */
import { WorkshopConnection, type SyncStatus } from './connection.ts';
import { readBoard } from '../../shared/board.ts';
import type { BoardState } from '../../shared/types.ts';
import type { Ack, ClosedPayload, Command, HandshakeAuth } from '../../shared/protocol.ts';

export interface LiveOptions {
  auth: HandshakeAuth;
  persistKey?: string;
  /** Presence announced to the room (participants only). */
  presence?: { id: string; name: string };
}

export class LiveBoard {
  board = $state.raw<BoardState | null>(null);
  status = $state<SyncStatus>('connecting');
  pending = $state(0);
  /** Participant ids with at least one open connection. */
  online = $state.raw<ReadonlySet<string>>(new Set());
  closed = $state.raw<ClosedPayload | null>(null);
  /** The last refusal from the server, in words for people. */
  notice = $state<string | null>(null);

  readonly conn: WorkshopConnection;
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #offs: (() => void)[] = [];
  readonly #presence: { id: string; name?: string };

  constructor(opts: LiveOptions) {
    // The server accepts presence only when it names the connection: a participant by id, the
    // console and the projector by role. Without this, the default empty state is refused and the
    // console shows "Presence must name you." on every connect.
    this.#presence = opts.presence ?? { id: `@${opts.auth.role}` };
    this.conn = new WorkshopConnection({ auth: opts.auth, persistKey: opts.persistKey });
    this.#announce();
    this.#offs.push(
      this.conn.on('change', () => this.#schedule()),
      this.conn.on('status', () => {
        // A replaced doc comes with a new awareness instance: announce again.
        this.#announce();
        this.#schedule();
      }),
      this.conn.on('rejected', (r) => {
        this.notice = r.message;
        this.#schedule();
      }),
      this.conn.on('closed', (c) => (this.closed = c)),
    );
    // The browser knows about a dead network long before a socket ping times out.
    const offline = () => this.conn.socket.disconnect();
    const online = () => {
      if (!this.closed && !this.conn.socket.connected) this.conn.socket.connect();
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

  get doc() {
    return this.conn.doc;
  }

  /** Server time now, so every screen counts down the same timer. */
  serverNow(localNow: number): number {
    return localNow + this.conn.serverOffsetMs;
  }

  async command(cmd: Command): Promise<Ack> {
    const ack = await this.conn.command(cmd);
    this.notice = ack.ok ? null : ack.error.message;
    return ack;
  }

  /** Call after a local doc edit so the UI reflects it in this frame. */
  touched(): void {
    this.#schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    if (this.#timer) clearTimeout(this.#timer);
    for (const off of this.#offs) off();
    this.conn.close();
  }

  #announce(): void {
    const a = this.conn.awareness;
    if (a.getLocalState()?.user?.id !== this.#presence.id) a.setLocalState({ user: this.#presence });
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
    this.#announce();
    const doc = this.conn.doc;
    const hasMeta = doc.getMap('meta').size > 0;
    this.board = hasMeta ? readBoard(doc) : this.board;
    this.status = this.conn.status;
    this.pending = this.conn.pending;
    const ids = new Set<string>();
    for (const state of this.conn.awareness.getStates().values()) {
      const id = (state as { user?: { id?: unknown } }).user?.id;
      if (typeof id === 'string') ids.add(id);
    }
    if (ids.size !== this.online.size || [...ids].some((id) => !this.online.has(id))) this.online = ids;
  }
}
