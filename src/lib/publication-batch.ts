/**
 * A write that touches many documents at once (an import publishing an article with its
 * quotes) runs as one batch: follow-up work a hook would repeat for each document (such as
 * re-indexing the article they belong to) runs once per key, at the end of the batch and
 * still inside its transaction. Outside a batch, the work runs at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

type Job = () => Promise<void>;
// One store per process, even when this module is loaded twice (from src/ by tests, from dist/ by Strapi).
const STORE_KEY = Symbol.for('newsdesk.publication-batch');
const shared: Record<symbol, AsyncLocalStorage<Map<string, Job>> | undefined> = globalThis;
const batches = (shared[STORE_KEY] ??= new AsyncLocalStorage<Map<string, Job>>());

/** Runs `work` as one batch; the jobs deferred during it run after it, in the order first deferred. */
export async function inPublicationBatch<T>(work: () => Promise<T>): Promise<T> {
  // A nested batch belongs to the outer one, which runs the jobs.
  if (batches.getStore()) return work();
  const jobs = new Map<string, Job>();
  const result = await batches.run(jobs, work);
  for (const job of jobs.values()) await job();
  return result;
}

/** Runs `job` now, or once at the end of the current batch: later jobs with the same key are the same work. */
export async function oncePerBatch(key: string, job: Job): Promise<void> {
  const jobs = batches.getStore();
  if (!jobs) return job();
  if (!jobs.has(key)) jobs.set(key, job);
}
