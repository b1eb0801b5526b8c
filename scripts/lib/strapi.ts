import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';

// Compiled to dist/scripts/lib: the app is three levels up.
export const APP_DIR = path.resolve(__dirname, '..', '..', '..');

/**
 * Boots the app's compiled Strapi (scripts/run.js compiles first) for a command-line task, without the HTTP server,
 * and always shuts it down. The task decides the exit code.
 */
export async function withStrapi<T>(task: (strapi: Core.Strapi) => Promise<T>): Promise<T> {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL ?? 'warn';
  process.env.LOG_STARTUP = 'false';
  // The command does the seeding or importing itself.
  process.env.SEED_ON_EMPTY = 'false';
  const strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  try {
    return await task(strapi);
  } finally {
    await strapi.destroy();
  }
}
