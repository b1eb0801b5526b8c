/** The outbox of articles whose prepared lists are to be ranked again: written in the publish's transaction, so a crash loses none. */
import { TABLES } from './schema';
import type { Sql } from './sql';

export function createQueue({ table, inTransaction }: Sql) {
  return {
    async enqueue(documentIds: string[]): Promise<void> {
      if (documentIds.length === 0) return;
      await inTransaction(async (trx) => {
        const queuedAt = Date.now();
        await table(trx, TABLES.pending)
          .insert([...new Set(documentIds)].map((documentId) => ({ document_id: documentId, queued_at: queuedAt })))
          .onConflict('document_id')
          .merge();
      });
    },

    async pendingBatch(size: number): Promise<{ documentId: string; queuedAt: number }[]> {
      return inTransaction(async (trx) =>
        (
          (await table(trx, TABLES.pending).orderBy('queued_at', 'asc').limit(size).select()) as {
            document_id: string;
            queued_at: number | string;
          }[]
        ).map((row) => ({ documentId: row.document_id, queuedAt: Number(row.queued_at) })),
      );
    },

    /** Done with a pending article, unless it was queued again meanwhile. */
    async dequeue(documentId: string, queuedAt: number): Promise<void> {
      await inTransaction(async (trx) => {
        await table(trx, TABLES.pending).where({ document_id: documentId }).andWhere('queued_at', '<=', queuedAt).delete();
      });
    },

    async hasPending(): Promise<boolean> {
      return inTransaction(async (trx) => Boolean(await table(trx, TABLES.pending).first('document_id')));
    },
  };
}
