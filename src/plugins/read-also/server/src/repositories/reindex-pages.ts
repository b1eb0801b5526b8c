/**
 * A reindex's ranking, cut into pages of articles that any process sharing the database can take:
 * each page is claimed by one process at a time (FOR UPDATE SKIP LOCKED on PostgreSQL), its lists
 * saved and the page marked done in one transaction, so a page is done once even when the process
 * that held it dies; its claim then runs out and another process takes it.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { TABLES } from './schema';
import type { SourcePosition } from './index-store';
import { numeric, rawRows, type Sql } from './sql';

/** One page: the articles from `first` (inclusive) to `end` (exclusive; the archive's end when null), in (documentId, locale) order. */
export type ReindexPage = { run: string; position: number; first: SourcePosition; end: SourcePosition | null };

const pageRow = z.object({
  run: z.string(),
  page: numeric,
  first_document_id: z.string(),
  first_locale: z.string(),
  end_document_id: z.string().nullable(),
  end_locale: z.string().nullable(),
});
const pageOf = (row: z.infer<typeof pageRow>): ReindexPage => ({
  run: row.run,
  position: row.page,
  first: { documentId: row.first_document_id, locale: row.first_locale },
  end: row.end_document_id === null || row.end_locale === null ? null : { documentId: row.end_document_id, locale: row.end_locale },
});
const keyRow = z.object({ document_id: z.string(), locale: z.string() });
const countRow = z.object({ pages: numeric, done: numeric.nullable() });

export type ReindexPagesProgress = { pages: number; done: number };

export function createReindexPages({ table, qualified, inTransaction, isPostgres }: Sql) {
  const pages = (trx: Knex.Transaction) => table(trx, TABLES.reindexPages);

  return {
    /**
     * Cuts the indexed articles into pages of `size` for the reindex named `run`, replacing any
     * earlier plan. Returns how many pages there are.
     */
    async planReindexPages(run: string, size: number): Promise<number> {
      return inTransaction(async (trx) => {
        await pages(trx).delete();
        // Every size-th article in key order opens a page: one pass, numbered by the database.
        const result: unknown = await trx.raw(
          `select document_id, locale from (
             select document_id, locale, row_number() over (order by document_id, locale) as n from ??
           ) numbered where (n - 1) % ? = 0 order by n`,
          [qualified(TABLES.profiles), size],
        );
        const firsts = rawRows.parse(result).map((row) => keyRow.parse(row));
        const rows = firsts.map((first, position) => {
          const end = firsts[position + 1] ?? null;
          return {
            run,
            page: position,
            first_document_id: first.document_id,
            first_locale: first.locale,
            end_document_id: end?.document_id ?? null,
            end_locale: end?.locale ?? null,
            done: false,
          };
        });
        for (let start = 0; start < rows.length; start += 200) await pages(trx).insert(rows.slice(start, start + 200));
        return rows.length;
      });
    },

    /** The run whose pages are not all done, if any: what a process can help with. */
    async openReindexRun(): Promise<string | null> {
      return inTransaction(async (trx) => {
        const row = (await pages(trx).where({ done: false }).first('run')) as { run: string } | undefined;
        return row?.run ?? null;
      });
    },

    /** Takes the next page of `run` that nobody holds (or whose holder's claim ran out), for `leaseMs`. */
    async claimReindexPage(run: string, worker: string, leaseMs: number): Promise<ReindexPage | null> {
      return inTransaction(async (trx) => {
        const now = Date.now();
        const skipLocked = isPostgres() ? 'for update skip locked' : '';
        const result: unknown = await trx.raw(
          `update ?? set claimed_by = ?, claimed_until = ?
           where page in (
             select page from ?? where run = ? and not done and (claimed_until is null or claimed_until < ?)
             order by page limit 1 ${skipLocked})
           returning run, page, first_document_id, first_locale, end_document_id, end_locale`,
          [qualified(TABLES.reindexPages), worker, now + leaseMs, qualified(TABLES.reindexPages), run, now],
        );
        const [row] = rawRows.parse(result);
        return row ? pageOf(pageRow.parse(row)) : null;
      });
    },

    /**
     * Marks a page done, in the caller's transaction, if `worker` still holds it: false when its
     * claim ran out and another process took it (the caller's writes must then roll back).
     */
    async finishReindexPage(page: ReindexPage, worker: string): Promise<boolean> {
      return inTransaction(async (trx) => {
        const updated = await pages(trx)
          .where({ run: page.run, page: page.position, claimed_by: worker, done: false })
          .update({ done: true, claimed_until: null });
        return updated > 0;
      });
    },

    async reindexPagesProgress(run: string): Promise<ReindexPagesProgress> {
      return inTransaction(async (trx) => {
        const row: unknown = await pages(trx)
          .where({ run })
          .first(trx.raw('count(*) as pages'), trx.raw('sum(case when done then 1 else 0 end) as done'));
        const counts = countRow.parse(row);
        return { pages: counts.pages, done: counts.done ?? 0 };
      });
    },
  };
}
