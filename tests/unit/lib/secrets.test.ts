import { generateSecret, isExampleSecret, secret, unsafeSecrets } from '../../../src/lib/secrets';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

test('example values from .env.example and Strapi templates are recognised', () => {
  expect(isExampleSecret('change-me')).toBe(true);
  expect(isExampleSecret('toBeModified1,toBeModified2')).toBe(true);
  expect(isExampleSecret(generateSecret('JWT_SECRET'))).toBe(false);
  expect(generateSecret('APP_KEYS').split(',')).toHaveLength(4);
});

test('production refuses missing or example secrets and names them', () => {
  process.env = {
    NODE_ENV: 'production',
    APP_KEYS: 'a,b',
    API_TOKEN_SALT: 'change-me',
    ADMIN_JWT_SECRET: 's',
    TRANSFER_TOKEN_SALT: 's',
    JWT_SECRET: 's',
  };
  expect(unsafeSecrets(process.env)).toEqual(['API_TOKEN_SALT', 'ENCRYPTION_KEY']);
  expect(() => secret('JWT_SECRET')).toThrow(/API_TOKEN_SALT, ENCRYPTION_KEY/);
});

test('outside production a missing secret gets a stable per-process value', () => {
  process.env = { NODE_ENV: 'development' };
  const first = secret('ADMIN_JWT_SECRET');
  expect(first).toHaveLength(24);
  expect(secret('ADMIN_JWT_SECRET')).toBe(first);
  process.env.ADMIN_JWT_SECRET = 'from-env';
  expect(secret('ADMIN_JWT_SECRET')).toBe('from-env');
});
