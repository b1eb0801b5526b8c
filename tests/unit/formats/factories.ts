import type { FormatArticle, FormatPerson, FormatSettings } from '../../../src/formats/article';

/** A loaded article as the output formats receive it; each test overrides what it is about. */
export function formatArticle(overrides: Partial<FormatArticle> = {}): FormatArticle {
  return {
    documentId: 'abc123',
    locale: 'en',
    title: 'Ottawa pledges more aid',
    slug: 'ottawa-pledges-more-aid',
    standfirst: null,
    paragraphs: ['First paragraph.', 'Second paragraph.', 'Third paragraph.'],
    byline: null,
    source: null,
    storyPublishedAt: null,
    createdAt: '2024-01-01T08:00:00.000Z',
    updatedAt: '2024-01-02T09:30:00.000Z',
    publishedAt: null,
    people: [],
    organisations: [],
    quotes: [],
    relatedLinks: [],
    ...overrides,
  };
}

export function person(documentId: string, name: string, aliases: string[] = []): FormatPerson {
  return { documentId, name, aliases };
}

export function quote(overrides: Partial<FormatArticle['quotes'][number]> = {}): FormatArticle['quotes'][number] {
  return {
    text: 'We will help.',
    attribution: null,
    channel: null,
    paragraph: 0,
    speaker: null,
    speaksFor: null,
    speakerOrganisation: null,
    ...overrides,
  };
}

export function link(overrides: Partial<FormatArticle['relatedLinks'][number]> = {}): FormatArticle['relatedLinks'][number] {
  return { label: 'A related story', url: null, afterParagraph: null, order: 0, target: null, ...overrides };
}

export const settings: FormatSettings = {
  publisher: { name: 'Newsdesk', url: 'https://news.example', logo: 'https://news.example/logo.png' },
  articleUrlPattern: 'https://news.example/{locale}/articles/{slug}',
};
