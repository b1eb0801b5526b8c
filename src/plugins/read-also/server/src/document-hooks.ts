/**
 * Keeps suggestions fresh on every publish, update, unpublish and delete of an article, of a
 * quote (its speakers are a signal) and of a person (names are in the reasons), whichever way it
 * happens: Document Service middlewares. What the write does to links is the app's (src/api/related-link);
 * that it happened is news to reads, which leave linked articles out.
 */
import type { Core, Modules } from '@strapi/strapi';
import { z } from 'zod';
import { pluginServices } from './services/registry';
import { ARTICLE, PERSON, QUOTE, RELATED_LINK } from '../../../../content-types';
import { oncePerBatch } from '../../../../lib/publication-batch';
import { readAlsoSettings } from './settings';

type Context = Modules.Documents.Middleware.Context;

/** Only these writes can change a published version; saving a draft cannot, so it costs nothing here. */
function touchesPublished(context: Context): boolean {
  if (context.action === 'publish' || context.action === 'unpublish' || context.action === 'delete') return true;
  return (
    (context.action === 'create' || context.action === 'update') && 'status' in context.params && context.params.status === 'published'
  );
}

const READS = new Set<Context['action']>(['findOne', 'findFirst', 'findMany', 'count']);

/**
 * Any write to a link, or to an article's draft (it holds its links): what reads leave out as
 * linked already (the links' drafts) may change. Publishing or unpublishing an article leaves its
 * links' drafts as they are.
 */
const changesLinks = (context: Context) =>
  context.uid === RELATED_LINK || (context.uid === ARTICLE && context.action !== 'publish' && context.action !== 'unpublish');

function documentIdOf(context: Context, result: unknown): string | undefined {
  const fromResult = result && typeof result === 'object' && 'documentId' in result ? result.documentId : undefined;
  if (typeof fromResult === 'string') return fromResult;
  const fromParams = 'documentId' in context.params ? context.params.documentId : undefined;
  return typeof fromParams === 'string' ? fromParams : undefined;
}

const quoteRow = z.object({ article: z.object({ documentId: z.string() }).nullable().default(null) }).nullable();

async function quoteArticle(strapi: Core.Strapi, documentId: string): Promise<string | null> {
  const quote = quoteRow.parse(
    await strapi.db.query(QUOTE).findOne({ where: { documentId }, populate: { article: { select: ['documentId'] } } }),
  );
  return quote?.article?.documentId ?? null;
}

/** Writes that take a published version away: readers must not meet it once the write returns. */
const withdraws = (context: Context) => context.action === 'unpublish' || context.action === 'delete';

/**
 * Queues the article right after the write (in the write's own transaction when the caller opened
 * one, as an import does; the Document Service runs middlewares outside the transaction it gives
 * each write): once that commits, the worker indexes it and prepares its lists, off the publish
 * path. A version taken away leaves the index at once, and answers kept from before are out of
 * date as that commits.
 */
async function refresh(strapi: Core.Strapi, documentId: string, { withdrawn }: { withdrawn: boolean }) {
  const { indexer, repository, preparer } = pluginServices(strapi);
  await strapi.db.transaction(async ({ onCommit }) => {
    if (withdrawn) {
      await indexer.syncArticle(documentId);
      await repository.bumpArchiveVersion();
    }
    await repository.enqueue([documentId]);
    onCommit(() => preparer.schedule());
  });
}

/** In "attach" mode, each locale the article is live in gets its missing links. */
async function attachToLiveLocales(strapi: Core.Strapi, documentId: string) {
  if (readAlsoSettings(strapi).autoMode !== 'attach') return;
  const { editorial } = pluginServices(strapi);
  for (const locale of await editorial.liveLocales(documentId)) await editorial.attachIfNeeded(documentId, locale);
}

export function registerDocumentHooks(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (READS.has(context.action) || !changesLinks(context)) return next();
    const result = await next();
    await oncePerBatch('read-also:links', () => pluginServices(strapi).repository.bumpEditorialVersion());
    return result;
  });

  strapi.documents.use(async (context, next) => {
    if (context.uid === PERSON && touchesPublished(context)) {
      // A person's published name is in the reasons ("quotes Volodymyr Zelensky"): kept answers may name them.
      const result = await next();
      await oncePerBatch('read-also:people', () => pluginServices(strapi).repository.bumpArchiveVersion());
      return result;
    }
    if ((context.uid !== ARTICLE && context.uid !== QUOTE) || !touchesPublished(context)) return next();

    if (context.uid === QUOTE) {
      const before = documentIdOf(context, null);
      const articleBefore = before ? await quoteArticle(strapi, before) : null;
      const result = await next();
      const documentId = documentIdOf(context, result);
      const article = (documentId && (await quoteArticle(strapi, documentId))) || articleBefore;
      const withdrawn = withdraws(context);
      if (article) await oncePerBatch(`read-also:${withdrawn}:${article}`, () => refresh(strapi, article, { withdrawn }));
      return result;
    }

    const result = await next();
    const documentId = documentIdOf(context, result);
    if (!documentId) return result;
    const withdrawn = withdraws(context);
    await oncePerBatch(`read-also:${withdrawn}:${documentId}`, () => refresh(strapi, documentId, { withdrawn }));
    if (!withdrawn) {
      await oncePerBatch(`read-also:attach:${documentId}`, () => attachToLiveLocales(strapi, documentId));
    }
    return result;
  });
}
