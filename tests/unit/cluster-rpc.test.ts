/**
 * A workshop method run on another node (server/cluster/rpc.ts), between two nodes joined by an
 * in-memory link that carries each message as the bus does: JSON text, read back through the
 * same check as a message from Redis.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors.ts';
import { readMessage, type Message } from '../../server/cluster/messages.ts';
import { NotOwner } from '../../server/cluster/ownership.ts';
import { Rpc } from '../../server/cluster/rpc.ts';

type Run = (method: string, args: unknown[]) => Promise<unknown>;

/** Two nodes, `edge` calling and `owner` answering with `run`; `lose` drops the owner's mail. */
function pair(run: Run, opts: { timeoutMs?: number; lose?: boolean; redisDown?: boolean } = {}) {
  const nodes = new Map<string, Rpc>();
  const deliver = (to: string, msg: Message): Promise<void> => {
    if (opts.redisDown) return Promise.reject(new Error('connect ECONNREFUSED'));
    const received = readMessage(JSON.stringify(msg));
    if (opts.lose && to === 'owner') return Promise.resolve();
    const rpc = nodes.get(to)!;
    setImmediate(() => (received.t === 'call' ? void rpc.answer(received) : received.t === 'result' ? rpc.settle(received) : undefined));
    return Promise.resolve();
  };
  for (const node of ['edge', 'owner']) {
    nodes.set(node, new Rpc({ node, send: deliver, run, timeoutMs: () => opts.timeoutMs ?? 5_000 }));
  }
  return nodes.get('edge')!;
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return { code: err.code, message: err.message };
};

describe('calls between nodes', () => {
  it("answers with the owner's value, bytes included, for the arguments the caller gave", async () => {
    const seen: unknown[] = [];
    const edge = pair(async (method, args) => {
      seen.push(method, args);
      return { name: 'Board', state: Uint8Array.from([1, 2, 255]) };
    });
    const value = await edge.call('owner', 'exportArchive', ['ROOM01', Uint8Array.from([7])]);
    expect(seen).toEqual(['exportArchive', ['ROOM01', Buffer.from([7])]]);
    expect(value).toEqual({ name: 'Board', state: Buffer.from([1, 2, 255]) });
  });

  it("refuses with the owner's own code and words", async () => {
    const edge = pair(async () => {
      throw new AppError('WORKSHOP_NOT_FOUND', 'No such workshop.');
    });
    expect(await refusal(edge.call('owner', 'roomInfo', ['ROOM01']))).toEqual({ code: 'WORKSHOP_NOT_FOUND', message: 'No such workshop.' });
  });

  it('tells the caller to try again when the room moved off the node it asked', async () => {
    const edge = pair(async () => {
      throw new NotOwner('ROOM01', { node: 'elsewhere', epoch: 3 });
    });
    const r = await refusal(edge.call('owner', 'roomInfo', ['ROOM01']));
    expect(r.code).toBe('STORAGE_UNAVAILABLE');
    expect(r.message).toMatch(/moving between servers/);
  });

  it('tells the caller to try again when the owner does not answer in time', async () => {
    const edge = pair(async () => 'late', { lose: true, timeoutMs: 50 });
    const r = await refusal(edge.call('owner', 'roomInfo', ['ROOM01']));
    expect(r.code).toBe('STORAGE_UNAVAILABLE');
    expect(r.message).toMatch(/does not answer/);
  });

  it('tells the caller to try again at once when the call cannot be sent', async () => {
    const edge = pair(async () => 'never', { redisDown: true, timeoutMs: 60_000 });
    const r = await refusal(edge.call('owner', 'roomInfo', ['ROOM01']));
    expect(r.code).toBe('STORAGE_UNAVAILABLE');
    expect(r.message).toMatch(/Redis is out of reach/);
  });
});
