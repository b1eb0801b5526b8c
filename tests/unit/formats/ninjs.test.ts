import { htmlBody, wireText } from '../../../src/formats/article';
import { articleUri, NINJS_VERSION, ninjsOf } from '../../../src/formats/ninjs';
import { formatArticle, link, person, quote, settings } from './factories';

describe('ninjsOf', () => {
  test('a bare article: its URN, dates, language, headline and both bodies; nothing optional', () => {
    const article = formatArticle({ publishedAt: '2024-01-01T10:00:00.000Z' });
    expect(ninjsOf(article, settings)).toEqual({
      uri: 'urn:newsdesk:article:abc123:en',
      type: 'text',
      profile: 'newsdesk-article',
      version: NINJS_VERSION,
      firstcreated: '2024-01-01T10:00:00.000Z',
      versioncreated: '2024-01-02T09:30:00.000Z',
      language: 'en',
      headlines: [{ value: 'Ottawa pledges more aid', contenttype: 'text/plain' }],
      bodies: [
        { value: wireText(article), contenttype: 'text/plain' },
        { value: htmlBody(article, settings), contenttype: 'text/html' },
      ],
      people: [],
      organisations: [],
      associations: [],
    });
    expect(NINJS_VERSION).toBe('3.0');
    expect(articleUri('x', 'fr')).toBe('urn:newsdesk:article:x:fr');
  });

  test('standfirst and byline become a summary description and a byline', () => {
    const ninjs = ninjsOf(formatArticle({ standfirst: 'More armour.', byline: 'Jane Roe' }), settings);
    expect(ninjs.descriptions).toEqual([{ value: 'More armour.', role: 'summary', contenttype: 'text/plain' }]);
    expect(ninjs.bylines).toEqual([{ byline: 'Jane Roe' }]);
  });

  test('people and organisations: quoted ones are "quoted", speakers missing from the list are added once', () => {
    const zelensky = person('p1', 'Volodymyr Zelensky', ['Valodymyr Zelensky']);
    const trudeau = person('p2', 'Justin Trudeau');
    const joly = person('p3', 'Mélanie Joly');
    const acme = person('o1', 'Acme Corp');
    const nato = person('o2', 'NATO', ['OTAN']);
    const ninjs = ninjsOf(
      formatArticle({
        people: [zelensky, joly],
        organisations: [nato],
        quotes: [
          quote({ speaker: zelensky }),
          quote({ speaksFor: trudeau }),
          quote({ speaksFor: trudeau }),
          quote({ speakerOrganisation: acme }),
        ],
      }),
      settings,
    );
    expect(ninjs.people).toEqual([
      { name: 'Volodymyr Zelensky', rel: 'quoted', uri: 'urn:newsdesk:person:p1', altnames: ['Valodymyr Zelensky'] },
      { name: 'Mélanie Joly', rel: 'mentioned', uri: 'urn:newsdesk:person:p3' },
      { name: 'Justin Trudeau', rel: 'quoted', uri: 'urn:newsdesk:person:p2' },
    ]);
    expect(ninjs.organisations).toEqual([
      { name: 'NATO', rel: 'mentioned', uri: 'urn:newsdesk:organisation:o2', altnames: ['OTAN'] },
      { name: 'Acme Corp', rel: 'quoted', uri: 'urn:newsdesk:organisation:o1' },
    ]);
  });

  test('associations: only links to an article, by its URN and current title', () => {
    const ninjs = ninjsOf(
      formatArticle({
        relatedLinks: [
          link({ url: 'https://other.example/x' }),
          link({ label: 'old', target: { documentId: 't1', title: 'Older story', slug: null, locale: 'fr' } }),
        ],
      }),
      settings,
    );
    expect(ninjs.associations).toEqual([
      { name: 'related', uri: 'urn:newsdesk:article:t1:fr', type: 'text', headlines: [{ value: 'Older story' }] },
    ]);
  });
});
