/**
 * A worker thread of ReindexWorkers: it builds the profiles it is given, holds its own copy of
 * the in-memory index and the terms of its share of the articles, and ranks that share. Messages
 * are handled one at a time, in order: the index's text scores are valid only until its next ranking.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { MemoryRankingIndex } from '../scoring/memory-index';
import { buildProfile } from '../scoring/profile';
import { suggestMembers } from '../scoring/suggest';
import {
  fromWire,
  toWire,
  type RankedList,
  type WireProfile,
  type WorkerReply,
  type WorkerRequest,
  type WorkerSetup,
} from './reindex-workers';

const { settings, retained, share, shares } = workerData as WorkerSetup;
const index = new MemoryRankingIndex(settings.postingsPerTerm, settings.candidatePool, { retained });

/** The articles this worker ranks, their terms as numbers into one vocabulary (far smaller than the strings). */
const vocabulary: string[] = [];
const termNumbers = new Map<string, number>();
type KeptSource = Omit<WireProfile, 'termList' | 'frequencies'> & { termIds: Int32Array; frequencies: Float64Array };
const sources: KeptSource[] = [];
let added = 0;
let ranked = 0;

function keep(wire: WireProfile): void {
  const { termList, frequencies, ...rest } = wire;
  const termIds = Int32Array.from(termList, (term) => {
    let number = termNumbers.get(term);
    if (number === undefined) {
      number = vocabulary.length;
      vocabulary.push(term);
      termNumbers.set(term, number);
    }
    return number;
  });
  sources.push({ ...rest, termIds, frequencies: Float64Array.from(frequencies) });
}

function sourceProfile(source: KeptSource) {
  const { termIds, frequencies, ...rest } = source;
  return fromWire({ ...rest, termList: Array.from(termIds, (number) => vocabulary[number]), frequencies: Array.from(frequencies) });
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.type === 'build') {
    const built = request.facts.map((facts) => {
      const profile = buildProfile(facts, settings.fieldWeights);
      return { ...toWire(profile), labelList: Object.entries(profile.labels) };
    });
    return { id: request.id, ok: true, built };
  }
  if (request.type === 'add') {
    for (const profile of request.profiles) {
      index.add(fromWire(profile));
      if (added % shares === share) keep(profile);
      added += 1;
    }
    return { id: request.id, ok: true };
  }
  if (request.type === 'retained') return { id: request.id, ok: true, postings: index.retainedPostings() };
  const lists: RankedList[] = [];
  for (const source of sources.slice(ranked, ranked + request.count)) {
    const members = await suggestMembers(index, settings, {
      source: sourceProfile(source),
      sourceIndexed: true,
      limit: settings.preparedListSize,
    });
    lists.push({ documentId: source.documentId, locale: source.locale, members });
  }
  ranked = Math.min(sources.length, ranked + request.count);
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
