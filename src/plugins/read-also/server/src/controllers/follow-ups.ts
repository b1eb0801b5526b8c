/** "Newer on this topic" in the panel, and the list of articles with follow-ups waiting. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { GetFollowUps, ListFollowUps } from '../../../shared/contracts/suggestions';
import { pluginServices } from '../services/registry';
import { readAlsoSettings } from '../settings';
import { parse, resolveLocale } from './request';
import { articleParams, localeQuery } from './validators';
import { articleAccess, mayReadArticle } from './access';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ensureArticleAccess = articleAccess(strapi);
  const mayRead = mayReadArticle(strapi);

  return {
    async forArticle(ctx: Context) {
      const { documentId } = parse(articleParams, ctx.params);
      const locale = await resolveLocale(strapi, parse(localeQuery, ctx.query).locale);
      await ensureArticleAccess(ctx, documentId, locale, 'read');
      const body: GetFollowUps.Response = {
        data: await pluginServices(strapi).followUps.followUpsFor(documentId, locale),
        meta: { documentId, locale },
      };
      ctx.body = body;
    },

    /** Every locale unless one is asked for; only the articles this user may open (an Author's own, for instance). */
    async waiting(ctx: Context) {
      const requested = parse(localeQuery, ctx.query).locale;
      const locale = requested ? await resolveLocale(strapi, requested) : undefined;
      const { articles, truncated } = await pluginServices(strapi).followUps.waiting({ locale });
      const visible: ListFollowUps.Response['data'] = [];
      for (const article of articles) if (await mayRead(ctx, article.documentId, article.locale)) visible.push(article);
      const body: ListFollowUps.Response = { data: visible, meta: { days: readAlsoSettings(strapi).followUpDays, truncated } };
      ctx.body = body;
    },
  };
};
