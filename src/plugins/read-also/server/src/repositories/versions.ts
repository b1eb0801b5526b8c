/**
 * Two counters, bumped in the transaction of every write an answer kept in memory depends on: the
 * archive's (a publish, an unpublish, a renamed person, a reindex: what a ranking scores) and the
 * editors' (a rejection, any write to an article's links: what a read leaves out). Nothing kept
 * under an older version is served; the counters live in the database, so every process sees them.
 */
import { z } from 'zod';
import { TABLES } from './schema';
import { numeric, type Sql } from './sql';

const ARCHIVE = 'archive';
const EDITORIAL = 'editorial';
const readingRow = z.object({
  pending: z.string().nullable(),
  documents: numeric.nullable(),
  version: numeric.nullable(),
  editorial: numeric.nullable(),
});

/**
 * What a read checks before a prepared list may answer: whether a publish is queued, the locale's
 * size, and the versions of the archive and of editors' decisions.
 */
export type ReadingState = { pending: boolean; documents: number; version: number; editorial: number };

export function createVersions({ table, inTransaction, statement }: Sql) {
  const bump = (scope: string) =>
    inTransaction(async (trx) => {
      await table(trx, TABLES.versions)
        .insert({ scope, version: 1 })
        .onConflict('scope')
        .merge({ version: trx.raw('?? + 1', [`${TABLES.versions}.version`]) });
    });

  return {
    /** All four in one statement: a suggestions read costs about what a plain article read does. */
    async readingState(locale: string): Promise<ReadingState> {
      return statement(async (db) => {
        const [row]: unknown[] = await db.select(
          table(db, TABLES.pending).select('document_id').limit(1).as('pending'),
          table(db, TABLES.corpus).where({ locale }).select('documents').as('documents'),
          table(db, TABLES.versions).where({ scope: ARCHIVE }).select('version').as('version'),
          table(db, TABLES.versions).where({ scope: EDITORIAL }).select('version').as('editorial'),
        );
        const state = readingRow.parse(row);
        return {
          pending: state.pending !== null,
          documents: state.documents ?? 0,
          version: state.version ?? 0,
          editorial: state.editorial ?? 0,
        };
      });
    },

    async bumpArchiveVersion(): Promise<void> {
      await bump(ARCHIVE);
    },

    async bumpEditorialVersion(): Promise<void> {
      await bump(EDITORIAL);
    },
  };
}
