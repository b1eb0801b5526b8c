/**
 * A full reindex's CPU work in worker threads, one per core: building every article's profile and
 * ranking every article's prepared list. Each worker holds its own copy of the in-memory index
 * (fed the same profiles in the same order, so every copy ranks alike) and ranks its share of the
 * articles (every n-th); the main thread reads articles and stores what the workers return.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { recordOf, type ArticleFacts, type ArticleProfile, type FieldWeights } from '../scoring/profile';
import type { RetainedPostings } from '../scoring/memory-index';
import type { RankedMember } from '../scoring/rank';
import type { SuggestSettings } from '../scoring/suggest';

export type ReindexSettings = SuggestSettings & { preparedListSize: number; fieldWeights: FieldWeights };

/**
 * What a worker starts from: the ranking settings, the postings it keeps per term for the
 * database (`retained`), and which share of the articles it ranks.
 */
export type WorkerSetup = { settings: ReindexSettings; retained: number; share: number; shares: number };

/** One article's list as a worker ranked it. */
export type RankedList = { documentId: string; locale: string; members: RankedMember[] };

/**
 * A profile as it crosses to a worker: its terms as two arrays, since a record would arrive as
 * one hidden class per article. Labels are left behind: a prepared list keeps no reasons.
 */
export type WireProfile = Omit<ArticleProfile, 'terms' | 'labels'> & { termList: string[]; frequencies: number[] };

/** A profile built by a worker, with its labels as entries (a record would cost a hidden class on arrival). */
export type BuiltProfile = WireProfile & { labelList: [string, string][] };

type WorkerMessage =
  | { type: 'build'; facts: ArticleFacts[] }
  | { type: 'add'; profiles: WireProfile[] }
  | { type: 'prepare'; count: number }
  | { type: 'retained' };
export type WorkerRequest = WorkerMessage & { id: number };
export type WorkerReply = { id: number } & (
  | { ok: true; built?: BuiltProfile[]; lists?: RankedList[]; postings?: RetainedPostings }
  | { ok: false; error: string }
);

export function toWire(profile: ArticleProfile): WireProfile {
  const { terms, labels: _labels, ...rest } = profile;
  return { ...rest, termList: Object.keys(terms), frequencies: Object.values(terms) };
}

export function fromWire(wire: WireProfile): ArticleProfile {
  const { termList, frequencies, ...rest } = wire;
  return { ...rest, terms: recordOf(termList.map((term, index) => [term, frequencies[index]])), labels: {} };
}

/** The compiled worker sits beside this module (Strapi compiles the plugin to dist/ before running it). */
const WORKER_SCRIPT = path.join(__dirname, 'reindex-worker.js');

export class ReindexWorkers {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;
  /** Acknowledgements of profiles sent for indexing: the next request waits for them, and surfaces their errors. */
  private adding: Promise<unknown>[] = [];

  /** `retained`: postings per term the database keeps after the reindex. */
  constructor(settings: ReindexSettings, { workers, retained }: { workers: number; retained: number }) {
    const shares = Math.max(1, workers);
    this.workers = Array.from({ length: shares }, (_, share) => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: { settings, retained, share, shares } satisfies WorkerSetup });
      worker.on('message', (reply: WorkerReply) => {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (reply.ok) waiting?.resolve(reply);
        else waiting?.reject(new Error(`reindex worker: ${reply.error}`));
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a reindex worker stopped with exit code ${code}`));
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private request(worker: Worker, message: WorkerMessage): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id } satisfies WorkerRequest);
    });
  }

  /** Builds the articles' profiles, each worker a part, in the order given. Not waiting for earlier adds: building reads no index. */
  async build(facts: ArticleFacts[]): Promise<ArticleProfile[]> {
    const part = Math.ceil(facts.length / this.workers.length);
    const parts = await Promise.all(
      this.workers.map(async (worker, index) => {
        const mine = facts.slice(index * part, (index + 1) * part);
        if (mine.length === 0) return [];
        const reply = await this.request(worker, { type: 'build', facts: mine });
        return reply.ok && reply.built ? reply.built : [];
      }),
    );
    return parts.flat().map(({ labelList, ...wire }) => ({ ...fromWire(wire), labels: recordOf(labelList) }));
  }

  /** Adds profiles to every worker's index (in the order given, which numbers the articles alike). */
  add(profiles: ArticleProfile[]): void {
    const wire = profiles.map(toWire);
    for (const worker of this.workers) {
      const acknowledged = this.request(worker, { type: 'add', profiles: wire });
      // Awaited by the next request; until then a failure must not count as unhandled.
      acknowledged.catch(() => undefined);
      this.adding.push(acknowledged);
    }
  }

  /** Every worker holds the same index: one of them says which postings a database should keep. */
  async retainedPostings(): Promise<RetainedPostings> {
    await this.added();
    const reply = await this.request(this.workers[0], { type: 'retained' });
    if (!reply.ok || !reply.postings) throw new Error('reindex worker: no postings in its reply');
    return reply.postings;
  }

  private async added(): Promise<void> {
    const added = this.adding;
    this.adding = [];
    await Promise.all(added);
  }

  /**
   * The lists of each worker's next `count` articles of its share (in the order they were added),
   * or none once every article is ranked.
   */
  async prepareNext(count: number): Promise<RankedList[]> {
    await this.added();
    const parts = await Promise.all(
      this.workers.map(async (worker) => {
        const reply = await this.request(worker, { type: 'prepare', count });
        return reply.ok && reply.lists ? reply.lists : [];
      }),
    );
    return parts.flat();
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the reindex workers were closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
