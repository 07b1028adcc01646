/** One error handler for every route: catalogue codes out, internals hidden on 5xx. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorBody, type ErrorCode } from '../shared/domain/errors.ts';
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

/**
 * Seconds a client should wait before trying again, for refusals that pass: the error's own
 * figure when it knows one (a token bucket's next token), else a default. Every 429 and 503
 * carries one, so a phone never guesses (or hammers).
 */
export function retryAfterS(e: AppError): number | undefined {
  if (e.retryAfterS !== undefined) return e.retryAfterS;
  if (e.status === 429) return 10;
  if (e.status === 503) return 5;
  return undefined;
}

export function registerErrorHandler(app: FastifyInstance, onRefusal: (code: ErrorCode) => void = () => {}): void {
  app.setErrorHandler((err, request, reply) => {
    const e = toAppError(err);
    if (e.status >= 500 && e.code !== 'SERVER_BUSY') request.log.error({ err }, 'request failed');
    onRefusal(e.code);
    const wait = retryAfterS(e);
    // @fastify/rate-limit sets its own, from its window.
    if (wait !== undefined && !reply.hasHeader('retry-after')) void reply.header('retry-after', String(wait));
    const body: ErrorBody = e.toBody();
    void reply.status(e.status).type('application/json').send(body);
  });
}
