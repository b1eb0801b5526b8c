import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, QUOTE, apiToken, createArticle } from '../helpers/fixtures';
import { configureEditViewsOnce } from '../../src/bootstrap/edit-views';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const contentTypes = () => app.strapi.plugin('content-manager').service('content-types');
const configurationOf = async (uid: string) => contentTypes().findConfiguration(contentTypes().findContentType(uid));

describe('the edit views a newsroom works in', () => {
  test('on first boot, an article is laid out headline first, with labels, read-only system fields and named relations', async () => {
    const configuration = await configurationOf(ARTICLE);
    const order = configuration.layouts.edit.flat().map((field: { name: string }) => field.name);
    expect(order.slice(0, 3)).toEqual(['title', 'standfirst', 'body']);
    expect(order).not.toContain('importChecksum');
    expect(configuration.metadatas.title.edit.label).toBe('Headline');
    expect(configuration.metadatas.sourceId.edit).toMatchObject({ label: 'Wire ID', editable: false });
    expect(configuration.metadatas.importChecksum.edit).toMatchObject({ editable: false, visible: false });
    expect(configuration.metadatas.quotes.edit.mainField).toBe('text');
    expect((await configurationOf(QUOTE)).metadatas.speaker.edit.mainField).toBe('name');
  });

  test("an admin's later change in Configure the view survives the next boot", async () => {
    const article = contentTypes().findContentType(ARTICLE);
    const configuration = await contentTypes().findConfiguration(article);
    configuration.metadatas.title.edit.label = 'Titre de une';
    configuration.layouts.edit = [
      [{ name: 'body', size: 12 }],
      ...configuration.layouts.edit.filter((row: { name: string }[]) => row[0].name !== 'body'),
    ];
    await contentTypes().updateConfiguration(article, configuration);

    expect(await configureEditViewsOnce(app.strapi)).toEqual([]);
    const after = await configurationOf(ARTICLE);
    expect(after.metadatas.title.edit.label).toBe('Titre de une');
    expect(after.layouts.edit[0]).toEqual([{ name: 'body', size: 12 }]);
  });

  test('tags are a custom field stored as before: a JSON list that REST returns as a list', async () => {
    expect(app.strapi.contentTypes[ARTICLE].attributes.tags).toMatchObject({ type: 'json', customField: 'global::tags' });
    const token = await apiToken(app.strapi, 'read-only');
    const article = await createArticle(app.strapi, { title: 'Tags as a list', tags: ['Ukraine', 'Canada'] });
    const res = await request(app.server).get(`/api/articles/${article.documentId}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.data.tags).toEqual(['Ukraine', 'Canada']);
  });
});
