import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { newsArticleJsonLd } from '../../../formats/jsonld';
import { ninjsOf } from '../../../formats/ninjs';
import { formatSettings, loadFormatArticle } from '../../../formats/load';
import { ARTICLE } from '../../../content-types';
import { localeCode } from '../../../lib/locale';

const formatRequest = z.object({
  documentId: z.string().min(1).max(64),
  locale: localeCode.optional(),
});

export default factories.createCoreController(ARTICLE, ({ strapi }) => {
  async function published(params: unknown, query: unknown) {
    const parsed = formatRequest.safeParse({ ...(params as object), locale: (query as { locale?: unknown }).locale });
    if (!parsed.success) throw new errors.ValidationError(parsed.error.issues[0].message);
    const article = await loadFormatArticle(strapi, parsed.data.documentId, parsed.data.locale);
    if (!article) throw new errors.NotFoundError('No published article with this documentId');
    return article;
  }

  return {
    /** schema.org NewsArticle JSON-LD, for the page's <script type="application/ld+json">. */
    async jsonld(ctx) {
      ctx.body = newsArticleJsonLd(await published(ctx.params, ctx.query), formatSettings(strapi));
      ctx.type = 'application/ld+json';
    },

    /** IPTC ninjs, for partners and wire exchange. */
    async ninjs(ctx) {
      ctx.body = ninjsOf(await published(ctx.params, ctx.query), formatSettings(strapi));
    },
  };
});
