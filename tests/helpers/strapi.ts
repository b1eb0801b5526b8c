import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import { loadCompiledStrapi } from '../../scripts/lib/strapi';
import { APP_DIR, applyTestEnvironment, testDatabaseClient } from './environment';
import { overrideEnvironment } from './environment-override';

export type Throwaway = { drop(): Promise<void> };

export type TestApp = {
  strapi: Core.Strapi;
  /** The HTTP server to hand to supertest. */
  server: Core.Strapi['server']['httpServer'];
  database: Throwaway;
  /** Destroys Strapi and, unless kept for a restart, the database. */
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
};

function postgresConnection() {
  return {
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: process.env.DATABASE_NAME ?? 'test',
  };
}

/** A database no other test file or run sees: a SQLite file under .tmp/, or a PostgreSQL schema. */
async function createThrowawayDatabase(): Promise<Throwaway> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (testDatabaseClient() === 'sqlite') {
    const file = path.join(APP_DIR, '.tmp', 'test', `${name}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    process.env.DATABASE_FILENAME = file;
    return {
      async drop() {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  const connection = postgresConnection();
  const admin = new Client(connection);
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${name}"`);
  await admin.end();
  Object.assign(process.env, {
    DATABASE_HOST: connection.host,
    DATABASE_PORT: String(connection.port),
    DATABASE_USERNAME: connection.user,
    DATABASE_NAME: connection.database,
    DATABASE_SCHEMA: name,
  });
  return {
    async drop() {
      const client = new Client(connection);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await client.end();
    },
  };
}

/**
 * Boots one real Strapi on a throw-away database, or on `reuse` (the database of an
 * app stopped with keepDatabase, to test what survives a restart). `environment` is set
 * on top of the test settings (e.g. NODE_ENV=production) and restored by stop().
 */
export async function startTestApp(
  options: { reuse?: Throwaway; environment?: Record<string, string | undefined> } = {},
): Promise<TestApp> {
  if (!options.reuse) applyTestEnvironment();
  const restoreEnvironment = overrideEnvironment(options.environment ?? {});
  const database = options.reuse ?? (await createThrowawayDatabase());
  let strapi: Core.Strapi;
  try {
    strapi = await loadCompiledStrapi(APP_DIR);
    await strapi.server.mount();
  } catch (error) {
    restoreEnvironment();
    if (!options.reuse) await database.drop();
    throw error;
  }
  return {
    strapi,
    server: strapi.server.httpServer,
    database,
    async stop(stopOptions = {}) {
      try {
        await strapi.destroy();
        if (!stopOptions.keepDatabase) await database.drop();
      } finally {
        restoreEnvironment();
      }
    },
  };
}
