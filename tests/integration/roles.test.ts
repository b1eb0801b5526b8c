import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE_FORMAT_ACTIONS, grantReaderPermissionsOnce, PUBLISHED_CONTENT_TYPES } from '../../src/bootstrap/permissions';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

async function actionsOf(type: string): Promise<string[]> {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type }, populate: ['permissions'] });
  return (role.permissions as { action: string }[])
    .map((permission) => permission.action)
    .filter((action) => action.startsWith('api::'))
    .sort();
}

test('Public and Authenticated may find and findOne the published types and read article formats, and nothing else', async () => {
  const expected = [...PUBLISHED_CONTENT_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]), ...ARTICLE_FORMAT_ACTIONS].sort();
  expect(await actionsOf('public')).toEqual(expected);
  expect(await actionsOf('authenticated')).toEqual(expected);
});

test('Given an admin narrowed the Public role, when bootstrap runs again, then the change is kept', async () => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { action: 'api::person.person.find', role: role.id } });

  expect(await grantReaderPermissionsOnce(app.strapi)).toBe(false);
  expect(await actionsOf('public')).not.toContain('api::person.person.find');
});

test('Editor may edit every article; Author only the ones they created', async () => {
  const permissionsOf = async (code: string) => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
    return app.strapi.db.query('admin::permission').findMany({
      where: { role: role.id, action: 'plugin::content-manager.explorer.update', subject: 'api::article.article' },
    });
  };
  const [editor] = await permissionsOf('strapi-editor');
  const [author] = await permissionsOf('strapi-author');
  expect(editor.conditions).toEqual([]);
  expect(author.conditions).toEqual(['admin::is-creator']);
});

test('English is the default locale and French is available', async () => {
  const locales = app.strapi.plugin('i18n').service('locales');
  expect(await locales.getDefaultLocale()).toBe('en');
  expect((await locales.find()).map((locale: { code: string }) => locale.code).sort()).toEqual(['en', 'fr']);
});
