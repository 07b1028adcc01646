/**
 * Connections per address counted across every node, in Redis, so one device cannot open the
 * cap's worth on each node. Each address has a hash of per-node contributions, "<count>:<until>";
 * a node writes its own whenever its count changes and again every third of `ttlMs`, and a
 * contribution past its `until` (its node died or lost Redis) no longer counts and is removed,
 * so a dead node's connections do not hold slots for more than `ttlMs`.
 *
 * When Redis cannot be reached, each node caps what it holds itself (the single-node rule):
 * connections keep working, and one address holds at most the cap times the number of nodes.
 */
import type { Redis } from 'ioredis';
import { ConnectionCounter, type AddressConnections } from './address-limits.ts';

// KEYS[1] the address' hash; ARGV[1] node, ARGV[2] cap, ARGV[3] ttl ms, ARGV[4] this node's
// count, ARGV[5] '1' to refuse when the total would pass the cap. Redis' clock, not the nodes'.
const SET = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local own = tonumber(ARGV[4])
local total = own
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if fields[i] ~= ARGV[1] then
    local n, untilMs = string.match(fields[i + 1], '^(%d+):(%d+)$')
    if n and tonumber(untilMs) > now then total = total + tonumber(n) else redis.call('HDEL', KEYS[1], fields[i]) end
  end
end
if ARGV[5] == '1' and total > tonumber(ARGV[2]) then return 0 end
if own > 0 then
  redis.call('HSET', KEYS[1], ARGV[1], own .. ':' .. (now + tonumber(ARGV[3])))
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
else
  redis.call('HDEL', KEYS[1], ARGV[1])
end
return 1
`;

export interface RedisConnectionCounterOptions {
  prefix: string;
  /** This process' id, unique among the nodes. */
  node: string;
  cap: number;
  /** How long a node's contribution counts without being written again. */
  ttlMs: number;
  onFallback?: (err: unknown) => void;
}

export class RedisConnectionCounter implements AddressConnections {
  private readonly local: ConnectionCounter;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly redis: Redis,
    private readonly opts: RedisConnectionCounterOptions,
  ) {
    this.local = new ConnectionCounter(opts.cap);
    this.timer = setInterval(() => this.refresh(), Math.max(100, Math.floor(opts.ttlMs / 3)));
    this.timer.unref?.();
  }

  private key(address: string): string {
    return `${this.opts.prefix}connections:${address}`;
  }

  private write(address: string, check: boolean): Promise<boolean> {
    const { node, cap, ttlMs } = this.opts;
    return this.redis.eval(SET, 1, this.key(address), node, cap, ttlMs, this.local.held(address), check ? '1' : '0').then((r) => r === 1);
  }

  async acquire(address: string): Promise<boolean> {
    // This node's own cap first: it holds when Redis does not answer.
    if (!this.local.acquire(address)) return false;
    try {
      if (await this.write(address, true)) return true;
    } catch (err) {
      this.opts.onFallback?.(err);
      return true;
    }
    this.release(address);
    return false;
  }

  release(address: string): void {
    this.local.release(address);
    void this.write(address, false).catch(() => {}); // a refresh puts it right
  }

  /** Writes this node's contributions again, so they keep counting while it lives. */
  private refresh(): void {
    for (const address of [...this.local.addresses()]) void this.write(address, false).catch(() => {});
  }

  close(): void {
    clearInterval(this.timer);
  }
}
