import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { apiToken, ARTICLE, RELATED_LINK } from '../helpers/fixtures';
import { adminSession } from '../helpers/admin';
import { buildNewsroom, publishRelatedStory, type Newsroom } from '../helpers/newsroom';

let app: TestApp;
let newsroom: Newsroom;
let granted: string;
let editor: string;

type Suggestion = { documentId: string; title: string; score: number; reasons: string[] };

beforeAll(async () => {
  app = await startTestApp();
  newsroom = await buildNewsroom(app.strapi);
  granted = await apiToken(app.strapi, 'custom', ['plugin::read-also.suggestions.find']);
  editor = (await adminSession(app, 'strapi-editor')).token;
});
afterAll(async () => {
  await app?.stop();
});

async function publicSuggestions(documentId: string, query: Record<string, unknown> = {}) {
  return request(app.server)
    .get(`/api/read-also/articles/${documentId}/suggestions`)
    .query(query)
    .set('Authorization', `Bearer ${granted}`);
}

async function editorSuggestions(documentId: string): Promise<Suggestion[]> {
  const res = await request(app.server).get(`/read-also/articles/${documentId}/suggestions`).set('Authorization', `Bearer ${editor}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('ranking', () => {
  test('related stories rank above unrelated ones, with reasons naming the shared people', async () => {
    const res = await publicSuggestions(newsroom.articles.seed.documentId, { limit: 10 });
    expect(res.status).toBe(200);
    const titles = res.body.data.map((s: Suggestion) => s.title);
    expect(titles.slice(0, 2)).toEqual([
      'Zelensky thanks Canada for air defence equipment',
      'Trudeau pledges long-term support to Ukraine',
    ]);
    expect(titles).not.toContain('Local football club wins the regional cup');
    const budget = res.body.data.find((s: Suggestion) => s.title === 'City council approves library budget');
    if (budget) expect(budget.score).toBeLessThan(res.body.data[1].score);

    const [best] = res.body.data as Suggestion[];
    expect(best.reasons).toEqual(
      expect.arrayContaining(['quotes Volodymyr Zelensky', 'both mention Justin Trudeau', '2 days earlier', 'same section: World']),
    );
    expect(best.reasons.find((reason) => reason.startsWith('shared terms: '))).toMatch(/Canada|defence|Ukraine/);
    for (const suggestion of res.body.data as Suggestion[]) {
      expect(suggestion.score).toBeGreaterThan(0);
      expect(suggestion.score).toBeLessThanOrEqual(1);
    }
    expect(res.body.meta).toEqual({ documentId: newsroom.articles.seed.documentId, locale: 'en', limit: 10 });
  });

  test('the default number of suggestions is 5 and the article never suggests itself', async () => {
    const res = await publicSuggestions(newsroom.articles.thanks.documentId);
    expect(res.body.meta.limit).toBe(5);
    expect(res.body.data.map((s: Suggestion) => s.documentId)).not.toContain(newsroom.articles.thanks.documentId);
  });
});

describe('freshness', () => {
  test('publishing a related story puts it in the suggestions; unpublishing takes it out and hides links to it', async () => {
    const seedId = newsroom.articles.seed.documentId;
    const fresh = await publishRelatedStory(app.strapi, newsroom);
    expect((await editorSuggestions(seedId)).map((s) => s.documentId)).toContain(fresh.documentId);

    // An Editor may publish: "add and publish now" puts the link before readers at once.
    const accept = await request(app.server)
      .post(`/read-also/articles/${seedId}/suggestions/${fresh.documentId}/accept`)
      .set('Authorization', `Bearer ${editor}`)
      .send({ publish: true });
    expect(accept.status).toBe(201);
    expect(accept.body.data).toMatchObject({
      origin: 'suggested',
      health: 'ok',
      published: true,
      target: { documentId: fresh.documentId },
    });
    expect(accept.body.data.reasons).toEqual(expect.arrayContaining(['both mention Volodymyr Zelensky', 'both mention Justin Trudeau']));

    const publicLinks = async () =>
      (
        await request(app.server)
          .get(`/api/articles/${seedId}`)
          .query({ populate: { relatedLinks: { populate: ['targetArticle'] } } })
      ).body.data.relatedLinks as { label: string; targetArticle: { documentId: string } | null }[];
    expect((await publicLinks()).map((link) => link.targetArticle?.documentId)).toContain(fresh.documentId);

    await app.strapi.documents(ARTICLE).unpublish({ documentId: fresh.documentId });
    expect((await publicSuggestions(seedId, { limit: 20 })).body.data.map((s: Suggestion) => s.documentId)).not.toContain(fresh.documentId);
    expect((await publicLinks()).map((link) => link.label)).not.toContain(fresh.title);
    const flagged = await request(app.server).get(`/read-also/articles/${seedId}/links`).set('Authorization', `Bearer ${editor}`);
    expect(flagged.body.data.find((link: { label: string }) => link.label === fresh.title)).toMatchObject({ health: 'target-unpublished' });

    await app.strapi.documents(ARTICLE).publish({ documentId: fresh.documentId });
    const back = await publicLinks();
    expect(back.find((link) => link.label === fresh.title)?.targetArticle?.documentId).toBe(fresh.documentId);
  });
});

describe('editorial decisions', () => {
  test('an accepted suggestion is a RelatedLink over REST and GraphQL, and is no longer suggested', async () => {
    const seedId = newsroom.articles.seed.documentId;
    const target = newsroom.articles.summit;
    const res = await request(app.server)
      .post(`/read-also/articles/${seedId}/suggestions/${target.documentId}/accept`)
      .set('Authorization', `Bearer ${editor}`)
      .send({ publish: true });
    expect(res.status).toBe(201);
    expect(res.body.data.score).toBeGreaterThan(0);

    const gql = await request(app.server)
      .post('/graphql')
      .send({ query: `{ article(documentId: "${seedId}") { relatedLinks { origin score reasons targetArticle { documentId } } } }` });
    const link = gql.body.data.article.relatedLinks.find(
      (l: { targetArticle: { documentId: string } | null }) => l.targetArticle?.documentId === target.documentId,
    );
    expect(link).toMatchObject({ origin: 'suggested' });
    expect(link.reasons).toContain('both mention Justin Trudeau');
    expect((await editorSuggestions(seedId)).map((s) => s.documentId)).not.toContain(target.documentId);

    const again = await request(app.server)
      .post(`/read-also/articles/${seedId}/suggestions/${target.documentId}/accept`)
      .set('Authorization', `Bearer ${editor}`);
    expect(again.status).toBe(400);
    expect(
      await app.strapi.db.query(RELATED_LINK).count({ where: { targetArticle: { documentId: target.documentId }, publishedAt: null } }),
    ).toBe(1);
  });

  test('a rejected suggestion disappears for that article only', async () => {
    const { thanks, budget } = newsroom.articles;
    const res = await request(app.server)
      .post(`/read-also/articles/${thanks.documentId}/suggestions/${budget.documentId}/reject`)
      .set('Authorization', `Bearer ${editor}`);
    expect(res.status).toBe(200);
    expect((await editorSuggestions(thanks.documentId)).map((s) => s.documentId)).not.toContain(budget.documentId);
  });
});

describe('permissions and bad input', () => {
  test('Public gets 403 by default; a token granted the permission gets 200', async () => {
    const id = newsroom.articles.seed.documentId;
    expect((await request(app.server).get(`/api/read-also/articles/${id}/suggestions`)).status).toBe(403);
    expect((await publicSuggestions(id)).status).toBe(200);
    const gqlPublic = await request(app.server)
      .post('/graphql')
      .send({ query: `{ readAlsoSuggestions(documentId: "${id}") { title } }` });
    expect(gqlPublic.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const gql = await request(app.server)
      .post('/graphql')
      .set('Authorization', `Bearer ${granted}`)
      .send({ query: `{ readAlsoSuggestions(documentId: "${id}", limit: 2) { documentId title score reasons } }` });
    expect(gql.body.errors).toBeUndefined();
    const rest = await publicSuggestions(id, { limit: 2 });
    expect(gql.body.data.readAlsoSuggestions).toEqual(
      rest.body.data.map(({ documentId, title, score, reasons }: Suggestion) => ({ documentId, title, score, reasons })),
    );
    expect(gql.body.data.readAlsoSuggestions.length).toBeGreaterThan(0);
  });

  test('an Author cannot accept or reject on another author’s article, and sees suggestions only where allowed', async () => {
    const author = (await adminSession(app, 'strapi-author')).token;
    const { seed, football } = newsroom.articles;
    const accept = await request(app.server)
      .post(`/read-also/articles/${seed.documentId}/suggestions/${football.documentId}/accept`)
      .set('Authorization', `Bearer ${author}`);
    expect(accept.status).toBe(403);
    const reject = await request(app.server)
      .post(`/read-also/articles/${seed.documentId}/suggestions/${football.documentId}/reject`)
      .set('Authorization', `Bearer ${author}`);
    expect(reject.status).toBe(403);

    // Their own article, created through the Content Manager as them: allowed.
    const own = await request(app.server)
      .post('/content-manager/collection-types/api::article.article')
      .set('Authorization', `Bearer ${author}`)
      .send({ title: 'Author’s own story about Ukraine and Canada' });
    expect(own.status).toBe(201);
    const mine = await request(app.server)
      .post(`/read-also/articles/${own.body.data.documentId}/suggestions/${football.documentId}/reject`)
      .set('Authorization', `Bearer ${author}`);
    expect(mine.status).toBe(200);
  });

  test('admin routes refuse anonymous callers', async () => {
    expect((await request(app.server).get(`/read-also/articles/${newsroom.articles.seed.documentId}/suggestions`)).status).toBe(401);
  });

  test.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 'many' }, 'limit'],
    [{ limit: 1000 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ locale: 'xx' }, 'locale'],
    [{ locale: "en' OR 1=1 --" }, 'locale'],
  ])('bad query %j answers 400 naming %s', async (query, field) => {
    const res = await publicSuggestions(newsroom.articles.seed.documentId, query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  test('an unknown documentId answers 404', async () => {
    expect((await publicSuggestions('doesnotexist000000000000')).status).toBe(404);
  });

  test.each(["x' OR '1'='1", '%00', '\u0000'])('a documentId that cannot be one (%j) answers 400 naming the parameter', async (id) => {
    const res = await publicSuggestions(encodeURIComponent(id));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^documentId: /u);
  });

  test('a draft-only article answers 404 to frontends', async () => {
    const draft = await app.strapi.documents(ARTICLE).create({ data: { title: 'Embargoed Ukraine story' } as never });
    expect((await publicSuggestions(draft.documentId)).status).toBe(404);
    // Editors see suggestions for it while writing.
    expect(Array.isArray(await editorSuggestions(draft.documentId))).toBe(true);
  });
});
