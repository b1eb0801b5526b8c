/**
 * The outbox of articles whose prepared lists are to be ranked again: written in the publish's
 * transaction, so a crash loses none. Several processes work it at once: each claims a batch for
 * a while (on PostgreSQL with FOR UPDATE SKIP LOCKED, so two never wait on or take the same
 * rows; SQLite has one writer at a time), and the claims of a process that died run out.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { TABLES } from './schema';
import { numeric, rawRows, type Sql } from './sql';

export type QueuedArticle = { documentId: string; queuedAt: number };

const claimedRow = z.object({ document_id: z.string(), queued_at: numeric });

export function createQueue({ table, qualified, inTransaction, isPostgres }: Sql) {
  const releaseClaim = (trx: Knex.Transaction, worker: string, documentIds?: string[]) => {
    const mine = table(trx, TABLES.pending).where({ claimed_by: worker });
    return (documentIds ? mine.whereIn('document_id', documentIds) : mine).update({ claimed_by: null, claimed_until: null });
  };

  return {
    async enqueue(documentIds: string[]): Promise<void> {
      if (documentIds.length === 0) return;
      await inTransaction(async (trx) => {
        const queuedAt = Date.now();
        // A claim on an earlier entry stands: its process finishes, sees the entry newer, and lets it go again.
        await table(trx, TABLES.pending)
          .insert([...new Set(documentIds)].map((documentId) => ({ document_id: documentId, queued_at: queuedAt })))
          .onConflict('document_id')
          .merge(['queued_at']);
      });
    },

    /** Takes up to `size` unclaimed (or abandoned) entries, oldest first, for `leaseMs`. */
    async claimBatch(size: number, worker: string, leaseMs: number): Promise<QueuedArticle[]> {
      return inTransaction(async (trx) => {
        const now = Date.now();
        const skipLocked = isPostgres() ? 'for update skip locked' : '';
        const result: unknown = await trx.raw(
          `update ?? set claimed_by = ?, claimed_until = ?
           where document_id in (
             select document_id from ?? where claimed_until is null or claimed_until < ?
             order by queued_at limit ? ${skipLocked})
           returning document_id, queued_at`,
          [qualified(TABLES.pending), worker, now + leaseMs, qualified(TABLES.pending), now, size],
        );
        return rawRows
          .parse(result)
          .map((row) => claimedRow.parse(row))
          .map((row) => ({ documentId: row.document_id, queuedAt: row.queued_at }))
          .sort((a, b) => a.queuedAt - b.queuedAt);
      });
    },

    /**
     * Done with an entry: removes it, unless it was queued again meanwhile; then the claim is let go,
     * so the newer entry is worked after this one, never beside it. True when it was removed.
     */
    async dequeue(documentId: string, queuedAt: number, worker: string): Promise<boolean> {
      return inTransaction(async (trx) => {
        const removed = await table(trx, TABLES.pending).where({ document_id: documentId }).andWhere('queued_at', '<=', queuedAt).delete();
        if (removed === 0) await releaseClaim(trx, worker, [documentId]);
        return removed > 0;
      });
    },

    /** Lets go of a process's claims (it is stopping): other processes take them at once. */
    async releaseClaims(worker: string, documentIds?: string[]): Promise<void> {
      await inTransaction((trx) => releaseClaim(trx, worker, documentIds));
    },

    async hasPending(): Promise<boolean> {
      return inTransaction(async (trx) => Boolean(await table(trx, TABLES.pending).first('document_id')));
    },
  };
}
