/**
 * Writes a parsed story through the Document Service, all or nothing, so that REST,
 * GraphQL, the admin and the read-also plugin see imported content like any other.
 * Importing the same story again updates it in place: no article, person, organisation,
 * quote or link is ever duplicated, links an editor added are never touched, and a
 * speaker an editor corrected on a quote whose text did not change is kept.
 */
import { createHash } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { slugFrom } from '../content-rules/slugs';
import type { StoryMetadata, StoryModel } from './parser';
import { matchOrganisation, type KnownOrganisation } from './organisations';
import { findPerson, fullerName, matchPerson, mentionedPeople, personKey, type KnownPerson } from './people';
import { headlineSimilarity, SAME_HEADLINE } from './text';
import { ARTICLE, PERSON, ORGANISATION, QUOTE, RELATED_LINK } from '../content-types';


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

/** 2: stories now link every person they name and the organisations they quote. */
const CHECKSUM_VERSION = 2;

/** Who the importer made a quote's speaker, kept on the quote (private) to tell an editor's correction. */
export type ImportedSpeakers = { speaker: string | null; speaksFor: string | null; organisation: string | null };

const sameSpeakers = (a: ImportedSpeakers, b: ImportedSpeakers) =>
  a.speaker === b.speaker && a.speaksFor === b.speaksFor && a.organisation === b.organisation;

type ExistingQuote = Row & {
  text: string;
  importedSpeakers?: ImportedSpeakers | null;
  speaker?: Row | null;
  speaksFor?: Row | null;
  speakerOrganisation?: Row | null;
};

function currentSpeakers(row: ExistingQuote): ImportedSpeakers {
  return { speaker: row.speaker?.documentId ?? null, speaksFor: row.speaksFor?.documentId ?? null, organisation: row.speakerOrganisation?.documentId ?? null };
}

/**
 * An editor corrected this quote's speaker when its relations differ from what the last
 * import set. Quotes imported before that was recorded have no record: the importer
 * still owns them, as it did then.
 */
export function editorCorrected(row: ExistingQuote): boolean {
  const recorded = row.importedSpeakers;
  if (!recorded || typeof recorded !== 'object') return false;
  return !sameSpeakers(currentSpeakers(row), recorded);
}

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

  /** Every Person (or Organisation) by name and aliases, as the matchers take them. */
  async function knownNames(uid: typeof PERSON | typeof ORGANISATION): Promise<KnownPerson[]> {
    const rows = (await strapi.db.query(uid).findMany({
      where: { publishedAt: null },
      select: ['documentId', 'name', 'aliases'],
    })) as unknown as Row[];
    return rows.map((row) => ({
      documentId: row.documentId,
      name: String(row.name),
      aliases: Array.isArray(row.aliases) ? (row.aliases as string[]) : [],
    }));
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
        await documents(PERSON).update({ documentId: known.documentId, data: fuller });
        Object.assign(known, fuller);
      }
      return known;
    }
    const created = (await documents(PERSON).create({ data: { name } })) as Row;
    const person = { documentId: created.documentId, name, aliases: [] };
    people.push(person);
    return person;
  }

  async function organisationFor(name: string, organisations: KnownOrganisation[]): Promise<KnownOrganisation> {
    const known = matchOrganisation(name, organisations);
    if (known) return known;
    const created = (await documents(ORGANISATION).create({ data: { name } })) as Row;
    const organisation = { documentId: created.documentId, name, aliases: [] };
    organisations.push(organisation);
    return organisation;
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

  async function existingQuotes(articleId: string | undefined): Promise<ExistingQuote[]> {
    if (!articleId) return [];
    return (await documents(QUOTE).findMany({
      filters: { article: { documentId: articleId } },
      status: 'draft',
      fields: ['text', 'importedSpeakers'],
      populate: { speaker: { fields: ['documentId'] }, speaksFor: { fields: ['documentId'] }, speakerOrganisation: { fields: ['documentId'] } },
    })) as ExistingQuote[];
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
          if (name && !quotedOrganisations.has(name)) quotedOrganisations.set(name, (await organisationFor(name, organisations)).documentId);
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
          ? ((await documents(ARTICLE).update({ documentId: existing.documentId, locale: model.locale, data })) as Row)
          : ((await documents(ARTICLE).create({ locale: model.locale, data })) as Row);

        const quoteIds = await syncQuotes(article.documentId, model, storedQuotes, (quote) => speakers.get(quote) as ImportedSpeakers);
        const linkIds = await syncImportedLinks(article.documentId, model);
        if (publish) {
          await publishAll(PERSON, [...personIds]);
          await publishAll(ORGANISATION, [...organisationIds]);
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
