/**
 * The archive's version: one counter, bumped in the transaction of every write that can change
 * a ranking (a publish, an unpublish, a renamed person, a reindex). An answer cached under an
 * older version is never served; the counter lives in the database, so every process sees it.
 */
import { z } from 'zod';
import { TABLES } from './schema';
import type { Sql } from './sql';

const ARCHIVE = 'archive';
const versionRow = z.object({ version: z.union([z.number(), z.string()]).transform(Number) });

export function createVersions({ table, inTransaction }: Sql) {
  return {
    async archiveVersion(): Promise<number> {
      return inTransaction(async (trx) => {
        const row: unknown = await table(trx, TABLES.versions).where({ scope: ARCHIVE }).first('version');
        return row ? versionRow.parse(row).version : 0;
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
