/** Loads a published article with everything the output formats need, in one Document Service read. */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { storyParagraphs } from '../lib/placement';
import type { FormatArticle, FormatPerson, FormatSettings } from './article';
import { ARTICLE } from '../content-types';

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const whole = z
  .number()
  .nullish()
  .transform((value) => value ?? null);
const personRow = z.object({ documentId: z.string(), name: z.string(), aliases: z.unknown() }).nullish();

/** The row the read below returns: the Document Service types no populated relation, so the row is checked here. */
const articleRow = z.object({
  documentId: z.coerce.string(),
  locale: z.coerce.string(),
  title: z.coerce.string(),
  slug: text,
  standfirst: text,
  body: z.unknown(),
  byline: text,
  source: text,
  storyPublishedAt: text,
  createdAt: z.coerce.string(),
  updatedAt: z.coerce.string(),
  publishedAt: text,
  people: z.array(personRow).optional(),
  organisations: z.array(personRow).optional(),
  quotes: z
    .array(
      z.object({
        text: z.coerce.string(),
        attribution: text,
        channel: text,
        paragraph: whole,
        speaker: personRow,
        speaksFor: personRow,
        speakerOrganisation: personRow,
      }),
    )
    .optional(),
  relatedLinks: z
    .array(
      z.object({
        label: z.coerce.string(),
        url: text,
        afterParagraph: whole,
        order: z.unknown(),
        targetArticle: z.object({ documentId: z.string(), title: z.string(), slug: text, locale: z.string() }).nullish(),
      }),
    )
    .optional(),
});

function toPerson(row: z.infer<typeof personRow>): FormatPerson | null {
  if (!row) return null;
  return { documentId: row.documentId, name: row.name, aliases: Array.isArray(row.aliases) ? row.aliases.map(String) : [] };
}

export function formatSettings(strapi: Core.Strapi): FormatSettings {
  return strapi.config.get('newsdesk') as FormatSettings;
}

/** The published article in that locale, or null (drafts are never exported). */
export async function loadFormatArticle(strapi: Core.Strapi, documentId: string, locale?: string): Promise<FormatArticle | null> {
  const personFields: ('name' | 'aliases')[] = ['name', 'aliases'];
  const found = await strapi.documents(ARTICLE).findOne({
    documentId,
    locale,
    status: 'published',
    populate: {
      people: { fields: personFields },
      organisations: { fields: personFields },
      quotes: {
        populate: { speaker: { fields: personFields }, speaksFor: { fields: personFields }, speakerOrganisation: { fields: personFields } },
      },
      relatedLinks: { populate: { targetArticle: { fields: ['title', 'slug', 'locale'] } } },
    },
  });
  if (!found) return null;
  const row = articleRow.parse(found);
  return {
    documentId: row.documentId,
    locale: row.locale,
    title: row.title,
    slug: row.slug,
    standfirst: row.standfirst,
    paragraphs: storyParagraphs(row.body),
    byline: row.byline,
    source: row.source,
    storyPublishedAt: row.storyPublishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    people: (row.people ?? []).map(toPerson).filter((p): p is FormatPerson => p !== null),
    organisations: (row.organisations ?? []).map(toPerson).filter((o): o is FormatPerson => o !== null),
    quotes: (row.quotes ?? [])
      .map((quote) => ({
        text: quote.text,
        attribution: quote.attribution,
        channel: quote.channel,
        paragraph: quote.paragraph,
        speaker: toPerson(quote.speaker),
        speaksFor: toPerson(quote.speaksFor),
        speakerOrganisation: toPerson(quote.speakerOrganisation),
      }))
      .sort((a, b) => (a.paragraph ?? 0) - (b.paragraph ?? 0)),
    relatedLinks: (row.relatedLinks ?? []).map((link) => {
      const target = link.targetArticle;
      return {
        label: link.label,
        url: link.url,
        afterParagraph: link.afterParagraph,
        order: Number(link.order ?? 0),
        target: target ? { documentId: target.documentId, title: target.title, slug: target.slug, locale: target.locale } : null,
      };
    }),
  };
}
