/**
 * Prometheus metrics, on a registry of this app's own (tests run several apps in one process).
 * Labels take only values from short fixed lists (a role, an operation, an error code): never a
 * room code, a name or a token, so a scrape stays small and tells nobody who was in which room.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ErrorCode } from '../../shared/domain/errors.ts';
import type { Role } from '../../shared/wire/documents.ts';

export interface MetricsSources {
  roomsLoaded: () => number;
  connectionsByRole: () => Record<Role, number>;
}

export class Metrics {
  readonly registry = new Registry();
  readonly editsApplied = new Counter({
    name: 'social_shift_edits_applied_total',
    help: 'Edits stored and acknowledged: participant document updates and commands.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly ackLatency = new Histogram({
    name: 'social_shift_ack_latency_seconds',
    help: 'From a sync or command message arriving to its acknowledgement.',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly storageLatency = new Histogram({
    name: 'social_shift_storage_seconds',
    help: 'Storage calls by operation (the Storage interface method).',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'social_shift_refusals_total',
    help: 'Requests, handshakes and messages refused, by catalogue error code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly rateLimitedConnections = new Counter({
    name: 'social_shift_rate_limited_connections_total',
    help: 'Socket handshakes refused by a per-address or per-participant limit, by limit.',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly leaseMoves = new Counter({
    name: 'social_shift_room_lease_moves_total',
    help: 'Cluster mode: room leases this node took (acquired) or lost to another node (lost).',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  });

  constructor(sources: MetricsSources, opts: { processMetrics: boolean }) {
    new Gauge({
      name: 'social_shift_rooms_loaded',
      help: 'Rooms held in memory by this node.',
      registers: [this.registry],
      collect() {
        this.set(sources.roomsLoaded());
      },
    });
    new Gauge({
      name: 'social_shift_connections',
      help: 'Open sockets on this node, by role.',
      labelNames: ['role'] as const,
      registers: [this.registry],
      collect() {
        for (const [role, n] of Object.entries(sources.connectionsByRole())) this.set({ role }, n);
      },
    });
    // Only when scraped: the default collectors keep timers and event loop monitors running.
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  refused(code: ErrorCode): void {
    this.refusals.inc({ code });
  }

  /** Starts a timer for one message; call the result with its outcome when it is acknowledged. */
  ackTimer(kind: 'sync' | 'command'): (applied: boolean) => void {
    const end = this.ackLatency.startTimer({ kind });
    return (applied) => {
      end();
      if (applied) this.editsApplied.inc({ kind: kind === 'sync' ? 'update' : 'command' });
    };
  }
}
