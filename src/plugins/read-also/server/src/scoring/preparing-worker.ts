/**
 * A worker thread of PreparingWorkers: its own copy of the in-memory index, and the ranking of
 * the sources it is given. Messages are handled one at a time, in order: the index's text
 * scores are valid only until its next ranking.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { storedPostingsPerTerm } from '../config';
import { MemoryRankingIndex } from './memory-index';
import { fromWire, type PreparingSettings, type WorkerReply, type WorkerRequest } from './preparing-workers';
import { suggestMembers } from './suggest';

const settings = workerData as PreparingSettings;
const index = new MemoryRankingIndex(settings.postingsPerTerm, settings.candidatePool, { retained: storedPostingsPerTerm(settings) });

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.type === 'add') {
    for (const profile of request.profiles) index.add(fromWire(profile));
    return { id: request.id, ok: true };
  }
  if (request.type === 'retained') return { id: request.id, ok: true, postings: index.retainedPostings() };
  const lists = [];
  for (const source of request.sources) {
    lists.push(await suggestMembers(index, settings, { source: fromWire(source), sourceIndexed: true, limit: settings.preparedListSize }));
  }
  return { id: request.id, ok: true, lists };
}

const port = parentPort;
if (!port) throw new Error('preparing-worker runs as a worker thread of PreparingWorkers');
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      port.postMessage(await handle(request));
    } catch (error) {
      port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
    }
  });
});
