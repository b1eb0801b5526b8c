/**
 * Keeps suggestions fresh on every publish, update, unpublish and delete, whichever
 * way it happens (admin, REST, GraphQL, importer): a Document Service middleware.
 */
import type { Core } from '@strapi/strapi';
import { pluginServices } from './services/registry';
import { ARTICLE, QUOTE } from '../../../../content-types';


type HookContext = { uid: string; action: string; params: { documentId?: string; locale?: string; status?: string } };

/** Only these writes can change a published version; saving a draft cannot, so it costs nothing here. */
function touchesPublished(context: HookContext): boolean {
  if (['publish', 'unpublish', 'delete'].includes(context.action)) return true;
  return (context.action === 'create' || context.action === 'update') && context.params.status === 'published';
}

async function quoteArticle(strapi: Core.Strapi, documentId: string): Promise<string | null> {
  const quote = (await strapi.db.query(QUOTE).findOne({
    where: { documentId },
    populate: { article: { select: ['documentId'] } },
  })) as { article?: { documentId: string } | null } | null;
  return quote?.article?.documentId ?? null;
}

/** Queues the article for its prepared lists, in the write's transaction; the work starts once it commits. */
async function queuePreparation(strapi: Core.Strapi, documentId: string) {
  const { repository, preparer } = pluginServices(strapi);
  await strapi.db.transaction(async ({ onCommit }) => {
    await repository.enqueue([documentId]);
    onCommit(() => preparer.schedule());
  });
}

async function afterArticleWrite(strapi: Core.Strapi, context: HookContext, documentId: string, targetingBefore: string[]) {
  const { indexer, editorial } = pluginServices(strapi);
  const live = await indexer.syncArticle(documentId);
  await queuePreparation(strapi, documentId);
  const published = context.action === 'publish' || (context.params.status === 'published' && live.length > 0);
  if (published) {
    for (const locale of live) {
      await editorial.publishDraftLinks(documentId, locale);
      await editorial.attachIfNeeded(documentId, locale);
    }
    await editorial.restoreLinksTo(documentId);
  }
  if ((context.action === 'unpublish' || context.action === 'delete') && live.length === 0) {
    await editorial.hideLinksTo(targetingBefore);
  }
}

export function registerDocumentHooks(strapi: Core.Strapi): void {
  strapi.documents.use(async (rawContext, next) => {
    const context = rawContext as unknown as HookContext;
    if ((context.uid !== ARTICLE && context.uid !== QUOTE) || !touchesPublished(context)) return next();

    if (context.uid === QUOTE) {
      const before = context.params.documentId ? await quoteArticle(strapi, context.params.documentId) : null;
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId ?? context.params.documentId;
      const article = (documentId && (await quoteArticle(strapi, documentId))) || before;
      if (article) {
        await pluginServices(strapi).indexer.syncArticle(article);
        await queuePreparation(strapi, article);
      }
      return result;
    }

    const targetingBefore =
      context.action === 'unpublish' || context.action === 'delete'
        ? (await pluginServices(strapi).editorial.linksTargeting(context.params.documentId as string)).map((link) => link.documentId)
        : [];
    const result = await next();
    const documentId = context.params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) await afterArticleWrite(strapi, context, documentId, targetingBefore);
    return result;
  });
}
