/**
 * Where Prometheus scrapes: /metrics on the main port behind METRICS_TOKEN (a bearer token, as
 * Prometheus' `authorization` setting sends it), and/or a plain /metrics on METRICS_PORT bound
 * to 127.0.0.1 for a scraper on the same machine. With neither set there is no /metrics.
 */
import http from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../shared/domain/errors.ts';
import { hashSecret, secretMatches } from '../security/secrets.ts';
import type { Metrics } from '../ops/metrics.ts';

export const metricsRoute =
  (metrics: Metrics, token: string): FastifyPluginAsync =>
  async (app) => {
    const tokenHash = hashSecret(token);
    app.get('/metrics', async (request, reply) => {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (!match || !secretMatches(match[1]!, tokenHash))
        throw new AppError('UNAUTHENTICATED', 'Use "Authorization: Bearer <METRICS_TOKEN>".');
      return reply
        .type(metrics.registry.contentType)
        .header('cache-control', 'no-store')
        .send(await metrics.registry.metrics());
    });
  };

/** The loopback-only metrics listener; resolves once it listens. */
export async function serveMetricsOnLoopback(metrics: Metrics, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}
