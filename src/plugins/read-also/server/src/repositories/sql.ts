/** What every repository needs of the database: the schema-qualified table, Strapi's transaction, bulk inserts. */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { z } from 'zod';

/** A number as drivers return it: PostgreSQL's bigint and numeric come back as strings. */
export const numeric = z.union([z.number(), z.string()]).transform(Number);

/** knex's raw result: PostgreSQL's has rows, SQLite's is them. */
export const rawRows = z.union([z.array(z.unknown()), z.object({ rows: z.array(z.unknown()) }).transform((result) => result.rows)]);

/** Keeps IN lists well under SQLite's bound-parameter limit. */
export const CHUNK = 500;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export function createSql(strapi: Core.Strapi) {
  const schema = () => strapi.db.getSchemaName();
  const qualified = (name: string) => (schema() ? `${schema()}.${name}` : name);
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const table = (trx: Knex, name: string) => (schema() ? trx(name).withSchema(schema() as string) : trx(name));

  /** Runs in Strapi's current transaction, so the work commits or rolls back with the write that caused it. */
  const inTransaction = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    (await strapi.db.transaction(({ trx }) => work(trx as Knex.Transaction))) as T;

  /**
   * One statement: in the current transaction if there is one, else on its own, without the
   * round trips of a BEGIN and a COMMIT (a suggestions read answered from memory makes one query).
   */
  const statement = async <T>(work: (db: Knex) => Promise<T>): Promise<T> =>
    strapi.db.inTransaction() ? inTransaction(work) : work(strapi.db.connection);

  /**
   * Many rows in few statements. Knex writes a multi-row insert for SQLite as `SELECT … UNION ALL`,
   * capped at 500 rows and slow to parse; a plain multi-row VALUES list is what SQLite reads fastest.
   * PostgreSQL takes one array per column through `unnest`: a handful of parameters, however many rows.
   */
  async function bulkInsert(trx: Knex.Transaction, name: string, rows: Record<string, unknown>[]) {
    if (rows.length === 0) return;
    const target = qualified(name);
    if (isPostgres()) {
      // A column null in every row is left out (it is nullable, and an all-null array has no type).
      const typed = Object.keys(rows[0]).flatMap((column) => {
        const sample = rows.find((row) => row[column] !== null && row[column] !== undefined)?.[column];
        if (sample === undefined) return [];
        return [{ column, type: typeof sample === 'boolean' ? 'boolean' : typeof sample === 'number' ? 'float8' : 'text' }];
      });
      for (const batch of chunks(rows, 20_000)) {
        await trx.raw(
          `insert into ?? (${typed.map(() => '??').join(', ')}) select * from unnest(${typed.map(({ type }) => `?::${type}[]`).join(', ')})`,
          [target, ...typed.map(({ column }) => column), ...typed.map(({ column }) => batch.map((row) => row[column] ?? null))],
        );
      }
      return;
    }
    const columns = Object.keys(rows[0]);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    // Well under SQLite's 32,766 bound parameters per statement.
    const perStatement = Math.max(1, Math.floor(8000 / columns.length));
    for (const batch of chunks(rows, perStatement)) {
      await trx.raw(`insert into ?? (${columns.map(() => '??').join(', ')}) values ${batch.map(() => tuple).join(', ')}`, [
        target,
        ...columns,
        ...batch.flatMap((row) => columns.map((column) => row[column] ?? null)),
      ]);
    }
  }

  /**
   * Lets one transaction at a time through on PostgreSQL, across processes, until it ends
   * (SQLite lets one writer in at a time anyway). Named per schema, so test schemas never wait on each other.
   */
  async function serialize(trx: Knex.Transaction, name: string) {
    if (isPostgres()) await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [qualified(`read_also:${name}`)]);
  }

  /** Locks the rows a query finds until the transaction ends, on PostgreSQL (SQLite has one writer at a time). */
  const forUpdate = <Q extends Knex.QueryBuilder>(query: Q): Q => (isPostgres() ? (query.forUpdate() as Q) : query);

  return { qualified, table, inTransaction, statement, bulkInsert, isPostgres, serialize, forUpdate };
}

export type Sql = ReturnType<typeof createSql>;
