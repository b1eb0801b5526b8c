import type { Core } from '@strapi/strapi';
import { ACTIONS, PLUGIN_ID } from '../../shared/constants';

export const ACTION_DEFINITIONS = [
  { section: 'plugins', displayName: 'See suggestions and links', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Accept and reject suggestions', uid: 'manage', pluginName: PLUGIN_ID },
];

const EDITORIAL_ROLES = ['strapi-editor', 'strapi-author'];
const GRANTED_MARKER = 'editor-permissions-granted';

/**
 * Editors and Authors get the plugin's actions once; an admin's later changes in the panel
 * are kept. Strapi creates its default admin roles after plugins bootstrap, so the app's
 * bootstrap calls this.
 */
export async function grantEditorialRolesOnce(strapi: Core.Strapi): Promise<void> {
  if (!strapi.plugin(PLUGIN_ID)) return;
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  if (await store.get({ key: GRANTED_MARKER })) return;
  const roles = (await strapi.db.query('admin::role').findMany({ where: { code: { $in: EDITORIAL_ROLES } } })) as { id: number }[];
  if (roles.length === 0) return;
  for (const role of roles) {
    const missing = [];
    for (const action of Object.values(ACTIONS)) {
      if (!(await strapi.db.query('admin::permission').findOne({ where: { role: role.id, action } }))) missing.push({ action });
    }
    if (missing.length > 0) await strapi.service('admin::role').addPermissions(role.id, missing);
  }
  await store.set({ key: GRANTED_MARKER, value: true });
}
