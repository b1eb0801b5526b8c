/** The plugin's identifiers, once, for the server and the admin panel. */
export const PLUGIN_ID = 'read-also';

/** The plugin's admin permission actions. Super Admins get them automatically. */
export const ACTIONS = {
  read: 'plugin::read-also.read',
  manage: 'plugin::read-also.manage',
} as const;

/** The content API action a role or API token must be granted to read suggestions. */
export const CONTENT_API_ACTION = 'plugin::read-also.suggestions.find';

/** The key of the plugin's configuration in Strapi's config. */
export const CONFIG_KEY = 'plugin::read-also';
