import type { Core } from '@strapi/strapi';

export const PUBLISHED_CONTENT_TYPES = [
  'api::article.article',
  'api::person.person',
  'api::quote.quote',
  'api::related-link.related-link',
] as const;

export const READ_ACTIONS = ['find', 'findOne'] as const;

const READER_ROLES = ['public', 'authenticated'] as const;
const GRANTED_MARKER = 'reader-permissions-granted';

/**
 * Gives the Public and Authenticated roles read access to published content, once.
 * The marker in Strapi's core store makes later boots leave the roles alone, so an
 * admin who narrows them in the panel keeps that choice.
 */
export async function grantReaderPermissionsOnce(strapi: Core.Strapi): Promise<boolean> {
  const store = strapi.store({ type: 'app', name: 'newsdesk' });
  if (await store.get({ key: GRANTED_MARKER })) return false;

  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const type of READER_ROLES) {
    const role = await roles.findOne({ where: { type } });
    if (!role) throw new Error(`users-permissions role "${type}" is missing`);
    for (const uid of PUBLISHED_CONTENT_TYPES) {
      for (const verb of READ_ACTIONS) {
        const action = `${uid}.${verb}`;
        if (!(await permissions.findOne({ where: { action, role: role.id } }))) {
          await permissions.create({ data: { action, role: role.id } });
        }
      }
    }
  }
  await store.set({ key: GRANTED_MARKER, value: true });
  return true;
}
