/**
 * A reindex's ranking shared by processes on one database: pages of articles, each claimed by one
 * process at a time and saved with the mark that it is done, so a page is done once even when the
 * process that held it dies.
 */
import { startTestApp, type TestApp } from '../helpers/strapi';
import { testDatabaseClient } from '../helpers/environment';
import { StrapiProcesses, topicalArchive, until } from '../helpers/processes';
import type { ReadAlsoServices } from '../../src/plugins/read-also/server/src/services/registry';
import type { PreparedList } from '../../src/plugins/read-also/server/src/repositories';

let app: TestApp;
let services: Pick<ReadAlsoServices, 'repository' | 'preparer' | 'indexer'>;
const archive: string[] = [];
const LEASE_MS = 60_000;

beforeAll(async () => {
  app = await startTestApp();
  const plugin = app.strapi.plugin('read-also');
  services = { repository: plugin.service('repository'), preparer: plugin.service('preparer'), indexer: plugin.service('indexer') };
  archive.push(...(await topicalArchive(app.strapi, 80)));
  await services.preparer.idle();
  await services.preparer.stop();
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

const listsOf = async (documentIds: string[]) => {
  const lists = new Map<string, PreparedList | null>();
  for (const documentId of documentIds) lists.set(documentId, await services.repository.preparedList(documentId, 'en'));
  return lists;
};

describe('pages of a reindex', () => {
  test('cut in key order, each claimed by one process at a time, done only by the process that holds it', async () => {
    const pages = await services.repository.planReindexPages('run-a', 30);
    expect(pages).toBe(Math.ceil(archive.length / 30));
    const [first, second] = await Promise.all([
      services.repository.claimReindexPage('run-a', 'a', LEASE_MS),
      services.repository.claimReindexPage('run-a', 'b', LEASE_MS),
    ]);
    expect(first && second).toBeTruthy();
    expect(first?.position).not.toBe(second?.position);
    // Pages meet end to end: together they hold every indexed article once.
    const sources = [];
    for (let position = 0; position < pages; position += 1) {
      const page =
        [first, second].find((taken) => taken?.position === position) ??
        (await services.repository.claimReindexPage('run-a', 'c', LEASE_MS));
      expect(page?.position).toBe(position);
      if (page) sources.push(...(await services.repository.sourcesBetween(page.first, page.end)));
    }
    expect(sources.map((source) => source.documentId).sort()).toEqual([...archive].sort());
    expect(await services.repository.claimReindexPage('run-a', 'd', LEASE_MS)).toBeNull();
    // Only the holder marks a page done; another run's claimant takes nothing.
    expect(await services.repository.finishReindexPage(first!, 'b')).toBe(false);
    expect(await services.repository.finishReindexPage(first!, 'a')).toBe(true);
    expect(await services.repository.finishReindexPage(first!, 'a')).toBe(false);
    expect(await services.repository.reindexPagesProgress('run-a')).toEqual({ pages, done: 1 });
    expect(await services.repository.claimReindexPage('run-b', 'e', LEASE_MS)).toBeNull();
    expect(await services.repository.openReindexRun()).toBe('run-a');
  });

  test('a claim that runs out is taken by another process, and the first can no longer mark it done', async () => {
    await services.repository.planReindexPages('run-c', 1000);
    const held = await services.repository.claimReindexPage('run-c', 'a', 200);
    expect(await services.repository.claimReindexPage('run-c', 'b', LEASE_MS)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const taken = await services.repository.claimReindexPage('run-c', 'b', LEASE_MS);
    expect(taken?.position).toBe(held?.position);
    expect(await services.repository.finishReindexPage(held!, 'a')).toBe(false);
    expect(await services.repository.finishReindexPage(taken!, 'b')).toBe(true);
    expect(await services.repository.openReindexRun()).toBeNull();
  });
});

// SKIP LOCKED is PostgreSQL's; two processes writing one SQLite file is not how Newsdesk runs.
const onPostgres = testDatabaseClient() === 'postgres' ? test : test.skip;

onPostgres(
  "processes that help rank a reindex; one killed mid-run; every page is done once and the lists are a lone reindex's",
  async () => {
    await services.indexer.reindexAll();
    const lone = await listsOf(archive);
    expect([...lone.values()].every((list) => list !== null && list.members.length > 0)).toBe(true);

    const processes = new StrapiProcesses();
    const settings = { READ_ALSO_HELP_REINDEX: 'true', READ_ALSO_QUEUE_LEASE_SECONDS: '3', READ_ALSO_QUEUE_SWEEP_SECONDS: '1' };
    try {
      const doomed = await processes.start(settings);
      const survivor = await processes.start(settings);
      // This process only indexes and cuts the pages: the two others rank them, a page an article.
      const reindexing = services.indexer.reindexAll(undefined, { pageSize: 1, rankHere: false });
      await until(() => processes.events('page').some((line) => line.pid === doomed.pid), 'the first process to save a page', {
        everyMs: 10,
      });
      await processes.kill(doomed);
      expect(await reindexing).toBe(archive.length);

      const pages = processes.events('page');
      const byPage = new Map<string, number>();
      for (const line of pages) byPage.set(line.subject ?? '', (byPage.get(line.subject ?? '') ?? 0) + 1);
      // Nothing lost, nothing done twice.
      expect(byPage.size).toBe(archive.length);
      expect([...byPage.values()].every((count) => count === 1)).toBe(true);
      const doneBy = (pid: number | undefined) => pages.filter((line) => line.pid === pid).length;
      expect(doneBy(doomed.pid)).toBeGreaterThan(0);
      expect(doneBy(doomed.pid)).toBeLessThan(archive.length);
      expect(doneBy(survivor.pid)).toBe(archive.length - doneBy(doomed.pid));
      expect(await listsOf(archive)).toEqual(lone);
      expect(await services.repository.openReindexRun()).toBeNull();
    } finally {
      processes.stopAll();
    }
  },
  240_000,
);
