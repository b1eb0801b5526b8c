import { freshSecrets } from '../../src/lib/secrets';
import path from 'node:path';

export const APP_DIR = path.resolve(__dirname, '..', '..');

/** The settings every test Strapi shares; each test file adds its own database. */
export function applyTestEnvironment(): void {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.NODE_ENV = 'test';
  process.env.LOG_STARTUP = 'false';
  process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL ?? 'error';
  Object.assign(process.env, freshSecrets());
  process.env.SEED_ON_EMPTY = 'false';
}

export function testDatabaseClient(): 'sqlite' | 'postgres' {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client !== 'sqlite' && client !== 'postgres') throw new Error(`DATABASE_CLIENT=${client} is not supported`);
  return client;
}
