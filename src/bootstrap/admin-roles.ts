import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { PLUGIN_ID as READ_ALSO } from '../plugins/read-also/shared/constants';

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

const READ_ALSO_GRANTED_MARKER = 'editor-permissions-granted';
const registeredActions = z.array(z.object({ actionId: z.string(), pluginName: z.string().optional() }).passthrough());

/**
 * Editors and Authors may see suggestions and decide on them: every admin action the
 * read-also plugin registers, given once; an admin's later changes in the panel are kept.
 * Strapi creates its default admin roles after plugins bootstrap, hence here.
 */
export async function grantReadAlsoOnce(strapi: Core.Strapi): Promise<boolean> {
  if (!strapi.plugin(READ_ALSO)) return false;
  const store = strapi.store({ type: 'plugin', name: READ_ALSO });
  if (await store.get({ key: READ_ALSO_GRANTED_MARKER })) return false;
  const actions = registeredActions
    .parse(strapi.service('admin::permission').actionProvider.values())
    .filter((action) => action.pluginName === READ_ALSO)
    .map((action) => action.actionId);
  const roles = (await strapi.db.query('admin::role').findMany({ where: { code: { $in: ['strapi-editor', 'strapi-author'] } } })) as {
    id: number;
  }[];
  if (roles.length === 0) return false;
  for (const role of roles) {
    const missing = [];
    for (const action of actions) {
      if (!(await strapi.db.query('admin::permission').findOne({ where: { role: role.id, action } }))) missing.push({ action });
    }
    if (missing.length > 0) await strapi.service('admin::role').addPermissions(role.id, missing);
  }
  await store.set({ key: READ_ALSO_GRANTED_MARKER, value: true });
  return true;
}
