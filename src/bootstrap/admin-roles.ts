import type { Core } from '@strapi/strapi';

const CM = 'plugin::content-manager.explorer';
const ACTIONS = ['create', 'read', 'update', 'delete', 'publish'] as const;
const COMPLETED_MARKER = 'editorial-roles-localized';

type Permission = { id: number; action: string; subject: string; properties: Record<string, unknown> | null; conditions: string[] };

/**
 * Strapi creates its Editor and Author roles before i18n has a say, so on a new
 * database they lack the locales of localized types, and with them the right to open,
 * delete or publish an Article at all. This restores Strapi's own meaning, once:
 * Editors manage and publish every article in every locale; Authors manage their own
 * and do not publish. Later changes an admin makes in the panel are left alone.
 */
export async function completeEditorialRolesOnce(strapi: Core.Strapi): Promise<boolean> {
  const store = strapi.store({ type: 'app', name: 'newsdesk' });
  if (await store.get({ key: COMPLETED_MARKER })) return false;

  const localized = Object.values(strapi.contentTypes)
    .filter((contentType) => contentType.uid.startsWith('api::'))
    .filter((contentType) => (contentType.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized)
    .map((contentType) => contentType.uid);
  const locales = ((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map((locale) => locale.code);

  const roles = [
    { code: 'strapi-editor', actions: ACTIONS, conditions: [] as string[] },
    { code: 'strapi-author', actions: ACTIONS.filter((action) => action !== 'publish'), conditions: ['admin::is-creator'] },
  ];
  for (const { code, actions, conditions } of roles) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number } | null;
    if (!role) return false;
    for (const subject of localized) {
      const existing = (await strapi.db.query('admin::permission').findMany({ where: { role: role.id, subject } })) as Permission[];
      const fields = existing.find((permission) => permission.action === `${CM}.read`)?.properties?.fields;
      const missing = [];
      for (const verb of actions) {
        const action = `${CM}.${verb}`;
        const current = existing.find((permission) => permission.action === action);
        if (current) {
          await strapi.db.query('admin::permission').update({
            where: { id: current.id },
            data: { properties: { ...(current.properties ?? {}), locales } },
          });
        } else {
          const withFields = verb === 'create' || verb === 'read' || verb === 'update';
          missing.push({ action, subject, conditions, properties: { ...(withFields && fields ? { fields } : {}), locales } });
        }
      }
      if (missing.length > 0) await strapi.service('admin::role').addPermissions(role.id, missing);
    }
  }
  await store.set({ key: COMPLETED_MARKER, value: true });
  return true;
}
