import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { apiTokenType, requestAuth, type AuthLike } from '../lib/auth';

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

/** The `status` argument of a GraphQL read: GraphQL policy contexts carry the resolver's `args`. */
function argsStatus(policyContext: object): unknown {
  const args = 'args' in policyContext ? policyContext.args : undefined;
  return typeof args === 'object' && args !== null && 'status' in args ? args.status : undefined;
}

const publishedOnly: Core.PolicyHandler = (policyContext) => {
  // REST policy contexts copy the Koa context's own fields only: the query lives on `request` (absent over GraphQL).
  const status = argsStatus(policyContext) ?? policyContext.request?.query?.status;
  if (asksForDrafts(status) && !mayReadDrafts(requestAuth(policyContext))) {
    throw new errors.PolicyError('Drafts are not available through the public API; ask for published content.', {
      policy: 'published-only',
    });
  }
  return true;
};

export default publishedOnly;
