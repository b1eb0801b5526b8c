import { articleUrl, htmlBody, wireText } from '../../../src/formats/article';
import { parseStory } from '../../../src/importer/parser';
import { formatArticle, link, settings } from './factories';

describe('articleUrl', () => {
  test('fills the pattern, URL-encoded, with the slug or else the documentId', () => {
    const pattern = '{locale}/{slug}?id={documentId}';
    expect(articleUrl(pattern, { documentId: 'd 1', slug: 'été/2024', locale: 'fr' })).toBe('fr/%C3%A9t%C3%A9%2F2024?id=d%201');
    expect(articleUrl(pattern, { documentId: 'd1', slug: null, locale: 'en' })).toBe('en/d1?id=d1');
  });
});

describe('wireText', () => {
  test('Given links placed before, between and after paragraphs, then each "Read also" line stands where it was placed, unplaced ones last', () => {
    const article = formatArticle({
      relatedLinks: [
        link({ label: 'Unplaced', afterParagraph: null, order: 0 }),
        link({ label: 'Second after one', afterParagraph: 1, order: 2 }),
        link({ label: 'Before all', afterParagraph: 0, order: 0 }),
        link({ label: 'First after one', afterParagraph: 1, order: 1 }),
        link({ label: 'Beyond the end', afterParagraph: 9, order: 0 }),
        link({ label: 'After the last', afterParagraph: 3, order: 0 }),
      ],
    });
    expect(wireText(article).split('\n')).toEqual([
      '• Read also: Before all',
      'First paragraph.',
      '• Read also: First after one',
      '• Read also: Second after one',
      'Second paragraph.',
      'Third paragraph.',
      '• Read also: After the last',
      '• Read also: Beyond the end',
      '• Read also: Unplaced',
    ]);
  });

  test('French articles use the French marker; a marker can be given', () => {
    const links = [link({ label: 'Titre', afterParagraph: 1 })];
    expect(wireText(formatArticle({ locale: 'fr-CA', relatedLinks: links })).split('\n')[1]).toBe('• À lire aussi : Titre');
    expect(wireText(formatArticle({ relatedLinks: links }), 'See also:').split('\n')[1]).toBe('See also: Titre');
  });

  test('When the importer reads it back, then the same paragraphs and link placements', () => {
    const article = formatArticle({
      paragraphs: [
        'OTTAWA — The government pledged more aid on Tuesday.',
        'The package adds armoured vehicles.',
        'Talks resume next week.',
      ],
      relatedLinks: [
        link({ label: 'Earlier pledge', afterParagraph: 1, order: 0 }),
        link({ label: 'Budget story', afterParagraph: 2, order: 1 }),
      ],
    });
    const story = parseStory(wireText(article));
    expect(story.paragraphs).toEqual([
      'The government pledged more aid on Tuesday.',
      'The package adds armoured vehicles.',
      'Talks resume next week.',
    ]);
    expect(story.metadata.dateline).toBe('OTTAWA');
    expect(story.relatedLinks).toEqual([
      { label: 'Earlier pledge', afterParagraph: 1, order: 0 },
      { label: 'Budget story', afterParagraph: 2, order: 1 },
    ]);
  });
});

describe('htmlBody', () => {
  test('paragraphs are escaped; a link to an article points at its URL with its current title', () => {
    const article = formatArticle({
      paragraphs: ['Fish & chips <b>"hot"</b>', "Tom's second."],
      relatedLinks: [
        link({
          label: 'old label',
          afterParagraph: 1,
          target: { documentId: 't1', title: 'Aid & trade', slug: 'aid-trade', locale: 'en' },
        }),
      ],
    });
    expect(htmlBody(article, settings).split('\n')).toEqual([
      '<p>Fish &amp; chips &lt;b&gt;&quot;hot&quot;&lt;/b&gt;</p>',
      '<aside class="read-also"><a href="https://news.example/en/articles/aid-trade">Aid &amp; trade</a></aside>',
      // The apostrophe is left as it is (text content, and attribute values are double-quoted).
      "<p>Tom's second.</p>",
    ]);
  });

  test('an external link keeps its label and escaped URL; a link with neither target nor URL, or unplaced, is left out', () => {
    const article = formatArticle({
      paragraphs: ['One.', 'Two.'],
      relatedLinks: [
        link({ label: 'Elsewhere', url: 'https://other.example/?a=1&b="2"', afterParagraph: 2, order: 1 }),
        link({ label: 'Unresolved', afterParagraph: 2, order: 0 }),
        link({ label: 'Unplaced', url: 'https://other.example/x', afterParagraph: null }),
      ],
    });
    expect(htmlBody(article, settings)).toBe(
      '<p>One.</p>\n<p>Two.</p>\n<aside class="read-also"><a href="https://other.example/?a=1&amp;b=&quot;2&quot;">Elsewhere</a></aside>',
    );
  });
});
