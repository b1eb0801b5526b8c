/**
 * Strapi's REST and GraphQL query validation lets some malformed filters and sorts
 * through (e.g. `filters[$in][0]=x`: an attribute operator at the root), and its query
 * builder then throws a plain Error, which Strapi answers with 500. These messages all
 * describe the shape of the query a client sent, so they become 400s naming the problem.
 * PostgreSQL also refuses some filter values that SQLite takes (a word where an id is
 * expected, a NUL character): its "data exception" errors (SQLSTATE class 22) become 400s
 * too, without the SQL text, which would show the schema.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const QUERY_SHAPE_MESSAGES = [
  /^Only \$and, \$or and \$not can only be used as root level operators/u,
  /^Undefined attribute level operator /u,
  /^Operator and non-operator keys cannot be mixed in a relation where clause/u,
  /^Only one operator key is allowed in a relation where clause/u,
  /^Where must be an (array or an )?object/u,
  /^Operator \S+ must be an array/u,
  /^You cannot filter on \S+ types/u,
  /^You cannot order on \S+ types/u,
  /^Invalid orderBy syntax/u,
  /^Attribute \S+ not found on model /u,
  /^Cannot join on non relational field /u,
];

/** PostgreSQL SQLSTATE class 22, "data exception": a value the client sent does not fit its column. */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/u.test(code);
}

export function isQueryShapeError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    !(error instanceof errors.ApplicationError) &&
    QUERY_SHAPE_MESSAGES.some((pattern) => pattern.test(error.message))
  );
}

/** A Document Service middleware, so REST, GraphQL and plugins all answer the same 400. */
export function registerQueryShapeErrors(strapi: Core.Strapi): void {
  strapi.documents.use(async (_context, next) => {
    try {
      return await next();
    } catch (error) {
      if (isQueryShapeError(error)) throw new errors.ValidationError(`Invalid query: ${error.message}`);
      if (isDataException(error)) throw new errors.ValidationError('Invalid query: a filter value does not fit the type of its field.');
      throw error;
    }
  });
}
