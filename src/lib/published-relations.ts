/**
 * A filter that crosses a relation is a join, and Strapi joins every row of the target: drafts
 * included. `localizations` joins on the document id, so a published English article matched
 * `filters[localizations][title][$containsi]=…` against its *draft* French title: an oracle on
 * embargoed text. For a published read, every relation filter (and every filter inside a
 * populate) into a type with draft & publish is narrowed to the target's published rows.
 * The transforms are pure; registerPublishedRelations applies them as a Document Service
 * middleware, so REST, GraphQL and plugins reading published content all get them.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export type AttributeShape = { type: string; target?: string; component?: string; relation?: string };
export type ModelShape = { attributes: Record<string, AttributeShape>; draftAndPublish: boolean };
export type ModelLookup = (uid: string) => ModelShape | undefined;

type Filter = Record<string, unknown>;

/** How a filter spells its logic: `$and` over REST and the Document Service, `and` in GraphQL inputs. */
export type FilterDialect = { and: string; or: string; not: string; notNull: string; null: string; isOperator(key: string): boolean };

export const QUERY_FILTERS: FilterDialect = {
  and: '$and',
  or: '$or',
  not: '$not',
  notNull: '$notNull',
  null: '$null',
  isOperator: (key) => key.startsWith('$'),
};

export const GRAPHQL_FILTERS: FilterDialect = {
  and: 'and',
  or: 'or',
  not: 'not',
  notNull: 'notNull',
  null: 'null',
  isOperator: (key) => key === 'and' || key === 'or' || key === 'not',
};

const isRecord = (value: unknown): value is Filter => value !== null && typeof value === 'object' && !Array.isArray(value);

function relationTarget(attribute: AttributeShape | undefined): string | undefined {
  if (!attribute) return undefined;
  if (attribute.type === 'relation' && attribute.target && !attribute.relation?.startsWith('morph')) return attribute.target;
  if (attribute.type === 'component') return attribute.component;
  return undefined;
}

/** The filter a relation key carries, narrowed to the target's published rows where it has drafts. */
function narrowRelation(value: unknown, target: string, models: ModelLookup, dialect: FilterDialect): unknown {
  const model = models(target);
  if (!model || !isRecord(value)) return value;
  const keys = Object.keys(value);
  const operator = keys.length === 1 && dialect.isOperator(keys[0]) && keys[0] !== dialect.and && keys[0] !== dialect.or ? keys[0] : null;
  // "No related row" and "any related row" compare the relation's own ids: they need the join as it is.
  if (operator === dialect.null || operator === dialect.notNull) return value;
  // `relation[$eq]=5` compares the related ids: keep that meaning, on published rows only.
  const inner = operator && operator !== dialect.not ? { id: value } : narrowFilters(value, target, models, dialect);
  return model.draftAndPublish ? { [dialect.and]: [inner, { publishedAt: { [dialect.notNull]: true } }] } : inner;
}

/** `filters` on `uid`, with every relation it crosses narrowed to published rows. */
export function narrowFilters(filters: unknown, uid: string, models: ModelLookup, dialect: FilterDialect = QUERY_FILTERS): unknown {
  if (Array.isArray(filters)) return filters.map((item) => narrowFilters(item, uid, models, dialect));
  if (!isRecord(filters)) return filters;
  const model = models(uid);
  if (!model) return filters;
  // fromEntries defines own properties: a "__proto__" key stays a key and never becomes a prototype.
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => {
      if (key === dialect.and || key === dialect.or || key === dialect.not) return [key, narrowFilters(value, uid, models, dialect)];
      const target = Object.hasOwn(model.attributes, key) ? relationTarget(model.attributes[key]) : undefined;
      return [key, target ? narrowRelation(value, target, models, dialect) : value];
    }),
  );
}

/** `populate` on `uid`, with the filters of every populated relation (at any depth) narrowed. */
export function narrowPopulate(populate: unknown, uid: string, models: ModelLookup, dialect: FilterDialect = QUERY_FILTERS): unknown {
  const model = models(uid);
  if (!model || !isRecord(populate)) return populate;
  return Object.fromEntries(
    Object.entries(populate).map(([key, value]) => {
      const target = Object.hasOwn(model.attributes, key) ? relationTarget(model.attributes[key]) : undefined;
      if (!target || !isRecord(value)) return [key, value];
      const options: Filter = { ...value };
      if ('filters' in options) options.filters = narrowFilters(options.filters, target, models, dialect);
      if ('populate' in options) options.populate = narrowPopulate(options.populate, target, models, dialect);
      return [key, options];
    }),
  );
}

/** Every field path a sort names: "title:asc", "people.name", ["a", "b:desc"], { people: { name: "asc" } }. */
function sortPaths(sort: unknown): string[][] {
  if (typeof sort === 'string') return sort.split(',').map((part) => part.split(':')[0].trim().split('.'));
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  if (isRecord(sort))
    return Object.entries(sort).flatMap(([key, inner]) => (isRecord(inner) ? sortPaths(inner).map((path) => [key, ...path]) : [[key]]));
  return [];
}

/**
 * A sort across a relation into a type with drafts orders published rows by the values of its
 * draft rows (`sort=localizations.title` sorts by an embargoed title): the relation that such a
 * sort crosses, or null. A join cannot be narrowed from a sort, so the sort is refused.
 */
export function draftRelationInSort(sort: unknown, uid: string, models: ModelLookup): string | null {
  for (const path of sortPaths(sort)) {
    let model = models(uid);
    for (const [index, key] of path.slice(0, -1).entries()) {
      const target = model && Object.hasOwn(model.attributes, key) ? relationTarget(model.attributes[key]) : undefined;
      const next = target ? models(target) : undefined;
      if (!next) break;
      if (next.draftAndPublish) return path.slice(0, index + 1).join('.');
      model = next;
    }
  }
  return null;
}

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

export function modelLookup(strapi: Core.Strapi): ModelLookup {
  return (uid) => {
    const model = strapi.contentTypes[uid as UID.ContentType] ?? strapi.components[uid as UID.Component];
    if (!model) return undefined;
    const options = (model as { options?: { draftAndPublish?: boolean } }).options;
    return { attributes: model.attributes as Record<string, AttributeShape>, draftAndPublish: options?.draftAndPublish === true };
  };
}

export function registerPublishedRelations(strapi: Core.Strapi): void {
  const models = modelLookup(strapi);
  strapi.documents.use(async (context, next) => {
    const params = context.params as { status?: unknown; filters?: unknown; populate?: unknown; sort?: unknown } | undefined;
    if (READ_ACTIONS.has(context.action) && params?.status === 'published') {
      const crossed = draftRelationInSort(params.sort, context.uid, models);
      if (crossed)
        throw new errors.ValidationError(`Invalid sort: published content cannot be sorted across "${crossed}"; sort by its own fields.`);
      if (params.filters !== undefined) params.filters = narrowFilters(params.filters, context.uid, models);
      if (params.populate !== undefined) params.populate = narrowPopulate(params.populate, context.uid, models);
    }
    return next();
  });
}
