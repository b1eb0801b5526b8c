/** Strapi's articles as the ranking reads them: rows parsed at this edge into ArticleFacts. */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { ARTICLE, PERSON, QUOTE } from '../../../../../content-types';
import { blocksToText } from '../../../../../lib/blocks';
import type { ArticleFacts } from '../scoring/profile';

const POPULATE = {
  people: { select: ['documentId'] },
  quotes: { select: ['id'], populate: { speaker: { select: ['documentId'] }, speaksFor: { select: ['documentId'] } } },
};

const reference = z.object({ documentId: z.string() });
const time = z.union([z.string(), z.number(), z.date()]).nullish();
const articleRow = z.object({
  id: z.number(),
  documentId: z.string(),
  locale: z.string(),
  // A draft may lack what publishing requires.
  title: z.string().nullish(),
  slug: z.string().nullish(),
  standfirst: z.string().nullish(),
  body: z.unknown(),
  section: z.string().nullish(),
  tags: z.unknown(),
  storyPublishedAt: time,
  publishedAt: time,
  people: z.array(reference).nullish(),
  quotes: z.array(z.object({ speaker: reference.nullish(), speaksFor: reference.nullish() })).nullish(),
});
const articleRows = z.array(articleRow);

export function factsFromArticle(row: z.infer<typeof articleRow>): ArticleFacts {
  const time = row.storyPublishedAt ?? row.publishedAt;
  return {
    documentId: row.documentId,
    locale: row.locale,
    title: row.title ?? '',
    slug: row.slug ?? null,
    standfirst: row.standfirst ?? null,
    bodyText: blocksToText(row.body),
    section: row.section ?? null,
    tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
    people: (row.people ?? []).map((person) => person.documentId),
    speakers: (row.quotes ?? [])
      .flatMap((quote) => [quote.speaker?.documentId, quote.speaksFor?.documentId])
      .filter((id): id is string => Boolean(id)),
    storyTime: time ? new Date(time).getTime() : null,
  };
}

/** What the metadata says of a content type's tables: its own, and its relations' join tables. */
const tableMeta = z.object({
  tableName: z.string(),
  attributes: z.record(z.string(), z.object({ joinTable: z.object({ name: z.string() }).optional() }).passthrough()),
});

export function createArticleReader(strapi: Core.Strapi) {
  const published = { publishedAt: { $notNull: true } };
  return {
    /**
     * Before reading the whole archive: PostgreSQL plans POPULATE's joins from its statistics, which
     * a bulk import leaves out of date until autovacuum (when it is on) catches up; without them it
     * scans every join table for each page (measured: 0.6 s a query at 1M articles, against a few ms).
     */
    async refreshStatistics(): Promise<void> {
      if (strapi.db.dialect.client !== 'postgres') return;
      const schema = strapi.db.getSchemaName();
      const tables = new Set(
        [ARTICLE, QUOTE, PERSON].flatMap((uid) => {
          const meta = tableMeta.parse(strapi.db.metadata.get(uid));
          return [meta.tableName, ...Object.values(meta.attributes).flatMap((attribute) => attribute.joinTable?.name ?? [])];
        }),
      );
      for (const name of tables) await strapi.db.connection.raw('analyze ??', [schema ? `${schema}.${name}` : name]);
    },

    /** The article's published versions, or its drafts, in one locale or all. */
    async facts(documentId: string, { published: isPublished, locale }: { published: boolean; locale?: string }): Promise<ArticleFacts[]> {
      const rows = await strapi.db.query(ARTICLE).findMany({
        where: { documentId, publishedAt: isPublished ? { $notNull: true } : null, ...(locale ? { locale } : {}) },
        populate: POPULATE,
      });
      return articleRows.parse(rows).map(factsFromArticle);
    },

    async countPublished(): Promise<number> {
      return strapi.db.query(ARTICLE).count({ where: published });
    },

    /** A keyset page of published articles (after the last id), so the thousandth page costs what the first did. */
    async publishedPage(afterId: number, size: number): Promise<{ lastId: number; facts: ArticleFacts[] }> {
      const rows = articleRows.parse(
        await strapi.db
          .query(ARTICLE)
          .findMany({ where: { ...published, id: { $gt: afterId } }, populate: POPULATE, orderBy: { id: 'asc' }, limit: size }),
      );
      return { lastId: rows.length > 0 ? rows[rows.length - 1].id : afterId, facts: rows.map(factsFromArticle) };
    },
  };
}
