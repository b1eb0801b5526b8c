import type { Core } from '@strapi/strapi';
import { newsArticleJsonLd } from '../formats/jsonld';
import { formatSettings, loadFormatArticle } from '../formats/load';
import { GRAPHQL_FILTERS, modelLookup, narrowFilters, type AttributeShape } from '../lib/published-relations';

/** The GraphQL read queries Strapi generates for each Newsdesk type. */
const READ_QUERIES = [
  ['article', 'articles'],
  ['person', 'people'],
  ['organisation', 'organisations'],
  ['quote', 'quotes'],
  ['relatedLink', 'relatedLinks'],
].flatMap(([single, plural]) => [`Query.${single}`, `Query.${plural}`, `Query.${plural}_connection`]);

/** users-permissions' GraphQL reads of accounts and roles, closed to read-only tokens as over REST. */
const ACCOUNT_QUERIES = [
  'usersPermissionsUser',
  'usersPermissionsUsers',
  'usersPermissionsUsers_connection',
  'usersPermissionsRole',
  'usersPermissionsRoles',
  'usersPermissionsRoles_connection',
].map((query) => `Query.${query}`);

type FieldResolver = (parent: unknown, args: { filters?: unknown }, context: unknown, info: unknown) => unknown;

/**
 * Nested relation fields (`people { articles(filters: …) }`) are resolved from the database
 * directly, not through the Document Service: the filters of a published parent's relations
 * are narrowed here, as the Document Service middleware narrows root queries.
 */
function publishedRelationFields(strapi: Core.Strapi): Record<string, { middlewares: unknown[] }> {
  const naming = strapi.plugin('graphql').service('utils').naming;
  const models = modelLookup(strapi);
  const narrowArgs =
    (target: string) =>
    async (resolve: FieldResolver, parent: { publishedAt?: unknown }, args: { filters?: unknown }, context: unknown, info: unknown) =>
      resolve(
        parent,
        parent?.publishedAt && args?.filters ? { ...args, filters: narrowFilters(args.filters, target, models, GRAPHQL_FILTERS) } : args,
        context,
        info,
      );
  return Object.fromEntries(
    Object.values(strapi.contentTypes)
      .filter((contentType) => contentType.uid.startsWith('api::'))
      .flatMap((contentType) =>
        Object.entries(contentType.attributes as Record<string, AttributeShape>).flatMap(([name, attribute]) =>
          attribute.type === 'relation' && attribute.target
            ? [[`${naming.getTypeName(contentType)}.${name}`, { middlewares: [narrowArgs(attribute.target)] }] as const]
            : [],
        ),
      ),
  );
}

/** GraphQL readers get the same rules as REST readers: published content only, no accounts for read-only tokens. */
export function registerGraphqlPolicies(strapi: Core.Strapi): void {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      resolversConfig: {
        ...Object.fromEntries(READ_QUERIES.map((query) => [query, { policies: ['global::published-only'] }])),
        ...Object.fromEntries(ACCOUNT_QUERIES.map((query) => [query, { policies: ['global::not-for-read-only-tokens'] }])),
        ...publishedRelationFields(strapi),
      },
    }));
}

/** `Article.jsonLd`: the schema.org NewsArticle of the published version, null for a draft. */
export function registerGraphqlFormats(strapi: Core.Strapi): void {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      typeDefs: 'extend type Article { jsonLd: JSON }',
      resolvers: {
        Article: {
          async jsonLd(parent: { documentId: string; locale?: string }) {
            const article = await loadFormatArticle(strapi, parent.documentId, parent.locale);
            return article ? newsArticleJsonLd(article, formatSettings(strapi)) : null;
          },
        },
      },
      resolversConfig: { 'Article.jsonLd': { auth: false } },
    }));
}
