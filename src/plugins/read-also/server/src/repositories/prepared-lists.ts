/** Prepared lists: each article's best candidates, ranked before any read asks, one row per member. */
import type { Knex } from 'knex';
import { z } from 'zod';
import { byDocumentId } from '../scoring/order';
import { TABLES } from './schema';
import { chunks, numeric, type Sql } from './sql';

export type PreparedMember = { documentId: string; score: number };

/** An article's best candidates as ranked when it (or a neighbour) was last published, before editorial filtering. */
export type PreparedList = {
  documentId: string;
  locale: string;
  /** Best first, with the score they had then; a read scores them again, so what it says is current. */
  members: PreparedMember[];
  /** True when the ranking found fewer candidates than the list holds: there is nothing further down. */
  exhausted: boolean;
};

const listRow = z.object({ exhausted: z.union([z.boolean(), z.number()]).transform(Boolean) });
const memberRow = z.object({ target_id: z.string(), score: numeric });

export function createPreparedLists({ table, inTransaction, bulkInsert, forUpdate }: Sql) {
  /**
   * Each write to a list holds its row first: two processes offering to one neighbour's list
   * would otherwise both read it, and the second would lose the first's member or collide with its rows.
   */
  async function lockLists(trx: Knex.Transaction, lists: { documentId: string; locale: string }[]) {
    const keys = [...new Map(lists.map((list) => [JSON.stringify([list.documentId, list.locale]), list])).values()];
    // In one order, so that two writers of several lists never wait on each other.
    keys.sort((a, b) => byDocumentId(a.documentId, b.documentId) || byDocumentId(a.locale, b.locale));
    for (const { documentId, locale } of keys)
      await forUpdate(table(trx, TABLES.lists).where({ document_id: documentId, locale }).select('locale'));
  }

  async function readPrepared(trx: Knex.Transaction, documentId: string, locale: string): Promise<PreparedList | null> {
    const list: unknown = await table(trx, TABLES.lists).where({ document_id: documentId, locale }).first('exhausted');
    if (!list) return null;
    const rows: unknown[] = await table(trx, TABLES.ranked)
      .where({ document_id: documentId, locale })
      .orderBy('position', 'asc')
      .select('target_id', 'score');
    return {
      documentId,
      locale,
      exhausted: listRow.parse(list).exhausted,
      members: rows.map((row) => memberRow.parse(row)).map((row) => ({ documentId: row.target_id, score: row.score })),
    };
  }

  async function writePrepared(trx: Knex.Transaction, lists: PreparedList[], replace = true) {
    for (const batch of chunks(lists, 200)) {
      if (replace) {
        await lockLists(trx, batch);
        for (const list of batch) await table(trx, TABLES.ranked).where({ document_id: list.documentId, locale: list.locale }).delete();
      }
      await table(trx, TABLES.lists)
        .insert(
          batch.map((list) => ({ document_id: list.documentId, locale: list.locale, exhausted: list.exhausted, computed_at: Date.now() })),
        )
        .onConflict(['document_id', 'locale'])
        .merge();
      const rows = batch.flatMap((list) =>
        list.members.map((member, position) => ({
          document_id: list.documentId,
          locale: list.locale,
          position,
          target_id: member.documentId,
          score: member.score,
        })),
      );
      await bulkInsert(trx, TABLES.ranked, rows);
    }
  }

  return {
    async preparedList(documentId: string, locale: string): Promise<PreparedList | null> {
      return inTransaction((trx) => readPrepared(trx, documentId, locale));
    },

    /** Saves lists; `replace: false` skips removing old rows (a reindex, right after clearAll). */
    async savePreparedLists(lists: PreparedList[], options: { replace?: boolean } = {}): Promise<void> {
      await inTransaction((trx) => writePrepared(trx, lists, options.replace ?? true));
    },

    /**
     * Puts one member into a source's prepared list at its rank (replacing an older entry for
     * the same target), keeping at most `capacity`. Returns false when the source has no list.
     */
    async offer(documentId: string, locale: string, member: PreparedMember, capacity: number): Promise<boolean> {
      return inTransaction(async (trx) => {
        await lockLists(trx, [{ documentId, locale }]);
        const list = await readPrepared(trx, documentId, locale);
        if (!list) return false;
        const others = list.members.filter((entry) => entry.documentId !== member.documentId);
        const merged = [...others, member].sort((a, b) => b.score - a.score || byDocumentId(a.documentId, b.documentId));
        await writePrepared(trx, [{ ...list, members: merged.slice(0, capacity), exhausted: list.exhausted && merged.length <= capacity }]);
        return true;
      });
    },

    /** The prepared lists a target is in. */
    async listsContaining(targetId: string): Promise<{ documentId: string; locale: string }[]> {
      return inTransaction(async (trx) =>
        (
          (await table(trx, TABLES.ranked).where({ target_id: targetId }).select('document_id', 'locale')) as {
            document_id: string;
            locale: string;
          }[]
        ).map((row) => ({ documentId: row.document_id, locale: row.locale })),
      );
    },

    /** Takes a target out of one source's prepared list (it no longer matches, or left the archive). */
    async withdraw(documentId: string, locale: string, targetId: string): Promise<void> {
      await inTransaction(async (trx) => {
        await lockLists(trx, [{ documentId, locale }]);
        const list = await readPrepared(trx, documentId, locale);
        if (!list || !list.members.some((entry) => entry.documentId === targetId)) return;
        const members = list.members.filter((entry) => entry.documentId !== targetId);
        // A list cut at capacity may now miss the next candidate down: a read asking for more than it holds ranks live.
        await writePrepared(trx, [{ ...list, members }]);
      });
    },

    async preparedLocales(documentId: string): Promise<string[]> {
      return inTransaction(async (trx) =>
        ((await table(trx, TABLES.lists).where({ document_id: documentId }).select('locale')) as { locale: string }[]).map(
          (row) => row.locale,
        ),
      );
    },

    async dropPreparedList(documentId: string, locale?: string): Promise<void> {
      await inTransaction(async (trx) => {
        await forUpdate(
          table(trx, TABLES.lists)
            .where({ document_id: documentId, ...(locale ? { locale } : {}) })
            .orderBy('locale')
            .select('locale'),
        );
        for (const name of [TABLES.ranked, TABLES.lists]) {
          await table(trx, name)
            .where({ document_id: documentId, ...(locale ? { locale } : {}) })
            .delete();
        }
      });
    },
  };
}
