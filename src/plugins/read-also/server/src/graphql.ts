/** `readAlsoSuggestions(documentId, limit, locale)`: the content API's suggestions, same rules and permission. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_API_ACTION } from './permissions';
import { parse, resolveLocale } from './controllers/request';
import { articleParams, suggestionQuery } from './controllers/validators';
import { pluginServices } from './services/registry';
import { readAlsoSettings } from './settings';

const typeDefs = /* GraphQL */ `
  type ReadAlsoSignals {
    text: Float!
    people: Float!
    speakers: Float!
    tags: Float!
    section: Float!
    recency: Float!
  }

  type ReadAlsoSuggestion {
    documentId: ID!
    title: String!
    slug: String
    locale: String!
    score: Float!
    reasons: [String!]!
    signals: ReadAlsoSignals!
  }

  extend type Query {
    readAlsoSuggestions(documentId: ID!, limit: Int, locale: String): [ReadAlsoSuggestion!]!
  }
`;

export function registerGraphql(strapi: Core.Strapi): void {
  if (!strapi.plugin('graphql')) return;
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      typeDefs,
      resolvers: {
        Query: {
          readAlsoSuggestions: {
            async resolve(_parent: unknown, args: { documentId: string; limit?: number | null; locale?: string | null }) {
              const settings = readAlsoSettings(strapi);
              const { documentId } = parse(articleParams, { documentId: args.documentId });
              const query = parse(suggestionQuery(settings.maxLimit), {
                limit: args.limit ?? undefined,
                locale: args.locale ?? undefined,
              });
              const locale = await resolveLocale(strapi, query.locale);
              const { suggestions } = pluginServices(strapi);
              if (!(await suggestions.isPublished(documentId, locale))) {
                throw new errors.NotFoundError(`No published article ${documentId} in locale ${locale}`);
              }
              return suggestions.suggestFor(documentId, { locale, limit: query.limit ?? settings.limit });
            },
          },
        },
      },
      resolversConfig: {
        'Query.readAlsoSuggestions': { auth: { scope: [CONTENT_API_ACTION] } },
      },
    }));
}
