/** The public read of an article's suggestions, shared by the content API route and the GraphQL query. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GetSuggestions } from '../../../shared/contracts/suggestions';
import { pluginServices } from '../services/registry';
import { readAlsoSettings } from '../settings';
import { parse, resolveLocale } from './request';
import { articleParams, suggestionQuery } from './validators';

/** Validates the request, then answers for published articles only: public clients learn nothing about drafts, not even that one exists. */
export async function readPublicSuggestions(
  strapi: Core.Strapi,
  request: { params: unknown; query: unknown },
): Promise<GetSuggestions.Response> {
  const settings = readAlsoSettings(strapi);
  const { documentId } = parse(articleParams, request.params);
  const query = parse(suggestionQuery(settings.maxLimit), request.query);
  const locale = await resolveLocale(strapi, query.locale);
  const { suggestions } = pluginServices(strapi);
  if (!(await suggestions.isPublished(documentId, locale))) {
    throw new errors.NotFoundError(`No published article ${documentId} in locale ${locale}`);
  }
  const limit = query.limit ?? settings.limit;
  const data = await suggestions.suggestFor(documentId, { locale, limit });
  return { data, meta: { documentId, locale, limit } };
}
