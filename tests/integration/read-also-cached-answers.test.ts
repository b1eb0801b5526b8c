/**
 * Answers kept in memory between reads: a read never serves one older than the last write it
 * depends on (a publish, an unpublish, a renamed person, a quote's speaker, a rejection, an
 * accepted link), and a write made by another process counts as much as one made here.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, PERSON, QUOTE, RELATED_LINK, apiToken } from '../helpers/fixtures';
import { adminSession } from '../helpers/admin';
import { buildNewsroom, publishRelatedStory, type Newsroom } from '../helpers/newsroom';
import type { ReadAlsoServices } from '../../src/plugins/read-also/server/src/services/registry';

type Suggestion = { documentId: string; title: string; reasons: string[]; score: number };

/** This archive is tiny: its prepared lists are served anyway (they are what is tested). */
const TINY_ARCHIVE_PREPARED = { READ_ALSO_PREPARED_FROM: '0' };
let app: TestApp;
let newsroom: Newsroom;
let services: Pick<ReadAlsoServices, 'suggestions' | 'preparer' | 'repository'>;
let token: string;
beforeAll(async () => {
  app = await startTestApp({ environment: TINY_ARCHIVE_PREPARED });
  newsroom = await buildNewsroom(app.strapi);
  const plugin = app.strapi.plugin('read-also');
  services = { suggestions: plugin.service('suggestions'), preparer: plugin.service('preparer'), repository: plugin.service('repository') };
  token = await apiToken(app.strapi, 'custom', ['plugin::read-also.suggestions.find']);
  await services.preparer.idle();
});
afterAll(async () => {
  await app?.stop();
});

async function read(documentId = newsroom.articles.seed.documentId): Promise<Suggestion[]> {
  const res = await request(app.server)
    .get(`/api/read-also/articles/${documentId}/suggestions?limit=10`)
    .set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

const live = (documentId = newsroom.articles.seed.documentId) => services.suggestions.rank(documentId, { locale: 'en', limit: 10 });
const stats = () => services.suggestions.cachedAnswerStats();
const ids = (suggestions: Suggestion[]) => suggestions.map((suggestion) => suggestion.documentId);

/**
 * The next read, and the read once the queue is worked, both as a live ranking says. A publish
 * only queues its article, so what it changes reaches reads once the worker has indexed it
 * (`queued`); everything else is in the very next read.
 */
async function expectCurrent(check: (suggestions: Suggestion[]) => void, { queued = false } = {}) {
  if (!queued) check(await read());
  await services.preparer.idle();
  const prepared = await read();
  check(prepared);
  expect(prepared).toEqual(await live());
}

test('a second read of a quiet archive is answered from memory, and says what a live ranking says', async () => {
  const first = await read();
  const before = stats();
  const second = await read();
  expect(stats().hits).toBe(before.hits + 1);
  expect(second).toEqual(first);
  expect(second).toEqual(await live());
});

test('a newly published story is in the next read once the worker has indexed it', async () => {
  const fresh = await publishRelatedStory(app.strapi, newsroom);
  await expectCurrent((suggestions) => expect(ids(suggestions)).toContain(fresh.documentId), { queued: true });
});

test('a renamed person is named anew in the next read', async () => {
  await read();
  const { trudeau } = newsroom.people;
  await app.strapi.documents(PERSON).update({ documentId: trudeau.documentId, data: { name: 'Justin Pierre James Trudeau' } });
  // The draft's new name is nobody's business yet.
  expect((await read()).flatMap((suggestion) => suggestion.reasons).join(' ')).not.toContain('Pierre James');
  await app.strapi.documents(PERSON).publish({ documentId: trudeau.documentId });
  await expectCurrent((suggestions) => {
    const reasons = suggestions.flatMap((suggestion) => suggestion.reasons).join(' | ');
    expect(reasons).toContain('Justin Pierre James Trudeau');
  });
});

test("a quote's new speaker, once published and indexed, is in the next read's reasons", async () => {
  const { budget } = newsroom.articles;
  const quote = await app.strapi.db.query(QUOTE).findOne({ where: { article: { documentId: budget.documentId }, publishedAt: null } });
  await read();
  await app.strapi
    .documents(QUOTE)
    .update({ documentId: quote.documentId, data: { speaker: newsroom.people.zelensky.documentId } as never, status: 'published' });
  await expectCurrent(
    (suggestions) => {
      const budgetStory = suggestions.find((suggestion) => suggestion.documentId === budget.documentId);
      expect(budgetStory?.reasons ?? []).toContain('quotes Volodymyr Zelensky');
    },
    { queued: true },
  );
});

test('an unpublished story leaves the next read', async () => {
  const { summit } = newsroom.articles;
  expect(ids(await read())).toContain(summit.documentId);
  await app.strapi.documents(ARTICLE).unpublish({ documentId: summit.documentId });
  await expectCurrent((suggestions) => expect(ids(suggestions)).not.toContain(summit.documentId));
});

test('a rejection and an accepted link leave the next read', async () => {
  const { seed, thanks, football } = newsroom.articles;
  const admin = await adminSession(app, 'strapi-super-admin');
  const decide = async (target: string, decision: 'accept' | 'reject') => {
    await read();
    const res = await request(app.server)
      .post(`/read-also/articles/${seed.documentId}/suggestions/${target}/${decision}`)
      .set('Authorization', `Bearer ${admin.token}`);
    expect(res.status).toBeLessThan(300);
  };
  const [best] = await read();
  await decide(best.documentId, 'reject');
  await expectCurrent((suggestions) => expect(ids(suggestions)).not.toContain(best.documentId));
  const next = (await read()).find((suggestion) => suggestion.documentId !== football.documentId) ?? { documentId: thanks.documentId };
  await decide(next.documentId, 'accept');
  await expectCurrent((suggestions) => expect(ids(suggestions)).not.toContain(next.documentId));
});

test("a link an editor writes by any road (here the Document Service, in the article's draft) leaves the next read, and its removal brings the target back", async () => {
  const { seed } = newsroom.articles;
  const [target] = await read();
  const link = await app.strapi.documents(RELATED_LINK).create({
    data: { label: target.title, origin: 'editor', article: seed.documentId, targetArticle: target.documentId },
  });
  expect(ids(await read())).not.toContain(target.documentId);
  await app.strapi.documents(RELATED_LINK).delete({ documentId: link.documentId });
  expect(ids(await read())).toContain(target.documentId);
});

test('a read answered from memory costs one query: no transaction, no look at rejections or links', async () => {
  const { seed } = newsroom.articles;
  const ask = () => services.suggestions.suggestFor(seed.documentId, { locale: 'en', limit: 10 });
  const first = await ask();
  const queries: string[] = [];
  const count = (query: { sql: string }) => queries.push(query.sql);
  app.strapi.db.connection.on('query', count);
  try {
    expect(await ask()).toEqual(first);
  } finally {
    app.strapi.db.connection.off('query', count);
  }
  expect(queries).toHaveLength(1);
});

test("another process's write is seen here: the version lives in the database, not in this process", async () => {
  const { zelensky } = newsroom.people;
  const reasons = async () => (await read()).flatMap((suggestion) => suggestion.reasons).join(' | ');
  expect(await reasons()).toContain('Volodymyr Zelensky');
  // A rename this process's hooks never see, as if another process had written it...
  await app.strapi.db.query(PERSON).updateMany({ where: { documentId: zelensky.documentId }, data: { name: 'Volodymyr O. Zelensky' } });
  // ...is not served from memory until that process's transaction bumps the shared version,
  expect(await reasons()).not.toContain('Volodymyr O. Zelensky');
  await services.repository.bumpArchiveVersion();
  // ...and then it is.
  expect(await reasons()).toContain('Volodymyr O. Zelensky');
});
