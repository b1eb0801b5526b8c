import { randomBytes } from 'node:crypto';
/** Each secret Newsdesk needs, with how many random values a generated one joins by commas; scripts/ensure-env.js reads it too. */
import valuesPerSecret from './secret-names.json';

/**
 * Values shipped in .env.example (and Strapi's own template) that must never
 * reach production: a server started with one of them is as open as one with none.
 */
const EXAMPLE_SECRET_MARKERS = ['change-me', 'changeme', 'tobemodified'];

export type SecretName = keyof typeof valuesPerSecret;

function isSecretName(name: string): name is SecretName {
  return Object.hasOwn(valuesPerSecret, name);
}

export const SECRET_NAMES: readonly SecretName[] = Object.keys(valuesPerSecret).filter(isSecretName);

export function isExampleSecret(value: string): boolean {
  const lower = value.toLowerCase();
  return EXAMPLE_SECRET_MARKERS.some((marker) => lower.includes(marker));
}

export function generateSecret(name: SecretName): string {
  const one = () => randomBytes(16).toString('base64');
  return Array.from({ length: valuesPerSecret[name] }, one).join(',');
}

/** Names of the secrets that are missing or still hold an example value. */
export function unsafeSecrets(env: NodeJS.ProcessEnv): SecretName[] {
  return SECRET_NAMES.filter((name) => {
    const value = env[name]?.trim();
    return !value || isExampleSecret(value);
  });
}

const ephemeral = new Map<SecretName, string>();

/**
 * The secret from the environment. In production a missing or example value stops
 * start-up with the variables named. Elsewhere (tests, a bare `strapi develop`
 * without `npm run develop`, which writes .env first) a random per-process value
 * keeps the server usable; it simply does not survive a restart.
 */
export function secret(name: SecretName): string {
  const unsafe = unsafeSecrets(process.env);
  if (process.env.NODE_ENV === 'production' && unsafe.length > 0) {
    throw new Error(
      `Refusing to start in production: set real values for ${unsafe.join(', ')} ` +
        '(missing or still the example value from .env.example).',
    );
  }
  const value = process.env[name]?.trim();
  if (value) return value;
  if (!ephemeral.has(name)) ephemeral.set(name, generateSecret(name));
  return ephemeral.get(name) as string;
}

/** A full set of fresh secrets, for throw-away servers (tests, benchmarks). */
export function freshSecrets(): Record<SecretName, string> {
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, generateSecret(name)])) as Record<SecretName, string>;
}
