/**
 * The structured article the output formats are built from: plain data, loaded once
 * (see ./load.ts), so JSON-LD and ninjs are pure functions of it.
 */
import { compareReadingOrder } from '../lib/placement';

export type FormatPerson = { documentId: string; name: string; aliases: string[] };
/** Same shape as a person: a name and the other forms found in copy. */
export type FormatOrganisation = FormatPerson;

export type FormatArticle = {
  documentId: string;
  locale: string;
  title: string;
  slug: string | null;
  standfirst: string | null;
  paragraphs: string[];
  byline: string | null;
  source: string | null;
  storyPublishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  people: FormatPerson[];
  organisations: FormatOrganisation[];
  quotes: {
    text: string;
    attribution: string | null;
    channel: string | null;
    paragraph: number | null;
    speaker: FormatPerson | null;
    speaksFor: FormatPerson | null;
    speakerOrganisation: FormatOrganisation | null;
  }[];
  relatedLinks: {
    label: string;
    url: string | null;
    afterParagraph: number | null;
    order: number;
    target: { documentId: string; title: string; slug: string | null; locale: string } | null;
  }[];
};

export type FormatSettings = {
  publisher: { name: string; url: string; logo: string };
  articleUrlPattern: string;
};

export function articleUrl(pattern: string, article: { documentId: string; slug: string | null; locale: string }): string {
  return pattern
    .replace('{locale}', encodeURIComponent(article.locale))
    .replace('{slug}', encodeURIComponent(article.slug ?? article.documentId))
    .replace('{documentId}', encodeURIComponent(article.documentId));
}

// Not the escape-html package: it also writes ' as &#39;, which would change every exported body with an apostrophe.
function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** Links in the order a reader meets them: by placement, then by editorial order. */
function linksInPlace(article: FormatArticle) {
  return [...article.relatedLinks].sort(compareReadingOrder);
}

/**
 * The story as wire copy: one paragraph per line, "Read also:" lines where the links stand
 * (placed links, then the others at the end), so the importer reads it back unchanged.
 */
export function wireText(article: FormatArticle, marker = article.locale.startsWith('fr') ? '• À lire aussi :' : '• Read also:'): string {
  const lines: string[] = [];
  const links = linksInPlace(article);
  const linkLine = (link: FormatArticle['relatedLinks'][number]) => `${marker} ${link.label}`;
  article.paragraphs.forEach((paragraph, index) => {
    if (index === 0) for (const link of links.filter((l) => l.afterParagraph === 0)) lines.push(linkLine(link));
    lines.push(paragraph);
    for (const link of links.filter((l) => l.afterParagraph === index + 1)) lines.push(linkLine(link));
  });
  for (const link of links.filter((l) => l.afterParagraph === null || l.afterParagraph > article.paragraphs.length))
    lines.push(linkLine(link));
  return lines.join('\n');
}

export function htmlBody(article: FormatArticle, settings: FormatSettings): string {
  const links = linksInPlace(article);
  const aside = (link: FormatArticle['relatedLinks'][number]) => {
    const href = link.target ? articleUrl(settings.articleUrlPattern, link.target) : link.url;
    const label = escapeHtml(link.target?.title ?? link.label);
    return href ? `<aside class="read-also"><a href="${escapeHtml(href)}">${label}</a></aside>` : '';
  };
  const parts: string[] = [];
  article.paragraphs.forEach((paragraph, index) => {
    parts.push(`<p>${escapeHtml(paragraph)}</p>`);
    for (const link of links.filter((l) => l.afterParagraph === index + 1)) parts.push(aside(link));
  });
  return parts.filter(Boolean).join('\n');
}
