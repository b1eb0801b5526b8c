import { asksForDrafts, mayReadDrafts } from '../../src/policies/published-only';

test('any status but published asks for drafts', () => {
  expect(asksForDrafts('draft')).toBe(true);
  expect(asksForDrafts('DRAFT')).toBe(true);
  expect(asksForDrafts('anything')).toBe(true);
  expect(asksForDrafts('published')).toBe(false);
  expect(asksForDrafts(undefined)).toBe(false);
});

test('only a full-access API token may read drafts', () => {
  expect(mayReadDrafts({ strategy: { name: 'api-token' }, credentials: { type: 'full-access' } })).toBe(true);
  expect(mayReadDrafts({ strategy: { name: 'api-token' }, credentials: { type: 'read-only' } })).toBe(false);
  expect(mayReadDrafts({ strategy: { name: 'users-permissions' }, credentials: null })).toBe(false);
  expect(mayReadDrafts(undefined)).toBe(false);
});
