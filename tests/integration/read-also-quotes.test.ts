import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { QUOTE } from '../helpers/fixtures';
import { adminSession } from '../helpers/admin';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom';

let app: TestApp;
let newsroom: Newsroom;
let editor: string;
let author: string;
let unattributed: { documentId: string };

type Quote = { documentId: string; text: string; paragraph: number | null; speaker: { name: string } | null; published: boolean };

beforeAll(async () => {
  app = await startTestApp();
  newsroom = await buildNewsroom(app.strapi);
  editor = (await adminSession(app, 'strapi-editor')).token;
  author = (await adminSession(app, 'strapi-author')).token;
  unattributed = await app.strapi.documents(QUOTE).create({
    data: { text: 'The defence of Ukraine is the defence of Europe', paragraph: 0, article: newsroom.articles.seed.documentId } as never,
    status: 'published',
  });
});
afterAll(async () => {
  await app?.stop();
});

const quotesOf = (documentId: string, token = editor) =>
  request(app.server).get(`/read-also/articles/${documentId}/quotes`).set('Authorization', `Bearer ${token}`);
const setSpeaker = (quoteId: string, body: object, token = editor) =>
  request(app.server).put(`/read-also/quotes/${quoteId}/speaker`).set('Authorization', `Bearer ${token}`).send(body);
const publicQuote = async (quoteId: string) =>
  (
    await request(app.server)
      .get(`/api/quotes/${quoteId}`)
      .query({ populate: { speaker: { fields: ['name'] } } })
  ).body.data as { speaker: { name: string } | null };

describe("the panel's quotes", () => {
  test('a story lists its quotes in reading order, each with its speaker or none', async () => {
    const res = await quotesOf(newsroom.articles.seed.documentId);
    expect(res.status).toBe(200);
    const quotes = res.body.data as Quote[];
    expect(quotes.map((quote) => quote.speaker?.name ?? null)).toEqual([null, 'Volodymyr Zelensky']);
    expect(quotes[0]).toMatchObject({ documentId: unattributed.documentId, paragraph: 0, published: true });
  });

  test('an editor sets a speaker into the draft: readers see the old one until the quote is published', async () => {
    const res = await setSpeaker(unattributed.documentId, { personId: newsroom.people.trudeau.documentId });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ speaker: { name: 'Justin Trudeau' }, published: false });
    expect((await publicQuote(unattributed.documentId)).speaker).toBeNull();

    const published = await setSpeaker(unattributed.documentId, { personId: newsroom.people.trudeau.documentId, publish: true });
    expect(published.status).toBe(200);
    expect(published.body.data).toMatchObject({ speaker: { name: 'Justin Trudeau' }, published: true });
    expect((await publicQuote(unattributed.documentId)).speaker).toMatchObject({ name: 'Justin Trudeau' });
  });

  test('null clears the speaker; people are found by name', async () => {
    const cleared = await setSpeaker(unattributed.documentId, { personId: null });
    expect(cleared.body.data).toMatchObject({ speaker: null, published: false });
    const found = await request(app.server).get('/read-also/people/search').query({ q: 'trud' }).set('Authorization', `Bearer ${editor}`);
    expect(found.status).toBe(200);
    expect(found.body.data).toEqual([{ documentId: newsroom.people.trudeau.documentId, name: 'Justin Trudeau' }]);
  });

  test('bad input is a clear 4xx', async () => {
    expect((await setSpeaker(unattributed.documentId, { personId: 'no such person' })).status).toBe(400);
    expect((await setSpeaker(unattributed.documentId, { personId: 'nosuchperson0000000000000' })).status).toBe(400);
    expect((await setSpeaker(unattributed.documentId, { personId: newsroom.people.trudeau.documentId, publish: 'yes' })).status).toBe(400);
    expect((await setSpeaker('nosuchquote00000000000000', { personId: null })).status).toBe(404);
    expect(
      (await request(app.server).get('/read-also/people/search').query({ q: 'x' }).set('Authorization', `Bearer ${editor}`)).status,
    ).toBe(400);
    expect((await quotesOf('nosucharticle000000000000')).status).toBe(404);
  });

  test('an Author cannot see or change the quotes of an article that is not theirs', async () => {
    expect((await quotesOf(newsroom.articles.seed.documentId, author)).status).toBe(403);
    const res = await setSpeaker(unattributed.documentId, { personId: newsroom.people.zelensky.documentId }, author);
    expect(res.status).toBe(403);
    expect((await quotesOf(newsroom.articles.seed.documentId)).body.data[0].speaker).toBeNull();
  });

  test("on their own story an Author sees the quotes, but may change only a quote they created (Strapi's own rule for quotes)", async () => {
    const created = await request(app.server)
      .post('/content-manager/collection-types/api::article.article?locale=en')
      .set('Authorization', `Bearer ${author}`)
      .send({ title: 'An Author’s own story on Ukraine', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Words.' }] }] });
    expect(created.status).toBe(201);
    const own = created.body.data.documentId as string;
    const imported = await app.strapi
      .documents(QUOTE)
      .create({ data: { text: 'Imported words', article: { documentId: own, locale: 'en' } } as never });
    expect((await quotesOf(own, author)).status).toBe(200);
    expect((await setSpeaker(imported.documentId, { personId: newsroom.people.zelensky.documentId }, author)).status).toBe(403);
    expect((await quotesOf(own)).body.data[0].speaker).toBeNull();
  });

  test('without the read-also permission, no road in', async () => {
    expect((await request(app.server).get(`/read-also/articles/${newsroom.articles.seed.documentId}/quotes`)).status).toBe(401);
    expect((await request(app.server).put(`/read-also/quotes/${unattributed.documentId}/speaker`).send({ personId: null })).status).toBe(
      401,
    );
  });
});
