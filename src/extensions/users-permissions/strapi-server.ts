/**
 * users-permissions, extended: its user, role and permission routes refuse read-only API
 * tokens (see the not-for-read-only-tokens policy), and a password-reset request answers the
 * same whether or not the address has an account, even when the mail cannot be sent (the
 * failure is logged for administrators). Login, registration and the rest are untouched.
 */
import type { Context } from 'koa';
import { errors } from '@strapi/utils';

type Route = { handler: string; config?: { policies?: unknown[] } & Record<string, unknown> };
type AuthController = Record<string, (ctx: Context) => Promise<unknown>>;
type UsersPermissionsPlugin = {
  routes: { 'content-api': { routes: Route[] } };
  controllers: { auth: (deps: { strapi: { log: { error(message: string): void } } }) => AuthController };
};

export const ACCOUNT_HANDLER_PREFIXES = ['user.', 'role.', 'permissions.'];

export default (plugin: UsersPermissionsPlugin): UsersPermissionsPlugin => {
  const contentApi = plugin.routes['content-api'];
  contentApi.routes = contentApi.routes.map((route) =>
    ACCOUNT_HANDLER_PREFIXES.some((prefix) => route.handler.startsWith(prefix))
      ? { ...route, config: { ...route.config, policies: [...(route.config?.policies ?? []), 'global::not-for-read-only-tokens'] } }
      : route,
  );
  const authController = plugin.controllers.auth;
  plugin.controllers.auth = (deps) => {
    const auth = authController(deps);
    return {
      ...auth,
      async forgotPassword(ctx: Context) {
        try {
          return await auth.forgotPassword(ctx);
        } catch (error) {
          if (error instanceof errors.ApplicationError) throw error; // a malformed address: the caller's own mistake
          deps.strapi.log.error(`[users-permissions] A password-reset mail could not be sent: ${(error as Error).message}`);
          ctx.status = 200;
          ctx.body = { ok: true };
        }
      },
    };
  };
  return plugin;
};
