/**
 * Keeps the ranking state in step with published articles: a profile per published
 * article and locale, rebuilt when it is published, updated, unpublished or deleted.
 */
import type { Core } from '@strapi/strapi';
import { createArticleReader } from '../repositories/articles';
import { reindexAll, type ReindexOptions, type ReindexProgress } from '../reindex/reindex-all';
import { buildProfile, type ArticleProfile } from '../scoring/profile';
import { pluginServices } from './registry';
import { readAlsoSettings } from '../settings';

export const createIndexer = ({ strapi }: { strapi: Core.Strapi }) => {
  const fieldWeights = () => readAlsoSettings(strapi).fieldWeights;
  const repository = () => pluginServices(strapi).repository;
  const articles = createArticleReader(strapi);

  return {
    /** A profile of the article as an editor has it now (the draft), for articles not yet published. */
    async draftProfile(documentId: string, locale: string): Promise<ArticleProfile | null> {
      const [facts] = await articles.facts(documentId, { published: false, locale });
      return facts ? buildProfile(facts, fieldWeights()) : null;
    },

    /** Brings the state of one article in line with its published versions; returns the locales indexed. */
    async syncArticle(documentId: string): Promise<string[]> {
      const published = await articles.facts(documentId, { published: true });
      for (const facts of published) await repository().saveProfile(buildProfile(facts, fieldWeights()));
      const live = new Set(published.map((facts) => facts.locale));
      for (const locale of await repository().indexedLocales(documentId)) {
        if (!live.has(locale)) await repository().deleteProfile(documentId, locale);
      }
      return [...live];
    },

    /** Rebuilds everything from the published articles (see reindex/reindex-all.ts). */
    reindexAll(onProgress?: ReindexProgress, options: ReindexOptions = {}): Promise<number> {
      return reindexAll(strapi, onProgress, options);
    },
  };
};

export type ReadAlsoIndexer = ReturnType<typeof createIndexer>;
