/** The panel's Quotes section: a story's quotes with their speakers, and setting a speaker in one step. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import type { GetQuotes, SearchPeople, SetQuoteSpeaker } from '../../../shared/contracts/quotes';
import { createQuoteDesk } from '../../../../../api/quote/services/quote';
import { parse, resolveLocale } from './request';
import { articleParams, documentId, localeQuery, publishNow } from './validators';
import { articleAccess, quoteAccess } from './access';

const quoteParams = z.object({ quoteId: documentId });
const speakerBody = z.object({ personId: documentId.nullable(), publish: publishNow });
const peopleQuery = z.object({ q: z.string().trim().min(2, 'q must have at least 2 characters').max(200) }).passthrough();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const quotes = createQuoteDesk(strapi);
  const ensureArticleAccess = articleAccess(strapi);
  const ensureQuoteAccess = quoteAccess(strapi);

  return {
    async list(ctx: Context) {
      const { documentId: articleId } = parse(articleParams, ctx.params);
      const locale = await resolveLocale(strapi, parse(localeQuery, ctx.query).locale);
      await ensureArticleAccess(ctx, articleId, locale, 'read', 'You may not see the quotes of this article');
      const body: GetQuotes.Response = { data: await quotes.quotesOf(articleId, locale) };
      ctx.body = body;
    },

    async setSpeaker(ctx: Context) {
      const { quoteId } = parse(quoteParams, ctx.params);
      const { personId, publish = false } = parse(speakerBody, ctx.request.body ?? {});
      const article = await quotes.articleOf(quoteId);
      await ensureArticleAccess(ctx, article.documentId, article.locale, 'update', 'You may not edit the quotes of this article');
      await ensureQuoteAccess(ctx, quoteId, 'update');
      if (publish) await ensureQuoteAccess(ctx, quoteId, 'publish');
      const body: SetQuoteSpeaker.Response = { data: await quotes.setSpeaker(quoteId, personId, { publish }) };
      ctx.body = body;
    },

    async people(ctx: Context) {
      const { q } = parse(peopleQuery, ctx.query);
      const body: SearchPeople.Response = { data: await quotes.findPeople(q) };
      ctx.body = body;
    },
  };
};
