import Database from 'better-sqlite3';
import { env } from '@strapi/utils';
import databaseConfig from '../../../config/database';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function sqliteConfig(variables: Record<string, string>) {
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', ...variables });
  return databaseConfig({ env } as never) as unknown as {
    connection: { pool: { afterCreate(connection: unknown, done: (error?: Error, connection?: unknown) => void): void } };
  };
}

test('each SQLite connection gets the page cache set by DATABASE_SQLITE_CACHE_MB, then goes back to the pool', () => {
  const config = sqliteConfig({ DATABASE_SQLITE_CACHE_MB: '48' });
  const connection = new Database(':memory:');
  const done = jest.fn();
  config.connection.pool.afterCreate(connection, done);
  expect(connection.pragma('cache_size', { simple: true })).toBe(-48 * 1024);
  expect(done).toHaveBeenCalledWith(undefined, connection);
  connection.close();
});

test('without DATABASE_SQLITE_CACHE_MB, SQLite gets 64 MB rather than its own 2 MB', () => {
  delete process.env.DATABASE_SQLITE_CACHE_MB;
  const config = sqliteConfig({});
  const connection = new Database(':memory:');
  config.connection.pool.afterCreate(connection, () => undefined);
  expect(connection.pragma('cache_size', { simple: true })).toBe(-64 * 1024);
  connection.close();
});

test.each(['0', '-5', 'lots'])('DATABASE_SQLITE_CACHE_MB=%s is refused at start-up, naming the variable', (value) => {
  expect(() => sqliteConfig({ DATABASE_SQLITE_CACHE_MB: value })).toThrow(/DATABASE_SQLITE_CACHE_MB/);
});
