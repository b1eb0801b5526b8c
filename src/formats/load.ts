/** Loads a published article with everything the output formats need, in one Document Service read. */
import type { Core } from '@strapi/strapi';
import { blocksToText } from '../lib/blocks';
import type { FormatArticle, FormatPerson, FormatSettings } from './article';
import { ARTICLE } from '../content-types';

type PersonRow = { documentId: string; name: string; aliases: unknown } | null | undefined;

function toPerson(row: PersonRow): FormatPerson | null {
  if (!row) return null;
  return { documentId: row.documentId, name: row.name, aliases: Array.isArray(row.aliases) ? row.aliases.map(String) : [] };
}

export function formatSettings(strapi: Core.Strapi): FormatSettings {
  return strapi.config.get('newsdesk') as FormatSettings;
}

/** The published article in that locale, or null (drafts are never exported). */
export async function loadFormatArticle(strapi: Core.Strapi, documentId: string, locale?: string): Promise<FormatArticle | null> {
  const personFields = ['name', 'aliases'];
  const row = (await strapi.documents(ARTICLE).findOne({
    documentId,
    locale,
    status: 'published',
    populate: {
      people: { fields: personFields },
      organisations: { fields: personFields },
      quotes: { populate: { speaker: { fields: personFields }, speaksFor: { fields: personFields }, speakerOrganisation: { fields: personFields } } },
      relatedLinks: { populate: { targetArticle: { fields: ['title', 'slug', 'locale'] } } },
    },
  } as never)) as unknown as Record<string, unknown> | null;
  if (!row) return null;
  const body = Array.isArray(row.body) ? (row.body as unknown[]) : [];
  const quotes = (row.quotes as Record<string, unknown>[] | undefined) ?? [];
  const links = (row.relatedLinks as Record<string, unknown>[] | undefined) ?? [];
  return {
    documentId: String(row.documentId),
    locale: String(row.locale),
    title: String(row.title),
    slug: (row.slug as string | null) ?? null,
    standfirst: (row.standfirst as string | null) ?? null,
    paragraphs: body.map((block) => blocksToText([block])).filter((text) => text.trim() !== ''),
    byline: (row.byline as string | null) ?? null,
    source: (row.source as string | null) ?? null,
    storyPublishedAt: (row.storyPublishedAt as string | null) ?? null,
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
    publishedAt: (row.publishedAt as string | null) ?? null,
    people: ((row.people as PersonRow[] | undefined) ?? []).map(toPerson).filter((p): p is FormatPerson => p !== null),
    organisations: ((row.organisations as PersonRow[] | undefined) ?? []).map(toPerson).filter((o): o is FormatPerson => o !== null),
    quotes: quotes
      .map((quote) => ({
        text: String(quote.text),
        attribution: (quote.attribution as string | null) ?? null,
        channel: (quote.channel as string | null) ?? null,
        paragraph: (quote.paragraph as number | null) ?? null,
        speaker: toPerson(quote.speaker as PersonRow),
        speaksFor: toPerson(quote.speaksFor as PersonRow),
        speakerOrganisation: toPerson(quote.speakerOrganisation as PersonRow),
      }))
      .sort((a, b) => (a.paragraph ?? 0) - (b.paragraph ?? 0)),
    relatedLinks: links.map((link) => {
      const target = link.targetArticle as { documentId: string; title: string; slug: string | null; locale: string } | null;
      return {
        label: String(link.label),
        url: (link.url as string | null) ?? null,
        afterParagraph: (link.afterParagraph as number | null) ?? null,
        order: Number(link.order ?? 0),
        target: target ? { documentId: target.documentId, title: target.title, slug: target.slug, locale: target.locale } : null,
      };
    }),
  };
}
