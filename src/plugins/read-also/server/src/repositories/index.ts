/**
 * The ranking state, in tables of the plugin's own on SQLite and PostgreSQL alike, one module per
 * table family. Every call runs in Strapi's current transaction, so indexing commits or rolls
 * back with the publish that caused it.
 */
import type { Core } from '@strapi/strapi';
import { createFollowUps } from './follow-ups';
import { createIndexStore } from './index-store';
import { createPreparedLists } from './prepared-lists';
import { createQueue } from './queue';
import { createRejections } from './rejections';
import { createReindexPages } from './reindex-pages';
import { createSchema } from './schema';
import { createSql } from './sql';
import { createVersions } from './versions';

export type { FollowUpPair, FollowUpSource } from './follow-ups';
export type { PreparedList, PreparedMember } from './prepared-lists';
export type { ReindexPage, ReindexPagesProgress } from './reindex-pages';
export type { ReadingState } from './versions';
export { SCHEMA_VERSION, TABLES } from './schema';

export const createRepository = ({ strapi }: { strapi: Core.Strapi }) => {
  const sql = createSql(strapi);
  return {
    ...createSchema(strapi, sql),
    ...createIndexStore(strapi, sql),
    ...createPreparedLists(sql),
    ...createQueue(sql),
    ...createRejections(sql),
    ...createReindexPages(sql),
    ...createFollowUps(sql),
    ...createVersions(sql),
  };
};

export type ReadAlsoRepository = ReturnType<typeof createRepository>;
