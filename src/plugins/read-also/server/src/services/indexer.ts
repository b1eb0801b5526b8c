/**
 * Keeps the ranking state in step with published articles: a profile per published
 * article and locale, rebuilt when it is published, updated, unpublished or deleted.
 */
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { ReindexWorkers } from '../scoring/reindex-workers';
import { blocksToText, buildProfile, type ArticleFacts, type ArticleProfile } from '../scoring/profile';
import { pluginServices } from './registry';
import { ARTICLE } from '../../../../../content-types';
import { readAlsoSettings } from '../settings';

export type ReindexPhase = 'indexing' | 'preparing';


type Ref = { documentId: string } | null | undefined;

type ArticleRow = {
  documentId: string;
  locale: string;
  title: string;
  slug: string | null;
  standfirst: string | null;
  body: unknown;
  section: string | null;
  tags: unknown;
  storyPublishedAt: string | Date | null;
  publishedAt: string | Date | null;
  people?: { documentId: string }[];
  quotes?: { speaker?: Ref; speaksFor?: Ref }[];
};

export const ARTICLE_POPULATE = {
  people: { select: ['documentId'] },
  quotes: { select: ['id'], populate: { speaker: { select: ['documentId'] }, speaksFor: { select: ['documentId'] } } },
};

export function factsFromArticle(row: ArticleRow): ArticleFacts {
  const time = row.storyPublishedAt ?? row.publishedAt;
  const speakers = (row.quotes ?? []).flatMap((quote) => [quote.speaker?.documentId, quote.speaksFor?.documentId]).filter(Boolean);
  return {
    documentId: row.documentId,
    locale: row.locale,
    title: row.title ?? '',
    slug: row.slug,
    standfirst: row.standfirst,
    bodyText: blocksToText(row.body),
    section: row.section,
    tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
    people: (row.people ?? []).map((person) => person.documentId),
    speakers: speakers as string[],
    storyTime: time ? new Date(time).getTime() : null,
  };
}

export const createIndexer = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => readAlsoSettings(strapi);
  const repository = () => pluginServices(strapi).repository;

  async function articleRows(documentId: string, published: boolean, locale?: string): Promise<ArticleRow[]> {
    return (await strapi.db.query(ARTICLE).findMany({
      where: { documentId, publishedAt: published ? { $notNull: true } : null, ...(locale ? { locale } : {}) },
      populate: ARTICLE_POPULATE,
    })) as unknown as ArticleRow[];
  }

  return {
    profileOf(row: ArticleRow): ArticleProfile {
      return buildProfile(factsFromArticle(row), config().fieldWeights);
    },

    /** A profile of the article as an editor has it now (the draft), for articles not yet published. */
    async draftProfile(documentId: string, locale: string): Promise<ArticleProfile | null> {
      const [row] = await articleRows(documentId, false, locale);
      return row ? this.profileOf(row) : null;
    },

    /** Brings the state of one article in line with its published versions; returns the locales indexed. */
    async syncArticle(documentId: string): Promise<string[]> {
      const published = await articleRows(documentId, true);
      for (const row of published) await repository().saveProfile(this.profileOf(row));
      const live = new Set(published.map((row) => row.locale));
      for (const locale of await repository().indexedLocales(documentId)) {
        if (!live.has(locale)) await repository().deleteProfile(documentId, locale);
      }
      return [...live];
    },

    /**
     * Rebuilds everything from the published articles, in pages: the profiles, then each term's
     * strongest postings and document frequency (once all are seen), then every article's
     * prepared list. Worker threads build the profiles and rank the lists against in-memory copies
     * of the index: the ranking the database answers at read time, without a dozen queries each.
     */
    async reindexAll(
      onProgress?: (done: number, total: number, phase: ReindexPhase) => void,
      { pageSize = 500 }: { pageSize?: number } = {},
    ): Promise<number> {
      const settings = config();
      const total = await strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
      await repository().clearAll();
      const workers = new ReindexWorkers(settings, settings.reindexWorkers ?? os.availableParallelism());
      try {
        let done = 0;
        await repository().withoutPostingIndexes(async () => {
          // Keyset pages (after the last id), so the thousandth page costs what the first did.
          // The workers build one page's profiles while this thread reads the next and stores the last.
          let lastId = 0;
          let building: Promise<ArticleProfile[]> | null = null;
          for (;;) {
            const rows = (await strapi.db.query(ARTICLE).findMany({
              where: { publishedAt: { $notNull: true }, id: { $gt: lastId } },
              populate: ARTICLE_POPULATE,
              orderBy: { id: 'asc' },
              limit: pageSize,
            })) as unknown as (ArticleRow & { id: number })[];
            const next = rows.length > 0 ? workers.build(rows.map(factsFromArticle)) : null;
            // Awaited once the page before is stored; a failure meanwhile must not count as unhandled.
            next?.catch(() => undefined);
            if (rows.length > 0) lastId = rows[rows.length - 1].id;
            if (building) {
              const profiles = await building;
              workers.add(profiles);
              await repository().addProfiles(profiles);
              done += profiles.length;
              onProgress?.(done, total, 'indexing');
            }
            if (!next) break;
            building = next;
          }
          await repository().addRetainedPostings(await workers.retainedPostings());
        });

        // The workers rank the next batch (a page between them) while this thread saves the last.
        const batch = Math.max(1, Math.ceil(pageSize / workers.size));
        let prepared = 0;
        let ranking = workers.prepareNext(batch);
        for (;;) {
          const lists = await ranking;
          if (lists.length === 0) break;
          ranking = workers.prepareNext(batch);
          // Awaited once this batch is saved; a failure meanwhile must not count as unhandled.
          ranking.catch(() => undefined);
          await repository().savePreparedLists(
            lists.map((list) => ({ ...list, exhausted: list.members.length < settings.preparedListSize })),
            { replace: false },
          );
          prepared += lists.length;
          onProgress?.(prepared, done, 'preparing');
        }
        await repository().refreshPlannerStatistics();
        return done;
      } finally {
        await workers.close();
      }
    },
  };
};

export type ReadAlsoIndexer = ReturnType<typeof createIndexer>;
