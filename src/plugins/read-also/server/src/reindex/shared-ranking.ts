/**
 * A reindex's ranking, shared by every process on the database: the process that runs the reindex
 * cuts the indexed articles into pages (repositories/reindex-pages.ts); it and any other process
 * that joins take pages one at a time, rank them in their worker threads from their own snapshot of
 * the index, and save each page's lists in the transaction that marks it done.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { storedPostingsPerTerm } from '../config';
import type { ReindexPage } from '../repositories';
import type { ArchiveSnapshot } from '../scoring/archive-snapshot';
import { MemoryRankingIndex } from '../scoring/memory-index';
import type { StoredSource } from '../scoring/profile';
import { clientScore } from '../services/suggestions';
import { pluginServices } from '../services/registry';
import { readAlsoSettings } from '../settings';
import { ReindexWorkers, type RankedList } from './reindex-workers';

/** Emitted on Strapi's event hub each time this process saves a page of a reindex's lists. */
export const REINDEX_PAGE_EVENT = 'read-also.reindex-page';

type Settings = ReturnType<typeof readAlsoSettings>;

/** A name for this process's claims, unique across machines and restarts. */
export const claimantName = () => `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** The ranking threads of a reindex: lists hold their best candidates however weak, since reads apply the lowest score shown. */
export const rankingWorkers = (settings: Settings) =>
  new ReindexWorkers({ ...settings, minScore: 0 }, { workers: settings.reindexWorkers ?? os.availableParallelism() });

/** The index builder a reindex fills, the same in every process that ranks. */
export const archiveIndexBuilder = (settings: Settings) =>
  new MemoryRankingIndex(settings.postingsPerTerm, settings.candidatePool, { retained: storedPostingsPerTerm(settings), titles: false });

/**
 * Takes pages of `run` until none is left to take, ranking each while the next is read and the
 * last saved. Returns how many articles this process ranked.
 */
export async function rankPages(
  strapi: Core.Strapi,
  {
    run,
    workers,
    claimant,
    onPage,
    stopping = () => false,
  }: { run: string; workers: ReindexWorkers; claimant: string; onPage?: () => Promise<void>; stopping?: () => boolean },
): Promise<number> {
  const { repository } = pluginServices(strapi);
  const settings = readAlsoSettings(strapi);
  const leaseMs = settings.queueLeaseSeconds * 1000;
  type Taken = { page: ReindexPage; sources: StoredSource[] };
  const take = async (): Promise<Taken | null> => {
    // A process that stops takes no more; a page it held is taken by another once the lease runs out.
    if (stopping()) return null;
    const page = await repository.claimReindexPage(run, claimant, leaseMs);
    return page ? { page, sources: await repository.sourcesBetween(page.first, page.end) } : null;
  };
  const save = (page: ReindexPage, lists: RankedList[]) =>
    strapi.db.transaction(async () => {
      // Its claim ran out and another process has it: that one saves it.
      if (!(await repository.finishReindexPage(page, claimant))) return;
      await repository.savePreparedLists(
        lists.map((list) => ({
          ...list,
          // Stored as a live preparation stores them: with the scores clients see.
          members: list.members.map((member) => ({ documentId: member.documentId, score: clientScore(member.score) })),
          exhausted: list.members.length < settings.preparedListSize,
        })),
        { replace: false },
      );
    });

  let ranked = 0;
  let current = await take();
  let ranking = current ? workers.rank(current.sources) : null;
  while (current && ranking) {
    const next = await take();
    const lists = await ranking;
    ranking = next ? workers.rank(next.sources) : null;
    // Awaited once this page is saved; a failure meanwhile must not count as unhandled.
    ranking?.catch(() => undefined);
    await save(current.page, lists);
    strapi.eventHub.emit(REINDEX_PAGE_EVENT, { run, page: current.page.position, claimant });
    ranked += lists.length;
    await onPage?.();
    current = next;
  }
  return ranked;
}

/** The index as the reindexing process built it, read back from the stored profiles. */
async function snapshotFromProfiles(strapi: Core.Strapi, stopping: () => boolean): Promise<ArchiveSnapshot | null> {
  const { repository } = pluginServices(strapi);
  const index = archiveIndexBuilder(readAlsoSettings(strapi));
  let page = await repository.sourcesPage(null, 1000);
  while (page.length > 0) {
    if (stopping()) return null;
    for (const { terms, ...source } of page) index.add({ ...source, terms: JSON.parse(terms) as Record<string, number>, labels: {} });
    const last = page[page.length - 1];
    page = await repository.sourcesPage({ documentId: last.documentId, locale: last.locale }, 1000);
  }
  return index.snapshot();
}

/** Runs led by this process: it ranks their pages already and must not join them again. */
const ledHere = new Set<string>();

export function leading<T>(run: string, work: () => Promise<T>): Promise<T> {
  ledHere.add(run);
  return work().finally(() => ledHere.delete(run));
}

let helping: Promise<void> | null = null;

/**
 * Joins a reindex another process runs, if its pages are open: builds the index from the stored
 * profiles, then takes pages beside it until none is left or `stopping` says so. One at a time
 * per process; the preparer's sweep calls it.
 */
export function helpReindex(strapi: Core.Strapi, stopping: () => boolean): Promise<void> {
  if (helping) return helping;
  const joining = (async () => {
    const { repository } = pluginServices(strapi);
    const run = await repository.openReindexRun();
    if (!run || ledHere.has(run)) return;
    const settings = readAlsoSettings(strapi);
    const workers = rankingWorkers(settings);
    try {
      const snapshot = await snapshotFromProfiles(strapi, stopping);
      if (!snapshot) return;
      await workers.open(snapshot);
      const ranked = await rankPages(strapi, { run, workers, claimant: claimantName(), stopping });
      if (ranked > 0) strapi.log.info(`[read-also] helped a reindex: ranked ${ranked} articles' lists`);
    } finally {
      await workers.close();
    }
  })()
    .catch((error: Error) => {
      strapi.log.error(`[read-also] helping a reindex: ${error.message}`);
    })
    .finally(() => {
      helping = null;
    });
  helping = joining;
  return joining;
}
