/**
 * The embargo, road by road: a draft (or the unpublished edit of a published document) reaches
 * nobody outside the newsroom. Each fixture is a draft an outside prober found a way to read:
 * a published person renamed in a draft, a draft translation of a published article, an upload
 * related to a draft-only person, and a suggestion an Author (who may not publish) accepts.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, PERSON, QUOTE, RELATED_LINK, apiToken, createArticle, createPerson, paragraphs } from '../helpers/fixtures';
import { adminSession } from '../helpers/admin';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom';

// A 1×1 PNG: a real image, so the upload plugin's content sniffing accepts it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const DRAFT_NAME = 'Embargoed Quillfeather';
const DRAFT_TRANSLATION_TITLE = 'Traduction Zanzibarique sous embargo';
const DRAFT_PERSON_NAME = 'Unpublished Mirabelle';

let app: TestApp;
let newsroom: Newsroom;
let readOnly: string;
let fullAccess: string;
let suggestionsToken: string;
let publishedPersonId: string;
let translatedId: string;
let uploadId: number;

type Actor = { name: string; authorization?: string };
const readers = (): Actor[] => [
  { name: 'anonymous' },
  { name: 'read-only token', authorization: `Bearer ${readOnly}` },
  { name: 'suggestions token', authorization: `Bearer ${suggestionsToken}` },
];

const get = (url: string, actor: Actor) => {
  const req = request(app.server).get(url);
  return actor.authorization ? req.set('Authorization', actor.authorization) : req;
};
const graphql = (query: string, actor: Actor, variables?: Record<string, unknown>) => {
  const req = request(app.server).post('/graphql').send({ query, variables });
  return actor.authorization ? req.set('Authorization', actor.authorization) : req;
};

beforeAll(async () => {
  app = await startTestApp();
  newsroom = await buildNewsroom(app.strapi);
  readOnly = await apiToken(app.strapi, 'read-only');
  fullAccess = await apiToken(app.strapi, 'full-access');
  suggestionsToken = await apiToken(app.strapi, 'custom', [
    'plugin::read-also.suggestions.find',
    'api::article.article.find',
    'api::person.person.find',
  ]);

  // Given a published person, quoted in two published stories, whose unpublished edit renames them.
  const person = await createPerson(app.strapi, { name: 'Ada Quillfeather' });
  publishedPersonId = person.documentId;
  for (const title of ['Quillfeather opens the harbour bridge', 'Quillfeather harbour bridge draws crowds']) {
    const story = await createArticle(app.strapi, {
      title,
      body: paragraphs('Mayor Ada Quillfeather opened the harbour bridge to traffic on Monday, ending years of works on the harbour.'),
      section: 'Local',
      people: [person.documentId],
    });
    await app.strapi.documents(QUOTE).create({
      data: { text: 'The harbour bridge belongs to everyone', speaker: person.documentId, article: story.documentId } as never,
      status: 'published',
    });
  }
  await app.strapi.documents(PERSON).update({ documentId: person.documentId, data: { name: DRAFT_NAME } as never });

  // Given a published English article whose French translation is still a draft.
  const english = newsroom.articles.thanks;
  translatedId = english.documentId;
  await app.strapi.documents(ARTICLE).update({
    documentId: english.documentId,
    locale: 'fr',
    data: { title: DRAFT_TRANSLATION_TITLE, body: paragraphs('Texte sous embargo.') } as never,
  });

  // Given an upload that is the photo of a draft-only person.
  const upload = await request(app.server)
    .post('/api/upload')
    .set('Authorization', `Bearer ${fullAccess}`)
    .attach('files', PNG, { filename: 'mirabelle-portrait.png', contentType: 'image/png' });
  expect(upload.status).toBe(201);
  uploadId = upload.body[0].id;
  const draftPerson = await createPerson(app.strapi, { name: DRAFT_PERSON_NAME, photo: uploadId }, 'draft');
  // And a published story that an editor linked to that draft-only person.
  await createArticle(app.strapi, { title: 'A story naming a draft person', body: paragraphs('Text.'), people: [draftPerson.documentId] });
});
afterAll(async () => {
  const files = (await app?.strapi.db.query('plugin::upload.file').findMany()) ?? [];
  for (const file of files) await app.strapi.plugin('upload').service('upload').remove(file);
  await app?.stop();
});

describe('a published person renamed in a draft', () => {
  test('the fixture holds: the draft carries the new name, the published version the old one', async () => {
    const draft = await app.strapi.documents(PERSON).findOne({ documentId: publishedPersonId, status: 'draft' });
    const published = await app.strapi.documents(PERSON).findOne({ documentId: publishedPersonId, status: 'published' });
    expect([draft?.name, published?.name]).toEqual([DRAFT_NAME, 'Ada Quillfeather']);
  });

  test.each(['read-only token', 'suggestions token'])('read-also reasons over REST name the published version only (%s)', async (name) => {
    const actor = readers().find((reader) => reader.name === name) as Actor;
    const [source] = await app.strapi
      .documents(ARTICLE)
      .findMany({ filters: { title: 'Quillfeather opens the harbour bridge' }, status: 'published' });
    const res = await get(`/api/read-also/articles/${source.documentId}/suggestions?limit=10`, actor);
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).toContain('Ada Quillfeather');
    expect(text).not.toContain(DRAFT_NAME);
  });

  test('REST, JSON-LD, ninjs and GraphQL name the published version only', async () => {
    const [source] = await app.strapi
      .documents(ARTICLE)
      .findMany({ filters: { title: 'Quillfeather opens the harbour bridge' }, status: 'published' });
    for (const url of [
      `/api/articles/${source.documentId}?populate[people][fields][0]=name&populate[quotes][populate][0]=speaker`,
      `/api/articles/${source.documentId}/jsonld`,
      `/api/articles/${source.documentId}/ninjs`,
      `/api/people?filters[name][$containsi]=quillfeather`,
      `/api/quotes?populate=speaker&filters[speaker][name][$containsi]=quillfeather`,
    ]) {
      const res = await get(url, readers()[0]);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect({
        url,
        published: JSON.stringify(res.body).includes('Ada Quillfeather'),
        leaked: JSON.stringify(res.body).includes(DRAFT_NAME),
      }).toEqual({ url, published: true, leaked: false });
    }
    const gql = await graphql(
      '{ people(filters: { name: { containsi: "quillfeather" } }) { name articles { title people { name } } } }',
      readers()[0],
    );
    expect(JSON.stringify(gql.body)).toContain('Ada Quillfeather');
    expect(JSON.stringify(gql.body)).not.toContain(DRAFT_NAME);
  });

  test('read-also reasons over GraphQL name the published version only', async () => {
    const [source] = await app.strapi
      .documents(ARTICLE)
      .findMany({ filters: { title: 'Quillfeather opens the harbour bridge' }, status: 'published' });
    const res = await graphql('query ($id: ID!) { readAlsoSuggestions(documentId: $id, limit: 10) { title reasons } }', readers()[1], {
      id: source.documentId,
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Ada Quillfeather');
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_NAME);
  });

  test('a link accepted by an editor keeps reasons with the published name', async () => {
    const editor = await adminSession(app, 'strapi-editor');
    const [source, target] = await app.strapi.documents(ARTICLE).findMany({
      filters: { title: { $startsWith: 'Quillfeather' } },
      status: 'published',
      sort: 'title:desc',
    });
    const res = await request(app.server)
      .post(`/read-also/articles/${source.documentId}/suggestions/${target.documentId}/accept`)
      .set('Authorization', `Bearer ${editor.token}`);
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body.data.reasons)).not.toContain(DRAFT_NAME);
    const stored = await app.strapi.db.query(RELATED_LINK).findOne({ where: { documentId: res.body.data.documentId } });
    expect(JSON.stringify(stored.reasons)).not.toContain(DRAFT_NAME);
  });
});

describe('a draft translation of a published article, and a draft person', () => {
  const roads = () => [
    `/api/articles?filters[localizations][title][$containsi]=zanzibar`,
    `/api/articles?filters[localizations][title][$startsWith]=Traduction`,
    `/api/articles?filters[$or][0][localizations][title][$containsi]=zanzibar&filters[$or][1][title][$eq]=none`,
    `/api/articles?filters[$and][0][localizations][$and][0][title][$containsi]=zanzibar`,
    `/api/articles?filters[localizations][localizations][title][$containsi]=zanzibar`,
    `/api/articles?locale=*&filters[localizations][title][$containsi]=zanzibar`,
    `/api/people?filters[articles][localizations][title][$containsi]=zanzibar`,
    `/api/quotes?filters[article][localizations][title][$containsi]=zanzibar`,
    `/api/articles?populate[people][filters][articles][localizations][title][$containsi]=zanzibar&filters[documentId]=${translatedId}`,
    `/api/articles/${translatedId}?populate[localizations][fields][0]=title`,
    `/api/articles/${translatedId}?populate=*`,
    `/api/articles?locale=fr`,
    `/api/articles/${translatedId}?populate[localizations][filters][publishedAt][$null]=true`,
    `/api/articles/${translatedId}?populate[localizations][filters][title][$containsi]=zanzibar&populate[localizations][fields][0]=title`,
    `/api/articles?filters[localizations][publishedAt][$null]=true&filters[documentId]=${translatedId}&populate=localizations`,
    `/api/articles?locale=*&filters[documentId]=${translatedId}&populate[localizations][populate]=*`,
    `/api/articles?filters[people][name][$containsi]=mirabelle`,
    `/api/articles?filters[people][$and][0][name][$containsi]=mirabelle`,
    `/api/articles?populate[people][fields][0]=name&filters[title][$eq]=A story naming a draft person`,
    `/api/people?filters[name][$containsi]=mirabelle`,
  ];

  test('the fixture holds: the French version exists as a draft only', async () => {
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: translatedId, locale: 'fr', publishedAt: null } })).toBe(1);
    expect(
      await app.strapi.db.query(ARTICLE).count({ where: { documentId: translatedId, locale: 'fr', publishedAt: { $notNull: true } } }),
    ).toBe(0);
  });

  test('no REST filter or populate across relations matches or shows the draft', async () => {
    for (const actor of readers().slice(0, 2)) {
      for (const url of roads()) {
        const res = await get(url, actor);
        const context = `${actor.name} ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        expect([200, 400, 403]).toContain(res.status);
        if (res.status !== 200) continue;
        if (url.includes('populate[people][filters]')) {
          expect({ context, people: res.body.data[0].people }).toEqual({ context, people: [] });
        } else if (url.includes('filters[') && /zanzibar|mirabelle/u.test(url)) {
          expect({ context, data: res.body.data }).toEqual({ context, data: [] });
        }
        const body = JSON.stringify(res.body);
        expect({ context, leaked: body.includes(DRAFT_TRANSLATION_TITLE) || body.includes(DRAFT_PERSON_NAME) }).toEqual({
          context,
          leaked: false,
        });
      }
    }
  });

  test('a sort across a relation with drafts (an ordering oracle) answers 400; a sort on own fields works', async () => {
    for (const url of [
      '/api/articles?sort=localizations.title:asc',
      '/api/articles?sort[0][localizations][title]=desc',
      '/api/people?sort=articles.title:asc',
    ]) {
      const res = await get(url, readers()[1]);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.error.message).toMatch(/cannot be sorted across/);
    }
    const gql = await graphql('{ articles(sort: "localizations.title:asc") { title } }', readers()[0]);
    expect(gql.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await get('/api/articles?sort=title:asc', readers()[0])).status).toBe(200);
  });

  test('a published translation is still found through the same filter', async () => {
    const [budget] = [newsroom.articles.budget];
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: budget.documentId, locale: 'fr', data: { title: 'Budget des bibliothèques publié' } as never });
    await app.strapi.documents(ARTICLE).publish({ documentId: budget.documentId, locale: 'fr' });
    const res = await get('/api/articles?filters[localizations][title][$containsi]=biblioth', readers()[0]);
    expect(res.status).toBe(200);
    expect(res.body.data.map((article: { documentId: string }) => article.documentId)).toEqual([budget.documentId]);
  });

  test('no GraphQL filter across localizations matches the draft', async () => {
    for (const query of [
      '{ articles(filters: { localizations: { title: { containsi: "zanzibar" } } }) { documentId } }',
      '{ articles(filters: { or: [{ localizations: { title: { containsi: "zanzibar" } } }] }) { documentId } }',
      '{ articles_connection(filters: { localizations: { title: { startsWith: "Traduction" } } }) { nodes { documentId } } }',
      '{ people { articles(filters: { localizations: { title: { containsi: "zanzibar" } } }) { documentId } } }',
      '{ articles(locale: "en") { documentId localizations { title locale } } }',
      '{ articles(locale: "en") { documentId localizations(filters: { publishedAt: { null: true } }) { title } } }',
      '{ people { articles { localizations { title } } } }',
    ]) {
      const res = await graphql(query, readers()[1]);
      expect(res.status).toBe(200);
      const found = JSON.stringify(res.body.data);
      // A filter on the listed articles must not match the translated one; no answer may carry the draft's title.
      const filtersTheList = /(articles|articles_connection)\(filters/u.test(query);
      const leaked = found.includes(DRAFT_TRANSLATION_TITLE) || (filtersTheList && found.includes(translatedId));
      expect({ query, leaked }).toEqual({ query, leaked: false });
    }
  });

  test('a full-access token (a preview server) still finds drafts when it asks for them', async () => {
    const res = await request(app.server)
      .get('/api/articles?status=draft&locale=fr&filters[title][$containsi]=zanzibar')
      .set('Authorization', `Bearer ${fullAccess}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((article: { title: string }) => article.title)).toEqual([DRAFT_TRANSLATION_TITLE]);
  });
});

describe('the upload library', () => {
  test('read-only tokens, readers and anonymous clients cannot list or read files through the content API', async () => {
    for (const actor of readers()) {
      for (const url of [
        '/api/upload/files?populate=*',
        '/api/upload/files/page?populate=*',
        `/api/upload/files/${uploadId}?populate=*`,
        '/api/upload/files?filters[related][name][$containsi]=mirabelle',
      ]) {
        const res = await get(url, actor);
        expect({ url, actor: actor.name, status: res.status }).toEqual({ url, actor: actor.name, status: 403 });
        expect(JSON.stringify(res.body)).not.toContain(DRAFT_PERSON_NAME);
      }
    }
  });

  test('a full-access token (a trusted preview server, which may read drafts) still lists files', async () => {
    const res = await request(app.server).get('/api/upload/files').set('Authorization', `Bearer ${fullAccess}`);
    expect(res.status).toBe(200);
    expect(res.body.map((file: { id: number }) => file.id)).toContain(uploadId);
  });

  test('a published person’s photo still reaches readers through populate', async () => {
    const photographed = await createPerson(app.strapi, { name: 'Photographed Person', photo: uploadId });
    const res = await get(`/api/people/${photographed.documentId}?populate=photo`, readers()[0]);
    expect(res.status).toBe(200);
    expect(res.body.data.photo.url).toMatch(/^\/uploads\//);
    expect(JSON.stringify(res.body)).not.toContain(DRAFT_PERSON_NAME);
    for (const url of [
      `/api/people/${photographed.documentId}?populate[photo][populate]=related`,
      `/api/people/${photographed.documentId}?populate[photo][populate]=*`,
    ]) {
      const through = await get(url, readers()[1]);
      expect({ url, status: through.status < 500 }).toEqual({ url, status: true });
      expect({ url, leaked: JSON.stringify(through.body).includes(DRAFT_PERSON_NAME) }).toEqual({ url, leaked: false });
    }
  });
});

describe('an Author accepting a suggestion', () => {
  async function publishedStoryByAuthor(author: Awaited<ReturnType<typeof adminSession>>) {
    const created = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}?locale=en`)
      .set('Authorization', `Bearer ${author.token}`)
      .send({
        title: 'Zelensky and Trudeau sign a defence pact for Ukraine',
        body: paragraphs('Volodymyr Zelensky and Justin Trudeau signed a defence pact for Ukraine.'),
        storyPublishedAt: '2023-01-12T10:00:00Z',
      });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    await app.strapi.documents(ARTICLE).update({
      documentId,
      locale: 'en',
      data: { people: [newsroom.people.zelensky.documentId, newsroom.people.trudeau.documentId] } as never,
    });
    // An Editor publishes the Author's story.
    await app.strapi.documents(ARTICLE).publish({ documentId, locale: 'en' });
    return documentId;
  }

  const publicLinkTargets = async (documentId: string) =>
    (
      (await get(`/api/articles/${documentId}?populate[relatedLinks][populate]=targetArticle`, readers()[0])).body.data.relatedLinks as {
        targetArticle: { documentId: string } | null;
      }[]
    ).map((link) => link.targetArticle?.documentId);

  test('the link goes into the draft; readers see it only when an Editor publishes the article', async () => {
    const author = await adminSession(app, 'strapi-author');
    const documentId = await publishedStoryByAuthor(author);
    const target = newsroom.articles.summit.documentId;

    const refused = await request(app.server)
      .post(`/read-also/articles/${documentId}/suggestions/${target}/accept`)
      .set('Authorization', `Bearer ${author.token}`)
      .send({ publish: true });
    expect(refused.status).toBe(403);

    const accepted = await request(app.server)
      .post(`/read-also/articles/${documentId}/suggestions/${target}/accept`)
      .set('Authorization', `Bearer ${author.token}`);
    expect(accepted.status).toBe(201);
    expect(accepted.body.data).toMatchObject({ published: false, target: { documentId: target } });
    expect(await publicLinkTargets(documentId)).not.toContain(target);
    expect(
      await app.strapi.db
        .query(RELATED_LINK)
        .count({ where: { documentId: accepted.body.data.documentId, publishedAt: { $notNull: true } } }),
    ).toBe(0);

    const editor = await adminSession(app, 'strapi-editor');
    const republish = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish?locale=en`)
      .set('Authorization', `Bearer ${editor.token}`)
      .send({});
    expect(republish.status).toBe(200);
    expect(await publicLinkTargets(documentId)).toContain(target);
  });

  test('an Editor may add and publish at once, and is told so', async () => {
    const editor = await adminSession(app, 'strapi-editor');
    const documentId = await publishedStoryByAuthor(await adminSession(app, 'strapi-author'));
    const target = newsroom.articles.seed.documentId;
    const res = await request(app.server)
      .post(`/read-also/articles/${documentId}/suggestions/${target}/accept`)
      .set('Authorization', `Bearer ${editor.token}`)
      .send({ publish: true });
    expect(res.status).toBe(201);
    expect(res.body.data.published).toBe(true);
    expect(await publicLinkTargets(documentId)).toContain(target);
  });

  test('an Author changing a link’s target changes the draft only', async () => {
    const author = await adminSession(app, 'strapi-author');
    const documentId = await publishedStoryByAuthor(author);
    const editor = await adminSession(app, 'strapi-editor');
    const accepted = await request(app.server)
      .post(`/read-also/articles/${documentId}/suggestions/${newsroom.articles.seed.documentId}/accept`)
      .set('Authorization', `Bearer ${editor.token}`)
      .send({ publish: true });
    expect(accepted.status).toBe(201);
    const moved = await request(app.server)
      .put(`/read-also/links/${accepted.body.data.documentId}/target`)
      .set('Authorization', `Bearer ${author.token}`)
      .send({ targetId: newsroom.articles.football.documentId, locale: 'en' });
    expect(moved.status).toBe(200);
    const targets = await publicLinkTargets(documentId);
    expect(targets).toContain(newsroom.articles.seed.documentId);
    expect(targets).not.toContain(newsroom.articles.football.documentId);
  });
});

describe('the newsroom’s own tools are untouched by the guards', () => {
  test('the Content Manager’s relation pickers (which filter with Strapi’s own subqueries) answer 200', async () => {
    const { token } = await adminSession(app, 'strapi-editor');
    const seedId = newsroom.articles.seed.documentId;
    for (const url of [
      `/content-manager/relations/${ARTICLE}/people?pageSize=10&page=1&id=${seedId}&locale=en`,
      `/content-manager/relations/${ARTICLE}/${seedId}/people?pageSize=10&page=1&locale=en`,
      `/content-manager/relations/${ARTICLE}/quotes?pageSize=10&page=1&_q=harbour&_filter=$containsi&id=${seedId}&locale=en`,
    ]) {
      const res = await request(app.server).get(url).set('Authorization', `Bearer ${token}`);
      expect({ url, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ url, status: 200, body: null });
    }
  });
});
