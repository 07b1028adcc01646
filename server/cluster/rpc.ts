/**
 * Requests between nodes: a workshop method that needs the live room (room info, join, the
 * exports; cluster-workshops.ts) runs on the room's owner, and its answer comes back. A call
 * that cannot be sent, gets no answer in time, or reaches a node that no longer owns the room
 * fails with STORAGE_UNAVAILABLE: the HTTP caller is told to try again.
 */
import { AppError, isErrorCode } from '../../shared/domain/errors.ts';
import { toAppError } from '../http-errors.ts';
import { pack, packArgs, unpack, unpackArgs } from './bus.ts';
import type { Message, MessageOf } from './messages.ts';
import { NotOwner } from './ownership.ts';

export interface RpcOptions {
  /** This node, where answers come back to. */
  node: string;
  /** Sends a message to a node; rejects when it cannot (Redis out of reach). */
  send: (node: string, msg: Message) => Promise<void>;
  /** Runs a workshop method here, for another node. */
  run: (method: string, args: unknown[]) => Promise<unknown>;
  /** How long a call waits for its answer. */
  timeoutMs: () => number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class Rpc {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly opts: RpcOptions) {}

  /** Runs `method` on `node` and resolves with what it returned there. */
  call(node: string, method: string, args: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AppError('STORAGE_UNAVAILABLE', 'The server holding this workshop does not answer; try again.'));
      }, this.opts.timeoutMs());
      this.pending.set(id, { resolve, reject, timer });
      this.opts.send(node, { t: 'call', from: this.opts.node, id, method, args: packArgs(args) }).catch(() => {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new AppError('STORAGE_UNAVAILABLE', 'Redis is out of reach; try again.'));
      });
    });
  }

  /** Another node's call: runs it here and sends back its value, or why it failed. */
  async answer(msg: MessageOf<'call'>): Promise<void> {
    const reply = (body: Omit<MessageOf<'result'>, 't' | 'id'>) =>
      void this.opts.send(msg.from, { t: 'result', id: msg.id, ...body }).catch(() => {});
    try {
      const value = await this.opts.run(msg.method, unpackArgs(msg.args));
      reply({ value: pack(value) });
    } catch (err) {
      if (err instanceof NotOwner) return reply({ moved: true });
      const e = toAppError(err);
      reply({ error: { code: e.code, message: e.message } });
    }
  }

  /** The answer to one of this node's calls (one that timed out meanwhile is ignored). */
  settle(msg: MessageOf<'result'>): void {
    const c = this.pending.get(msg.id);
    if (!c) return;
    this.pending.delete(msg.id);
    clearTimeout(c.timer);
    if (msg.moved) return c.reject(new AppError('STORAGE_UNAVAILABLE', 'This workshop is moving between servers; try again.'));
    if (msg.error) return c.reject(new AppError(isErrorCode(msg.error.code) ? msg.error.code : 'INTERNAL', msg.error.message));
    c.resolve(unpack(msg.value));
  }

  /** Shutdown: no call's timer keeps the process up. */
  close(): void {
    for (const c of this.pending.values()) clearTimeout(c.timer);
  }
}
