/**
 * Rebuilds the ranking state from the published articles, in pages: the profiles, then each term's
 * strongest postings and document frequency (once all are seen), then every article's prepared
 * list. Worker threads build the profiles and rank the lists against in-memory copies of the
 * index: the ranking the database answers at read time, without a dozen queries each.
 */
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { storedPostingsPerTerm } from '../config';
import { createArticleReader } from '../repositories/articles';
import type { ArticleProfile } from '../scoring/profile';
import { clientScore } from '../services/suggestions';
import { pluginServices } from '../services/registry';
import { readAlsoSettings } from '../settings';
import { ReindexWorkers } from './reindex-workers';

export type ReindexPhase = 'indexing' | 'preparing';

export type ReindexProgress = (done: number, total: number, phase: ReindexPhase) => void;

export async function reindexAll(
  strapi: Core.Strapi,
  onProgress?: ReindexProgress,
  { pageSize = 500 }: { pageSize?: number } = {},
): Promise<number> {
  const settings = readAlsoSettings(strapi);
  const { repository } = pluginServices(strapi);
  const articles = createArticleReader(strapi);
  const total = await articles.countPublished();
  await repository.clearAll();
  // Answers kept from before describe an archive that is being rebuilt.
  await repository.bumpArchiveVersion();
  // Lists hold their best candidates however weak; reads apply the lowest score shown.
  const workers = new ReindexWorkers(
    { ...settings, minScore: 0 },
    {
      workers: settings.reindexWorkers ?? os.availableParallelism(),
      retained: storedPostingsPerTerm(settings),
    },
  );
  try {
    let done = 0;
    await repository.withoutPostingIndexes(async () => {
      // The workers build one page's profiles while this thread reads the next and stores the last.
      let lastId = 0;
      let building: Promise<ArticleProfile[]> | null = null;
      for (;;) {
        const page = await articles.publishedPage(lastId, pageSize);
        const next = page.facts.length > 0 ? workers.build(page.facts) : null;
        // Awaited once the page before is stored; a failure meanwhile must not count as unhandled.
        next?.catch(() => undefined);
        lastId = page.lastId;
        if (building) {
          const profiles = await building;
          workers.add(profiles);
          await repository.addProfiles(profiles);
          done += profiles.length;
          onProgress?.(done, total, 'indexing');
        }
        if (!next) break;
        building = next;
      }
      await repository.addRetainedPostings(await workers.retainedPostings());
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
      await repository.savePreparedLists(
        lists.map((list) => ({
          ...list,
          // Stored as a live preparation stores them: with the scores clients see.
          members: list.members.map((member) => ({ documentId: member.documentId, score: clientScore(member.score) })),
          exhausted: list.members.length < settings.preparedListSize,
        })),
        { replace: false },
      );
      prepared += lists.length;
      onProgress?.(prepared, done, 'preparing');
    }
    await repository.refreshPlannerStatistics();
    await repository.bumpArchiveVersion();
    return done;
  } finally {
    await workers.close();
  }
}
