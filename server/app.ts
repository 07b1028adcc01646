/**
 * buildApp(config) -> a ready Fastify instance with Socket.IO attached.
 * Registers plugins in order: security headers, rate limits, errors, API, static client.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { AppError } from '../shared/domain/errors.ts';
import { DEFAULTS, type Config } from './config.ts';
import { registerErrorHandler, toAppError } from './http-errors.ts';
import { healthRoutes } from './routes/health.ts';
import { metricsRoute, serveMetricsOnLoopback } from './routes/metrics.ts';
import { Metrics } from './ops/metrics.ts';
import { LoadShedder, heapLimitBytes } from './ops/load.ts';
import { timedStorage } from './storage/timed.ts';
import { scheduleBackups } from './storage/backup-schedule.ts';
import { workshopRoutes } from './routes/workshop-routes.ts';
import { RoomManager } from './rooms/room-manager.ts';
import { closeRoomConnections, createSocketServer, registerRealtime, type IO } from './realtime/socket-server.ts';
import { socketTransport } from './realtime/transport.ts';
import { connectRedis } from './cluster/redis.ts';
import { startCluster } from './cluster/start.ts';
import { FailureLimiter } from './security/failure-limiter.ts';
import { RedisFailureLimiter } from './security/redis-failure-limiter.ts';
import { RedisConnectionCounter } from './security/redis-connection-counter.ts';
import { KnownCodes } from './security/known-codes.ts';
import { openPostgresStorage } from './storage/postgres.ts';
import { openSqliteStorage } from './storage/sqlite.ts';
import type { Storage } from './storage/storage.ts';
import { WorkshopService } from './workshop-service.ts';

export interface App {
  http: FastifyInstance;
  io: IO;
  rooms: RoomManager;
  workshops: WorkshopService;
  storage: Storage;
  metrics: Metrics;
  /** The overload gate: new requests and connections wait while it is busy. */
  load: LoadShedder;
  /** Stops accepting, flushes every room, closes storage. */
  close(): Promise<void>;
}

export async function buildApp(config: Config, overrides: { storage?: Storage } = {}): Promise<App> {
  const http = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // The report link carries its key in the path (its page runs no script to read a fragment): never log it.
            serializers: {
              req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({
                method: req.method,
                url: req.url.replace(/^\/r\/([^/]+)\/[^/?#]+/, '/r/$1/[key]'),
                hostname: req.hostname,
                remoteAddress: req.ip,
              }),
            },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // Per-request lines only when debugging: a room of phones makes a lot of them.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    // Router-level refusals (a 5,000-character room code, a malformed URL) get catalogue codes too.
    frameworkErrors: (err, _request, reply) => {
      const e = toAppError(err);
      metrics.refused(e.code);
      void (reply as unknown as { code(n: number): FastifyReply })
        .code(e.status)
        .type('application/json')
        .send(e.toBody() as never);
    },
  });
  const metricsOn = config.metricsToken !== undefined || config.metricsPort !== undefined;
  let rooms: RoomManager | undefined;
  const metrics = new Metrics(
    {
      roomsLoaded: () => rooms?.size ?? 0,
      connectionsByRole: () => {
        const byRole = { facilitator: 0, viewer: 0, participant: 0 };
        for (const s of io.of('/').sockets.values()) if (s.data.role) byRole[s.data.role]++;
        return byRole;
      },
    },
    { processMetrics: metricsOn },
  );
  const timed = (s: Storage) =>
    timedStorage(s, (operation, outcome, seconds) => metrics.storageLatency.observe({ operation, outcome }, seconds));
  // PostgreSQL when DATABASE_URL is set (shared by every node), else the SQLite file.
  const storage =
    overrides.storage ??
    timed(
      config.databaseUrl
        ? await openPostgresStorage(config.databaseUrl, {
            queryTimeoutMs: config.databaseQueryTimeoutMs,
            onError: (err) => http.log.warn({ err }, 'PostgreSQL dropped an idle connection'),
          })
        : openSqliteStorage(config.dataDir),
    );
  const load = new LoadShedder(
    { maxEventLoopDelayMs: config.maxEventLoopDelayMs, maxHeapUsedBytes: heapLimitBytes(config.maxHeapUsedMb) },
    DEFAULTS.loadSampleMs,
  );
  // Redis when REDIS_URL is set: limits then hold across every node.
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, {
        onDown: (err) => http.log.warn({ err }, 'Redis is out of reach: rate limits count on this node alone until it returns'),
        onUp: () => http.log.info('Redis is back'),
      })
    : null;
  const io = createSocketServer(http.server, config);
  const onError = (err: unknown) => http.log.error({ err }, 'room error');
  // Cluster mode: one owner per room, the other nodes forward to it (server/cluster/router.ts).
  const cluster =
    config.cluster && redis
      ? await startCluster({ config, redis, storage, io, log: http.log, onLeaseMove: (direction) => metrics.leaseMoves.inc({ direction }) })
      : null;
  const transport = cluster ? cluster.router.transport(socketTransport(io)) : socketTransport(io);
  rooms = new RoomManager({
    storage,
    transportFor: () => transport,
    idleUnloadMs: config.roomIdleUnloadMs,
    compactEveryUpdates: DEFAULTS.compactEveryUpdates,
    storageRetryMs: DEFAULTS.storageRetryMs,
    touchEveryMs: DEFAULTS.touchEveryMs,
    onError,
    ownership: cluster?.ownership,
  });
  const serviceOpts = { storage, rooms, maxParticipants: config.maxParticipants, retentionMs: config.retentionMs };
  const workshops = cluster ? cluster.workshops(serviceOpts) : new WorkshopService(serviceOpts);
  const joinFailures = redis
    ? new RedisFailureLimiter(redis, {
        prefix: config.redisPrefix,
        limit: config.failedJoinsPerWindow,
        windowMs: config.failedJoinWindowMs,
      })
    : new FailureLimiter(config.failedJoinsPerWindow, config.failedJoinWindowMs);
  const knownCodes = new KnownCodes(config.failedJoinWindowMs);
  // With Redis, one address' connections are counted over every node (a dead node's expire).
  const perAddress = redis
    ? new RedisConnectionCounter(redis, {
        prefix: config.redisPrefix,
        node: cluster?.node ?? randomBytes(6).toString('hex'),
        cap: config.maxConnectionsPerAddress,
        ttlMs: config.leaseTtlMs,
        onFallback: (err) => http.log.warn({ err }, 'Redis is out of reach: connections per address count on this node alone'),
      })
    : undefined;

  await http.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Served over plain http on a venue LAN: no HSTS, no forced upgrade.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  await http.register(rateLimit, {
    global: false,
    // Shared counts across nodes; if Redis is down, requests pass rather than fail.
    ...(redis ? { redis, nameSpace: `${config.redisPrefix}rate:`, skipOnError: true } : {}),
  });
  registerErrorHandler(http, (code) => metrics.refused(code));
  // Past the overload limits, new requests wait (503 SERVER_BUSY, Retry-After); the probes and
  // the scrape still answer, so a busy node is neither restarted nor invisible.
  const unshed = new Set(['/healthz', '/readyz', '/metrics']);
  http.addHook('onRequest', async (request) => {
    if (load.busy && !unshed.has(request.url.split('?')[0]!)) throw new AppError('SERVER_BUSY').retryAfter(DEFAULTS.busyRetryAfterS);
  });
  await http.register(
    healthRoutes({
      checks: [
        { name: 'storage', ping: () => storage.ping() },
        ...(cluster && redis ? [{ name: 'redis' as const, ping: () => redis.ping() }] : []),
      ],
      timeoutMs: config.readyTimeoutMs,
    }),
  );
  if (config.metricsToken !== undefined) await http.register(metricsRoute(metrics, config.metricsToken));
  const metricsServer = config.metricsPort !== undefined ? await serveMetricsOnLoopback(metrics, config.metricsPort) : null;
  await http.register(
    workshopRoutes({
      workshops,
      joinFailures,
      config,
      onDeleted: (code) => closeRoomConnections(io, code),
      knownCodes,
    }),
  );

  const indexHtml = path.join(config.staticDir, 'index.html');
  const hasClient = fs.existsSync(indexHtml);
  if (hasClient) {
    await http.register(fastifyStatic, {
      root: config.staticDir,
      wildcard: false,
      index: false,
      // Brotli/gzip siblings written at build time (scripts/compress-assets.mjs).
      preCompressed: true,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  http.setNotFoundHandler((request, reply) => {
    const url = request.url;
    // /metrics when it is off: a scraper gets a 404, not the app's page.
    if (
      request.method !== 'GET' ||
      url.startsWith('/api/') ||
      url.startsWith('/socket.io') ||
      unshed.has(url.split('?')[0]!) ||
      /\.[a-z0-9]+$/i.test(url.split('?')[0] ?? '')
    ) {
      const e = new AppError('NOT_FOUND');
      return reply.status(404).send(e.toBody());
    }
    if (!hasClient)
      return reply
        .type('text/html')
        .send('<!doctype html><title>Social Shift</title><p>Client not built: run <code>npm run build</code>.</p>');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  registerRealtime(io, {
    config,
    rooms,
    workshops,
    joinFailures,
    perAddress,
    log: http.log,
    router: cluster?.router,
    metrics,
    load,
    knownCodes,
  });

  const stopBackups =
    !config.databaseUrl && !overrides.storage && config.backupEveryMinutes > 0
      ? scheduleBackups({
          dataDir: config.dataDir,
          everyMs: config.backupEveryMinutes * 60_000,
          keep: config.backupsKept,
          onError: (err) => http.log.error({ err }, 'scheduled backup failed'),
        })
      : null;

  const sweep = setInterval(() => {
    workshops.expire().catch((err) => http.log.error({ err }, 'retention sweep failed'));
  }, DEFAULTS.retentionSweepMs);
  sweep.unref();
  void workshops.expire().catch((err) => http.log.error({ err }, 'retention sweep failed'));

  let closed = false;
  return {
    http,
    io,
    rooms,
    workshops,
    storage,
    metrics,
    load,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      stopBackups?.();
      load.close();
      metricsServer?.close();
      perAddress?.close();
      io.close();
      await rooms.closeAll();
      cluster?.close();
      await http.close();
      await storage.close();
      redis?.disconnect();
    },
  };
}
