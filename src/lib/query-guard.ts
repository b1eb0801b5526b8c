/**
 * Runs the checks of src/lib/query-values.ts on every read the database layer is asked for,
 * whoever asks: REST and GraphQL through the Document Service, and the routes that query the
 * database directly (users-permissions' users and roles, the upload library, GraphQL's nested
 * relations). A malformed read answers 400 naming the field, on SQLite and PostgreSQL alike.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { rowNumberProblem, whereProblem, type ReadModel } from './query-values';

type ReadEvent = { model: { uid: string }; params?: { where?: unknown; limit?: unknown; offset?: unknown } };

export function registerQueryGuard(strapi: Core.Strapi): void {
  const models = (uid: string) => strapi.db.metadata.get(uid) as ReadModel | undefined;
  const check = (event: ReadEvent) => {
    const params = event.params ?? {};
    const problem =
      whereProblem(params.where, event.model.uid, models) ??
      rowNumberProblem('limit', params.limit) ??
      rowNumberProblem('offset', params.offset);
    if (problem) throw new errors.ValidationError(`Invalid query: ${problem}`);
  };
  strapi.db.lifecycles.subscribe({
    beforeFindMany: check,
    beforeFindOne: check,
    beforeCount: check,
  });
}
