/** `readAlsoSuggestions(documentId, limit, locale)`: the content API's suggestions, same rules and permission. */
import type { Core } from '@strapi/strapi';
import { CONTENT_API_ACTION } from '../../shared/constants';
import { readPublicSuggestions } from './controllers/public-suggestions';

const typeDefs = /* GraphQL */ `
  type ReadAlsoSignals {
    text: Float!
    people: Float!
    speakers: Float!
    tags: Float!
    section: Float!
    recency: Float!
  }

  "Why a story is suggested: a code and its parameters (speaker and person: person; terms; tags; section; time: days, positive when the story came earlier)."
  type ReadAlsoReason {
    code: String!
    person: String
    terms: [String!]
    tags: [String!]
    section: String
    days: Int
  }

  type ReadAlsoSuggestion {
    documentId: ID!
    title: String!
    slug: String
    locale: String!
    score: Float!
    reasons: [String!]!
    reasonCodes: [ReadAlsoReason!]!
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
              const query = { limit: args.limit ?? undefined, locale: args.locale ?? undefined };
              return (await readPublicSuggestions(strapi, { params: { documentId: args.documentId }, query })).data;
            },
          },
        },
      },
      resolversConfig: {
        'Query.readAlsoSuggestions': { auth: { scope: [CONTENT_API_ACTION] } },
      },
    }));
}
