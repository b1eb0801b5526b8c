export const PLUGIN_ID = 'read-also';

export const ARTICLE_UID = 'api::article.article';

/** Translation keys are prefixed with the plugin id, as Strapi's own plugins do. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const PERMISSIONS = {
  read: [{ action: 'plugin::read-also.read', subject: null }],
  manage: [{ action: 'plugin::read-also.manage', subject: null }],
};
