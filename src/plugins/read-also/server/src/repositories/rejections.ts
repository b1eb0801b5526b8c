/** Editors' rejections: per article and locale, the targets never to suggest again. A reindex keeps them. */
import { TABLES } from './schema';
import type { Sql } from './sql';

export function createRejections({ table, inTransaction }: Sql) {
  return {
    async rejectedTargets(documentId: string, locale: string): Promise<string[]> {
      return inTransaction(async (trx) =>
        (
          (await table(trx, TABLES.rejections).where({ document_id: documentId, locale }).select('target_id')) as { target_id: string }[]
        ).map((row) => row.target_id),
      );
    },

    async reject(documentId: string, locale: string, targetId: string, userId: number | null): Promise<void> {
      await inTransaction(async (trx) => {
        await table(trx, TABLES.rejections)
          .insert({ document_id: documentId, locale, target_id: targetId, rejected_by: userId, rejected_at: Date.now() })
          .onConflict(['document_id', 'locale', 'target_id'])
          .ignore();
      });
    },
  };
}
