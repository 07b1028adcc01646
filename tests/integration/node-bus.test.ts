/**
 * The bus between nodes (server/cluster/bus.ts) on real Redis: a message that is not one of
 * ours is dropped where it arrives and reported, and the node keeps hearing the next ones.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { Bus } from '../../server/cluster/bus.ts';
import type { Message } from '../../server/cluster/messages.ts';
import { eventually } from '../helpers/clients.ts';
import { testRedis } from '../helpers/services.ts';

const opened: { bus: Bus; redis: Redis }[] = [];
afterEach(() => {
  for (const { bus, redis } of opened.splice(0)) {
    bus.close();
    redis.disconnect();
  }
});

describe('the bus between nodes', () => {
  it('drops a message of another shape with a report, and still delivers the next one', async () => {
    const t = await testRedis();
    const open = async (node: string, onMessage: (m: Message) => void, onError: (err: unknown) => void) => {
      const redis = new Redis(t.url, { maxRetriesPerRequest: 1 });
      const bus = await Bus.open(redis, t.prefix, node, 10_000, onMessage, onError);
      opened.push({ bus, redis });
      return bus;
    };
    const heard: Message[] = [];
    const errors: unknown[] = [];
    await open(
      'b',
      (m) => heard.push(m),
      (err) => errors.push(err),
    );
    const a = await open(
      'a',
      () => {},
      () => {},
    );

    for (const text of ['not json', '{"t":"hello"}', '{"t":"drop","sids":"s1"}']) await t.redis.publish(`${t.prefix}node:b`, text);
    await a.send('b', { t: 'drop', sids: ['s1'] });

    await eventually(() => heard.length === 1);
    expect(heard).toEqual([{ t: 'drop', sids: ['s1'] }]);
    expect(errors).toHaveLength(3);
  });
});
