/** What the content API knows about a request's credentials (ctx.state.auth), as far as Newsdesk's policies care. */
export type AuthLike = { strategy?: { name?: string }; credentials?: { type?: string } | null };

/**
 * Strapi 5.54 names its API-token strategy "content-api-token"; earlier 5.x releases said
 * "api-token". Both mean an API token, whose credentials carry its type.
 */
const API_TOKEN_STRATEGIES = ['content-api-token', 'api-token'];

/** The API token's type ("read-only", "full-access", "custom"), or null for any other caller. */
export function apiTokenType(auth: AuthLike | undefined): string | null {
  if (!auth?.strategy?.name || !API_TOKEN_STRATEGIES.includes(auth.strategy.name)) return null;
  return auth.credentials?.type ?? null;
}

/** The credentials of the request a policy checks (its context's `state.auth`), read without trusting its shape. */
export function requestAuth(policyContext: object): AuthLike | undefined {
  const state = 'state' in policyContext ? policyContext.state : undefined;
  return state !== null && typeof state === 'object' && 'auth' in state ? (state.auth as AuthLike | undefined) : undefined;
}
