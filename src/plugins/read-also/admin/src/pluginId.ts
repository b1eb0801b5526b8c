import { ACTIONS, PLUGIN_ID } from '../../shared/constants';

export { PLUGIN_ID };

export const ARTICLE_UID = 'api::article.article';

/** Translation keys are prefixed with the plugin id, as Strapi's own plugins do. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const PERMISSIONS = {
  read: [{ action: ACTIONS.read, subject: null }],
  manage: [{ action: ACTIONS.manage, subject: null }],
};
