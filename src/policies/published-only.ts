import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { apiTokenType, type AuthLike } from '../lib/auth';

/**
 * Strapi 5 lets any client that may `find` a type ask for `status=draft` (REST) or
 * `status: DRAFT` (GraphQL). Unpublished stories can be under embargo, so only a
 * full-access API token (a trusted preview server) may read drafts.
 */
export function mayReadDrafts(auth: AuthLike | undefined): boolean {
  return apiTokenType(auth) === 'full-access';
}

/**
 * Strapi's Document Service reads every status that is not exactly "published" as
 * "draft": "PUBLISHED", an empty "status=", an array (`status[0]=draft`, a repeated
 * `status=`) or an object (`status[$eq]=draft`) all return drafts. So only no status at
 * all, or exactly "published", is a request for published content.
 */
export function asksForDrafts(status: unknown): boolean {
  return status !== undefined && status !== 'published';
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
