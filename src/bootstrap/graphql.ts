import type { Core } from '@strapi/strapi';

/** The GraphQL read queries Strapi generates for each Newsdesk type. */
const READ_QUERIES = [
  ['article', 'articles'],
  ['person', 'people'],
  ['quote', 'quotes'],
  ['relatedLink', 'relatedLinks'],
].flatMap(([single, plural]) => [`Query.${single}`, `Query.${plural}`, `Query.${plural}_connection`]);

/** GraphQL readers get the same published-only rule as REST readers. */
export function registerGraphqlPolicies(strapi: Core.Strapi): void {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      resolversConfig: Object.fromEntries(READ_QUERIES.map((query) => [query, { policies: ['global::published-only'] }])),
    }));
}
