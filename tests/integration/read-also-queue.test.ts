/**
 * The preparation queue worked by several processes sharing one database: each entry is claimed
 * by one process at a time, and what a process that dies mid-batch held is done by another once
 * its claim runs out, so nothing is done twice or lost.
 */
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, createArticle, paragraphs } from '../helpers/fixtures';
import { testDatabaseClient } from '../helpers/environment';
import { StrapiProcesses, topicalArchive, until } from '../helpers/processes';
import type { ReadAlsoServices } from '../../src/plugins/read-also/server/src/services/registry';
import type { PreparedList } from '../../src/plugins/read-also/server/src/repositories';
import type { ArticleProfile } from '../../src/plugins/read-also/server/src/scoring/profile';

let app: TestApp;
let services: Pick<ReadAlsoServices, 'repository' | 'preparer'>;
const archive: string[] = [];
const LEASE_MS = 60_000;

beforeAll(async () => {
  app = await startTestApp();
  const plugin = app.strapi.plugin('read-also');
  services = { repository: plugin.service('repository'), preparer: plugin.service('preparer') };
  // Sixty stories on six subjects, so each has neighbours to offer itself to.
  archive.push(...(await topicalArchive(app.strapi, 60)));
  await services.preparer.idle();
  // From here on, only the processes a test starts work the queue.
  await services.preparer.stop();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const ids = (entries: { documentId: string }[]) => entries.map((entry) => entry.documentId).sort();

describe('claims on the queue', () => {
  afterEach(async () => {
    await services.repository.releaseClaims('a');
    await services.repository.releaseClaims('b');
    for (const entry of await services.repository.claimBatch(1000, 'cleanup', LEASE_MS)) {
      await services.repository.dequeue(entry.documentId, entry.queuedAt, 'cleanup');
    }
  });

  test('two processes claiming at once get disjoint batches, oldest first, until none is left', async () => {
    await services.repository.enqueue(archive.slice(0, 30));
    const [first, second] = await Promise.all([
      services.repository.claimBatch(20, 'a', LEASE_MS),
      services.repository.claimBatch(20, 'b', LEASE_MS),
    ]);
    expect(first.length + second.length).toBe(30);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(30);
    expect(await services.repository.claimBatch(20, 'c', LEASE_MS)).toEqual([]);
    expect(await services.repository.hasPending()).toBe(true);
  });

  test('what a process held is taken by another once its claim runs out, not before', async () => {
    await services.repository.enqueue(archive.slice(0, 5));
    expect(await services.repository.claimBatch(5, 'a', 200)).toHaveLength(5);
    expect(await services.repository.claimBatch(5, 'b', LEASE_MS)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(ids(await services.repository.claimBatch(5, 'b', LEASE_MS))).toEqual([...archive.slice(0, 5)].sort());
  });

  test('an entry queued again while claimed stays with its process, which lets it go when done; then it is worked again', async () => {
    await services.repository.enqueue([archive[0]]);
    const [claimed] = await services.repository.claimBatch(1, 'a', LEASE_MS);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await services.repository.enqueue([archive[0]]);
    // Never beside the process still working on it.
    expect(await services.repository.claimBatch(1, 'b', LEASE_MS)).toEqual([]);
    expect(await services.repository.dequeue(claimed.documentId, claimed.queuedAt, 'a')).toBe(false);
    const [again] = await services.repository.claimBatch(1, 'b', LEASE_MS);
    expect(again.documentId).toBe(archive[0]);
    expect(again.queuedAt).toBeGreaterThan(claimed.queuedAt);
    expect(await services.repository.dequeue(again.documentId, again.queuedAt, 'b')).toBe(true);
    expect(await services.repository.hasPending()).toBe(false);
  });

  test('a stopping process lets its claims go at once', async () => {
    await services.repository.enqueue(archive.slice(0, 3));
    expect(await services.repository.claimBatch(3, 'a', LEASE_MS)).toHaveLength(3);
    await services.repository.releaseClaims('a');
    expect(await services.repository.claimBatch(3, 'b', LEASE_MS)).toHaveLength(3);
  });
});

describe('what a publish does in its own request', () => {
  test('a publish only queues its article, the index learns it from the worker; an unpublish takes it out at once', async () => {
    // No worker runs here (beforeAll stopped it): what is done is what the requests themselves did.
    const fresh = await createArticle(app.strapi, { title: 'A harbour strike day', body: paragraphs('The harbour strike went on.') });
    expect(await services.repository.indexedLocales(fresh.documentId)).toEqual([]);
    const queued = await services.repository.claimBatch(1000, 'probe', LEASE_MS);
    expect(ids(queued)).toEqual([fresh.documentId]);

    const live = archive[5];
    expect(await services.repository.indexedLocales(live)).toEqual(['en']);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: live });
    expect(await services.repository.indexedLocales(live)).toEqual([]);
    // The worker still takes it out of every list.
    expect(ids(await services.repository.claimBatch(1000, 'probe', LEASE_MS))).toEqual([live]);
    await app.strapi.documents(ARTICLE).publish({ documentId: live });
    await services.repository.releaseClaims('probe');
    for (const entry of await services.repository.claimBatch(1000, 'cleanup', LEASE_MS))
      await services.repository.dequeue(entry.documentId, entry.queuedAt, 'cleanup');
  });
});

// SKIP LOCKED is PostgreSQL's; two processes writing one SQLite file is not how Newsdesk runs.
const onPostgres = testDatabaseClient() === 'postgres' ? test : test.skip;

onPostgres(
  'two Strapi processes share the queue; one is killed mid-batch; every entry is done exactly once',
  async () => {
    const processes = new StrapiProcesses();
    const settings = { READ_ALSO_QUEUE_LEASE_SECONDS: '3', READ_ALSO_QUEUE_SWEEP_SECONDS: '1' };
    try {
      // One after the other: two first boots on one database would race over Strapi's own tables.
      const doomed = await processes.start(settings);
      const survivor = await processes.start(settings);

      // A burst of sixty publishes' worth of work.
      await services.repository.enqueue(archive);
      await until(() => processes.events('done').some((line) => line.pid === doomed.pid), 'the first process to finish one');
      await processes.kill(doomed);

      await until(async () => !(await services.repository.hasPending()), 'the queue to empty');
      const done = processes.events('done');
      const byDocument = new Map<string, number>();
      for (const line of done) byDocument.set(line.subject ?? '', (byDocument.get(line.subject ?? '') ?? 0) + 1);
      // Nothing lost, nothing done twice.
      expect([...byDocument.keys()].sort()).toEqual([...archive].sort());
      expect([...byDocument.values()].every((count) => count === 1)).toBe(true);
      // Both worked, and the survivor finished what the killed one held when it died.
      const doneBy = (pid: number | undefined) => done.filter((line) => line.pid === pid).length;
      expect(doneBy(doomed.pid)).toBeGreaterThan(0);
      expect(doneBy(doomed.pid)).toBeLessThan(20);
      expect(doneBy(survivor.pid)).toBe(archive.length - doneBy(doomed.pid));
      for (const documentId of archive) expect(await services.repository.preparedList(documentId, 'en')).not.toBeNull();
    } finally {
      processes.stopAll();
    }
  },
  180_000,
);

// What two processes do at once, played on separate connections of this one (each call its own transaction).
describe('writes from several processes at once', () => {
  test('offers to one list all land: none overwrites another or collides with its rows', async () => {
    const source = archive[0];
    const before = await services.repository.preparedList(source, 'en');
    expect(before).not.toBeNull();
    const newcomers = archive.slice(40, 52).filter((documentId) => !before?.members.some((member) => member.documentId === documentId));
    const results = await Promise.allSettled(
      newcomers.map((documentId, index) => services.repository.offer(source, 'en', { documentId, score: 1000 + index }, 100)),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const after = await services.repository.preparedList(source, 'en');
    expect(after?.members.slice(0, newcomers.length).map((member) => member.documentId)).toEqual([...newcomers].reverse());
    await services.repository.savePreparedLists([before as PreparedList]);
  });

  test('articles indexed at once, their terms met in different orders, neither deadlock nor miscount', async () => {
    const profiles = await Promise.all(archive.slice(10, 22).map((documentId) => services.repository.findProfile(documentId, 'en')));
    const stored = profiles.filter((profile): profile is ArticleProfile => profile !== null);
    expect(stored).toHaveLength(12);
    const statsBefore = await services.repository.corpusStats('en', Object.keys(stored[0].terms));
    // Every other article lists its terms backwards, so two writers reach shared terms in opposite orders.
    const reordered = stored.map((profile, index) =>
      index % 2 ? { ...profile, terms: Object.fromEntries(Object.entries(profile.terms).reverse()) } : profile,
    );
    for (let round = 0; round < 3; round += 1) {
      const results = await Promise.allSettled(reordered.map((profile) => services.repository.saveProfile(profile)));
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    }
    expect(await services.repository.corpusStats('en', Object.keys(stored[0].terms))).toEqual(statsBefore);
  });
});
