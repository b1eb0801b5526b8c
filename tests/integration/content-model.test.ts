import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, PERSON, QUOTE, RELATED_LINK, apiToken, createArticle, createPerson, paragraphs } from '../helpers/fixtures';

let app: TestApp;
let writer: string;
let zelensky: { documentId: string };
let trudeau: { documentId: string };
let story: { documentId: string };
let related: { documentId: string };
let quote: { documentId: string };
let link: { documentId: string };

beforeAll(async () => {
  app = await startTestApp();
  const { strapi } = app;
  writer = await apiToken(strapi, 'full-access');
  zelensky = await createPerson(strapi, { name: 'Volodymyr Zelensky', aliases: ['Valodymyr Zelensky'], role: 'President of Ukraine' });
  trudeau = await createPerson(strapi, { name: 'Justin Trudeau', role: 'Prime Minister of Canada' });
  related = await createArticle(strapi, { title: 'Putin orders documentaries on the offensive', body: paragraphs('Moscow.') });
  story = await createArticle(strapi, {
    title: 'Zelensky and Trudeau discuss defence',
    standfirst: 'A substantial discussion.',
    body: paragraphs('First paragraph.', 'Second paragraph.'),
    storyPublishedAt: '2023-01-10T15:00:00.000Z',
    source: 'QMI',
    section: 'World',
    tags: ['Ukraine', 'Canada'],
    people: [zelensky.documentId, trudeau.documentId],
  });
  quote = await strapi.documents(QUOTE).create({
    data: {
      text: 'We discussed the strengthening…',
      speaker: zelensky.documentId,
      channel: 'Twitter',
      article: story.documentId,
      paragraph: 1,
    } as never,
    status: 'published',
  });
  link = await strapi.documents(RELATED_LINK).create({
    data: {
      label: 'Putin orders documentaries',
      article: story.documentId,
      targetArticle: related.documentId,
      afterParagraph: 1,
      origin: 'imported',
      order: 0,
    } as never,
    status: 'published',
  });
  // A draft must never reach anonymous readers, directly or through filters.
  await createArticle(strapi, { title: 'Embargoed: budget leak', people: [trudeau.documentId] }, 'draft');
});

afterAll(async () => {
  await app?.stop();
});

describe('REST reads of published content', () => {
  test('Given a published story, when an anonymous client reads it with populate, then relations come along', async () => {
    const res = await request(app.server)
      .get(`/api/articles/${story.documentId}`)
      .query({ populate: { people: true, quotes: { populate: ['speaker'] }, relatedLinks: { populate: ['targetArticle'] } } });
    expect(res.status).toBe(200);
    const article = res.body.data;
    expect(article.slug).toBe('zelensky-and-trudeau-discuss-defence');
    expect(article.body).toHaveLength(2);
    expect(article.people.map((p: { name: string }) => p.name).sort()).toEqual(['Justin Trudeau', 'Volodymyr Zelensky']);
    expect(article.quotes[0].speaker.name).toBe('Volodymyr Zelensky');
    expect(article.relatedLinks[0].targetArticle.documentId).toBe(related.documentId);
    expect(article.relatedLinks[0].unresolved).toBe(false);
  });

  test('filter by person, sort and paginate', async () => {
    const byPerson = await request(app.server)
      .get('/api/articles')
      .query({ filters: { people: { name: { $eq: 'Justin Trudeau' } } } });
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.data.map((a: { documentId: string }) => a.documentId)).toEqual([story.documentId]);

    const sorted = await request(app.server)
      .get('/api/articles')
      .query({ sort: 'title:asc', pagination: { pageSize: 1, page: 2 } });
    expect(sorted.status).toBe(200);
    expect(sorted.body.data).toHaveLength(1);
    expect(sorted.body.data[0].title).toBe('Zelensky and Trudeau discuss defence');
    expect(sorted.body.meta.pagination).toMatchObject({ page: 2, pageSize: 1, total: 2, pageCount: 2 });
  });

  test('people list their articles and quotes through inverse relations', async () => {
    const res = await request(app.server)
      .get(`/api/people/${zelensky.documentId}`)
      .query({ populate: ['articles', 'quotes'] });
    expect(res.status).toBe(200);
    expect(res.body.data.articles.map((a: { title: string }) => a.title)).toEqual(['Zelensky and Trudeau discuss defence']);
    expect(res.body.data.quotes).toHaveLength(1);
  });
});

describe('GraphQL', () => {
  test('an article with its quotes, their speakers and its related links', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .send({
        query: `query ($id: ID!) { article(documentId: $id) { title people { name } quotes { text channel speaker { name aliases } } relatedLinks { label afterParagraph targetArticle { title } } } }`,
        variables: { id: story.documentId },
      });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const article = res.body.data.article;
    expect(article.quotes[0]).toMatchObject({
      channel: 'Twitter',
      speaker: { name: 'Volodymyr Zelensky', aliases: ['Valodymyr Zelensky'] },
    });
    expect(article.relatedLinks[0]).toMatchObject({
      afterParagraph: 1,
      targetArticle: { title: 'Putin orders documentaries on the offensive' },
    });
  });
});

describe('anonymous clients cannot see drafts or write', () => {
  test('drafts are absent from lists and filters, and asking for them is refused', async () => {
    const list = await request(app.server).get('/api/articles');
    expect(list.body.data.map((a: { title: string }) => a.title)).not.toContain('Embargoed: budget leak');

    const drafts = await request(app.server).get('/api/articles').query({ status: 'draft' });
    expect(drafts.status).toBe(403);
    expect(JSON.stringify(drafts.body)).not.toContain('Embargoed');

    const gql = await request(app.server).post('/graphql').send({ query: '{ articles(status: DRAFT) { title } }' });
    expect(JSON.stringify(gql.body)).not.toContain('Embargoed');
    expect(gql.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('a draft-only document answers 404 by id', async () => {
    const draft = await app.strapi.documents(ARTICLE).findFirst({ filters: { title: 'Embargoed: budget leak' }, status: 'draft' });
    const res = await request(app.server).get(`/api/articles/${draft?.documentId}`);
    expect(res.status).toBe(404);
  });

  test.each([
    ['articles', { title: 'Hack' }],
    ['people', { name: 'Hack' }],
    ['quotes', { text: 'Hack' }],
    ['related-links', { label: 'Hack' }],
  ])('REST create, update and delete on %s are refused', async (path, data) => {
    const target = { articles: story, people: zelensky, quotes: quote, 'related-links': link }[path] as { documentId: string };
    const create = await request(app.server).post(`/api/${path}`).send({ data });
    expect(create.status).toBe(403);
    expect((await request(app.server).put(`/api/${path}/${target.documentId}`).send({ data })).status).toBe(403);
    expect((await request(app.server).delete(`/api/${path}/${target.documentId}`)).status).toBe(403);
    const stillThere = await request(app.server).get(`/api/${path}/${target.documentId}`);
    expect(stillThere.status).toBe(200);
    expect(JSON.stringify(stillThere.body)).not.toContain('Hack');
  });

  test.each([
    ['createArticle(data: { title: "Hack" }) { documentId }'],
    ['createPerson(data: { name: "Hack" }) { documentId }'],
    ['createQuote(data: { text: "Hack" }) { documentId }'],
    ['createRelatedLink(data: { label: "Hack" }) { documentId }'],
  ])('GraphQL mutation %s is refused', async (mutation) => {
    const res = await request(app.server)
      .post('/graphql')
      .send({ query: `mutation { ${mutation} }` });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await app.strapi.db.query(ARTICLE).count({ where: { title: 'Hack' } })).toBe(0);
  });

  test('GraphQL update and delete mutations are refused', async () => {
    for (const mutation of [
      `updateArticle(documentId: "${story.documentId}", data: { title: "Hack" }) { documentId }`,
      `deleteArticle(documentId: "${story.documentId}") { documentId }`,
      `deletePerson(documentId: "${zelensky.documentId}") { documentId }`,
    ]) {
      const res = await request(app.server)
        .post('/graphql')
        .send({ query: `mutation { ${mutation} }` });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await app.strapi.documents(ARTICLE).findOne({ documentId: story.documentId })).toMatchObject({
      title: 'Zelensky and Trudeau discuss defence',
    });
  });
});

describe('validation answers 400 naming the field and writes nothing', () => {
  async function counts() {
    const { db } = app.strapi;
    return Promise.all([ARTICLE, PERSON, QUOTE, RELATED_LINK].map((uid) => db.query(uid).count()));
  }

  function expectFieldError(res: request.Response, field: string) {
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain(field);
  }

  test.each([
    ['an article without title', 'articles', { standfirst: 'No headline' }, 'title'],
    [
      'an article with a duplicate slug in its locale',
      'articles',
      { title: 'Another', slug: 'zelensky-and-trudeau-discuss-defence' },
      'slug',
    ],
    ['a quote without text', 'quotes', { attribution: 'said someone' }, 'text'],
    ['a related link to a javascript: url', 'related-links', { label: 'Click', url: 'javascript:alert(1)' }, 'url'],
    ['a related link to an ftp url', 'related-links', { label: 'Files', url: 'ftp://example.org/x' }, 'url'],
  ])('%s', async (_name, path, data, field) => {
    const before = await counts();
    const res = await request(app.server).post(`/api/${path}`).set('Authorization', `Bearer ${writer}`).send({ data });
    expectFieldError(res, field);
    expect(await counts()).toEqual(before);
  });

  test('a related link with both an internal and an external target', async () => {
    const before = await counts();
    const res = await request(app.server)
      .post('/api/related-links')
      .set('Authorization', `Bearer ${writer}`)
      .send({ data: { label: 'Both', url: 'https://example.org/story', targetArticle: related.documentId } });
    expectFieldError(res, 'targetArticle');
    expect(await counts()).toEqual(before);
  });

  test('an update that would give a link both targets is refused too', async () => {
    const link = await app.strapi.documents(RELATED_LINK).create({ data: { label: 'External', url: 'https://example.org/a' } as never });
    const res = await request(app.server)
      .put(`/api/related-links/${link.documentId}`)
      .set('Authorization', `Bearer ${writer}`)
      .send({ data: { targetArticle: related.documentId } });
    expectFieldError(res, 'targetArticle');
    const after = await app.strapi.documents(RELATED_LINK).findOne({ documentId: link.documentId, populate: ['targetArticle'] });
    expect(after?.targetArticle).toBeNull();
  });

  test('a duplicate slug in another locale is allowed, and a missing slug is filled from the title', async () => {
    const res = await request(app.server)
      .post('/api/articles')
      .query({ locale: 'fr' })
      .set('Authorization', `Bearer ${writer}`)
      .send({ data: { title: 'Zelensky et Trudeau', slug: 'zelensky-and-trudeau-discuss-defence' } });
    expect(res.status).toBe(201);
    expect(res.body.data.locale).toBe('fr');

    const same = await request(app.server)
      .post('/api/articles')
      .set('Authorization', `Bearer ${writer}`)
      .send({ data: { title: 'Zelensky and Trudeau discuss defence' } });
    expect(same.status).toBe(201);
    expect(same.body.data.slug).toBe('zelensky-and-trudeau-discuss-defence-2');
  });
});
