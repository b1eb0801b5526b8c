/**
 * Rebuilds the ranking state from the published articles, in pages, in memory that does not grow
 * with the articles' text: the profiles, each stored as it is built; then each term's strongest
 * postings and document frequency (once all are seen); then every article's prepared list, ranked
 * by worker threads from one shared snapshot of the index, its terms read back from the database
 * page by page. The ranking is the one the database answers at read time, without a dozen queries each.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { createArticleReader } from '../repositories/articles';
import type { ArticleProfile } from '../scoring/profile';
import { pluginServices } from '../services/registry';
import { readAlsoSettings } from '../settings';
import type { ReindexWorkers } from './reindex-workers';
import { archiveIndexBuilder, claimantName, leading, rankingWorkers, rankPages } from './shared-ranking';

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
  const index = archiveIndexBuilder(settings);
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

/**
 * Every article's list: this process cuts the archive into pages, ranks them beside any process
 * that joins (see shared-ranking.ts), and waits for the pages others hold (all of them, when it
 * leaves the ranking to others).
 */
async function prepareLists(
  strapi: Core.Strapi,
  { repository, workers, pageSize, onProgress }: Reindex,
  { indexed, run, rankHere }: { indexed: number; run: string; rankHere: boolean },
) {
  const pages = await repository.planReindexPages(run, pageSize);
  const progress = async () => {
    const { done } = await repository.reindexPagesProgress(run);
    onProgress?.(done === pages ? indexed : done * pageSize, indexed, 'preparing');
    return done;
  };
  const rank = () => rankPages(strapi, { run, workers, claimant: claimantName(), onPage: async () => void (await progress()) });
  if (rankHere) await rank();
  // Pages another process holds: done when it saves them, or here once its claim runs out.
  while ((await progress()) < pages) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (rankHere) await rank();
  }
}

/**
 * `rankHere: false` leaves the lists to the processes that help (`helpReindexes`): this one only
 * indexes, cuts the pages and waits for them.
 */
export type ReindexOptions = { pageSize?: number; rankHere?: boolean };

export async function reindexAll(
  strapi: Core.Strapi,
  onProgress?: ReindexProgress,
  { pageSize = 500, rankHere = true }: ReindexOptions = {},
): Promise<number> {
  const settings = readAlsoSettings(strapi);
  const { repository } = pluginServices(strapi);
  await repository.clearAll();
  // Answers kept from before describe an archive that is being rebuilt.
  await repository.bumpArchiveVersion();
  const workers = rankingWorkers(settings);
  const reindex: Reindex = { settings, repository, workers, pageSize, onProgress };
  const run = randomUUID();
  try {
    return await leading(run, async () => {
      // Once the workers have the snapshot, this thread keeps none of it.
      const indexed = await indexArticles(strapi, reindex).then(async ({ done, snapshot }) => {
        if (rankHere) await workers.open(snapshot);
        return done;
      });
      await prepareLists(strapi, reindex, { indexed, run, rankHere });
      await repository.refreshPlannerStatistics();
      await repository.bumpArchiveVersion();
      return indexed;
    });
  } finally {
    await workers.close();
  }
}
