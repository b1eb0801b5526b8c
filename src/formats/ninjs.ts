/**
 * IPTC ninjs (3.0 shape, which 2.x readers also understand for these fields) for one
 * article, and the way back: a ninjs document to the importer's story model. Pure.
 */
import { z } from 'zod';
import { parseStory, type StoryModel } from '../importer/parser';
import { htmlBody, wireText, type FormatArticle, type FormatSettings } from './article';

export const NINJS_VERSION = '3.0';

export function articleUri(documentId: string, locale: string): string {
  return `urn:newsdesk:article:${documentId}:${locale}`;
}

export function ninjsOf(article: FormatArticle, settings: FormatSettings) {
  const quoted = new Set(article.quotes.flatMap((quote) => [quote.speaker?.documentId, quote.speaksFor?.documentId]).filter(Boolean));
  const people = [...article.people];
  for (const quote of article.quotes) {
    for (const someone of [quote.speaker, quote.speaksFor]) {
      if (someone && !people.some((p) => p.documentId === someone.documentId)) people.push(someone);
    }
  }
  const organisations = [...article.organisations];
  for (const quote of article.quotes) {
    const issuer = quote.speakerOrganisation;
    if (issuer && !organisations.some((o) => o.documentId === issuer.documentId)) organisations.push(issuer);
  }
  const quotedOrganisations = new Set(article.quotes.map((quote) => quote.speakerOrganisation?.documentId).filter(Boolean));
  return {
    uri: articleUri(article.documentId, article.locale),
    type: 'text',
    profile: 'newsdesk-article',
    version: NINJS_VERSION,
    firstcreated: new Date(article.storyPublishedAt ?? article.publishedAt ?? article.createdAt).toISOString(),
    versioncreated: new Date(article.updatedAt).toISOString(),
    language: article.locale,
    headlines: [{ value: article.title, contenttype: 'text/plain' }],
    ...(article.standfirst ? { descriptions: [{ value: article.standfirst, role: 'summary', contenttype: 'text/plain' }] } : {}),
    ...(article.byline ? { bylines: [{ byline: article.byline }] } : {}),
    bodies: [
      { value: wireText(article), contenttype: 'text/plain' },
      { value: htmlBody(article, settings), contenttype: 'text/html' },
    ],
    people: people.map((p) => ({
      name: p.name,
      rel: quoted.has(p.documentId) ? 'quoted' : 'mentioned',
      uri: `urn:newsdesk:person:${p.documentId}`,
      ...(p.aliases.length > 0 ? { altnames: p.aliases } : {}),
    })),
    organisations: organisations.map((o) => ({
      name: o.name,
      rel: quotedOrganisations.has(o.documentId) ? 'quoted' : 'mentioned',
      uri: `urn:newsdesk:organisation:${o.documentId}`,
      ...(o.aliases.length > 0 ? { altnames: o.aliases } : {}),
    })),
    associations: article.relatedLinks
      .filter((link) => link.target)
      .map((link) => ({
        name: 'related',
        uri: articleUri(link.target!.documentId, link.target!.locale),
        type: 'text',
        headlines: [{ value: link.target!.title }],
      })),
  };
}

const ninjsSchema = z.object({
  uri: z.string().min(1).max(500),
  type: z.literal('text'),
  language: z.string().optional(),
  firstcreated: z.string().optional(),
  headline: z.string().optional(),
  headlines: z.array(z.object({ value: z.string() })).optional(),
  descriptions: z.array(z.object({ value: z.string(), role: z.string().optional() })).optional(),
  bylines: z.array(z.object({ byline: z.string() })).optional(),
  body_text: z.string().optional(),
  bodies: z.array(z.object({ value: z.string(), contenttype: z.string().optional() })).optional(),
  people: z.array(z.object({ name: z.string().min(1), rel: z.string().optional(), altnames: z.array(z.string()).optional() })).optional(),
});

export type NinjsPerson = { name: string; aliases: string[] };

/** A ninjs text item as a story: its plain-text body goes through the same parser as wire copy. */
export function storyFromNinjs(json: unknown): { story: StoryModel; people: NinjsPerson[] } {
  const parsed = ninjsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a ninjs text item: "${issue.path.join('.') || 'document'}" ${issue.message}`);
  }
  const ninjs = parsed.data;
  const plain = ninjs.bodies?.find((body) => (body.contenttype ?? 'text/plain') === 'text/plain')?.value ?? ninjs.body_text;
  if (!plain) throw new Error('the ninjs item has no plain-text body');
  const locale = ninjs.language?.toLowerCase().startsWith('fr') ? 'fr' : ninjs.language ? 'en' : undefined;
  const firstcreated = ninjs.firstcreated && !Number.isNaN(Date.parse(ninjs.firstcreated)) ? new Date(ninjs.firstcreated).toISOString() : undefined;
  const story = parseStory(plain, {
    title: ninjs.headlines?.[0]?.value ?? ninjs.headline,
    locale,
    sourceId: ninjs.uri,
    standfirst: ninjs.descriptions?.find((d) => !d.role || d.role === 'summary')?.value,
    byline: ninjs.bylines?.[0]?.byline,
    publishedAt: firstcreated,
  });
  return { story, people: (ninjs.people ?? []).map((p) => ({ name: p.name, aliases: p.altnames ?? [] })) };
}
