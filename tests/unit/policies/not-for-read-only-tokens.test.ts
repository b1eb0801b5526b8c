import { isReadOnlyToken } from '../../../src/policies/not-for-read-only-tokens';

test('only a read-only API token is kept away from user accounts', () => {
  expect(isReadOnlyToken({ strategy: { name: 'content-api-token' }, credentials: { type: 'read-only' } })).toBe(true);
  expect(isReadOnlyToken({ strategy: { name: 'content-api-token' }, credentials: { type: 'full-access' } })).toBe(false);
  expect(isReadOnlyToken({ strategy: { name: 'users-permissions' }, credentials: { type: 'read-only' } })).toBe(false);
  expect(isReadOnlyToken(undefined)).toBe(false);
});
