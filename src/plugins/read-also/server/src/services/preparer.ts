/**
 * Keeps the index and the prepared suggestion lists in step with the archive, off the publish
 * path: after a publish commits, it indexes the queued article, ranks its own list again and
 * offers the article to each neighbour's list (those it now matches, and those that held it).
 * Until the queue is empty, reads rank live from the index, so a reader never sees a list that
 * a publish has made wrong. Every process works the one queue in the database, each entry
 * claimed by one process at a time.
 */
import type { Core } from '@strapi/strapi';
import type { SuggestionDTO } from '../../../shared/contracts/suggestions';
import { pluginServices } from './registry';
import { readAlsoSettings } from '../settings';
import { claimantName, helpReindex } from '../reindex/shared-ranking';

const BATCH = 20;

/** Emitted on Strapi's event hub each time an article's entry leaves the queue, done (by this process). */
export const PREPARED_EVENT = 'read-also.prepared';

const membership = (suggestion: SuggestionDTO) => ({ documentId: suggestion.documentId, score: suggestion.score });

export const createPreparer = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => readAlsoSettings(strapi);
  let running: Promise<void> | null = null;
  let requested = false;
  let stopped = true;
  let sweep: NodeJS.Timeout | null = null;
  let helping: Promise<void> | null = null;
  // Names this process's claims on the shared queue.
  const worker = claimantName();

  const notFound = (error: unknown) => (error as { name?: string }).name === 'NotFoundError';

  async function prepareArticle(documentId: string): Promise<void> {
    const { repository, suggestions, indexer } = pluginServices(strapi);
    const capacity = config().preparedListSize;
    // The publish only queued it: the article is indexed here; kept answers are out of date once that commits.
    await strapi.db.transaction(async () => {
      await indexer.syncArticle(documentId);
      await repository.bumpArchiveVersion();
    });
    const indexed = await repository.indexedLocales(documentId);
    for (const locale of await repository.preparedLocales(documentId)) {
      if (!indexed.includes(locale)) await repository.dropPreparedList(documentId, locale);
    }
    const neighbours = new Map<string, { documentId: string; locale: string }>();
    for (const source of await repository.listsContaining(documentId)) neighbours.set(`${source.documentId}:${source.locale}`, source);
    for (const locale of indexed) {
      const list = await suggestions.rankUnfiltered(documentId, { locale, limit: capacity });
      await repository.savePreparedLists([{ documentId, locale, members: list.map(membership), exhausted: list.length < capacity }]);
      for (const target of list)
        neighbours.set(`${target.documentId}:${target.locale}`, { documentId: target.documentId, locale: target.locale });
    }
    for (const neighbour of neighbours.values()) {
      try {
        const [match] = await suggestions.scoreTargets(neighbour.documentId, neighbour.locale, [documentId]);
        if (match) await repository.offer(neighbour.documentId, neighbour.locale, membership(match), capacity);
        else await repository.withdraw(neighbour.documentId, neighbour.locale, documentId);
      } catch (error) {
        // The neighbour itself left the archive meanwhile: its own queue entry clears its list.
        if (!notFound(error)) throw error;
      }
    }
    // The lists are final now: an answer a read scored while they were being written is out of date.
    await repository.bumpArchiveVersion();
  }

  async function drain(): Promise<void> {
    const { repository } = pluginServices(strapi);
    const leaseMs = config().queueLeaseSeconds * 1000;
    while (!stopped) {
      const batch = await repository.claimBatch(BATCH, worker, leaseMs);
      if (batch.length === 0) return;
      for (const [index, item] of batch.entries()) {
        if (stopped) {
          // Another process takes the rest now rather than when the claim runs out.
          await repository.releaseClaims(
            worker,
            batch.slice(index).map((rest) => rest.documentId),
          );
          return;
        }
        try {
          await prepareArticle(item.documentId);
        } catch (error) {
          // Dropped rather than retried forever: the article's reads rank live until its next publish.
          strapi.log.error(`[read-also] could not prepare suggestions for ${item.documentId}: ${(error as Error).message}`);
          await repository.dropPreparedList(item.documentId);
        }
        if (await repository.dequeue(item.documentId, item.queuedAt, worker)) {
          strapi.eventHub.emit(PREPARED_EVENT, { documentId: item.documentId, worker });
        }
      }
    }
  }

  function schedule(): void {
    if (stopped) return;
    if (running) {
      requested = true;
      return;
    }
    running = drain()
      .catch((error: Error) => {
        strapi.log.error(`[read-also] suggestion queue: ${error.message}`);
      })
      .finally(() => {
        running = null;
        if (requested) {
          requested = false;
          schedule();
        }
      });
  }

  return {
    start(): void {
      stopped = false;
      schedule();
      // Also drains entries queued by another process, or left by a crash, and joins another process's reindex.
      sweep = setInterval(() => {
        schedule();
        if (config().helpReindexes) helping = helpReindex(strapi, () => stopped);
      }, config().queueSweepSeconds * 1000);
      sweep.unref();
    },

    /** Called once a publish has committed. */
    schedule,

    /** Drains the queue now and resolves when it is empty (benchmarks and tests wait on it). */
    async idle(): Promise<void> {
      schedule();
      while (running) await running;
    },

    async stop(): Promise<void> {
      stopped = true;
      if (sweep) clearInterval(sweep);
      sweep = null;
      while (running) await running;
      // A reindex this process helps with: it saves the page it ranks and takes no other.
      await helping;
    },
  };
};

export type ReadAlsoPreparer = ReturnType<typeof createPreparer>;
