/**
 * Bulk loading a synthetic archive through Strapi's query layer: published rows in
 * batches, relations written to the join tables Strapi's metadata names. Far faster
 * than the Document Service, and the rows are the ones the Document Service would write.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { SyntheticArticle } from './synthetic';
import { personName } from './synthetic';
import { ARTICLE, PERSON, QUOTE } from '../../src/content-types';

function documentId(): string {
  return randomBytes(18)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, 'x')
    .slice(0, 24);
}

type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };

function joinTable(strapi: Core.Strapi, uid: string, attribute: string): JoinTable {
  const meta = strapi.db.metadata.get(uid as never) as unknown as { attributes: Record<string, { joinTable?: JoinTable }> };
  const table = meta.attributes[attribute]?.joinTable;
  if (!table) throw new Error(`${uid}.${attribute} has no join table`);
  return table;
}

async function idsByDocumentId(strapi: Core.Strapi, uid: string, documentIds: string[]): Promise<Map<string, number>> {
  const rows = (await strapi.db.query(uid as never).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['id', 'documentId'],
  })) as unknown as { id: number; documentId: string }[];
  return new Map(rows.map((row) => [row.documentId, row.id]));
}

async function insertLinks(strapi: Core.Strapi, table: JoinTable, rows: [number, number][]) {
  for (let i = 0; i < rows.length; i += 500) {
    await strapi.db
      .getConnection(table.name)
      .insert(rows.slice(i, i + 500).map(([from, to]) => ({ [table.joinColumn.name]: from, [table.inverseJoinColumn.name]: to })));
  }
}

export async function loadPeople(strapi: Core.Strapi, count: number): Promise<{ ids: number[]; documentIds: string[] }> {
  const now = new Date();
  const documentIds = Array.from({ length: count }, documentId);
  const data = documentIds.map((id, index) => ({ documentId: id, name: personName(index), slug: `person-${index}`, publishedAt: now }));
  for (let i = 0; i < data.length; i += 500) await strapi.db.query(PERSON).createMany({ data: data.slice(i, i + 500) });
  const ids = await idsByDocumentId(strapi, PERSON, documentIds);
  return { ids: documentIds.map((id) => ids.get(id) as number), documentIds };
}

/** Loads a batch of published articles with their people and quotes; returns their documentIds. */
export async function loadArticles(strapi: Core.Strapi, articles: SyntheticArticle[], people: { ids: number[] }): Promise<string[]> {
  const now = new Date();
  const documentIds = articles.map(documentId);
  await strapi.db.query(ARTICLE).createMany({
    data: articles.map((article, index) => ({
      documentId: documentIds[index],
      locale: 'en',
      title: article.title,
      slug: `synthetic-${documentIds[index]}`,
      body: article.paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
      storyPublishedAt: new Date(article.storyTime),
      section: `Topic ${article.topic}`,
      publishedAt: now,
    })),
  });
  const articleIds = await idsByDocumentId(strapi, ARTICLE, documentIds);
  const mentions: [number, number][] = [];
  articles.forEach((article, index) => {
    for (const person of article.people) mentions.push([articleIds.get(documentIds[index]) as number, people.ids[person]]);
  });
  await insertLinks(strapi, joinTable(strapi, ARTICLE, 'people'), mentions);

  const quoted = articles.flatMap((article, index) => article.quotes.map((quote) => ({ quote, article: documentIds[index] })));
  if (quoted.length > 0) {
    const quoteDocumentIds = quoted.map(documentId);
    await strapi.db.query(QUOTE).createMany({
      data: quoted.map(({ quote }, index) => ({ documentId: quoteDocumentIds[index], text: quote.text, publishedAt: now })),
    });
    const quoteIds = await idsByDocumentId(strapi, QUOTE, quoteDocumentIds);
    await insertLinks(
      strapi,
      joinTable(strapi, QUOTE, 'article'),
      quoted.map(({ article }, index) => [quoteIds.get(quoteDocumentIds[index]) as number, articleIds.get(article) as number]),
    );
    await insertLinks(
      strapi,
      joinTable(strapi, QUOTE, 'speaker'),
      quoted.map(({ quote }, index) => [quoteIds.get(quoteDocumentIds[index]) as number, people.ids[quote.speaker]]),
    );
  }
  return documentIds;
}
