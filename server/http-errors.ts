/** One error handler for every route: catalogue codes out, internals hidden on 5xx. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorBody } from '../shared/domain/errors.ts';
import { StorageUnavailable } from './storage/storage.ts';

const FASTIFY_CODES: Record<string, AppError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'INVALID_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'INVALID_BODY',
  // Raised by the router before any route runs (see frameworkErrors in app.ts).
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'BAD_REQUEST',
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { statusCode?: number };
  const mapped = e?.code ? FASTIFY_CODES[e.code] : undefined;
  if (mapped) return new AppError(mapped);
  // The disk is full or the database unreachable: say so (503), do not dress it up as a bug (500).
  if (err instanceof StorageUnavailable) return new AppError('STORAGE_UNAVAILABLE');
  if (e?.statusCode === 429) return new AppError('RATE_LIMITED');
  if (e instanceof SyntaxError || e?.statusCode === 400) return new AppError('BAD_REQUEST');
  if (e?.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (e?.statusCode === 404) return new AppError('NOT_FOUND');
  return new AppError('INTERNAL');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const e = toAppError(err);
    if (e.status >= 500) request.log.error({ err }, 'request failed');
    const body: ErrorBody = e.toBody();
    void reply.status(e.status).type('application/json').send(body);
  });
}
