/** The workshop HTTP API; bodies parsed with the zod schemas the client shares. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { AppError } from '../../shared/domain/errors.ts';
import { facilitatorLink, projectorLink, reportLink, workshopLinks } from '../../shared/domain/links.ts';
import { LIMITS } from '../../shared/domain/limits.ts';
import {
  CreateWorkshopBody,
  JoinBody,
  RoomCodeSchema,
  schemaRefusal,
  type CreateWorkshopReply,
  type JoinReply,
  type SharingReply,
  type WorkshopLinksReply,
} from '../../shared/schema/protocol.ts';
import { linkOrigin, type LinkOrigin } from '../link-origin.ts';
import type { WorkshopService } from '../workshop-service.ts';
import type { FailedJoinLimit } from '../security/failure-limiter.ts';
import type { Config } from '../config.ts';
import { KeyedBuckets } from '../security/address-limits.ts';
import type { KnownCodes } from '../security/known-codes.ts';
import { EXPORT_FORMATS, reportRefusalPage, type ExportedFile } from '../export-files.ts';

/** The report page: no script, nothing fetched, styles inline; nobody frames it, and no link from it says where it came from. */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface WorkshopRouteDeps {
  workshops: WorkshopService;
  joinFailures: FailedJoinLimit;
  config: Config;
  /** Called after a workshop is deleted, to close its live connections. */
  onDeleted: (code: string) => Promise<void>;
  /** Codes each address got into: past the failed-join limit, those still open (security/known-codes.ts). */
  knownCodes: KnownCodes;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw schemaRefusal(result.error);
  return result.data;
}

/** The request's room code, normalised; null when it is not one. */
function codeIn(request: FastifyRequest): string | null {
  const parsed = RoomCodeSchema.safeParse((request.params as { code?: unknown }).code);
  return parsed.success ? parsed.data : null;
}

function codeParam(request: FastifyRequest): string {
  const code = codeIn(request);
  if (code === null) throw new AppError('INVALID_CODE');
  return code;
}

function bearer(request: FastifyRequest, what = 'facilitator key'): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('UNAUTHENTICATED', `Use "Authorization: Bearer <${what}>".`);
  return match[1];
}

export const workshopRoutes =
  (deps: WorkshopRouteDeps): FastifyPluginAsync =>
  async (app) => {
    const { workshops, joinFailures, config } = deps;
    /** Links use PUBLIC_URL or one of this server's own addresses, never a Host header it does not recognise. */
    const origin = (request: FastifyRequest): LinkOrigin =>
      linkOrigin({
        publicUrl: config.publicUrl,
        listenHost: config.host,
        port: request.socket.localPort ?? config.port,
        hostHeader: request.headers.host,
      });
    // Keyed by workshop and address: a room can fill from one venue NAT, at this pace.
    const joins = new KeyedBuckets(config.joinsPerMinutePerAddress / 60, config.joinBurstPerAddress);
    const { knownCodes } = deps;

    /**
     * Counts a failed join attempt from this address; refuses while over the limit, except for
     * a code this address already got into. The fixed window may end sooner than Retry-After says.
     */
    const guardJoin = async <T>(request: FastifyRequest, attempt: () => Promise<T>): Promise<T> => {
      const code = codeIn(request);
      if (!knownCodes.knows(request.ip, code) && !(await joinFailures.allowed(request.ip))) {
        throw new AppError('RATE_LIMITED', 'Too many wrong codes from this network; wait a few minutes.').retryAfter(
          config.failedJoinWindowMs / 1000,
        );
      }
      try {
        const result = await attempt();
        if (code !== null) knownCodes.remember(request.ip, code);
        return result;
      } catch (err) {
        if (err instanceof AppError && (err.code === 'WORKSHOP_NOT_FOUND' || err.code === 'INVALID_CODE'))
          await joinFailures.fail(request.ip);
        throw err;
      }
    };

    /** The room code of a workshop that exists; unknown codes count as failed joins. */
    const knownCode = (request: FastifyRequest) =>
      guardJoin(request, async () => {
        const code = codeParam(request);
        await workshops.info(code);
        return code;
      });

    // A re-run may carry a whole earlier workshop as its archive: this route alone takes a large body.
    app.post(
      '/api/workshops',
      { bodyLimit: LIMITS.archiveBytesMax, config: { rateLimit: { max: config.createsPerMinute, timeWindow: 60_000 } } },
      async (request, reply) => {
        const body = parse(CreateWorkshopBody, request.body);
        const { code, facilitatorKey, viewerKey } = await workshops.create(body);
        const at = origin(request).origin;
        const result: CreateWorkshopReply = {
          code,
          facilitatorKey,
          facilitatorUrl: facilitatorLink(at, code, facilitatorKey),
          joinUrl: workshopLinks(at, code).joinUrl,
          boardUrl: projectorLink(at, code, viewerKey),
        };
        return reply.status(201).send(result);
      },
    );

    app.get('/api/workshops/:code', async (request) => guardJoin(request, async () => workshops.info(codeParam(request))));

    /**
     * Where phones join, for the console's join panel and the projector: the same choice the QR
     * code makes. With the facilitator key, also the projector's link with its viewer key.
     */
    app.get('/api/workshops/:code/links', async (request, reply) => {
      const code = await knownCode(request);
      const { origin: at, reach } = origin(request);
      const result: WorkshopLinksReply = { origin: at, reach, joinUrl: workshopLinks(at, code).joinUrl };
      const key = bearer(request);
      if (key !== undefined) {
        await workshops.authoriseFacilitator(code, key);
        result.boardUrl = projectorLink(at, code, await workshops.viewerKey(code));
      }
      // It depends on the Host header and the machine's network: never reuse it.
      return reply.header('cache-control', 'no-store').send(result);
    });

    app.post('/api/workshops/:code/participants', async (request, reply) => {
      const body = parse(JoinBody, request.body);
      // A room's worth of phones behind one venue address joins, paced; each refused phone is told
      // when its turn comes and tries again by itself. Filling a room with made-up names is
      // answered in the room: the facilitator closes joining and removes the newcomers at once.
      const key = `${codeIn(request) ?? ''} ${request.ip}`;
      if (!joins.take(key)) {
        throw new AppError('RATE_LIMITED', "Many people are joining: you're next in a few seconds.").retryAfter(joins.waitMs(key) / 1000);
      }
      const joined = await guardJoin(request, async () => workshops.join(codeParam(request), body.name));
      const result: JoinReply = joined;
      return reply.status(201).send(result);
    });

    app.get('/api/workshops/:code/qr.svg', async (request, reply) => {
      const code = await knownCode(request);
      const svg = await QRCode.toString(workshopLinks(origin(request).origin, code).joinUrl, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      // What it encodes depends on the request and on the machine's network (a laptop changes Wi-Fi): no shared or stale copies.
      return reply.type('image/svg+xml').header('cache-control', 'private, no-store').send(svg);
    });

    const sendFile = (reply: FastifyReply, file: ExportedFile) =>
      reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);

    for (const format of EXPORT_FORMATS) {
      /** The facilitator's download: the whole board, as the console sees it. */
      app.get(`/api/workshops/:code/export.${format}`, async (request, reply) => {
        const code = codeParam(request);
        await workshops.authoriseFacilitator(code, bearer(request));
        return sendFile(reply, await workshops.exportFile(code, format));
      });

      /**
       * A participant's copy, with the token their phone keeps (in a header, never in a URL):
       * the room's copy, from the Export phase on, while the facilitator offers copies. The
       * server decides; the phone's button only asks.
       */
      app.get(`/api/workshops/:code/copy.${format}`, async (request, reply) => {
        const code = codeParam(request);
        await workshops.authoriseParticipant(code, bearer(request, 'participant token'));
        return sendFile(reply, await workshops.participantCopy(code, format));
      });
    }

    /** The report link and how long the workshop is kept: what the Export panel shows. */
    app.get('/api/workshops/:code/sharing', async (request, reply) => {
      const code = codeParam(request);
      await workshops.authoriseFacilitator(code, bearer(request));
      const { reportKey, deletesAt, retentionDays } = await workshops.sharing(code);
      const result: SharingReply = {
        reportUrl: reportKey ? reportLink(origin(request).origin, code, reportKey) : null,
        deletesAt,
        retentionDays,
      };
      return reply.header('cache-control', 'no-store').send(result);
    });

    /** "New report link": a new key; the old link stops working at once. */
    app.post('/api/workshops/:code/report-link', async (request, reply) => {
      const code = codeParam(request);
      await workshops.authoriseFacilitator(code, bearer(request));
      const reportKey = await workshops.rotateReportKey(code);
      return reply.header('cache-control', 'no-store').send({ reportUrl: reportLink(origin(request).origin, code, reportKey) });
    });

    /** "Stop sharing": no report link works any more. */
    app.delete('/api/workshops/:code/report-link', async (request, reply) => {
      const code = codeParam(request);
      await workshops.authoriseFacilitator(code, bearer(request));
      await workshops.revokeReportKey(code);
      return reply.status(204).send();
    });

    /**
     * The report page, for those who were not in the room: its own key opens the room's copy
     * and nothing else. Answered as a page in every case (a person opened a link), with a
     * status that says what happened; an unknown code counts as a failed join.
     */
    app.get('/r/:code/:key', async (request, reply) => {
      void reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', REPORT_CSP)
        .header('referrer-policy', 'no-referrer')
        .header('x-robots-tag', 'noindex, nofollow')
        .header('cache-control', 'no-store');
      try {
        const code = await knownCode(request);
        await workshops.authoriseReport(code, (request.params as { key?: string }).key);
        return reply.send(await workshops.reportPage(code));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const [heading, text] =
          err.code === 'COPY_NOT_READY'
            ? [
                'The report is not ready yet',
                'The workshop has not reached its end. Open this link again once the facilitator has opened Export.',
              ]
            : err.code === 'FORBIDDEN'
              ? [
                  'This report link no longer works',
                  'The facilitator made a new link or stopped sharing this one. Ask them for the current link.',
                ]
              : err.code === 'RATE_LIMITED'
                ? ['Too many attempts', 'Wait a few minutes and try again.']
                : ['No report here', 'This link does not open a workshop report. The workshop may have been deleted.'];
        return reply.status(err.status).send(reportRefusalPage(heading, text));
      }
    });

    /** The workshop's model as a template file: what "Save as template" downloads. */
    app.get('/api/workshops/:code/template.json', async (request, reply) => {
      const code = codeParam(request);
      await workshops.authoriseFacilitator(code, bearer(request));
      const { fileName, template } = await workshops.template(code);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(`${JSON.stringify(template, null, 2)}\n`);
    });

    /** The whole workshop as one file, to keep or to run again (`previous`). */
    app.get('/api/workshops/:code/archive.json', async (request, reply) => {
      const code = codeParam(request);
      await workshops.authoriseFacilitator(code, bearer(request));
      const archive = await workshops.archive(code);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${workshops.archiveFileName(archive)}"`)
        .header('cache-control', 'no-store')
        .send(JSON.stringify(archive));
    });

    app.delete('/api/workshops/:code', async (request, reply) => {
      const code = codeParam(request);
      await workshops.authoriseFacilitator(code, bearer(request));
      await deps.onDeleted(code);
      await workshops.delete(code);
      return reply.status(204).send();
    });
  };
