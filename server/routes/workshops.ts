/** The workshop HTTP API; bodies parsed with the zod schemas the client shares. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { CreateWorkshopBody, JoinBody, RoomCodeSchema, type CreateWorkshopReply, type JoinReply } from '../../shared/protocol.ts';
import type { WorkshopService } from '../workshops.ts';
import type { FailureLimiter } from '../security/failure-limiter.ts';
import type { Config } from '../config.ts';

export interface WorkshopRouteDeps {
  workshops: WorkshopService;
  joinFailures: FailureLimiter;
  config: Config;
  /** Called after a workshop is deleted, to close its live connections. */
  onDeleted: (code: string) => Promise<void>;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError('INVALID_BODY', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : undefined);
  }
  return result.data;
}

function codeParam(request: FastifyRequest): string {
  const raw = (request.params as { code?: unknown }).code;
  const parsed = RoomCodeSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID_CODE');
  return parsed.data;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('UNAUTHENTICATED', 'Use "Authorization: Bearer <facilitator key>".');
  return match[1];
}

export const workshopRoutes =
  (deps: WorkshopRouteDeps): FastifyPluginAsync =>
  async (app) => {
    const { workshops, joinFailures, config } = deps;
    const origin = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;

    /** Counts a failed join attempt from this address; refuses while over the limit. */
    const guardJoin = async <T>(request: FastifyRequest, attempt: () => Promise<T>): Promise<T> => {
      if (!joinFailures.allowed(request.ip)) throw new AppError('RATE_LIMITED', 'Too many wrong codes from this network; wait a few minutes.');
      try {
        return await attempt();
      } catch (err) {
        if (err instanceof AppError && (err.code === 'WORKSHOP_NOT_FOUND' || err.code === 'INVALID_CODE')) joinFailures.fail(request.ip);
        throw err;
      }
    };

    app.post('/api/workshops', { config: { rateLimit: { max: config.createsPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
      const body = parse(CreateWorkshopBody, request.body);
      const { code, facilitatorKey } = await workshops.create(body);
      const result: CreateWorkshopReply = {
        code,
        facilitatorKey,
        facilitatorUrl: `${origin(request)}/f/${code}#key=${facilitatorKey}`,
        joinUrl: `${origin(request)}/j/${code}`,
        boardUrl: `${origin(request)}/board/${code}`,
      };
      return reply.status(201).send(result);
    });

    app.get('/api/workshops/:code', async (request) => guardJoin(request, async () => workshops.info(codeParam(request))));

    app.post('/api/workshops/:code/participants', async (request, reply) => {
      const body = parse(JoinBody, request.body);
      const joined = await guardJoin(request, async () => workshops.join(codeParam(request), body.name));
      const result: JoinReply = joined;
      return reply.status(201).send(result);
    });

    app.get('/api/workshops/:code/qr.svg', async (request, reply) => {
      const code = await guardJoin(request, async () => {
        const c = codeParam(request);
        await workshops.info(c);
        return c;
      });
      const svg = await QRCode.toString(`${origin(request)}/j/${code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=3600').send(svg);
    });

    app.get('/api/workshops/:code/export.md', async (request, reply) => {
      const code = codeParam(request);
      await workshops.authoriseFacilitator(code, bearer(request));
      const { fileName, markdown } = await workshops.exportMarkdown(code);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(markdown);
    });

    app.delete('/api/workshops/:code', async (request, reply) => {
      const code = codeParam(request);
      await workshops.authoriseFacilitator(code, bearer(request));
      await deps.onDeleted(code);
      await workshops.delete(code);
      return reply.status(204).send();
    });
  };
