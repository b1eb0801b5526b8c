/** The plugin's own tables: their names, their shape, and the upkeep a full reindex needs (posting indexes, statistics). */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PLUGIN_ID } from '../../../shared/constants';
import type { Sql } from './sql';

/** Bumped when the tables change shape: bootstrap then rebuilds them and reindexes. */
export const SCHEMA_VERSION = 7;

export const TABLES = {
  profiles: 'read_also_profiles',
  postings: 'read_also_postings',
  /**
   * Terms whose weakest postings a reindex left out, and the strongest impact left out: a term's
   * top postings are exact while enough stored ones are stronger than that (see keepPostingsExact).
   */
  pruned: 'read_also_pruned_terms',
  people: 'read_also_people',
  terms: 'read_also_term_stats',
  corpus: 'read_also_corpus',
  rejections: 'read_also_rejections',
  /** One row per suggestion of a prepared list, so a target leaving the archive is one indexed delete. */
  ranked: 'read_also_ranked',
  /** One row per prepared list: its presence says the list is there, even when it is empty. */
  lists: 'read_also_ranked_lists',
  /** Articles whose lists (and their neighbours') are to be prepared again: an outbox that survives a crash. */
  pending: 'read_also_pending',
  /** A reindex's ranking in pages of articles, each taken by one process at a time (see reindex-pages.ts). */
  reindexPages: 'read_also_reindex_pages',
  /** Counters bumped by every write a cached answer may depend on; never emptied, so a version never comes back. */
  versions: 'read_also_versions',
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES];

/** Every table a schema change rebuilds and a reindex empties: all but editors' rejections and the version counters. */
export const DERIVED_TABLES = Object.values(TABLES).filter((name) => name !== TABLES.rejections && name !== TABLES.versions);

type Column = {
  type: 'string' | 'text' | 'integer' | 'bigInteger' | 'double' | 'boolean';
  /** For strings. */
  length?: number;
  nullable?: true;
  /** A one-column primary key. */
  primary?: true;
};
type TableShape = { columns: Record<string, Column>; primary?: string[]; indexes?: Record<string, string[]> };

const documentId: Column = { type: 'string', length: 64 };
const locale: Column = { type: 'string', length: 16 };
const term: Column = { type: 'string', length: 100 };
const text: Column = { type: 'text' };

/** Each table's columns, primary key and indexes (the postings' indexes are POSTING_INDEXES). */
const SHAPES: Record<TableName, TableShape> = {
  [TABLES.profiles]: {
    columns: {
      document_id: documentId,
      locale,
      title: text,
      slug: { type: 'string', length: 255, nullable: true },
      section: { type: 'string', length: 255, nullable: true },
      tags: text,
      people: text,
      speakers: text,
      story_time: { type: 'bigInteger', nullable: true },
      norm: { type: 'double' },
      terms: text,
      labels: text,
      indexed_at: { type: 'bigInteger' },
    },
    primary: ['document_id', 'locale'],
  },
  // No primary key: saveProfile replaces an article's rows whole, and two indexes are cheaper to write than three.
  [TABLES.postings]: {
    // impact: the term's share of the article's normalised vector, the candidate side of the cosine.
    columns: { locale, term, document_id: documentId, impact: { type: 'double' } },
  },
  [TABLES.pruned]: { columns: { locale, term, below: { type: 'double' } }, primary: ['locale', 'term'] },
  [TABLES.people]: {
    columns: { locale, person_id: documentId, document_id: documentId, quoted: { type: 'boolean' } },
    primary: ['locale', 'person_id', 'document_id'],
    indexes: { read_also_people_document: ['document_id', 'locale'] },
  },
  [TABLES.terms]: { columns: { locale, term, df: { type: 'integer' } }, primary: ['locale', 'term'] },
  [TABLES.corpus]: { columns: { locale: { ...locale, primary: true }, documents: { type: 'integer' } } },
  [TABLES.rejections]: {
    columns: {
      document_id: documentId,
      locale,
      target_id: documentId,
      rejected_by: { type: 'integer', nullable: true },
      rejected_at: { type: 'bigInteger' },
    },
    primary: ['document_id', 'locale', 'target_id'],
  },
  [TABLES.ranked]: {
    columns: { document_id: documentId, locale, position: { type: 'integer' }, target_id: documentId, score: { type: 'double' } },
    primary: ['document_id', 'locale', 'position'],
    indexes: { read_also_ranked_target: ['target_id'] },
  },
  [TABLES.lists]: {
    columns: { document_id: documentId, locale, exhausted: { type: 'boolean' }, computed_at: { type: 'bigInteger' } },
    primary: ['document_id', 'locale'],
  },
  [TABLES.pending]: {
    columns: {
      document_id: { ...documentId, primary: true },
      queued_at: { type: 'bigInteger' },
      // The process working on it, and until when: a process that dies leaves its work to others after that.
      claimed_by: { type: 'string', length: 100, nullable: true },
      claimed_until: { type: 'bigInteger', nullable: true },
    },
    indexes: { read_also_pending_queued: ['queued_at'] },
  },
  [TABLES.reindexPages]: {
    columns: {
      // Names the reindex the pages belong to: a process ranking from an older one's index takes none of a newer one's.
      run: { type: 'string', length: 64 },
      page: { type: 'integer', primary: true },
      first_document_id: documentId,
      first_locale: locale,
      end_document_id: { ...documentId, nullable: true },
      end_locale: { ...locale, nullable: true },
      claimed_by: { type: 'string', length: 100, nullable: true },
      claimed_until: { type: 'bigInteger', nullable: true },
      done: { type: 'boolean' },
    },
  },
  [TABLES.versions]: { columns: { scope: { type: 'string', length: 32, primary: true }, version: { type: 'bigInteger' } } },
};

const POSTING_INDEXES = {
  read_also_postings_strongest: ['locale', 'term', 'impact'],
  read_also_postings_document: ['document_id', 'locale'],
};

function define(shape: TableShape) {
  return (t: Knex.CreateTableBuilder) => {
    for (const [name, column] of Object.entries(shape.columns)) {
      const built = column.type === 'string' ? t.string(name, column.length) : t[column.type](name);
      if (column.primary) built.primary();
      else if (!column.nullable) built.notNullable();
    }
    if (shape.primary) t.primary(shape.primary);
    for (const [name, columns] of Object.entries(shape.indexes ?? {})) t.index(columns, name);
  };
}

export function createSchema(strapi: Core.Strapi, { qualified, table, inTransaction }: Sql) {
  async function createPostingIndexes() {
    for (const [name, columns] of Object.entries(POSTING_INDEXES)) {
      await strapi.db.connection.raw(`create index if not exists ?? on ?? (${columns.map(() => '??').join(', ')})`, [
        name,
        qualified(TABLES.postings),
        ...columns,
      ]);
    }
  }

  return {
    /** Creates the tables, or rebuilds them when their shape changed; returns true when a reindex is due. */
    async ensureTables(): Promise<boolean> {
      const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
      const version = (await store.get({ key: 'schema-version' })) as number | null;
      const rebuild = version !== SCHEMA_VERSION;
      if (rebuild) {
        for (const name of DERIVED_TABLES) await strapi.db.getSchemaConnection().dropTableIfExists(name);
      }
      for (const [name, shape] of Object.entries(SHAPES)) {
        // A knex schema builder accumulates statements: each call needs a fresh one.
        if (!(await strapi.db.getSchemaConnection().hasTable(name))) await strapi.db.getSchemaConnection().createTable(name, define(shape));
      }
      // Also after a reindex that stopped half-way, with its indexes dropped.
      await createPostingIndexes();
      if (rebuild) await store.set({ key: 'schema-version', value: SCHEMA_VERSION });
      return rebuild && version !== null;
    },

    /** For a full reindex: a B-tree built once from sorted rows is far cheaper than one kept up to date row by row. */
    async withoutPostingIndexes<T>(work: () => Promise<T>): Promise<T> {
      for (const name of Object.keys(POSTING_INDEXES)) await strapi.db.connection.raw('drop index if exists ??', [qualified(name)]);
      try {
        return await work();
      } finally {
        await createPostingIndexes();
      }
    },

    /**
     * After a reindex: PostgreSQL would plan the first reads from statistics of the empty tables.
     * SQLite keeps no statistics unless asked, and Strapi never asks.
     */
    async refreshPlannerStatistics(): Promise<void> {
      if (strapi.db.dialect.client !== 'postgres') return;
      for (const name of Object.values(TABLES)) await strapi.db.connection.raw('analyze ??', [qualified(name)]);
    },

    /** Empties everything a reindex rebuilds; editors' rejections stay. */
    async clearAll(): Promise<void> {
      await inTransaction(async (trx) => {
        for (const name of DERIVED_TABLES) await table(trx, name).delete();
      });
    },
  };
}
