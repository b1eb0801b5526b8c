/** Content API: published suggestions for frontends, behind the plugin's own permission. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { GetSuggestions } from '../../../shared/contracts/suggestions';
import { pluginServices } from '../services/registry';
import { parse, resolveLocale } from './request';
import { articleParams, suggestionQuery } from './validators';
import { readAlsoSettings } from '../settings';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const settings = readAlsoSettings(strapi);
    const { documentId } = parse(articleParams, ctx.params);
    const query = parse(suggestionQuery(settings.maxLimit), ctx.query);
    const locale = await resolveLocale(strapi, query.locale);
    const { suggestions } = pluginServices(strapi);
    // Public clients learn nothing about drafts, not even that one exists.
    if (!(await suggestions.isPublished(documentId, locale))) {
      throw new errors.NotFoundError(`No published article ${documentId} in locale ${locale}`);
    }
    const limit = query.limit ?? settings.limit;
    const data = await suggestions.suggestFor(documentId, { locale, limit });
    const body: GetSuggestions.Response = { data, meta: { documentId, locale, limit } };
    ctx.body = body;
  },
});
