import fs from 'node:fs';
import path from 'node:path';
import { detectLocale, parseStory, splitFrontMatter, StoryParseError, titleFromText } from '../../../src/importer/parser';

const seedText = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'database', 'seed', 'trudeau-zelensky.txt'), 'utf8');

describe('the seed story', () => {
  const story = parseStory(seedText);

  test('ten paragraphs in order, the Read also lines out of the body', () => {
    expect(story.paragraphs).toHaveLength(10);
    expect(story.paragraphs[0].startsWith('Ukrainian President Valodymyr Zelensky')).toBe(true);
    expect(story.paragraphs[9].startsWith('Russia has responded')).toBe(true);
    expect(story.paragraphs.join('\n')).not.toContain('Read also');
  });

  test('three links after the first paragraph, in the wire order', () => {
    expect(story.relatedLinks).toEqual([
      { label: 'Washington still views Maduro government as ‘illegitimate’ in Venezuela', afterParagraph: 1, order: 0 },
      { label: 'Russia: mourning and anger following the death of dozens of soldiers in Ukraine', afterParagraph: 1, order: 1 },
      { label: 'Putin orders the screening of documentaries on the Russian offensive in Ukraine', afterParagraph: 1, order: 2 },
    ]);
  });

  test('quotes: a named speaker, a title standing for them, an office speaking for someone', () => {
    expect(
      story.quotes.map(({ speakerName, speaksForName, channel, attribution, paragraph }) => ({
        speakerName,
        speaksForName,
        channel,
        attribution,
        paragraph,
      })),
    ).toEqual([
      {
        speakerName: 'Valodymyr Zelensky',
        speaksForName: null,
        channel: 'Twitter',
        attribution: 'summarized Mr. Zelensky on his Twitter account',
        paragraph: 1,
      },
      { speakerName: 'Valodymyr Zelensky', speaksForName: null, channel: 'Twitter', attribution: 'continued the President', paragraph: 3 },
      { speakerName: null, speaksForName: 'Justin Trudeau', channel: null, attribution: 'summed up Mr. Trudeau’s cabinet', paragraph: 7 },
    ]);
    expect(story.quotes[0].text).toBe(
      'We discussed the strengthening of Ukraine’s defensive capabilities in the face of threats and risks of escalation on the front',
    );
  });

  test('UTF-8 is kept exactly and the language is English', () => {
    expect(story.paragraphs[0]).toContain('‘substantial’');
    expect(story.locale).toBe('en');
    expect(story.title).toBe(
      'Ukrainian President Valodymyr Zelensky and Prime Minister Justin Trudeau held a ‘substantial’ discussion on Tuesday to…',
    );
  });
});

describe('related-link markers', () => {
  test.each([
    ['• Read also: Headline one', 'Headline one'],
    ['Read also: Headline one', 'Headline one'],
    ['read also : Headline one', 'Headline one'],
    ['• À lire aussi : Titre un', 'Titre un'],
    ['À LIRE AUSSI: Titre un', 'Titre un'],
    ['à lire aussi\u00A0: Titre un', 'Titre un'],
    ['READ MORE: Headline one', 'Headline one'],
    ['Related: Headline one', 'Headline one'],
    ['- See also: Headline one', 'Headline one'],
    ['* see also:Headline one', 'Headline one'],
  ])('%s', (line, label) => {
    const story = parseStory(`First paragraph.\n${line}\nSecond paragraph.`);
    expect(story.relatedLinks).toEqual([{ label, afterParagraph: 1, order: 0 }]);
    expect(story.paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  test('a marker word inside a sentence is body text', () => {
    const story = parseStory('Officials said related: nothing.\nThe report, read also by ministers, was long.');
    expect(story.relatedLinks).toEqual([]);
    expect(story.paragraphs).toHaveLength(2);
  });
});

describe('quote styles', () => {
  test('curly quotes with the speaker after', () => {
    const [quote] = parseStory('“We will rebuild every school in the region,” said Mayor Jane Doe in an interview.').quotes;
    expect(quote).toMatchObject({ text: 'We will rebuild every school in the region', speakerName: 'Jane Doe', channel: 'interview' });
  });

  test('straight quotes with the speaker before', () => {
    const [quote] = parseStory('Senator Tom Brown said: "The bill will pass before the summer recess."').quotes;
    expect(quote).toMatchObject({ text: 'The bill will pass before the summer recess.', speakerName: 'Tom Brown' });
  });

  test('French guillemets with a déclaré after, and a title later standing for the speaker', () => {
    const story = parseStory(
      [
        'Le président français Emmanuel Macron a reçu des agriculteurs.',
        '« Nous ne laisserons tomber personne dans cette crise », a déclaré M. Macron dans un communiqué.',
        '« Les aides arriveront avant la fin du mois », a poursuivi le président.',
      ].join('\n'),
    );
    expect(story.locale).toBe('fr');
    expect(story.quotes.map(({ text, speakerName, channel }) => ({ text, speakerName, channel }))).toEqual([
      { text: 'Nous ne laisserons tomber personne dans cette crise', speakerName: 'Emmanuel Macron', channel: 'statement' },
      { text: 'Les aides arriveront avant la fin du mois', speakerName: 'Emmanuel Macron', channel: 'statement' },
    ]);
  });

  test('an office speaks for a person without the words becoming theirs', () => {
    const [quote] = parseStory('“The talks were productive and frank,” said the office of Prime Minister Jane Roe.').quotes;
    expect(quote).toMatchObject({ speakerName: null, speaksForName: 'Jane Roe' });
    const [french] = parseStory('« Les discussions ont été franches et utiles », a indiqué le cabinet de M. Roe.').quotes;
    expect(french).toMatchObject({ speakerName: null, speaksForName: 'Roe' });
  });

  test('scare quotes and single quotes are not speech', () => {
    expect(parseStory('Washington calls the government “illegitimate” again.').quotes).toEqual([]);
    expect(parseStory('A ‘substantial’ discussion took place on the matter today.').quotes).toEqual([]);
  });

  test('a title in quotes is not speech, and clause words are not names', () => {
    expect(parseStory('She starred in “Orange Is the New Black” for seven seasons.').quotes).toEqual([]);
    const [quote] = parseStory('“We are thrilled to be back on stage,” the band said On Twitter Tuesday.').quotes;
    expect(quote).toMatchObject({ speakerName: null, channel: 'Twitter' });
  });

  test('an unterminated quote is body text, not a crash', () => {
    const story = parseStory('“This quote never ends and goes on and on, said nobody.');
    expect(story.quotes).toEqual([]);
    expect(story.paragraphs).toHaveLength(1);
  });
});

describe('paragraphs', () => {
  test('blank-line blocks of hard-wrapped lines are joined', () => {
    const story = parseStory('The minister arrived in the\ncapital on Monday and met\nthe press.\n\nShe left on Tuesday\nfor the coast.\n');
    expect(story.paragraphs).toEqual([
      'The minister arrived in the capital on Monday and met the press.',
      'She left on Tuesday for the coast.',
    ]);
  });

  test('whitespace is normalised, CRLF and a BOM are handled', () => {
    const story = parseStory('\uFEFFFirst   paragraph\there.\r\n\r\n  Second paragraph.  \r\n');
    expect(story.paragraphs).toEqual(['First paragraph here.', 'Second paragraph.']);
  });

  test('a story with no paragraphs is refused', () => {
    expect(() => parseStory('Read also: Only a link\n')).toThrow(StoryParseError);
    expect(() => parseStory('   \n\n')).toThrow('the story has no paragraphs');
  });
});

describe('metadata', () => {
  test('front matter gives title, locale and tags', () => {
    const story = parseStory('---\ntitle: "A title"\nlocale: fr\ntags: [Ukraine, Canada]\n---\nThe body is in English.');
    expect(story).toMatchObject({ title: 'A title', locale: 'fr', metadata: { tags: ['Ukraine', 'Canada'] } });
  });

  test('a sidecar overrides front matter', () => {
    expect(parseStory('---\ntitle: Old\n---\nBody.', { title: 'New' }).title).toBe('New');
  });

  test('bad metadata names the field', () => {
    expect(() => parseStory('Body text.', { locale: 'de' as never })).toThrow(/metadata field "locale"/);
    expect(() => parseStory('---\nmood: happy\n---\nBody.')).toThrow(/metadata field/);
  });

  test('without front matter the whole text is the body', () => {
    expect(splitFrontMatter('No front matter.')).toEqual({ metadata: {}, body: 'No front matter.' });
  });

  test('titles are cut at a word boundary', () => {
    const long = `${'word '.repeat(40)}end.`;
    const title = titleFromText(long);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('word…')).toBe(true);
    expect(titleFromText('Short one. Then more.')).toBe('Short one');
  });

  test('the language is detected from stop words', () => {
    expect(detectLocale('Le gouvernement a annoncé une aide pour les agriculteurs de la région.')).toBe('fr');
    expect(detectLocale('The government announced aid for the farmers of the region.')).toBe('en');
  });
});
