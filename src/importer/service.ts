/**
 * Writes a parsed story through the Document Service, all or nothing, so that REST,
 * GraphQL, the admin and the read-also plugin see imported content like any other.
 * Importing the same story again updates it in place: no article, person, organisation,
 * quote or link is ever duplicated, links an editor added are never touched, and a
 * speaker an editor corrected on a quote whose text did not change is kept.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { slugFrom } from '../content-rules/slugs';
import type { StoryMetadata, StoryModel } from './parser';
import { matchOrganisation, type KnownOrganisation } from './organisations';
import { findPerson, fullerName, matchPerson, mentionedPeople, personKey, type KnownPerson } from './people';
import { ARTICLE, PERSON, ORGANISATION, QUOTE, RELATED_LINK } from '../content-types';
import { articleRef, createLinkLifecycle } from '../api/related-link/services/related-link';
import { inPublicationBatch } from '../lib/publication-batch';
import { documentInput } from '../lib/document-input';
import { z } from 'zod';

export type ImportOptions = {
  publish?: boolean;
  /** People the source declares for this story (a ninjs item's people): known or created first. */
  people?: { name: string; aliases: string[] }[];
};
export type ImportStatus = 'created' | 'updated' | 'unchanged';
export type ImportOutcome = { status: ImportStatus; documentId: string; title: string; locale: string };

/** 2: stories now link every person they name and the organisations they quote. */
const CHECKSUM_VERSION = 2;

/** Who the importer made a quote's speaker, kept on the quote (private) to tell an editor's correction. */
export type ImportedSpeakers = { speaker: string | null; speaksFor: string | null; organisation: string | null };

const sameSpeakers = (a: ImportedSpeakers, b: ImportedSpeakers) =>
  a.speaker === b.speaker && a.speaksFor === b.speaksFor && a.organisation === b.organisation;

const refSchema = z.object({ documentId: z.string() }).nullable().optional();
const importedSpeakersSchema = z.object({
  speaker: z.string().nullable(),
  speaksFor: z.string().nullable(),
  organisation: z.string().nullable(),
});
const existingQuoteSchema = z.object({
  documentId: z.string(),
  text: z.string(),
  // Quotes imported before the record was kept have none, or an older shape: the importer owns those.
  importedSpeakers: importedSpeakersSchema.nullable().optional().catch(null),
  speaker: refSchema,
  speaksFor: refSchema,
  speakerOrganisation: refSchema,
});
type ExistingQuote = z.infer<typeof existingQuoteSchema>;
const knownNameRows = z.array(z.object({ documentId: z.string(), name: z.string(), aliases: z.array(z.string()).nullable().catch(null) }));
const existingArticleRow = z.object({ documentId: z.string(), importChecksum: z.string().nullable(), title: z.string() }).nullable();
const importedLinkRows = z.array(z.object({ documentId: z.string(), label: z.string(), targetArticle: refSchema }));

function currentSpeakers(row: ExistingQuote): ImportedSpeakers {
  return {
    speaker: row.speaker?.documentId ?? null,
    speaksFor: row.speaksFor?.documentId ?? null,
    organisation: row.speakerOrganisation?.documentId ?? null,
  };
}

/**
 * An editor corrected this quote's speaker when its relations differ from what the last
 * import set. Quotes imported before that was recorded have no record: the importer
 * still owns them, as it did then.
 */
export function editorCorrected(row: ExistingQuote): boolean {
  const recorded = row.importedSpeakers;
  if (!recorded) return false;
  return !sameSpeakers(currentSpeakers(row), recorded);
}

export function storyChecksum(model: StoryModel, publish: boolean, people: ImportOptions['people'] = []): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: CHECKSUM_VERSION, model, publish, people }))
    .digest('hex');
}

export function paragraphBlocks(paragraphs: string[]) {
  return paragraphs.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }));
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
  const links = createLinkLifecycle(strapi);

  /** Every Person (or Organisation) by name and aliases, as the matchers take them. */
  async function knownNames(uid: typeof PERSON | typeof ORGANISATION): Promise<KnownPerson[]> {
    const rows = knownNameRows.parse(
      await strapi.db.query(uid).findMany({ where: { publishedAt: null }, select: ['documentId', 'name', 'aliases'] }),
    );
    return rows.map((row) => ({ documentId: row.documentId, name: row.name, aliases: row.aliases ?? [] }));
  }

  const knownPeople = (): Promise<KnownPerson[]> => knownNames(PERSON);
  const knownOrganisations = (): Promise<KnownOrganisation[]> => knownNames(ORGANISATION);

  /**
   * The one Person a name in the story stands for: a known one by name, alias, surname or
   * honorific form (one known only by a surname gains the full name), else a new one.
   */
  async function personFor(name: string, people: KnownPerson[], linked: ReadonlySet<string> = new Set()): Promise<KnownPerson> {
    const known = findPerson(name, people, linked);
    if (known) {
      const fuller = fullerName(known, name);
      if (fuller) {
        await strapi.documents(PERSON).update({ documentId: known.documentId, data: fuller });
        Object.assign(known, fuller);
      }
      return known;
    }
    const created = await strapi.documents(PERSON).create({ data: { name } });
    const person = { documentId: created.documentId, name, aliases: [] };
    people.push(person);
    return person;
  }

  async function organisationFor(name: string, organisations: KnownOrganisation[]): Promise<KnownOrganisation> {
    const known = matchOrganisation(name, organisations);
    if (known) return known;
    const created = await strapi.documents(ORGANISATION).create({ data: { name } });
    const organisation = { documentId: created.documentId, name, aliases: [] };
    organisations.push(organisation);
    return organisation;
  }

  async function findExisting(model: StoryModel) {
    const { sourceId } = model.metadata;
    const where = sourceId ? { sourceId } : { slug: slugFrom(model.title) };
    return existingArticleRow.parse(
      await strapi.db
        .query(ARTICLE)
        .findOne({ where: { ...where, locale: model.locale, publishedAt: null }, select: ['documentId', 'importChecksum', 'title'] }),
    );
  }

  async function existingQuotes(articleId: string | undefined): Promise<ExistingQuote[]> {
    if (!articleId) return [];
    return z.array(existingQuoteSchema).parse(
      await strapi.documents(QUOTE).findMany({
        filters: { article: { documentId: articleId } },
        status: 'draft',
        fields: ['text', 'importedSpeakers'],
        populate: {
          speaker: { fields: ['documentId'] },
          speaksFor: { fields: ['documentId'] },
          speakerOrganisation: { fields: ['documentId'] },
        },
      }),
    );
  }

  /** Each parsed quote beside the stored quote with the same text, if any (each stored quote used once). */
  function pairQuotes(model: StoryModel, existing: ExistingQuote[]) {
    const used = new Set<string>();
    return model.quotes.map((quote) => {
      const match = existing.find((row) => row.text === quote.text && !used.has(row.documentId)) ?? null;
      if (match) used.add(match.documentId);
      return { quote, match };
    });
  }

  async function syncQuotes(
    articleId: string,
    model: StoryModel,
    existing: ExistingQuote[],
    resolve: (quote: StoryModel['quotes'][number]) => ImportedSpeakers,
  ) {
    const kept = new Set<string>();
    for (const { quote, match } of pairQuotes(model, existing)) {
      const imported = resolve(quote);
      // The same words with a speaker an editor chose: the editor's choice stands.
      const speakers = match && editorCorrected(match) ? currentSpeakers(match) : imported;
      const data = {
        text: quote.text,
        attribution: quote.attribution,
        channel: quote.channel,
        paragraph: quote.paragraph,
        article: articleRef(articleId, model.locale),
        speaker: speakers.speaker,
        speaksFor: speakers.speaksFor,
        speakerOrganisation: speakers.organisation,
        importedSpeakers: imported,
      };
      if (match) {
        kept.add(match.documentId);
        await strapi.documents(QUOTE).update({ documentId: match.documentId, data: documentInput(QUOTE, data) });
      } else {
        kept.add((await strapi.documents(QUOTE).create({ data: documentInput(QUOTE, data) })).documentId);
      }
    }
    for (const stale of existing.filter((row) => !kept.has(row.documentId))) {
      await strapi.documents(QUOTE).delete({ documentId: stale.documentId });
    }
    return [...kept];
  }

  /** Imported links follow the story; links from editors or suggestions are left as they are. */
  async function syncImportedLinks(articleId: string, model: StoryModel) {
    const existing = importedLinkRows.parse(
      await strapi.documents(RELATED_LINK).findMany({
        filters: { article: { documentId: articleId }, origin: 'imported' },
        status: 'draft',
        fields: ['label'],
        populate: { targetArticle: { fields: ['documentId'] } },
      }),
    );
    const kept = new Set<string>();
    for (const link of model.relatedLinks) {
      const match = existing.find((row) => row.label === link.label && !kept.has(row.documentId));
      const placement = { afterParagraph: link.afterParagraph, order: link.order };
      if (match) {
        kept.add(match.documentId);
        const targetArticle = match.targetArticle?.documentId ?? (await links.targetForHeadline(link.label, model.locale, articleId));
        await strapi.documents(RELATED_LINK).update({
          documentId: match.documentId,
          data: { ...placement, targetArticle: articleRef(targetArticle, model.locale) },
        });
      } else {
        const targetArticle = await links.targetForHeadline(link.label, model.locale, articleId);
        const data = {
          label: link.label,
          article: articleRef(articleId, model.locale),
          origin: 'imported' as const,
          targetArticle: articleRef(targetArticle, model.locale),
          ...placement,
        };
        kept.add((await strapi.documents(RELATED_LINK).create({ data: documentInput(RELATED_LINK, data) })).documentId);
      }
    }
    for (const stale of existing.filter((row) => !kept.has(row.documentId))) {
      await strapi.documents(RELATED_LINK).delete({ documentId: stale.documentId });
    }
    return [...kept];
  }

  async function publishAll(
    uid: typeof PERSON | typeof ORGANISATION | typeof QUOTE | typeof ARTICLE,
    documentIds: string[],
    locale?: string,
  ) {
    for (const documentId of documentIds) await strapi.documents(uid).publish({ documentId, ...(locale ? { locale } : {}) });
  }

  return {
    /** Imports one parsed story in a single transaction. */
    async importStory(model: StoryModel, options: ImportOptions = {}): Promise<ImportOutcome> {
      const publish = options.publish ?? false;
      const checksum = storyChecksum(model, publish, options.people);
      // One batch: the article is re-indexed once, not once per quote it publishes.
      return strapi.db.transaction(() =>
        inPublicationBatch(async (): Promise<ImportOutcome> => {
          const existing = await findExisting(model);
          const base = { title: model.title, locale: model.locale };
          if (existing && existing.importChecksum === checksum) {
            return { status: 'unchanged' as const, documentId: existing.documentId, ...base };
          }

          const people = await knownPeople();
          for (const declared of options.people ?? []) {
            const known = matchPerson(declared.name, people) ?? declared.aliases.map((alias) => matchPerson(alias, people)).find(Boolean);
            if (!known) {
              const created = await strapi.documents(PERSON).create({ data: { name: declared.name, aliases: declared.aliases } });
              people.push({ documentId: created.documentId, name: declared.name, aliases: declared.aliases });
            }
          }
          // Every person the story names, fullest forms first so a lone surname joins the full name.
          const text = [model.title, model.metadata.standfirst ?? '', ...model.paragraphs].join('\n');
          const mentioned = new Map(mentionedPeople(text, people).map((person) => [person.documentId, person]));
          const linked = new Set(mentioned.keys());
          const byName = new Map<string, KnownPerson>();
          const names = [...model.namedPeople].sort((a, b) => personKey(b).split(' ').length - personKey(a).split(' ').length);
          for (const name of names) {
            const person = await personFor(name, people, linked);
            byName.set(name, person);
            linked.add(person.documentId);
            mentioned.set(person.documentId, person);
          }
          const personNamed = async (name: string | null) => {
            if (!name) return null;
            const person = byName.get(name) ?? (await personFor(name, people, linked));
            byName.set(name, person);
            mentioned.set(person.documentId, person);
            return person.documentId;
          };

          const organisations = await knownOrganisations();
          const quotedOrganisations = new Map<string, string>();
          for (const name of [...model.organisations, ...model.quotes.map((quote) => quote.organisation)]) {
            if (name && !quotedOrganisations.has(name))
              quotedOrganisations.set(name, (await organisationFor(name, organisations)).documentId);
          }

          const speakers = new Map<StoryModel['quotes'][number], ImportedSpeakers>();
          for (const quote of model.quotes) {
            speakers.set(quote, {
              speaker: await personNamed(quote.speakerName),
              speaksFor: await personNamed(quote.speaksForName),
              organisation: quote.organisation ? (quotedOrganisations.get(quote.organisation) ?? null) : null,
            });
          }
          // Speakers an editor chose stay linked to the story too.
          const storedQuotes = await existingQuotes(existing?.documentId);
          const organisationIds = new Set(quotedOrganisations.values());
          const personIds = new Set(mentioned.keys());
          for (const { match } of pairQuotes(model, storedQuotes)) {
            if (!match || !editorCorrected(match)) continue;
            const kept = currentSpeakers(match);
            for (const id of [kept.speaker, kept.speaksFor]) if (id) personIds.add(id);
            if (kept.organisation) organisationIds.add(kept.organisation);
          }

          const data = {
            ...articleFields(model, model.metadata),
            people: [...personIds],
            organisations: [...organisationIds],
            importChecksum: checksum,
          };
          const article = existing
            ? await strapi
                .documents(ARTICLE)
                .update({ documentId: existing.documentId, locale: model.locale, data: documentInput(ARTICLE, data) })
            : await strapi.documents(ARTICLE).create({ locale: model.locale, data: documentInput(ARTICLE, data) });
          if (!article) throw new Error(`The article ${existing?.documentId} vanished during its import`);

          const quoteIds = await syncQuotes(article.documentId, model, storedQuotes, (quote) => speakers.get(quote) as ImportedSpeakers);
          await syncImportedLinks(article.documentId, model);
          if (publish) {
            // The article last: its publish takes its links live (the Related link service's rule).
            await publishAll(PERSON, [...personIds]);
            await publishAll(ORGANISATION, [...organisationIds]);
            await publishAll(QUOTE, quoteIds);
            await publishAll(ARTICLE, [article.documentId], model.locale);
          }
          const status: ImportStatus = existing ? 'updated' : 'created';
          return { status, documentId: article.documentId, ...base };
        }),
      );
    },
  };
};

export type ImportService = ReturnType<typeof createImportService>;
