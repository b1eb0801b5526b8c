/**
 * While the database is down or restarting, requests fail at once with the driver's
 * connection error, which Strapi answers as a bare 500. This says what it is instead: 503
 * with Retry-After, so load balancers and frontends retry rather than report a bug.
 */
import type { Context, Next } from 'koa';

/** Connection refused or reset, PostgreSQL shutting down or starting up (SQLSTATE 57P01-57P03), pool timeouts. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);
const UNAVAILABLE_MESSAGES = [/Connection terminated/iu, /Knex: Timeout acquiring a connection/iu, /connect ECONNREFUSED/iu];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) || UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}

export default (config: { retryAfterSeconds?: number } = {}) => {
  const retryAfter = String(config.retryAfterSeconds ?? 5);
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      ctx.status = 503;
      ctx.set('Retry-After', retryAfter);
      ctx.body = {
        data: null,
        error: { status: 503, name: 'ServiceUnavailableError', message: 'The database is unavailable; try again shortly.', details: {} },
      };
    }
  };
};
