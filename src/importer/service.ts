/**
 * Writes a parsed story through the Document Service, all or nothing, so that REST,
 * GraphQL, the admin and the read-also plugin see imported content like any other.
 * Importing the same story again updates it in place: no article, person, quote or
 * link is ever duplicated, and links an editor added are never touched.
 */
import { createHash } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { slugFrom } from '../content-rules/slugs';
import type { StoryMetadata, StoryModel } from './parser';
import { matchPerson, mentionedPeople, type KnownPerson } from './people';
import { headlineSimilarity, SAME_HEADLINE } from './text';

const ARTICLE = 'api::article.article' satisfies UID.ContentType;
const PERSON = 'api::person.person' satisfies UID.ContentType;
const QUOTE = 'api::quote.quote' satisfies UID.ContentType;
const RELATED_LINK = 'api::related-link.related-link' satisfies UID.ContentType;

export type ImportOptions = {
  publish?: boolean;
  /** People the source declares for this story (a ninjs item's people): known or created first. */
  people?: { name: string; aliases: string[] }[];
};
export type ImportStatus = 'created' | 'updated' | 'unchanged';
export type ImportOutcome = { status: ImportStatus; documentId: string; title: string; locale: string };

type Row = Record<string, unknown> & { documentId: string };

/**
 * The Document Service calls the importer makes, over plain rows: the story model is
 * already validated, and the content rules middleware checks every write again.
 */
type Documents = {
  findMany(params: object): Promise<Row[]>;
  create(params: object): Promise<Row>;
  update(params: object): Promise<Row>;
  delete(params: object): Promise<unknown>;
  publish(params: object): Promise<unknown>;
};

const CHECKSUM_VERSION = 1;

export function storyChecksum(model: StoryModel, publish: boolean, people: ImportOptions['people'] = []): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: CHECKSUM_VERSION, model, publish, people }))
    .digest('hex');
}

/** A relation to a localized article names its locale; a bare documentId means the default locale. */
export function articleRef(documentId: string | null, locale: string) {
  return documentId ? { set: [{ documentId, locale }] } : { set: [] };
}

export function paragraphBlocks(paragraphs: string[]) {
  return paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));
}

function articleFields(model: StoryModel, metadata: StoryMetadata) {
  return {
    title: model.title,
    standfirst: metadata.standfirst ?? null,
    body: paragraphBlocks(model.paragraphs),
    dateline: metadata.dateline ?? null,
    storyPublishedAt: metadata.publishedAt ? new Date(metadata.publishedAt).toISOString() : null,
    source: metadata.source ?? null,
    sourceId: metadata.sourceId ?? null,
    byline: metadata.byline ?? null,
    section: metadata.section ?? null,
    tags: metadata.tags ?? null,
  };
}

export const createImportService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = (uid: UID.ContentType) => strapi.documents(uid) as unknown as Documents;

  async function knownPeople(): Promise<KnownPerson[]> {
    const rows = (await strapi.db.query(PERSON).findMany({
      where: { publishedAt: null },
      select: ['documentId', 'name', 'aliases'],
    })) as unknown as Row[];
    return rows.map((row) => ({
      documentId: row.documentId,
      name: String(row.name),
      aliases: Array.isArray(row.aliases) ? (row.aliases as string[]) : [],
    }));
  }

  /** The person a story names, created when the story quotes someone Newsdesk does not know yet. */
  async function personFor(name: string, people: KnownPerson[]): Promise<KnownPerson> {
    const known = matchPerson(name, people);
    if (known) return known;
    const created = (await documents(PERSON).create({ data: { name } })) as Row;
    const person = { documentId: created.documentId, name, aliases: [] };
    people.push(person);
    return person;
  }

  async function findExisting(model: StoryModel): Promise<Row | null> {
    const { sourceId } = model.metadata;
    const where = sourceId ? { sourceId } : { slug: slugFrom(model.title) };
    return (await strapi.db.query(ARTICLE).findOne({
      where: { ...where, locale: model.locale, publishedAt: null },
      select: ['documentId', 'importChecksum', 'title'],
    })) as unknown as Row | null;
  }

  /** The article whose headline is this link's label, tolerant of small differences. */
  async function articleForHeadline(label: string, locale: string, exclude: string): Promise<string | null> {
    const anchor = (label.match(/[A-Za-z]{4,}/gu) ?? []).sort((a, b) => b.length - a.length)[0];
    if (!anchor) return null;
    const candidates = (await strapi.db.query(ARTICLE).findMany({
      where: { title: { $containsi: anchor }, locale, publishedAt: null, documentId: { $ne: exclude } },
      select: ['documentId', 'title'],
      limit: 200,
    })) as unknown as Row[];
    let best: { documentId: string; similarity: number } | null = null;
    for (const candidate of candidates) {
      const similarity = headlineSimilarity(label, String(candidate.title));
      if (similarity >= SAME_HEADLINE && (!best || similarity > best.similarity)) best = { documentId: candidate.documentId, similarity };
    }
    return best?.documentId ?? null;
  }

  async function syncQuotes(articleId: string, model: StoryModel, people: KnownPerson[]) {
    const existing = (await documents(QUOTE).findMany({
      filters: { article: { documentId: articleId } },
      status: 'draft',
      fields: ['text'],
    })) as Row[];
    const kept = new Set<string>();
    for (const quote of model.quotes) {
      const speaker = quote.speakerName ? await personFor(quote.speakerName, people) : null;
      const speaksFor = quote.speaksForName ? await personFor(quote.speaksForName, people) : null;
      const data = {
        text: quote.text,
        attribution: quote.attribution,
        channel: quote.channel,
        paragraph: quote.paragraph,
        article: articleRef(articleId, model.locale),
        speaker: speaker?.documentId ?? null,
        speaksFor: speaksFor?.documentId ?? null,
      };
      const match = existing.find((row) => row.text === quote.text && !kept.has(row.documentId));
      if (match) {
        kept.add(match.documentId);
        await documents(QUOTE).update({ documentId: match.documentId, data: data });
      } else {
        kept.add(((await documents(QUOTE).create({ data: data })) as Row).documentId);
      }
    }
    for (const stale of existing.filter((row) => !kept.has(row.documentId))) {
      await documents(QUOTE).delete({ documentId: stale.documentId });
    }
    return [...kept];
  }

  /** Imported links follow the story; links from editors or suggestions are left as they are. */
  async function syncImportedLinks(articleId: string, model: StoryModel) {
    const existing = (await documents(RELATED_LINK).findMany({
      filters: { article: { documentId: articleId }, origin: 'imported' },
      status: 'draft',
      fields: ['label'],
      populate: { targetArticle: { fields: ['documentId'] } },
    })) as (Row & { targetArticle?: Row | null })[];
    const kept = new Set<string>();
    for (const link of model.relatedLinks) {
      const match = existing.find((row) => row.label === link.label && !kept.has(row.documentId));
      const placement = { afterParagraph: link.afterParagraph, order: link.order };
      if (match) {
        kept.add(match.documentId);
        const targetArticle = match.targetArticle?.documentId ?? (await articleForHeadline(link.label, model.locale, articleId));
        await documents(RELATED_LINK).update({
          documentId: match.documentId,
          data: { ...placement, targetArticle: articleRef(targetArticle, model.locale) },
        });
      } else {
        const targetArticle = await articleForHeadline(link.label, model.locale, articleId);
        const data = {
          label: link.label,
          article: articleRef(articleId, model.locale),
          origin: 'imported',
          targetArticle: articleRef(targetArticle, model.locale),
          ...placement,
        };
        kept.add(((await documents(RELATED_LINK).create({ data: data })) as Row).documentId);
      }
    }
    for (const stale of existing.filter((row) => !kept.has(row.documentId))) {
      await documents(RELATED_LINK).delete({ documentId: stale.documentId });
    }
    return [...kept];
  }

  async function publishAll(uid: UID.ContentType, documentIds: string[], locale?: string) {
    for (const documentId of documentIds) await documents(uid).publish({ documentId, ...(locale ? { locale } : {}) });
  }

  return {
    /** Imports one parsed story in a single transaction. */
    async importStory(model: StoryModel, options: ImportOptions = {}): Promise<ImportOutcome> {
      const publish = options.publish ?? false;
      const checksum = storyChecksum(model, publish, options.people);
      return strapi.db.transaction(async (): Promise<ImportOutcome> => {
        const existing = await findExisting(model);
        const base = { title: model.title, locale: model.locale };
        if (existing && existing.importChecksum === checksum) {
          return { status: 'unchanged' as const, documentId: existing.documentId, ...base };
        }

        const people = await knownPeople();
        for (const declared of options.people ?? []) {
          const known = matchPerson(declared.name, people) ?? declared.aliases.map((alias) => matchPerson(alias, people)).find(Boolean);
          if (!known) {
            const created = (await documents(PERSON).create({ data: { name: declared.name, aliases: declared.aliases } })) as Row;
            people.push({ documentId: created.documentId, name: declared.name, aliases: declared.aliases });
          }
        }
        const text = [model.title, model.metadata.standfirst ?? '', ...model.paragraphs].join('\n');
        const mentioned = new Map(mentionedPeople(text, people).map((person) => [person.documentId, person]));
        for (const quote of model.quotes) {
          for (const name of [quote.speakerName, quote.speaksForName]) {
            if (name) {
              const person = await personFor(name, people);
              mentioned.set(person.documentId, person);
            }
          }
        }

        const data = { ...articleFields(model, model.metadata), people: [...mentioned.keys()], importChecksum: checksum };
        const article = existing
          ? ((await documents(ARTICLE).update({ documentId: existing.documentId, locale: model.locale, data })) as Row)
          : ((await documents(ARTICLE).create({ locale: model.locale, data })) as Row);

        const quoteIds = await syncQuotes(article.documentId, model, people);
        const linkIds = await syncImportedLinks(article.documentId, model);
        if (publish) {
          await publishAll(PERSON, [...mentioned.keys()]);
          await publishAll(ARTICLE, [article.documentId], model.locale);
          await publishAll(QUOTE, quoteIds);
          await publishAll(RELATED_LINK, linkIds);
        }
        const status: ImportStatus = existing ? 'updated' : 'created';
        return { status, documentId: article.documentId, ...base };
      });
    },
  };
};

export type ImportService = ReturnType<typeof createImportService>;
