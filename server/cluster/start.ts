/**
 * Cluster mode's parts, put together for buildApp: this node's id, the room leases, ownership
 * (lease + fence), the message bus and the router, and the workshop service that runs room
 * methods on each room's owner.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { IO } from '../realtime/socket-server.ts';
import type { Storage } from '../storage/storage.ts';
import type { WorkshopServiceOptions } from '../workshop-service.ts';
import { Bus } from './bus.ts';
import { RoomLeases } from './lease.ts';
import { RoomOwnership } from './ownership.ts';
import { ClusterRouter } from './router.ts';
import { ClusterWorkshops } from './cluster-workshops.ts';

interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Cluster {
  node: string;
  router: ClusterRouter;
  ownership: RoomOwnership;
  /** The workshop service for this node (also attaches its room manager to the router). */
  workshops(opts: WorkshopServiceOptions): ClusterWorkshops;
  close(): void;
}

export async function startCluster(deps: {
  config: Config;
  redis: Redis;
  storage: Storage;
  io: IO;
  log: Logger;
  /** Told each time a room's lease comes to this node or leaves it (for /metrics). */
  onLeaseMove?: (direction: 'acquired' | 'lost') => void;
}): Promise<Cluster> {
  const { config, redis, storage, io, log } = deps;
  // Unique per process, and readable in logs and in the lease keys.
  const node = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leases = new RoomLeases(redis, { node, prefix: config.redisPrefix, ttlMs: config.leaseTtlMs });
  let service: ClusterWorkshops | null = null;
  const ownership = new RoomOwnership({
    leases,
    storage,
    ttlMs: config.leaseTtlMs,
    onLost: (code) => {
      deps.onLeaseMove?.('lost');
      router.roomLost(code);
    },
    onAcquired: () => deps.onLeaseMove?.('acquired'),
    onError: (err) => log.warn({ err }, 'room lease renewal failed'),
    onLate: (code, sinceLastMs) =>
      log.warn({ code, sinceLastMs, ttlMs: config.leaseTtlMs }, 'room lease renewal ran late: the event loop was blocked'),
  });
  const router: ClusterRouter = new ClusterRouter({
    node,
    io,
    leases,
    ownership,
    ttlMs: config.leaseTtlMs,
    maxConnectionsPerParticipant: config.maxConnectionsPerParticipant,
    runLocal: (method, args) => (service ? service.runLocal(method, args) : Promise.reject(new Error('not ready'))),
    log,
  });
  router.bus = await Bus.open(
    redis,
    config.redisPrefix,
    node,
    config.leaseTtlMs,
    (msg) => router.handle(msg),
    (err) => log.warn({ err }, 'unreadable cluster message'),
  );
  router.bus.onReconnect(() => void router.redisBack());
  log.info({ node }, 'cluster mode: rooms shared with the other nodes through Redis');
  return {
    node,
    router,
    ownership,
    workshops(opts) {
      router.attach(opts.rooms);
      service = new ClusterWorkshops(opts, { router, leases, storage });
      return service;
    },
    close() {
      router.close();
      ownership.stop();
    },
  };
}
