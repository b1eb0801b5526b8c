import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';

// Compiled to dist/scripts/lib: the app is three levels up.
export const APP_DIR = path.resolve(__dirname, '..', '..', '..');

/** Loads the compiled app (dist/) without the admin panel or file watching; the caller mounts HTTP if it needs it. */
export async function loadCompiledStrapi(appDir = APP_DIR): Promise<Core.Strapi> {
  return createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
}

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Waits (at most `timeoutMs`) until no query holds or awaits a database connection.
 * Strapi starts some work in the background (on a new PostgreSQL database, right after
 * the first boot); destroying the pool under it rejects a pending acquire with "aborted",
 * an unhandled rejection that made a successful import exit 1.
 */
async function settleDatabase(strapi: Core.Strapi, timeoutMs = 10_000): Promise<void> {
  const pool = (strapi.db?.connection?.client as { pool?: Pool } | undefined)?.pool;
  if (!pool) return;
  const deadline = Date.now() + timeoutMs;
  let quietChecks = 0;
  // Two quiet looks in a row: work that a finished query schedules gets its turn too.
  while (Date.now() < deadline && quietChecks < 2) {
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
    quietChecks = busy ? 0 : quietChecks + 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
    const result = await task(strapi);
    // Publishes only queue their articles for read-also: index them before the command exits, as a server would.
    const preparer = strapi.plugin('read-also')?.service('preparer') as { idle(): Promise<void> } | undefined;
    await preparer?.idle();
    return result;
  } finally {
    await settleDatabase(strapi);
    await strapi.destroy();
  }
}
