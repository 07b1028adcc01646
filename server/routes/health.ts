/**
 * The probes a load balancer or Kubernetes asks (docs/operations.md):
 * - /healthz, liveness: the process answers. It touches nothing, so it stays fast under load
 *   and a slow database never gets a healthy process restarted.
 * - /readyz, readiness: storage (and Redis in cluster mode) answers; 503 naming what did not.
 * Neither is refused by overload shedding: a busy node is alive, and says it is ready.
 */
import type { FastifyPluginAsync } from 'fastify';
import { checkReadiness, type ReadinessCheck } from '../ops/readiness.ts';

export const healthRoutes =
  (deps: { checks: readonly ReadinessCheck[]; timeoutMs: number }): FastifyPluginAsync =>
  async (app) => {
    app.get('/healthz', async () => ({ ok: true }));
    app.get('/readyz', async (_request, reply) => {
      const { ready, checks } = await checkReadiness(deps.checks, deps.timeoutMs);
      return reply
        .status(ready ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ ok: ready, checks });
    });
  };
