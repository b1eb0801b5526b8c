/**
 * What an article's writes do to "Read also" links, whichever road they take (admin, REST,
 * GraphQL, importer): a new or retitled headline resolves the open links naming it; a publish
 * takes the article's draft links live and brings back links hidden while it was away; an
 * unpublish or delete hides the links pointing at it.
 */
import type { Core, Modules } from '@strapi/strapi';
import { ARTICLE } from '../../content-types';
import { createLinkLifecycle } from './services/related-link';

type Context = Modules.Documents.Middleware.Context;

function documentIdOf(context: Context, result: unknown): string | undefined {
  const fromParams = 'documentId' in context.params ? context.params.documentId : undefined;
  if (typeof fromParams === 'string') return fromParams;
  const fromResult = result && typeof result === 'object' && 'documentId' in result ? result.documentId : undefined;
  return typeof fromResult === 'string' ? fromResult : undefined;
}

const isWrite = (context: Context) => context.action === 'create' || context.action === 'update';
const isRemoval = (context: Context) => context.action === 'unpublish' || context.action === 'delete';

export function registerLinkLifecycle(strapi: Core.Strapi): void {
  const lifecycle = createLinkLifecycle(strapi);

  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const before = isRemoval(context) ? documentIdOf(context, null) : undefined;
    const targetingBefore = before ? (await lifecycle.linksTargeting(before)).map((link) => link.documentId) : [];

    const result = await next();
    const documentId = documentIdOf(context, result);
    if (!documentId) return result;

    const data = isWrite(context) && 'data' in context.params ? context.params.data : undefined;
    const retitled = data !== undefined && data !== null && typeof data === 'object' && 'title' in data && data.title !== undefined;
    if (retitled || context.action === 'publish') await lifecycle.resolveOpenLinksTo(documentId);

    const publishing =
      context.action === 'publish' || (isWrite(context) && 'status' in context.params && context.params.status === 'published');
    if (!publishing && !isRemoval(context)) return result;
    const live = await lifecycle.publishedLocales(documentId);
    if (publishing && live.length > 0) {
      for (const locale of live) await lifecycle.publishWithArticle(documentId, locale);
      await lifecycle.restoreLinksTo(documentId);
    }
    if (isRemoval(context) && live.length === 0) await lifecycle.hideLinks(targetingBefore);
    return result;
  });
}
