import type { FastifyPluginAsync } from 'fastify';

/** Liveness: answers without touching storage, so it stays fast under load. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async () => ({ ok: true }));
};
