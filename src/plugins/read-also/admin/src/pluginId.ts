import { ACTIONS, PLUGIN_ID } from '../../shared/constants';

export { PLUGIN_ID };

// The app's content types, named once in src/content-types.ts.
export { ARTICLE as ARTICLE_UID, QUOTE as QUOTE_UID } from '../../../../content-types';

/** Translation keys are prefixed with the plugin id, as Strapi's own plugins do. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const PERMISSIONS = {
  read: [{ action: ACTIONS.read, subject: null }],
  manage: [{ action: ACTIONS.manage, subject: null }],
};
