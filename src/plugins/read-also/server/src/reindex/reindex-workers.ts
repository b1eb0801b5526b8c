/**
 * A full reindex's CPU work in worker threads, one per core: building every article's profile,
 * then ranking every article's prepared list from one shared snapshot of the index (see
 * scoring/archive-snapshot.ts). The main thread reads articles and stores what the workers return.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ArchiveSnapshot } from '../scoring/archive-snapshot';
import { recordOf, type ArticleFacts, type ArticleProfile, type FieldWeights, type StoredSource } from '../scoring/profile';
import type { RankedMember } from '../scoring/rank';
import type { SuggestSettings } from '../scoring/suggest';

export type ReindexSettings = SuggestSettings & { preparedListSize: number; fieldWeights: FieldWeights };

/** What a worker starts from: the ranking settings. */
export type WorkerSetup = { settings: ReindexSettings };

/** One article's list as a worker ranked it. */
export type RankedList = { documentId: string; locale: string; members: RankedMember[] };

/**
 * A profile as it crosses from a worker: its terms as two arrays, since a record would arrive as
 * one hidden class per article.
 */
export type WireProfile = Omit<ArticleProfile, 'terms' | 'labels'> & { termList: string[]; frequencies: number[] };

/** A profile built by a worker, with its labels as entries (a record would cost a hidden class on arrival). */
export type BuiltProfile = WireProfile & { labelList: [string, string][] };

type WorkerMessage =
  | { type: 'build'; facts: ArticleFacts[] }
  | { type: 'open'; snapshot: ArchiveSnapshot }
  | { type: 'rank'; sources: StoredSource[] };
export type WorkerRequest = WorkerMessage & { id: number };
export type WorkerReply = { id: number } & ({ ok: true; built?: BuiltProfile[]; lists?: RankedList[] } | { ok: false; error: string });

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
  constructor(settings: ReindexSettings, { workers }: { workers: number }) {
    this.workers = Array.from({ length: Math.max(1, workers) }, () => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: { settings } satisfies WorkerSetup });
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

  /** Splits work among the workers, in order, and puts their answers back in that order. */
  private async shared<T, R>(items: T[], ask: (part: T[]) => WorkerMessage, answer: (reply: WorkerReply) => R[]): Promise<R[]> {
    const part = Math.ceil(items.length / this.workers.length);
    const parts = await Promise.all(
      this.workers.map(async (worker, index) => {
        const mine = items.slice(index * part, (index + 1) * part);
        return mine.length === 0 ? [] : answer(await this.request(worker, ask(mine)));
      }),
    );
    return parts.flat();
  }

  /** Builds the articles' profiles, in the order given. */
  async build(facts: ArticleFacts[]): Promise<ArticleProfile[]> {
    const built = await this.shared(
      facts,
      (part) => ({ type: 'build', facts: part }),
      (reply) => (reply.ok && reply.built ? reply.built : []),
    );
    return built.map(({ labelList, ...wire }) => ({ ...fromWire(wire), labels: recordOf(labelList) }));
  }

  /** Gives every worker the index to rank from: its typed arrays are shared, its strings copied. */
  async open(snapshot: ArchiveSnapshot): Promise<void> {
    await Promise.all(this.workers.map((worker) => this.request(worker, { type: 'open', snapshot })));
  }

  /** These articles' lists, in the order given. */
  rank(sources: StoredSource[]): Promise<RankedList[]> {
    return this.shared(
      sources,
      (part) => ({ type: 'rank', sources: part }),
      (reply) => (reply.ok && reply.lists ? reply.lists : []),
    );
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the reindex workers were closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
