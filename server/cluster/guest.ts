/**
 * On the owner: a socket whose phone is connected to another node. It has what the connection
 * handler uses of a socket (RealtimeSocket), so the very same handler (socket-server.ts) serves
 * it: one set of write rules and one privacy decision per recipient, wherever the phone is.
 * Its events arrive from the other node; what the handlers emit to it goes back there.
 */
import type { RealtimeSocket, SocketData } from '../realtime/socket-server.ts';
import { packArgs } from './bus.ts';
import type { Message } from './messages.ts';

type Listener = (this: RealtimeSocket, ...args: unknown[]) => void;
type AnyListener = (this: RealtimeSocket, event: string, ...args: unknown[]) => void;

export class GuestSocket implements RealtimeSocket {
  /** The room's connection id: node and socket id, unique across the cluster. */
  readonly id: string;
  /** Not a WebSocket here: ws-frames.ts falls back to `emit`. */
  readonly conn = { readyState: 'forwarded' };
  connected = true;
  private readonly listeners = new Map<string, Listener[]>();
  private readonly any: AnyListener[] = [];

  constructor(
    readonly node: string,
    readonly sid: string,
    readonly data: SocketData,
    private readonly send: (msg: Message) => void,
  ) {
    this.id = `${node}/${sid}`;
  }

  emit(event: string, ...args: unknown[]): boolean {
    if (this.connected) this.send({ t: 'emit', sids: [this.sid], event, args: packArgs(args) });
    return true;
  }

  on(event: string, fn: Listener): this {
    const list = this.listeners.get(event);
    if (list) list.push(fn);
    else this.listeners.set(event, [fn]);
    return this;
  }

  once(event: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      fn.apply(this, args);
    };
    return this.on(event, wrapped);
  }

  off(event: string, fn: Listener): this {
    const list = this.listeners.get(event);
    if (list)
      this.listeners.set(
        event,
        list.filter((f) => f !== fn),
      );
    return this;
  }

  onAny(fn: AnyListener): this {
    this.any.push(fn);
    return this;
  }

  join(): void {}

  /** Closes it for good (removed, key rotated, workshop deleted): the other node disconnects the phone. */
  disconnect(): this {
    if (!this.connected) return this;
    this.send({ t: 'close', sids: [this.sid] });
    this.gone();
    return this;
  }

  /** The phone went away (or the room moved): no more sends, and the handlers hear `disconnect`. */
  gone(): void {
    if (!this.connected) return;
    this.connected = false;
    for (const fn of this.listeners.get('disconnect') ?? []) fn.call(this, 'forwarded socket closed');
  }

  /** An event from the phone; `ack` is set when the phone asked for an answer. */
  dispatch(event: string, args: unknown[], ack: number | undefined): void {
    if (!this.connected) return;
    let answered = false;
    const call =
      ack === undefined
        ? args
        : [
            ...args,
            (...reply: unknown[]) => {
              if (answered) return;
              answered = true;
              this.send({ t: 'ack', sid: this.sid, id: ack, args: packArgs(reply) });
            },
          ];
    // With the socket as `this`, as Socket.IO calls them: the handlers are shared by every socket.
    for (const fn of this.any) fn.call(this, event, ...call);
    for (const fn of this.listeners.get(event) ?? []) fn.apply(this, call);
  }
}
