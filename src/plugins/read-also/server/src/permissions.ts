import { PLUGIN_ID } from '../../shared/constants';

/** The plugin's admin actions (ids in shared/constants.ts); Super Admins get them automatically. */
export const ACTION_DEFINITIONS = [
  { section: 'plugins', displayName: 'See suggestions and links', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Accept and reject suggestions', uid: 'manage', pluginName: PLUGIN_ID },
];
