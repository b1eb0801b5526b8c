/**
 * Refuses GraphQL operations that would crash or overload the server (see
 * src/lib/graphql-guard.ts) with a 400 before they reach Apollo. Apollo turns any error
 * thrown by its own plugins before validation into a 500, so the check runs here, in
 * front of it: this middleware reads the JSON body itself (bounded), and the GraphQL
 * plugin's body parser then leaves the already-parsed body alone.
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

function refuse(ctx: Context, status: number, message: string) {
  ctx.status = status;
  ctx.body = { errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT' } }] };
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
    } else if (ctx.method === 'POST' && ctx.is('application/json')) {
      let body = (ctx.request as { body?: unknown }).body;
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
    return next();
  };
};
