/**
 * Room leases in Redis: at most one node owns a room at a time, and each ownership carries a
 * fencing epoch that PostgreSQL checks on every write (storage `claim` and `epoch`).
 *
 * - The epoch comes from a per-room counter that never expires, so it only goes up, even when
 *   a lease key expires. If Redis loses its data (it keeps nothing on disk here), the counter
 *   starts again from 0: pass the epoch storage last recorded as `atLeast` (StaleEpoch says
 *   it) and the counter jumps past it.
 * - A lease is a key holding "<epoch>:<node>" with a TTL. Renewal and release are Lua
 *   check-and-act: they touch the key only while it still holds this node's exact value, so
 *   a node can never extend or delete a lease that has passed to someone else.
 * - Safety does not rest on clocks or on Redis staying up: a node paused past its lease may
 *   still believe it owns the room, and PostgreSQL refuses its writes (older epoch).
 *
 * Keys carry the room code in a hash tag, so a room's lease and counter share a Redis Cluster
 * slot and the scripts stay single-slot.
 */
import type { Redis } from 'ioredis';

export interface Lease {
  readonly code: string;
  readonly epoch: number;
  /**
   * Act as owner only before this time (this node's clock): the TTL counted from when the
   * request was sent, less a margin for clock drift, so it ends before Redis' own expiry.
   */
  validUntil: number;
}

export interface LeaseHolder {
  node: string;
  epoch: number;
}

export type Acquired = { ok: true; lease: Lease } | { ok: false; holder: LeaseHolder };

export interface LeaseOptions {
  /** This node's id, unique per process (two processes must never share it). */
  node: string;
  /** Prefix of every key (several deployments or tests can share one Redis). */
  prefix: string;
  ttlMs: number;
  now?: () => number;
}

// KEYS[1] lease, KEYS[2] epoch counter; ARGV[1] node, ARGV[2] ttl ms, ARGV[3] epoch floor.
const ACQUIRE = `
local held = redis.call('GET', KEYS[1])
if held then return {0, held} end
local epoch = redis.call('INCR', KEYS[2])
local floor = tonumber(ARGV[3])
if epoch <= floor then
  epoch = floor + 1
  redis.call('SET', KEYS[2], epoch)
end
local value = string.format('%d', epoch) .. ':' .. ARGV[1]
redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
return {1, value}
`;
// KEYS[1] lease, KEYS[2] epoch counter; ARGV[1] the value this node holds, ARGV[2] ttl ms,
// ARGV[3] its epoch. A lease that lapsed (a renewal came late) is taken back only while no one
// has taken the room since: every acquisition raises the counter, so the counter still at this
// lease's epoch proves it.
const RENEW = `
local held = redis.call('GET', KEYS[1])
if held == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if not held and redis.call('GET', KEYS[2]) == ARGV[3] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

function parseHolder(value: string): LeaseHolder {
  const at = value.indexOf(':');
  return { epoch: Number(value.slice(0, at)), node: value.slice(at + 1) };
}

export class RoomLeases {
  private readonly now: () => number;
  private readonly driftMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly opts: LeaseOptions,
  ) {
    this.now = opts.now ?? Date.now;
    // Clocks on two machines run at slightly different rates; 1 % of the TTL (at least 20 ms) covers it.
    this.driftMs = Math.max(20, Math.ceil(opts.ttlMs / 100));
  }

  private leaseKey(code: string): string {
    return `${this.opts.prefix}{room:${code}}:lease`;
  }

  private epochKey(code: string): string {
    return `${this.opts.prefix}{room:${code}}:epoch`;
  }

  private value(lease: Lease): string {
    return `${lease.epoch}:${this.opts.node}`;
  }

  /**
   * Takes the room's lease when no one holds it, with a new epoch above every earlier one
   * (and above `atLeast`); otherwise says who holds it. Throws when Redis cannot be reached.
   */
  async acquire(code: string, atLeast = 0): Promise<Acquired> {
    const sentAt = this.now();
    const [won, value] = (await this.redis.eval(
      ACQUIRE,
      2,
      this.leaseKey(code),
      this.epochKey(code),
      this.opts.node,
      this.opts.ttlMs,
      atLeast,
    )) as [number, string];
    const holder = parseHolder(value);
    if (!won) return { ok: false, holder };
    return { ok: true, lease: { code, epoch: holder.epoch, validUntil: sentAt + this.opts.ttlMs - this.driftMs } };
  }

  /**
   * Extends the lease by a TTL from now, or takes it back if it lapsed and no one has taken the
   * room since (a renewal delayed by a blocked event loop, or by Redis being out of reach). False
   * when the room has been someone else's since (or Redis lost its counters): stop acting as the
   * owner. Throws when Redis cannot be reached; the lease then stands until `validUntil`
   * passes or storage refuses a write.
   */
  async renew(lease: Lease): Promise<boolean> {
    const sentAt = this.now();
    const ok =
      (await this.redis.eval(
        RENEW,
        2,
        this.leaseKey(lease.code),
        this.epochKey(lease.code),
        this.value(lease),
        this.opts.ttlMs,
        String(lease.epoch),
      )) === 1;
    if (ok) lease.validUntil = sentAt + this.opts.ttlMs - this.driftMs;
    return ok;
  }

  /** Gives the room up (on unload or shutdown), so another node need not wait for the TTL. */
  async release(lease: Lease): Promise<boolean> {
    lease.validUntil = 0;
    return (await this.redis.eval(RELEASE, 1, this.leaseKey(lease.code), this.value(lease))) === 1;
  }

  /** Who owns the room now, if anyone. */
  async holder(code: string): Promise<LeaseHolder | null> {
    const value = await this.redis.get(this.leaseKey(code));
    return value === null ? null : parseHolder(value);
  }
}
