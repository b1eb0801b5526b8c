/**
 * Follow-ups read from the prepared lists: newer published articles that rank an older one
 * among their best. Both sides are profiles, so both are published; story times compare them.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { TABLES } from './schema';
import { numeric, type Sql } from './sql';

/** A newer article whose prepared list ranks the older one among its first `within`. */
export type FollowUpSource = { documentId: string; locale: string; storyTime: number };
/** The same, with the older article it follows up. */
export type FollowUpPair = FollowUpSource & { targetId: string };

const sourceRow = z.object({ document_id: z.string(), locale: z.string(), story_time: numeric });
const pairRow = sourceRow.extend({ target_id: z.string() });

export function createFollowUps({ qualified, inTransaction }: Sql) {
  /** Lists (r) ranking a target within their first positions, with their article (s) newer than the target (t). */
  const newerLists = (trx: Knex.Transaction, within: number) =>
    trx
      .from({ r: qualified(TABLES.ranked) })
      .join({ s: qualified(TABLES.profiles) }, function joinSource() {
        this.on('s.document_id', '=', 'r.document_id').andOn('s.locale', '=', 'r.locale');
      })
      .join({ t: qualified(TABLES.profiles) }, function joinTarget() {
        this.on('t.document_id', '=', 'r.target_id').andOn('t.locale', '=', 'r.locale');
      })
      .where('r.position', '<', within)
      .whereNotNull('s.story_time')
      .whereRaw('?? > ??', ['s.story_time', 't.story_time']);

  return {
    /** The newer articles (in the target's locale) that rank it within their first `within`, newest first. */
    async newerRanking(targetId: string, locale: string, within: number): Promise<FollowUpSource[]> {
      return inTransaction(async (trx) => {
        const rows: unknown[] = await newerLists(trx, within)
          .where({ 'r.target_id': targetId, 'r.locale': locale })
          .orderBy([{ column: 's.story_time', order: 'desc' }, 'r.document_id'])
          .select('r.document_id', 'r.locale', 's.story_time');
        return rows
          .map((row) => sourceRow.parse(row))
          .map((row) => ({ documentId: row.document_id, locale: row.locale, storyTime: row.story_time }));
      });
    },

    /** Every such pair whose newer article dates from `since` on, newest first. */
    async recentFollowUps(within: number, since: number): Promise<FollowUpPair[]> {
      return inTransaction(async (trx) => {
        const rows: unknown[] = await newerLists(trx, within)
          .where('s.story_time', '>=', since)
          .orderBy([{ column: 's.story_time', order: 'desc' }, 'r.document_id', 'r.target_id'])
          .select('r.document_id', 'r.locale', 'r.target_id', 's.story_time');
        return rows
          .map((row) => pairRow.parse(row))
          .map((row) => ({ documentId: row.document_id, locale: row.locale, storyTime: row.story_time, targetId: row.target_id }));
      });
    },
  };
}
