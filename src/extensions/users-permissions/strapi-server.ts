/**
 * users-permissions, extended: its user, role and permission routes refuse read-only API
 * tokens (see the not-for-read-only-tokens policy). Login, registration and the rest of
 * the auth routes are untouched.
 */
type Route = { handler: string; config?: { policies?: unknown[] } & Record<string, unknown> };
type UsersPermissionsPlugin = { routes: { 'content-api': { routes: Route[] } } };

export const ACCOUNT_HANDLER_PREFIXES = ['user.', 'role.', 'permissions.'];

export default (plugin: UsersPermissionsPlugin): UsersPermissionsPlugin => {
  const contentApi = plugin.routes['content-api'];
  contentApi.routes = contentApi.routes.map((route) =>
    ACCOUNT_HANDLER_PREFIXES.some((prefix) => route.handler.startsWith(prefix))
      ? { ...route, config: { ...route.config, policies: [...(route.config?.policies ?? []), 'global::not-for-read-only-tokens'] } }
      : route,
  );
  return plugin;
};
