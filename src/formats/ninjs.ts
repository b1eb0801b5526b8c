/**
 * IPTC ninjs (3.0 shape, which 2.x readers also understand for these fields) for one
 * article. Pure. The way back, a ninjs document to a story, is the importer's (src/importer/ninjs.ts).
 */
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
