/**
 * Rebuilds the ranking state from the published articles, in pages, in memory that does not grow
 * with the articles' text: the profiles, each stored as it is built; then each term's strongest
 * postings and document frequency (once all are seen); then every article's prepared list, ranked
 * by worker threads from one shared snapshot of the index, its terms read back from the database
 * page by page. The ranking is the one the database answers at read time, without a dozen queries each.
 */
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { storedPostingsPerTerm } from '../config';
import { createArticleReader } from '../repositories/articles';
import { MemoryRankingIndex } from '../scoring/memory-index';
import type { ArticleProfile, StoredSource } from '../scoring/profile';
import { clientScore } from '../services/suggestions';
import { pluginServices } from '../services/registry';
import { readAlsoSettings } from '../settings';
import { ReindexWorkers, type RankedList } from './reindex-workers';

export type ReindexPhase = 'indexing' | 'preparing';

export type ReindexProgress = (done: number, total: number, phase: ReindexPhase) => void;

type Reindex = {
  settings: ReturnType<typeof readAlsoSettings>;
  repository: ReturnType<typeof pluginServices>['repository'];
  workers: ReindexWorkers;
  pageSize: number;
  onProgress?: ReindexProgress;
};

/**
 * The profiles, stored page by page, and the index they make, returned frozen: the builder
 * is left behind with this function, so ranking runs without its lists and columns in memory.
 */
async function indexArticles(strapi: Core.Strapi, { settings, repository, workers, pageSize, onProgress }: Reindex) {
  const articles = createArticleReader(strapi);
  await articles.refreshStatistics();
  const total = await articles.countPublished();
  const index = new MemoryRankingIndex(settings.postingsPerTerm, settings.candidatePool, {
    retained: storedPostingsPerTerm(settings),
    titles: false,
  });
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
        // The database stores the page while this thread adds it to the index.
        const storing = repository.addProfiles(profiles);
        for (const profile of profiles) index.add(profile);
        await storing;
        done += profiles.length;
        onProgress?.(done, total, 'indexing');
      }
      if (!next) break;
      building = next;
    }
    await repository.addRetainedPostings(index.retainedPostings());
  });
  return { done, snapshot: index.snapshot() };
}

/** Every article's list, ranked by the workers from the snapshot, its terms read back page by page. */
async function prepareLists({ settings, repository, workers, pageSize, onProgress }: Reindex, indexed: number): Promise<void> {
  const save = (lists: RankedList[]) =>
    repository.savePreparedLists(
      lists.map((list) => ({
        ...list,
        // Stored as a live preparation stores them: with the scores clients see.
        members: list.members.map((member) => ({ documentId: member.documentId, score: clientScore(member.score) })),
        exhausted: list.members.length < settings.preparedListSize,
      })),
      { replace: false },
    );
  const after = (page: StoredSource[]) => {
    const last = page[page.length - 1];
    return { documentId: last.documentId, locale: last.locale };
  };
  // The workers rank one page while this thread reads the next and saves the last.
  let prepared = 0;
  let page = await repository.sourcesPage(null, pageSize);
  let ranking = page.length > 0 ? workers.rank(page) : null;
  while (ranking) {
    const next = await repository.sourcesPage(after(page), pageSize);
    const lists = await ranking;
    ranking = next.length > 0 ? workers.rank(next) : null;
    // Awaited once this page is saved; a failure meanwhile must not count as unhandled.
    ranking?.catch(() => undefined);
    await save(lists);
    prepared += lists.length;
    onProgress?.(prepared, indexed, 'preparing');
    page = next;
  }
}

export async function reindexAll(
  strapi: Core.Strapi,
  onProgress?: ReindexProgress,
  { pageSize = 500 }: { pageSize?: number } = {},
): Promise<number> {
  const settings = readAlsoSettings(strapi);
  const { repository } = pluginServices(strapi);
  await repository.clearAll();
  // Answers kept from before describe an archive that is being rebuilt.
  await repository.bumpArchiveVersion();
  // Lists hold their best candidates however weak; reads apply the lowest score shown.
  const workers = new ReindexWorkers({ ...settings, minScore: 0 }, { workers: settings.reindexWorkers ?? os.availableParallelism() });
  const reindex: Reindex = { settings, repository, workers, pageSize, onProgress };
  try {
    // Once the workers have the snapshot, this thread keeps none of it.
    const done = await indexArticles(strapi, reindex).then(async ({ done: indexed, snapshot }) => {
      await workers.open(snapshot);
      return indexed;
    });
    await prepareLists(reindex, done);
    await repository.refreshPlannerStatistics();
    await repository.bumpArchiveVersion();
    return done;
  } finally {
    await workers.close();
  }
}
