import { asksForDrafts, mayReadDrafts } from '../../../src/policies/published-only';

test('any status but exactly "published" asks for drafts, as Strapi reads it', () => {
  expect(asksForDrafts('draft')).toBe(true);
  expect(asksForDrafts('DRAFT')).toBe(true);
  expect(asksForDrafts('anything')).toBe(true);
  expect(asksForDrafts('published')).toBe(false);
  expect(asksForDrafts(undefined)).toBe(false);
  // Query-string shapes that once slipped past a string-only check and returned drafts:
  expect(asksForDrafts('PUBLISHED')).toBe(true);
  expect(asksForDrafts('')).toBe(true);
  expect(asksForDrafts(null)).toBe(true);
  expect(asksForDrafts(['draft'])).toBe(true);
  expect(asksForDrafts(['published', 'draft'])).toBe(true);
  expect(asksForDrafts({ $eq: 'draft' })).toBe(true);
});

test('only a full-access API token may read drafts', () => {
  // Strapi 5.54's strategy name; "api-token" is the name earlier 5.x releases used.
  expect(mayReadDrafts({ strategy: { name: 'content-api-token' }, credentials: { type: 'full-access' } })).toBe(true);
  expect(mayReadDrafts({ strategy: { name: 'content-api-token' }, credentials: { type: 'read-only' } })).toBe(false);
  expect(mayReadDrafts({ strategy: { name: 'api-token' }, credentials: { type: 'full-access' } })).toBe(true);
  expect(mayReadDrafts({ strategy: { name: 'api-token' }, credentials: { type: 'read-only' } })).toBe(false);
  expect(mayReadDrafts({ strategy: { name: 'users-permissions' }, credentials: null })).toBe(false);
  expect(mayReadDrafts(undefined)).toBe(false);
});
