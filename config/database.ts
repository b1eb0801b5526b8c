import path from 'node:path';
import type { Core } from '@strapi/strapi';

type DatabaseClient = 'sqlite' | 'postgres';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite') as DatabaseClient;
  const acquireConnectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (client === 'postgres') {
    const connectionString = env('DATABASE_URL', '');
    return {
      connection: {
        client: 'postgres',
        connection: {
          ...(connectionString ? { connectionString } : {}),
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'newsdesk'),
          user: env('DATABASE_USERNAME', 'postgres'),
          password: env('DATABASE_PASSWORD', ''),
          schema: env('DATABASE_SCHEMA', 'public'),
          ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout,
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}".`);
  }
  const sqliteCacheMb = env.int('DATABASE_SQLITE_CACHE_MB', 64);
  if (!Number.isInteger(sqliteCacheMb) || sqliteCacheMb < 1) {
    throw new Error(`DATABASE_SQLITE_CACHE_MB must be a whole number of megabytes (at least 1), got "${env('DATABASE_SQLITE_CACHE_MB')}".`);
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        // path.resolve keeps an absolute DATABASE_FILENAME (tests use throw-away files) as it is.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      acquireConnectionTimeout,
      pool: {
        // SQLite's default page cache is 2 MB: past a few thousand articles every index write and
        // lookup would read its pages from the file again. Strapi runs its own setup first.
        afterCreate(connection: unknown, done: (error?: Error, connection?: unknown) => void) {
          (connection as { pragma(statement: string): unknown }).pragma(`cache_size = -${sqliteCacheMb * 1024}`);
          done(undefined, connection);
        },
      },
    },
  };
};

export default config;
