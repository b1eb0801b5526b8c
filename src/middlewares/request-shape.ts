/**
 * Requests whose shape no route can use answer 400 before any route runs, instead of 500
 * from deeper down: a body the multipart parser cannot read (a cut-short upload, a missing
 * boundary), `filters` that are not an object (`filters[]=1`), and the names of JavaScript's
 * object machinery (`__proto__`, `constructor`, `prototype`) as a query key or as a field,
 * sort or populate name, which Strapi's query validation looks up on plain objects.
 */
import type { Context, Next } from 'koa';
import { errors } from '@strapi/utils';

const OBJECT_MACHINERY = new Set(['__proto__', 'constructor', 'prototype']);
const NAMED_PARAMETERS = ['fields', 'sort', 'populate'];

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The first key (anywhere) or name (in fields, sort, populate) that is object machinery. */
export function machineryIn(value: unknown, namesCount: boolean): string | null {
  if (typeof value === 'string') {
    const names = value.split(/[,:.]/u).map((name) => name.trim());
    return namesCount ? (names.find((name) => OBJECT_MACHINERY.has(name)) ?? null) : null;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = machineryIn(item, namesCount);
      if (found) return found;
    }
    return null;
  }
  if (!isRecord(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (OBJECT_MACHINERY.has(key)) return key;
    const found = machineryIn(inner, namesCount || NAMED_PARAMETERS.includes(key));
    if (found) return found;
  }
  return null;
}

export function queryShapeProblem(query: Record<string, unknown>): string | null {
  if ('filters' in query && !isRecord(query.filters)) return 'filters: must be an object, such as filters[title][$eq]=…';
  for (const [key, value] of Object.entries(query)) {
    const found = OBJECT_MACHINERY.has(key) ? key : machineryIn(value, NAMED_PARAMETERS.includes(key));
    if (found) return `${key}: "${found}" is not a field name`;
  }
  return null;
}

/** Body parsers (formidable) mark what the client sent wrong with an `httpCode`, which Koa does not read. */
function clientBodyError(error: unknown): string | null {
  if (!(error instanceof Error) || 'status' in error || 'statusCode' in error) return null;
  const httpCode = (error as { httpCode?: unknown }).httpCode;
  return typeof httpCode === 'number' && httpCode >= 400 && httpCode < 500 ? error.message : null;
}

/**
 * Body parsers (co-body, raw-body with its own copy of http-errors) mark a client's unreadable
 * or oversized body with a `status`; Strapi answers it right but logs it as a server error.
 */
export function clientBodyStatus(error: unknown): { status: 400 | 413; message: string } | null {
  if (!(error instanceof Error) || error instanceof errors.ApplicationError || error instanceof errors.HttpError) return null;
  const status = 'status' in error ? error.status : undefined;
  return status === 400 || status === 413 ? { status, message: error.message } : null;
}

export default () => async (ctx: Context, next: Next) => {
  const problem = queryShapeProblem(ctx.query as Record<string, unknown>);
  if (problem) throw new errors.ValidationError(`Invalid query: ${problem}`);
  try {
    return await next();
  } catch (error) {
    const bodyProblem = clientBodyError(error);
    if (bodyProblem) throw new errors.ValidationError(`The request body could not be read: ${bodyProblem}`);
    const clientError = clientBodyStatus(error);
    if (clientError?.status === 413) throw new errors.PayloadTooLargeError(clientError.message);
    if (clientError) throw new errors.ValidationError(`The request body could not be read: ${clientError.message}`);
    throw error;
  }
};
