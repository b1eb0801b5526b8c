/**
 * Refuses GraphQL operations that would crash or overload the server (see
 * src/lib/graphql-guard.ts) with a 400 before they reach Apollo. Apollo turns any error
 * thrown by its own plugins before validation into a 500, so the check runs here, in
 * front of it, on every transport: GET queries, and POST bodies of any JSON media type
 * (`application/json`, `application/vnd.api+json`…), read here (bounded) when no parser
 * has read them yet; the GraphQL plugin's body parser then leaves the parsed body alone.
 * Other POST bodies answer 415: Apollo reads JSON only.
 *
 * On the way out, an error that is not the client's (Apollo's INTERNAL_SERVER_ERROR) keeps
 * only its code: Strapi copies the original error's name and message into the answer, and
 * a database error's message is its SQL. Stack traces never leave.
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { operationProblem, type GraphqlLimits } from '../lib/graphql-guard';

export type GraphqlGuardConfig = GraphqlLimits & { maxBodyBytes: number };

class BodyTooLarge extends Error {}

async function readJson(ctx: Context, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const REFUSAL_CODES: Record<number, string> = { 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

function refuse(ctx: Context, status: number, message: string) {
  ctx.status = status;
  ctx.body = { errors: [{ message, extensions: { code: REFUSAL_CODES[status] ?? 'BAD_USER_INPUT' } }] };
}

type GraphqlError = { message?: string; extensions?: Record<string, unknown> };

/** The answer's errors without server internals (SQL in messages, stack traces). */
export function withoutInternals(errors: GraphqlError[]): GraphqlError[] {
  return errors.map((error) => {
    const { stacktrace: _stacktrace, ...extensions } = error.extensions ?? {};
    if (extensions.code !== 'INTERNAL_SERVER_ERROR') return { ...error, extensions };
    return { ...error, message: 'Internal Server Error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  });
}

function scrubErrors(ctx: Context) {
  const text = typeof ctx.body === 'string' ? ctx.body : Buffer.isBuffer(ctx.body) ? ctx.body.toString('utf8') : null;
  const body =
    text === null
      ? (ctx.body as { errors?: GraphqlError[] } | undefined)
      : text.includes('"errors"')
        ? (JSON.parse(text) as { errors?: GraphqlError[] })
        : undefined;
  if (!body || !Array.isArray(body.errors)) return;
  const scrubbed = { ...body, errors: withoutInternals(body.errors) };
  ctx.body = text === null ? scrubbed : JSON.stringify(scrubbed);
}

type Operation = { query?: unknown; variables?: unknown };

export default (config: GraphqlGuardConfig, { strapi }: { strapi: Core.Strapi }) => {
  const endpoint = (strapi.plugin('graphql')?.config('endpoint') as string | undefined) ?? '/graphql';
  return async (ctx: Context, next: Next) => {
    if (ctx.path !== endpoint) return next();
    let operations: Operation[] = [];
    if (ctx.method === 'GET') {
      const { query, variables } = ctx.query;
      let parsedVariables: unknown = variables;
      try {
        parsedVariables = typeof variables === 'string' ? JSON.parse(variables) : variables;
      } catch {
        // Apollo answers malformed variables itself.
      }
      operations = [{ query, variables: parsedVariables }];
    } else if (ctx.method === 'POST') {
      let body = (ctx.request as { body?: unknown }).body;
      if (body === undefined && !ctx.is('json', '+json')) {
        return refuse(ctx, 415, 'GraphQL requests are sent as JSON (Content-Type: application/json), or as a GET query.');
      }
      if (body === undefined) {
        try {
          body = await readJson(ctx, config.maxBodyBytes);
        } catch (error) {
          return error instanceof BodyTooLarge
            ? refuse(ctx, 413, `The request body is larger than ${config.maxBodyBytes} bytes.`)
            : refuse(ctx, 400, 'The request body is not valid JSON.');
        }
        (ctx.request as { body?: unknown }).body = body;
      }
      operations = (Array.isArray(body) ? body : [body]) as Operation[];
    }
    for (const operation of operations) {
      const problem = operation && typeof operation === 'object' ? operationProblem(operation.query, operation.variables, config) : null;
      if (problem) return refuse(ctx, 400, problem);
    }
    await next();
    scrubErrors(ctx);
  };
};
