import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';

// Compiled to dist/scripts/lib: the app is three levels up.
export const APP_DIR = path.resolve(__dirname, '..', '..', '..');

/** Loads the compiled app (dist/) without the admin panel or file watching; the caller mounts HTTP if it needs it. */
export async function loadCompiledStrapi(appDir = APP_DIR): Promise<Core.Strapi> {
  return createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
}

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
  const strapi = await loadCompiledStrapi();
  try {
    return await task(strapi);
  } finally {
    await strapi.destroy();
  }
}
