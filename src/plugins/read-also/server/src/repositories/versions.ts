/**
 * The archive's version: one counter, bumped in the transaction of every write that can change
 * a ranking (a publish, an unpublish, a renamed person, a reindex). An answer cached under an
 * older version is never served; the counter lives in the database, so every process sees it.
 */
import { z } from 'zod';
import { TABLES } from './schema';
import type { Sql } from './sql';

const ARCHIVE = 'archive';
const count = z.union([z.number(), z.string()]).transform(Number);
const readingRow = z.object({ pending: z.string().nullable(), documents: count.nullable(), version: count.nullable() });

/** What a read checks before a prepared list may answer: whether a publish is queued, the locale's size, the archive's version. */
export type ReadingState = { pending: boolean; documents: number; version: number };

export function createVersions({ table, inTransaction }: Sql) {
  return {
    /** The three in one round trip: a suggestions read costs about what a plain article read does. */
    async readingState(locale: string): Promise<ReadingState> {
      return inTransaction(async (trx) => {
        const [row]: unknown[] = await trx.select(
          table(trx, TABLES.pending).select('document_id').limit(1).as('pending'),
          table(trx, TABLES.corpus).where({ locale }).select('documents').as('documents'),
          table(trx, TABLES.versions).where({ scope: ARCHIVE }).select('version').as('version'),
        );
        const state = readingRow.parse(row);
        return { pending: state.pending !== null, documents: state.documents ?? 0, version: state.version ?? 0 };
      });
    },

    async bumpArchiveVersion(): Promise<void> {
      await inTransaction(async (trx) => {
        await table(trx, TABLES.versions)
          .insert({ scope: ARCHIVE, version: 1 })
          .onConflict('scope')
          .merge({ version: trx.raw('?? + 1', [`${TABLES.versions}.version`]) });
      });
    },
  };
}
