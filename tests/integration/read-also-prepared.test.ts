/**
 * Prepared suggestion lists: what a reader gets from them must be what a live ranking says,
 * after publishes, unpublishes, editorial decisions and a full reindex.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { adminSession } from '../helpers/admin';
import { ARTICLE, createArticle, paragraphs } from '../helpers/fixtures';
import { buildNewsroom, publishRelatedStory, type Newsroom } from '../helpers/newsroom';
import type { ReadAlsoServices } from '../../src/plugins/read-also/server/src/services/registry';

/** This archive is tiny: its prepared lists are served anyway (they are what is tested). */
const TINY_ARCHIVE_PREPARED = { READ_ALSO_PREPARED_FROM: '0' };
let app: TestApp;
let newsroom: Newsroom;
let services: ReadAlsoServices;

beforeAll(async () => {
  app = await startTestApp({ environment: TINY_ARCHIVE_PREPARED });
  newsroom = await buildNewsroom(app.strapi);
  const plugin = app.strapi.plugin('read-also');
  services = {
    repository: plugin.service('repository'),
    indexer: plugin.service('indexer'),
    suggestions: plugin.service('suggestions'),
    editorial: plugin.service('editorial'),
    preparer: plugin.service('preparer'),
  } as ReadAlsoServices;
  await services.preparer.idle();
});
afterAll(async () => {
  await app?.stop();
});

test('Given an archive smaller than READ_ALSO_PREPARED_FROM, reads rank live even where a prepared list exists', async () => {
  const { seed } = newsroom.articles;
  expect(await services.suggestions.fromPreparedList(seed.documentId, 'en', 5)).not.toBeNull();
  const settings = app.strapi.config.get('plugin::read-also') as { preparedListsFrom: number };
  settings.preparedListsFrom = 6;
  try {
    expect(await services.suggestions.fromPreparedList(seed.documentId, 'en', 5)).toBeNull();
  } finally {
    settings.preparedListsFrom = 0;
  }
});

const publishedIds = async () =>
  (
    (await app.strapi.db.query(ARTICLE).findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId'] })) as {
      documentId: string;
    }[]
  ).map((row) => row.documentId);

function expectSameStories(prepared: unknown, live: unknown) {
  expect(prepared).not.toBeNull();
  expect(prepared).toEqual(live);
}

/** Every published article's prepared answer, beside what a live ranking says now. */
async function preparedAndLive(limit = 10) {
  const results = [];
  for (const documentId of await publishedIds()) {
    const prepared = await services.suggestions.fromPreparedList(documentId, 'en', limit);
    const live = await services.suggestions.rank(documentId, { locale: 'en', limit });
    results.push({ documentId, prepared, live });
  }
  return results;
}

test('Given a quiet archive, every published article has a prepared list, and it says what a live ranking says', async () => {
  const results = await preparedAndLive();
  expect(results.length).toBe(5);
  for (const { prepared, live } of results) expectSameStories(prepared, live);
  const seedList = results.find((result) => result.documentId === newsroom.articles.seed.documentId);
  expect(seedList?.prepared?.map((s) => s.documentId)).toContain(newsroom.articles.thanks.documentId);
});

test('While a publish is queued, reads rank live; once it is folded in, the neighbours’ prepared lists hold the new story', async () => {
  const { seed } = newsroom.articles;
  const fresh = await publishRelatedStory(app.strapi, newsroom);
  // Queued in the publish's own transaction: visible before the worker has run.
  const queuedNow = await services.repository.hasPending();
  const answer = await services.suggestions.suggestFor(seed.documentId, { limit: 10 });
  expect(answer.map((s) => s.documentId)).toContain(fresh.documentId);
  if (queuedNow) expect(await services.suggestions.fromPreparedList(seed.documentId, 'en', 10)).toBeNull();

  await services.preparer.idle();
  expect(await services.repository.hasPending()).toBe(false);
  const prepared = await services.suggestions.fromPreparedList(seed.documentId, 'en', 10);
  expect(prepared?.map((s) => s.documentId)).toContain(fresh.documentId);
  for (const { prepared: list, live } of await preparedAndLive()) expectSameStories(list, live);
});

test('Unpublishing a story takes it out of every prepared list; republishing puts it back', async () => {
  const { thanks, seed } = newsroom.articles;
  await app.strapi.documents(ARTICLE).unpublish({ documentId: thanks.documentId });
  await services.preparer.idle();
  expect(await services.repository.listsContaining(thanks.documentId)).toEqual([]);
  expect(await services.repository.preparedList(thanks.documentId, 'en')).toBeNull();
  const without = await services.suggestions.suggestFor(seed.documentId, { limit: 10 });
  expect(without.map((s) => s.documentId)).not.toContain(thanks.documentId);

  await app.strapi.documents(ARTICLE).publish({ documentId: thanks.documentId });
  await services.preparer.idle();
  const back = await services.suggestions.fromPreparedList(seed.documentId, 'en', 10);
  expect(back?.map((s) => s.documentId)).toContain(thanks.documentId);
  for (const { prepared, live } of await preparedAndLive()) expectSameStories(prepared, live);
});

test('A rejection and an accepted link are filtered out of a prepared list at read time, for that article only', async () => {
  const { seed, thanks, summit } = newsroom.articles;
  const admin = await adminSession(app, 'strapi-super-admin');
  const before = await services.suggestions.fromPreparedList(seed.documentId, 'en', 10);
  expect(before?.map((s) => s.documentId)).toEqual(expect.arrayContaining([thanks.documentId, summit.documentId]));

  const decide = (target: string, decision: 'accept' | 'reject') =>
    request(app.server)
      .post(`/read-also/articles/${seed.documentId}/suggestions/${target}/${decision}?locale=en`)
      .set('Authorization', `Bearer ${admin.token}`);
  expect((await decide(summit.documentId, 'reject')).status).toBeLessThan(300);
  expect((await decide(thanks.documentId, 'accept')).status).toBeLessThan(300);
  await services.preparer.idle();

  const after = await services.suggestions.suggestFor(seed.documentId, { limit: 10 });
  expect(after.map((s) => s.documentId)).not.toContain(summit.documentId);
  expect(after.map((s) => s.documentId)).not.toContain(thanks.documentId);
  expectSameStories(after, await services.suggestions.rank(seed.documentId, { locale: 'en', limit: 10 }));
  // Another article's list still offers the rejected story.
  const thanksList = await services.suggestions.suggestFor(thanks.documentId, { limit: 10 });
  expect(thanksList.map((s) => s.documentId)).toContain(summit.documentId);
});

test('A full reindex prepares every list from memory, and they match the database’s live ranking', async () => {
  const phases = new Set<string>();
  const progress: number[] = [];
  // Pages of two: the workers build and rank one page while the next is read and the last stored.
  const count = await services.indexer.reindexAll(
    (done, _total, phase) => {
      phases.add(phase);
      if (phase === 'indexing') progress.push(done);
    },
    { pageSize: 2 },
  );
  expect(count).toBe((await publishedIds()).length);
  expect(progress).toEqual(Array.from({ length: Math.ceil(count / 2) }, (_, page) => Math.min(count, 2 * (page + 1))));
  expect([...phases]).toEqual(['indexing', 'preparing']);
  const results = await preparedAndLive();
  for (const { prepared, live } of results) {
    expect(prepared).not.toBeNull();
    expect(prepared).toEqual(live);
  }
  // Equal lists prove nothing if the reindex stored none: the stored lists must hold members.
  const stored = await Promise.all(results.map(({ documentId }) => services.repository.preparedList(documentId, 'en')));
  expect(stored.reduce((members, list) => members + (list?.members.length ?? 0), 0)).toBeGreaterThan(results.length);
  // The seed's stored list (editorial exclusions apply at read time) holds its closest neighbour.
  const seedList = stored[results.findIndex((result) => result.documentId === newsroom.articles.seed.documentId)];
  expect(seedList?.members.map((member) => member.documentId)).toContain(newsroom.articles.thanks.documentId);
});

test('A queued article left by a crash is prepared when the next process starts', async () => {
  const { football } = newsroom.articles;
  await services.repository.dropPreparedList(football.documentId);
  await services.repository.enqueue([football.documentId]);
  await app.stop({ keepDatabase: true });
  app = await startTestApp({ reuse: app.database, environment: TINY_ARCHIVE_PREPARED });
  const plugin = app.strapi.plugin('read-also');
  services = {
    ...services,
    repository: plugin.service('repository'),
    suggestions: plugin.service('suggestions'),
    preparer: plugin.service('preparer'),
  };
  await services.preparer.idle();
  expect(await services.repository.hasPending()).toBe(false);
  expect(await services.repository.preparedList(football.documentId, 'en')).not.toBeNull();
});

test('Given a term in more articles than a reindex stores, its stored postings stay the exact strongest as the strongest leave', async () => {
  const plugin = app.strapi.plugin('read-also');
  const repository = plugin.service('repository') as ReadAlsoServices['repository'];
  const settings = app.strapi.config.get('plugin::read-also') as { postingsPerTerm: number };
  const previous = settings.postingsPerTerm;
  settings.postingsPerTerm = 10; // a reindex then stores 20 per term
  try {
    // One shared word; longer bodies dilute it, so the first stories hold its strongest postings.
    const stories = [];
    for (let i = 0; i < 26; i += 1) {
      const filler = Array.from({ length: i + 1 }, (_, w) => `filler${i}x${w}`).join(' ');
      stories.push(await createArticle(app.strapi, { title: `Zeppelin sighting number ${i}`, body: paragraphs(filler) }));
    }
    await plugin.service('preparer').idle();
    await plugin.service('indexer').reindexAll();
    const ids = stories.map((story) => story.documentId);
    const exactTop = async (count: number) =>
      (await repository.postingsOfDocuments(ids, ['zeppelin'], 'en')).sort((a, b) => b.impact - a.impact).slice(0, count);

    const stored = await repository.postingsFor(['zeppelin'], 'en', 100);
    expect(stored).toHaveLength(20);
    expect(stored.slice(0, 10).map((p) => p.documentId)).toEqual((await exactTop(10)).map((p) => p.documentId));
    expect(stored.slice(0, 10).map((p) => p.documentId)).toEqual(ids.slice(0, 10));

    // The twelve strongest leave: past the eleventh, fewer than ten stored ones beat those left out.
    for (const story of stories.slice(0, 12)) await app.strapi.documents(ARTICLE).unpublish({ documentId: story.documentId });
    await plugin.service('preparer').idle();
    const after = await repository.postingsFor(['zeppelin'], 'en', 10);
    expect(after.map((p) => p.documentId)).toEqual(ids.slice(12, 22));
    expect(after).toEqual(await exactTop(10));
  } finally {
    settings.postingsPerTerm = previous;
  }
});
