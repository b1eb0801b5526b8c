import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, RELATED_LINK, createArticle, paragraphs } from '../helpers/fixtures';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom';

let app: TestApp;
let newsroom: Newsroom;

beforeAll(async () => {
  process.env.READ_ALSO_AUTO_MODE = 'attach';
  app = await startTestApp();
  newsroom = await buildNewsroom(app.strapi);
});
afterAll(async () => {
  delete process.env.READ_ALSO_AUTO_MODE;
  await app?.stop();
});

test('Given auto mode "attach", when an article is published with fewer links than configured, then the best suggestions are attached and marked', async () => {
  const { zelensky, trudeau } = newsroom.people;
  const story = await createArticle(app.strapi, {
    title: 'Trudeau and Zelensky speak again about air defence for Ukraine',
    body: paragraphs('Justin Trudeau and Volodymyr Zelensky spoke about air defence equipment for Ukraine.'),
    storyPublishedAt: '2023-01-12T10:00:00Z',
    people: [zelensky.documentId, trudeau.documentId],
  });
  const res = await request(app.server)
    .get(`/api/articles/${story.documentId}`)
    .query({ populate: { relatedLinks: { populate: ['targetArticle'] } } });
  const links = res.body.data.relatedLinks as {
    origin: string;
    autoAttached: boolean;
    reasons: string[];
    targetArticle: { title: string };
  }[];
  expect(links).toHaveLength(3);
  for (const link of links) {
    expect(link).toMatchObject({ origin: 'suggested', autoAttached: true });
    expect(link.reasons.length).toBeGreaterThan(0);
  }
  expect(links.map((link) => link.targetArticle.title)).toContain('Zelensky thanks Canada for air defence equipment');
  expect(links.map((link) => link.targetArticle.title)).not.toContain('Local football club wins the regional cup');
});

test('an editor’s own links and order are never overwritten', async () => {
  const { summit } = newsroom.articles;
  const story = await app.strapi.documents(ARTICLE).create({
    data: { title: 'Canada sends more air defence equipment to Ukraine', people: [newsroom.people.trudeau.documentId] } as never,
  });
  for (const [order, label] of ['Editor pick one', 'Editor pick two', 'Editor pick three'].entries()) {
    await app.strapi.documents(RELATED_LINK).create({
      data: { label, order, article: story.documentId, targetArticle: summit.documentId, origin: 'editor' } as never,
    });
  }
  await app.strapi.documents(ARTICLE).publish({ documentId: story.documentId });
  const links = await app.strapi.documents(RELATED_LINK).findMany({
    filters: { article: { documentId: story.documentId } } as never,
    sort: 'order:asc',
    status: 'published',
  });
  expect(links.map((link) => [link.label, link.origin, link.order])).toEqual([
    ['Editor pick one', 'editor', 0],
    ['Editor pick two', 'editor', 1],
    ['Editor pick three', 'editor', 2],
  ]);
});
