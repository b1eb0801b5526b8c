/**
 * Links in place: each link's paragraph and rank, moved and reordered from the Read also
 * panel's admin API, in the draft until the article is published (unless asked otherwise).
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, RELATED_LINK, paragraphs } from '../helpers/fixtures';
import { adminSession } from '../helpers/admin';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom';

type Link = {
  documentId: string;
  label: string;
  afterParagraph: number | null;
  order: number;
  published: boolean;
  changesPending: boolean;
};

let app: TestApp;
let newsroom: Newsroom;
let superAdmin: string;
let editor: string;

beforeAll(async () => {
  app = await startTestApp();
  newsroom = await buildNewsroom(app.strapi);
  superAdmin = (await adminSession(app, 'strapi-super-admin')).token;
  editor = (await adminSession(app, 'strapi-editor')).token;
});
afterAll(async () => {
  await app?.stop();
});

async function accept(token: string, articleId: string, targetId: string, publish = false): Promise<Link> {
  const res = await request(app.server)
    .post(`/read-also/articles/${articleId}/suggestions/${targetId}/accept`)
    .set('Authorization', `Bearer ${token}`)
    .send({ publish });
  expect(res.status).toBe(201);
  return res.body.data;
}

function place(token: string, linkId: string, body: object) {
  return request(app.server).put(`/read-also/links/${linkId}/place`).set('Authorization', `Bearer ${token}`).send(body);
}

async function linksOf(token: string, articleId: string) {
  const res = await request(app.server).get(`/read-also/articles/${articleId}/links`).set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body as { data: Link[]; meta: { paragraphCount: number; paragraphs: { number: number; firstWords: string }[] } };
}

const places = (links: Link[]) => links.map(({ label, afterParagraph, order }) => ({ label, afterParagraph, order }));

/** The links readers see, by REST, without a token. */
async function publicPlaces(articleId: string) {
  const res = await request(app.server)
    .get(`/api/articles/${articleId}`)
    .query({ populate: { relatedLinks: { fields: ['label', 'afterParagraph', 'order'] } } });
  expect({ status: res.status, error: res.body.error }).toEqual({ status: 200, error: undefined });
  return (res.body.data.relatedLinks as Link[]).map(({ label, afterParagraph, order }) => ({ label, afterParagraph, order }));
}

/** A published story of three paragraphs, written (as the Content Manager records it) by `token`'s user. */
async function publishedStory(token: string, title: string) {
  const created = await request(app.server)
    .post(`/content-manager/collection-types/${ARTICLE}?locale=en`)
    .set('Authorization', `Bearer ${token}`)
    .send({
      title,
      body: paragraphs(
        'Volodymyr Zelensky and Justin Trudeau met again to discuss air defence for Ukraine.',
        'Canada promised more military aid.',
        'Russia kept up its strikes.',
      ),
      storyPublishedAt: '2023-01-12T10:00:00Z',
    });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;
  await app.strapi.documents(ARTICLE).update({
    documentId,
    locale: 'en',
    data: { people: [newsroom.people.zelensky.documentId, newsroom.people.trudeau.documentId] } as never,
  });
  await app.strapi.documents(ARTICLE).publish({ documentId, locale: 'en' });
  return documentId;
}

describe('the place of a link', () => {
  test('an accepted suggestion goes at the end of the story, after the links already there, and the panel gets the paragraphs', async () => {
    // Given the seed story of three paragraphs.
    const seedId = newsroom.articles.seed.documentId;
    // When an Editor accepts two suggestions.
    const first = await accept(editor, seedId, newsroom.articles.thanks.documentId);
    const second = await accept(editor, seedId, newsroom.articles.summit.documentId);
    // Then both are after paragraph 3, in the order they were accepted.
    expect(first).toMatchObject({ afterParagraph: 3, order: 0 });
    expect(second).toMatchObject({ afterParagraph: 3, order: 1 });

    const { data, meta } = await linksOf(editor, seedId);
    expect(places(data)).toEqual([
      { label: newsroom.articles.thanks.title, afterParagraph: 3, order: 0 },
      { label: newsroom.articles.summit.title, afterParagraph: 3, order: 1 },
    ]);
    expect(meta.paragraphCount).toBe(3);
    expect(meta.paragraphs[0]).toEqual({ number: 1, firstWords: 'Ukrainian President Volodymyr Zelensky and Prime Minister Justin…' });
    expect(meta.paragraphs[2]).toEqual({ number: 3, firstWords: 'The war with Russia has lasted nearly eleven…' });
  });

  test('a Super Admin moves a link to another paragraph, and an Editor reorders the links there, each in one call', async () => {
    const seedId = newsroom.articles.seed.documentId;
    const [thanks, summit] = (await linksOf(editor, seedId)).data;

    // When the Super Admin moves the second link after paragraph 1.
    const moved = await place(superAdmin, summit.documentId, { afterParagraph: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ documentId: summit.documentId, afterParagraph: 1, order: 0 });
    expect(places(moved.body.meta.links)).toEqual([
      { label: summit.label, afterParagraph: 1, order: 0 },
      { label: thanks.label, afterParagraph: 3, order: 0 },
    ]);

    // And an Editor moves the other one there too, first among the links after paragraph 1.
    const reordered = await place(editor, thanks.documentId, { afterParagraph: 1, order: 0 });
    expect(reordered.status).toBe(200);
    expect(places(reordered.body.meta.links)).toEqual([
      { label: thanks.label, afterParagraph: 1, order: 0 },
      { label: summit.label, afterParagraph: 1, order: 1 },
    ]);

    // And moves it down, and then before the story.
    expect((await place(editor, thanks.documentId, { afterParagraph: 1, order: 1 })).status).toBe(200);
    expect(places((await linksOf(editor, seedId)).data)).toEqual([
      { label: summit.label, afterParagraph: 1, order: 0 },
      { label: thanks.label, afterParagraph: 1, order: 1 },
    ]);
    expect((await place(editor, thanks.documentId, { afterParagraph: 0, order: 5 })).status).toBe(200);
    expect((await place(editor, summit.documentId, { afterParagraph: null })).status).toBe(200);
    expect(places((await linksOf(editor, seedId)).data)).toEqual([
      { label: thanks.label, afterParagraph: 0, order: 0 },
      { label: summit.label, afterParagraph: null, order: 0 },
    ]);
  });
});

describe('drafts and publishing', () => {
  test('a placed link keeps its old place for readers until the article is published', async () => {
    // Given a live story with a live link at the end.
    const documentId = await publishedStory(editor, 'Zelensky and Trudeau meet again on air defence for Ukraine');
    const link = await accept(editor, documentId, newsroom.articles.thanks.documentId, true);
    expect(link).toMatchObject({ afterParagraph: 3, published: true, changesPending: false });
    expect(await publicPlaces(documentId)).toEqual([{ label: link.label, afterParagraph: 3, order: 0 }]);

    // When an Editor moves it after paragraph 2, in the draft.
    const moved = await place(editor, link.documentId, { afterParagraph: 2 });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ afterParagraph: 2, published: true, changesPending: true });

    // Then readers still see it at the end, until the article is published again.
    expect(await publicPlaces(documentId)).toEqual([{ label: link.label, afterParagraph: 3, order: 0 }]);
    const publish = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish?locale=en`)
      .set('Authorization', `Bearer ${editor}`)
      .send({});
    expect(publish.status).toBe(200);
    expect(await publicPlaces(documentId)).toEqual([{ label: link.label, afterParagraph: 2, order: 0 }]);
    expect((await linksOf(editor, documentId)).data[0]).toMatchObject({ afterParagraph: 2, changesPending: false });

    // And "publish" moves it for readers at once.
    const live = await place(editor, link.documentId, { afterParagraph: 1, publish: true });
    expect(live.status).toBe(200);
    expect(live.body.data).toMatchObject({ afterParagraph: 1, published: true, changesPending: false });
    expect(await publicPlaces(documentId)).toEqual([{ label: link.label, afterParagraph: 1, order: 0 }]);
  });

  test('a link hidden because its target left the site stays hidden when placed with "publish"', async () => {
    const documentId = await publishedStory(editor, 'Zelensky and Trudeau review Ukraine’s air defence');
    const hidden = await app.strapi.documents(RELATED_LINK).create({
      data: { label: 'A story taken off the site', article: { documentId, locale: 'en' }, targetUnpublished: true } as never,
    });
    const res = await place(editor, hidden.documentId, { afterParagraph: 1, publish: true });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ afterParagraph: 1, published: false });
    expect(await publicPlaces(documentId)).toEqual([]);
  });

  test('an Author may place links of their own story in the draft, but not publish the change', async () => {
    const author = (await adminSession(app, 'strapi-author')).token;
    const documentId = await publishedStory(author, 'Zelensky and Trudeau talk about Ukraine’s air defence');
    const link = await accept(editor, documentId, newsroom.articles.summit.documentId, true);

    const refused = await place(author, link.documentId, { afterParagraph: 1, publish: true });
    expect(refused.status).toBe(403);
    expect(await publicPlaces(documentId)).toEqual([{ label: link.label, afterParagraph: 3, order: 0 }]);

    const drafted = await place(author, link.documentId, { afterParagraph: 1 });
    expect(drafted.status).toBe(200);
    expect(drafted.body.data).toMatchObject({ afterParagraph: 1, changesPending: true });
    expect(await publicPlaces(documentId)).toEqual([{ label: link.label, afterParagraph: 3, order: 0 }]);

    // Another author's story: no placing at all.
    const seedLink = (await linksOf(editor, newsroom.articles.seed.documentId)).data[0];
    expect((await place(author, seedLink.documentId, { afterParagraph: 1 })).status).toBe(403);
  });
});

describe('bad input', () => {
  test.each([
    [{ afterParagraph: 4 }, 'afterParagraph: the story has 3 paragraphs'],
    [{ afterParagraph: -1 }, 'afterParagraph'],
    [{ afterParagraph: 'two' }, 'afterParagraph must be a number'],
    [{ afterParagraph: 1.5 }, 'afterParagraph'],
    [{}, 'afterParagraph is required'],
    [{ afterParagraph: 1, order: -1 }, 'order'],
    [{ afterParagraph: 1, order: 'first' }, 'order'],
    [{ afterParagraph: 1, publish: 'yes' }, 'publish'],
  ])('placing with %j answers 400 naming the field (%s)', async (body, message) => {
    const [link] = (await linksOf(editor, newsroom.articles.seed.documentId)).data;
    const res = await place(editor, link.documentId, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  test('an unknown link answers 404, an impossible id 400, and an anonymous caller 401', async () => {
    expect((await place(editor, 'doesnotexist000000000000', { afterParagraph: 1 })).status).toBe(404);
    expect((await place(editor, encodeURIComponent("x' OR '1'='1"), { afterParagraph: 1 })).status).toBe(400);
    expect((await request(app.server).put('/read-also/links/doesnotexist000000000000/place').send({ afterParagraph: 1 })).status).toBe(401);
  });
});
