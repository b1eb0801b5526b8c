import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Strapi 5 lets any client that may `find` a type ask for `status=draft` (REST) or
 * `status: DRAFT` (GraphQL). Unpublished stories can be under embargo, so only a
 * full-access API token (a trusted preview server) may read drafts.
 */
type AuthLike = { strategy?: { name?: string }; credentials?: { type?: string } | null };

export function mayReadDrafts(auth: AuthLike | undefined): boolean {
  return auth?.strategy?.name === 'api-token' && auth.credentials?.type === 'full-access';
}

export function asksForDrafts(status: unknown): boolean {
  return typeof status === 'string' && status.toLowerCase() !== 'published';
}

const publishedOnly: Core.PolicyHandler = (policyContext) => {
  const context = policyContext as unknown as {
    request?: { query?: { status?: unknown } };
    args?: { status?: unknown };
    state?: { auth?: AuthLike };
  };
  // REST policy contexts copy the Koa context's own fields only: the query lives on `request`.
  const status = context.args?.status ?? context.request?.query?.status;
  if (asksForDrafts(status) && !mayReadDrafts(context.state?.auth)) {
    throw new errors.PolicyError('Drafts are not available through the public API; ask for published content.', {
      policy: 'published-only',
    });
  }
  return true;
};

export default publishedOnly;
