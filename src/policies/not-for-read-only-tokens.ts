import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { apiTokenType, requestAuth, type AuthLike } from '../lib/auth';

/**
 * Strapi lets a read-only API token call every content-API route whose action ends in
 * "find" or "findOne", which includes users-permissions' /api/users and roles. A read-only
 * token is a frontend's key, often shipped to places we do not control: it must read
 * published content, never the list of readers and their e-mail addresses.
 */
export function isReadOnlyToken(auth: AuthLike | undefined): boolean {
  return apiTokenType(auth) === 'read-only';
}

const notForReadOnlyTokens: Core.PolicyHandler = (policyContext) => {
  const auth = requestAuth(policyContext);
  if (isReadOnlyToken(auth)) {
    throw new errors.PolicyError('Read-only API tokens may not read user accounts or roles.', { policy: 'not-for-read-only-tokens' });
  }
  return true;
};

export default notForReadOnlyTokens;
