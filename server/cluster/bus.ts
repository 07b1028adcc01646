/**
 * Messages between nodes, over Redis pub/sub: each node listens on a channel of its own
 * (`<prefix>node:<id>`) and on one channel every node hears (`<prefix>cluster`).
 *
 * Pub/sub delivers at most once and keeps nothing: a message to a node that is down is lost.
 * Nothing here relies on delivery for safety. A forwarded edit is acknowledged only by its
 * owner after it is stored, so a lost message is an edit the phone still holds and sends
 * again; a lost notice (a room moved, a workshop deleted) is caught by the lease checks and
 * by storage.
 */
import type { Redis } from 'ioredis';
import { readMessage, type Message } from './messages.ts';

/** JSON with byte arrays as base64 (Socket.IO hands binary frames to us as Buffers). */
export function pack(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(pack);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = pack(v);
    return out;
  }
  return value;
}

/** An event's or a call's arguments, packed one by one (as `pack` does with any array). */
export const packArgs = (args: readonly unknown[]): unknown[] => args.map(pack);

export function unpack(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpack);
  if (value && typeof value === 'object') {
    const b = (value as { $b?: unknown }).$b;
    if (typeof b === 'string' && Object.keys(value).length === 1) return Buffer.from(b, 'base64');
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = unpack(v);
    return out;
  }
  return value;
}

export const unpackArgs = (args: readonly unknown[]): unknown[] => args.map(unpack);

export class Bus {
  private readonly sub: Redis;
  private readonly own: string;
  private readonly all: string;
  private opened = false;
  private reconnected: (() => void) | null = null;

  private constructor(
    private readonly pub: Redis,
    private readonly prefix: string,
    readonly node: string,
    onMessage: (msg: Message) => void,
    onError: (err: unknown) => void,
  ) {
    this.own = this.channelOf(node);
    this.all = `${prefix}cluster`;
    // A subscriber connection of its own; it resubscribes by itself after Redis comes back.
    this.sub = pub.duplicate({ enableOfflineQueue: true });
    this.sub.on('error', () => {}); // the main connection reports outages
    // Back after an outage: what was published meanwhile is gone (pub/sub keeps nothing).
    this.sub.on('ready', () => {
      if (!this.opened) return;
      if (this.pub.status === 'ready') this.reconnected?.();
      else this.pub.once('ready', () => this.reconnected?.());
    });
    // A message of another shape is dropped here, reported through onError.
    this.sub.on('message', (_channel: string, text: string) => {
      try {
        onMessage(readMessage(text));
      } catch (err) {
        onError(err);
      }
    });
  }

  /** Subscribes, and says this node is alive for `aliveMs` (then keep calling beat). */
  static async open(
    pub: Redis,
    prefix: string,
    node: string,
    aliveMs: number,
    onMessage: (msg: Message) => void,
    onError: (err: unknown) => void,
  ): Promise<Bus> {
    const bus = new Bus(pub, prefix, node, onMessage, onError);
    await bus.sub.subscribe(bus.own, bus.all);
    bus.opened = true;
    await bus.beat(aliveMs).catch(() => {});
    return bus;
  }

  /**
   * Called when this node hears the bus again after losing Redis, once it can also send: any
   * message to or from it in between may be lost, so whatever relied on them starts afresh.
   */
  onReconnect(fn: () => void): void {
    this.reconnected = fn;
  }

  private channelOf(node: string): string {
    return `${this.prefix}node:${node}`;
  }

  private aliveKey(node: string): string {
    return `${this.prefix}node:${node}:alive`;
  }

  /** Says this node is alive for `ttlMs` (called every third of it). */
  async beat(ttlMs: number): Promise<void> {
    await this.pub.set(this.aliveKey(this.node), '1', 'PX', ttlMs);
  }

  /** Which of these nodes said recently that they are alive. */
  async alive(nodes: readonly string[]): Promise<Set<string>> {
    if (!nodes.length) return new Set();
    const values = await this.pub.mget(...nodes.map((n) => this.aliveKey(n)));
    return new Set(nodes.filter((_, i) => values[i] !== null));
  }

  /** To one node. Rejects when Redis is out of reach. */
  async send(node: string, msg: Message): Promise<void> {
    await this.pub.publish(this.channelOf(node), JSON.stringify(msg));
  }

  /** To every node, this one included. */
  async broadcast(msg: Message): Promise<void> {
    await this.pub.publish(this.all, JSON.stringify(msg));
  }

  close(): void {
    this.sub.disconnect();
  }
}
