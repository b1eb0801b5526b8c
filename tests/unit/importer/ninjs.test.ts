import { ninjsOf } from '../../../src/formats/ninjs';
import { storyFromNinjs } from '../../../src/importer/ninjs';
import { StoryParseError } from '../../../src/importer/parser';
import { formatArticle, link, person, settings } from '../formats/factories';

/** The smallest ninjs text item the importer takes, with what a test adds. */
function item(fields: Record<string, unknown> = {}) {
  return {
    uri: 'urn:agency:story:1',
    type: 'text',
    bodies: [{ value: 'First paragraph.\nSecond paragraph.', contenttype: 'text/plain' }],
    ...fields,
  };
}

describe('storyFromNinjs', () => {
  test('Given a full item, then its fields fill the story metadata and its people come with their other names', () => {
    const { story, people } = storyFromNinjs(
      item({
        language: 'fr-CA',
        firstcreated: '2024-05-01T12:00:00+02:00',
        headlines: [{ value: 'Le titre' }, { value: 'Second headline' }],
        descriptions: [
          { value: 'Not a summary', role: 'teaser' },
          { value: 'Le chapeau', role: 'summary' },
        ],
        bylines: [{ byline: 'Jean Roy' }],
        people: [{ name: 'Mélanie Joly', altnames: ['Joly'] }, { name: 'Justin Trudeau' }],
      }),
    );
    expect(story.title).toBe('Le titre');
    expect(story.locale).toBe('fr');
    expect(story.paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
    expect(story.metadata).toEqual({
      title: 'Le titre',
      locale: 'fr',
      sourceId: 'urn:agency:story:1',
      standfirst: 'Le chapeau',
      byline: 'Jean Roy',
      publishedAt: '2024-05-01T10:00:00.000Z',
    });
    expect(people).toEqual([
      { name: 'Mélanie Joly', aliases: ['Joly'] },
      { name: 'Justin Trudeau', aliases: [] },
    ]);
  });

  test('the plain-text body wins over HTML; body_text is the fallback; a headline string stands in for headlines', () => {
    const html = { value: '<p>HTML only.</p>', contenttype: 'text/html' };
    expect(storyFromNinjs(item({ bodies: [html, { value: 'Plain text.' }] })).story.paragraphs).toEqual(['Plain text.']);
    const fallback = storyFromNinjs(item({ bodies: [html], body_text: 'From body_text.', headline: 'Old-style headline' })).story;
    expect(fallback.paragraphs).toEqual(['From body_text.']);
    expect(fallback.title).toBe('Old-style headline');
  });

  test('a language other than French is English, no language is detected, a bad date is dropped', () => {
    expect(storyFromNinjs(item({ language: 'FR' })).story.metadata.locale).toBe('fr');
    expect(storyFromNinjs(item({ language: 'de' })).story.metadata.locale).toBe('en');
    const undated = storyFromNinjs(
      item({ firstcreated: 'yesterday', bodies: [{ value: 'Le gouvernement a annoncé une aide pour les familles.' }] }),
    ).story;
    expect(undated.metadata.locale).toBeUndefined();
    expect(undated.locale).toBe('fr');
    expect(undated.metadata.publishedAt).toBeUndefined();
  });

  test.each([
    [{ type: 'text', body_text: 'x' }, 'not a ninjs text item: "uri" Required'],
    [item({ type: 'picture' }), 'not a ninjs text item: "type" Invalid literal value, expected "text"'],
    [item({ people: [{ name: '' }] }), 'not a ninjs text item: "people.0.name" String must contain at least 1 character(s)'],
    ['a string', 'not a ninjs text item: "document" Expected object, received string'],
    [item({ bodies: [{ value: '<p>x</p>', contenttype: 'text/html' }] }), 'the ninjs item has no plain-text body'],
  ])('refuses %j: %s', (json, message) => {
    expect(() => storyFromNinjs(json)).toThrow(message);
  });

  test('metadata the parser refuses is a StoryParseError', () => {
    expect(() => storyFromNinjs(item({ headlines: [{ value: ' ' }] }))).toThrow(StoryParseError);
  });

  test('Given the ninjs Newsdesk exports, when read back, then the same title, paragraphs, links, dates and people', () => {
    const article = formatArticle({
      standfirst: 'More armour.',
      byline: 'Jane Roe',
      storyPublishedAt: '2023-01-10T18:00:00.000Z',
      paragraphs: ['The government pledged more aid on Tuesday.', 'The package adds armoured vehicles.'],
      people: [person('p1', 'Volodymyr Zelensky', ['Valodymyr Zelensky'])],
      relatedLinks: [link({ label: 'Earlier pledge', afterParagraph: 1 })],
    });
    const { story, people } = storyFromNinjs(JSON.parse(JSON.stringify(ninjsOf(article, settings))));
    expect(story).toMatchObject({
      title: 'Ottawa pledges more aid',
      locale: 'en',
      paragraphs: article.paragraphs,
      relatedLinks: [{ label: 'Earlier pledge', afterParagraph: 1, order: 0 }],
      metadata: {
        sourceId: 'urn:newsdesk:article:abc123:en',
        standfirst: 'More armour.',
        byline: 'Jane Roe',
        publishedAt: '2023-01-10T18:00:00.000Z',
      },
    });
    expect(people).toEqual([{ name: 'Volodymyr Zelensky', aliases: ['Valodymyr Zelensky'] }]);
  });
});
