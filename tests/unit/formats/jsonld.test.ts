import { newsArticleJsonLd } from '../../../src/formats/jsonld';
import { formatArticle, link, person, quote, settings } from './factories';

const URL = 'https://news.example/en/articles/ottawa-pledges-more-aid';

describe('newsArticleJsonLd', () => {
  test('a bare article: its URL as @id, body, dates, and the publisher as author', () => {
    const doc = newsArticleJsonLd(formatArticle(), settings);
    const publisher = {
      '@type': 'Organization',
      name: 'Newsdesk',
      url: 'https://news.example',
      logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png' },
    };
    expect(doc).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': URL,
      url: URL,
      mainEntityOfPage: { '@type': 'WebPage', '@id': URL },
      headline: 'Ottawa pledges more aid',
      articleBody: 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.',
      datePublished: '2024-01-01T08:00:00.000Z',
      dateModified: '2024-01-02T09:30:00.000Z',
      inLanguage: 'en',
      author: publisher,
      publisher,
      mentions: [],
      hasPart: [],
    });
  });

  test('the story date wins over the publication date, which wins over the creation date', () => {
    const published = (overrides: Parameters<typeof formatArticle>[0]) =>
      newsArticleJsonLd(formatArticle(overrides), settings).datePublished;
    expect(published({ publishedAt: '2024-03-01T10:00:00+01:00' })).toBe('2024-03-01T09:00:00.000Z');
    expect(published({ publishedAt: '2024-03-01T09:00:00.000Z', storyPublishedAt: '2023-01-10T18:00:00.000Z' })).toBe(
      '2023-01-10T18:00:00.000Z',
    );
  });

  test('standfirst, byline, source, no logo, mentions with their other names, and related links', () => {
    const doc = newsArticleJsonLd(
      formatArticle({
        standfirst: 'More armour for Kyiv.',
        byline: 'Jane Roe',
        source: 'The Canadian Press',
        people: [person('p1', 'Volodymyr Zelensky', ['Valodymyr Zelensky']), person('p2', 'Justin Trudeau')],
        organisations: [person('o1', 'NATO', ['OTAN'])],
        relatedLinks: [
          link({ target: { documentId: 't1', title: 'T', slug: 'older-story', locale: 'en' } }),
          link({ url: 'https://other.example/x' }),
          link({ label: 'Unresolved' }),
        ],
      }),
      { ...settings, publisher: { ...settings.publisher, logo: '' } },
    );
    expect(doc).toMatchObject({
      description: 'More armour for Kyiv.',
      author: { '@type': 'Person', name: 'Jane Roe' },
      publisher: { '@type': 'Organization', name: 'Newsdesk', url: 'https://news.example' },
      sourceOrganization: { '@type': 'Organization', name: 'The Canadian Press' },
      mentions: [
        { '@type': 'Person', name: 'Volodymyr Zelensky', alternateName: ['Valodymyr Zelensky'] },
        { '@type': 'Person', name: 'Justin Trudeau' },
        { '@type': 'Organization', name: 'NATO', alternateName: ['OTAN'] },
      ],
      relatedLink: ['https://news.example/en/articles/older-story', 'https://other.example/x'],
    });
    expect(doc.publisher).not.toHaveProperty('logo');
    // A name with no other forms has no alternateName at all.
    expect((doc.mentions as object[])[1]).toEqual({ '@type': 'Person', name: 'Justin Trudeau' });
  });

  test('a quotation is by its speaker, else its organisation, else the office as printed, about the person it speaks for', () => {
    const trudeau = person('p2', 'Justin Trudeau');
    const doc = newsArticleJsonLd(
      formatArticle({
        quotes: [
          quote({ text: 'One', speaker: person('p1', 'Volodymyr Zelensky'), speaksFor: trudeau }),
          quote({ text: 'Two', speakerOrganisation: person('o1', 'Acme Corp'), attribution: 'said Acme' }),
          quote({ text: 'Three', attribution: 'summed up Mr. Trudeau’s cabinet', speaksFor: trudeau }),
          quote({ text: 'Four', speaksFor: trudeau }),
          quote({ text: 'Five' }),
        ],
      }),
      settings,
    );
    expect(doc.hasPart).toEqual([
      { '@type': 'Quotation', text: 'One', creator: { '@type': 'Person', name: 'Volodymyr Zelensky' } },
      { '@type': 'Quotation', text: 'Two', creator: { '@type': 'Organization', name: 'Acme Corp' } },
      {
        '@type': 'Quotation',
        text: 'Three',
        creator: { '@type': 'Organization', name: 'summed up Mr. Trudeau’s cabinet' },
        about: { '@type': 'Person', name: 'Justin Trudeau' },
      },
      {
        '@type': 'Quotation',
        text: 'Four',
        creator: { '@type': 'Organization', name: 'Justin Trudeau' },
        about: { '@type': 'Person', name: 'Justin Trudeau' },
      },
      { '@type': 'Quotation', text: 'Five', creator: { '@type': 'Organization', name: 'Newsdesk' } },
    ]);
  });
});
