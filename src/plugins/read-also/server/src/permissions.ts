/** The plugin's admin permission actions. Super Admins get them automatically. */
export const ACTIONS = {
  read: 'plugin::read-also.read',
  manage: 'plugin::read-also.manage',
} as const;

export const ACTION_DEFINITIONS = [
  { section: 'plugins', displayName: 'See suggestions and links', uid: 'read', pluginName: 'read-also' },
  { section: 'plugins', displayName: 'Accept and reject suggestions', uid: 'manage', pluginName: 'read-also' },
];

/** The content API action a role or API token must be granted to read suggestions. */
export const CONTENT_API_ACTION = 'plugin::read-also.suggestions.find';
