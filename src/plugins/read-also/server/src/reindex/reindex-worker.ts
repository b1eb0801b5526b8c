/**
 * A worker thread of ReindexWorkers: it builds the profiles it is given and, once the archive is
 * indexed, ranks the articles it is sent from the shared snapshot of the index. Messages are
 * handled one at a time, in order: the index's text scores are valid only until its next ranking.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SnapshotIndex } from '../scoring/archive-snapshot';
import { buildProfile } from '../scoring/profile';
import { suggestMembers } from '../scoring/suggest';
import { toWire, type RankedList, type WorkerReply, type WorkerRequest, type WorkerSetup } from './reindex-workers';

const { settings } = workerData as WorkerSetup;
let index: SnapshotIndex | null = null;

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.type === 'build') {
    const built = request.facts.map((facts) => {
      const profile = buildProfile(facts, settings.fieldWeights);
      return { ...toWire(profile), labelList: Object.entries(profile.labels) };
    });
    return { id: request.id, ok: true, built };
  }
  if (request.type === 'open') {
    index = new SnapshotIndex(request.snapshot);
    return { id: request.id, ok: true };
  }
  if (!index) throw new Error('ranking before the snapshot of the index arrived');
  const lists: RankedList[] = [];
  for (const { terms, ...source } of request.sources) {
    const members = await suggestMembers(index, settings, {
      source: { ...source, terms: JSON.parse(terms) as Record<string, number>, labels: {} },
      sourceIndexed: true,
      limit: settings.preparedListSize,
    });
    lists.push({ documentId: source.documentId, locale: source.locale, members });
  }
  return { id: request.id, ok: true, lists };
}

const port = parentPort;
if (!port) throw new Error('reindex-worker runs as a worker thread of ReindexWorkers');
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
