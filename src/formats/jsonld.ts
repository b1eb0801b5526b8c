/** schema.org NewsArticle for one published article, as search engines read it. Pure. */
import { articleUrl, type FormatArticle, type FormatSettings } from './article';

type Thing = Record<string, unknown>;

function person(name: string, aliases: string[] = []): Thing {
  return { '@type': 'Person', name, ...(aliases.length > 0 ? { alternateName: aliases } : {}) };
}

function organization(name: string, aliases: string[] = []): Thing {
  return { '@type': 'Organization', name, ...(aliases.length > 0 ? { alternateName: aliases } : {}) };
}

/** Who a quotation is by: its person, else the organisation that issued it, else the office as printed. */
function creator(quote: FormatArticle['quotes'][number], settings: FormatSettings): Thing {
  if (quote.speaker) return person(quote.speaker.name);
  if (quote.speakerOrganisation) return organization(quote.speakerOrganisation.name);
  return organization(quote.attribution ?? quote.speaksFor?.name ?? settings.publisher.name);
}

export function newsArticleJsonLd(article: FormatArticle, settings: FormatSettings): Thing {
  const url = articleUrl(settings.articleUrlPattern, article);
  const published = new Date(article.storyPublishedAt ?? article.publishedAt ?? article.createdAt).toISOString();
  const modified = new Date(article.updatedAt).toISOString();
  const publisher: Thing = {
    '@type': 'Organization',
    name: settings.publisher.name,
    url: settings.publisher.url,
    ...(settings.publisher.logo ? { logo: { '@type': 'ImageObject', url: settings.publisher.logo } } : {}),
  };
  const relatedLink = article.relatedLinks
    .map((link) => (link.target ? articleUrl(settings.articleUrlPattern, link.target) : link.url))
    .filter((href): href is string => Boolean(href));

  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: article.title,
    ...(article.standfirst ? { description: article.standfirst } : {}),
    articleBody: article.paragraphs.join('\n\n'),
    datePublished: published,
    dateModified: modified,
    inLanguage: article.locale,
    author: article.byline ? person(article.byline) : publisher,
    publisher,
    ...(article.source ? { sourceOrganization: { '@type': 'Organization', name: article.source } } : {}),
    mentions: [
      ...article.people.map((p) => person(p.name, p.aliases)),
      ...article.organisations.map((o) => organization(o.name, o.aliases)),
    ],
    // A quote issued by an office is credited to the office as printed, not to the person it speaks for.
    hasPart: article.quotes.map((quote) => ({
      '@type': 'Quotation',
      text: quote.text,
      creator: creator(quote, settings),
      ...(quote.speaksFor && !quote.speaker ? { about: person(quote.speaksFor.name) } : {}),
    })),
    ...(relatedLink.length > 0 ? { relatedLink } : {}),
  };
}
