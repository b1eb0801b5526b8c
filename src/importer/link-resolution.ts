/**
 * Imported "Read also" headlines often name a story Newsdesk does not have yet. When an
 * article with that headline is created, retitled or published, the open links to it
 * get their target: a Document Service middleware, so every path (admin, REST, import) counts.
 */
import type { Core } from '@strapi/strapi';
import { headlineSimilarity, SAME_HEADLINE } from './text';
import { articleRef } from './service';
import { ARTICLE, RELATED_LINK } from '../content-types';


type OpenLink = { documentId: string; label: string; article: { documentId: string } | null };

export function linksNamingHeadline(title: string, links: OpenLink[], articleId: string): OpenLink[] {
  return links.filter((link) => link.article?.documentId !== articleId && headlineSimilarity(link.label, title) >= SAME_HEADLINE);
}

export async function resolveOpenLinksTo(strapi: Core.Strapi, articleId: string): Promise<number> {
  const article = (await strapi.db.query(ARTICLE).findOne({
    where: { documentId: articleId, publishedAt: null },
    select: ['title', 'locale'],
  })) as { title?: string; locale: string } | null;
  if (!article?.title) return 0;

  const open = (await strapi.db.query(RELATED_LINK).findMany({
    where: { unresolved: true, publishedAt: null },
    select: ['documentId', 'label'],
    populate: { article: { select: ['documentId'] } },
  })) as unknown as OpenLink[];
  const matches = linksNamingHeadline(article.title, open, articleId);
  for (const link of matches) {
    await strapi.documents(RELATED_LINK).update({ documentId: link.documentId, data: { targetArticle: articleRef(articleId, article.locale) } as never });
    const published = await strapi.db.query(RELATED_LINK).count({ where: { documentId: link.documentId, publishedAt: { $notNull: true } } });
    if (published > 0) await strapi.documents(RELATED_LINK).publish({ documentId: link.documentId });
  }
  return matches.length;
}

export function registerLinkResolution(strapi: Core.Strapi): void {
  strapi.documents.use(async (rawContext, next) => {
    const result = await next();
    const context = rawContext as unknown as { uid: string; action: string; params: { documentId?: string; data?: { title?: unknown } } };
    if (context.uid !== ARTICLE) return result;
    const retitled = (context.action === 'create' || context.action === 'update') && context.params.data?.title !== undefined;
    if (!retitled && context.action !== 'publish') return result;
    const documentId = context.params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) await resolveOpenLinksTo(strapi, documentId);
    return result;
  });
}
