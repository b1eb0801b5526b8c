/** Given small invented stories, when parsed, then each convention of wire copy is read (English and French). */
import { parseStory } from '../../../src/importer/parser';
import { readWireLayout } from '../../../src/importer/wire-layout';
import { honorific, isSpeechVerb, pronoun, titleAt } from '../../../src/importer/lexicon';
import { personKey } from '../../../src/importer/people';

const speakers = (text: string) => parseStory(text).quotes.map((quote) => quote.speakerName ?? quote.organisation);

describe('wire layout', () => {
  test('a headline line and a blank line make the title only, keeping a final question mark', () => {
    const story = parseStory(
      'Will the ferry run again this summer?\n\nThe island council met on Monday to discuss the ferry.\nIt decided nothing.',
    );
    expect(story.title).toBe('Will the ferry run again this summer?');
    expect(story.paragraphs[0]).toBe('The island council met on Monday to discuss the ferry.');
  });

  test('a byline and a dateline leave the body for the metadata', () => {
    const en = readWireLayout(
      'Ferry service resumes\nBy Ann Example, The Associated Press\n\nHALIFAX, May 2 (AP) - The ferry sailed again on Friday.',
    );
    expect(en).toMatchObject({
      headline: 'Ferry service resumes',
      byline: 'By Ann Example, The Associated Press',
      dateline: 'HALIFAX, May 2 (AP)',
    });
    expect(en.paragraphs).toEqual(['The ferry sailed again on Friday.']);
    const fr = readWireLayout(
      'Le traversier reprend du service\nPar Jean Exemple, La Presse canadienne\n\nRIMOUSKI (PC) — Le traversier a repris la mer vendredi.',
    );
    expect(fr).toMatchObject({
      byline: 'Par Jean Exemple, La Presse canadienne',
      dateline: 'RIMOUSKI (PC)',
      paragraphs: ['Le traversier a repris la mer vendredi.'],
    });
  });

  test('captions and subheads are not paragraphs', () => {
    const layout = readWireLayout(
      'The dam was opened on Monday.\nPhoto : Le barrage, lundi.\nIt cost more than planned.\nA long wait\nResidents had waited ten years for it.\nThey cheered.',
    );
    expect(layout.paragraphs).toEqual([
      'The dam was opened on Monday.',
      'It cost more than planned.',
      'Residents had waited ten years for it.',
      'They cheered.',
    ]);
    expect(layout.captions).toEqual(['Photo : Le barrage, lundi.']);
    expect(layout.subheads).toEqual(['A long wait']);
  });
});

describe('who said it', () => {
  test('a surname after the full name', () => {
    expect(speakers('Harbour master Olga Pennick opened the season.\n“The water is calm and the boats are ready,” Pennick said.')).toEqual([
      'Olga Pennick',
    ]);
  });

  test('a pronoun refers to the last person of its gender', () => {
    const en = 'Councillor Tom Vardy and Ms. Rita Osei met on Monday.\n“We will not give up on the library,” she said.';
    expect(speakers(en)).toEqual(['Rita Osei']);
    const fr = 'M. Paul Lévesque a rencontré les élus.\n« Nous allons rouvrir la bibliothèque bientôt », a-t-il dit.';
    expect(speakers(fr)).toEqual(['Paul Lévesque']);
  });

  test('a title stands for the person named with it earlier', () => {
    expect(
      speakers(
        'La ministre de la Culture, Sophie Tanguay, était présente.\n« Le musée ouvrira ses portes en juin », a indiqué la ministre.',
      ),
    ).toEqual(['Sophie Tanguay']);
    expect(speakers('Mayor Dan Oyelaran spoke first.\n“The bridge will be rebuilt by the fall,” the mayor said.')).toEqual([
      'Dan Oyelaran',
    ]);
  });

  test('a tag inserted between two segments makes one quote', () => {
    const [quote] = parseStory('Ms. Ada Quill spoke.\n“We will,” she said, “go all the way to the top court.”').quotes;
    expect(quote).toMatchObject({ text: 'We will, go all the way to the top court.', speakerName: 'Ada Quill' });
  });

  test('a French tag inside the marks is taken out of the quote', () => {
    const [quote] = parseStory(
      'Le maire Luc Fortier a parlé aux journalistes.\n« Nous irons, a assuré le maire, jusqu’au bout de cette affaire. »',
    ).quotes;
    expect(quote).toMatchObject({ speakerName: 'Luc Fortier', how: 'inside' });
    expect(quote.text).not.toContain('assuré');
  });

  test('a quotation running over paragraphs is one quote', () => {
    // The data README: one record "unless the next paragraph carries its own attribution" (see speakers.test.ts).
    const story = parseStory(
      '“The clinic is full every single day,” Dr. Irene Walsh told the board. “We turn people away.\n“We need two more nurses before winter.”',
    );
    expect(story.quotes).toHaveLength(1);
    expect(story.quotes[0].text).toContain('two more nurses');
  });

  test('a quote nested inside another belongs to the outer one', () => {
    const story = parseStory(
      'Mme Aline Roy a témoigné.\n« Il m’a dit : “Ne t’inquiète pas pour l’argent.” Je l’ai cru », a-t-elle raconté.',
    );
    expect(story.quotes).toHaveLength(1);
    expect(story.quotes[0].speakerName).toBe('Aline Roy');
  });

  test('according to X and selon X name the speaker after the cue', () => {
    expect(speakers('Prices rose “faster than at any time since the war,” according to economist Lena Harb.')).toEqual(['Lena Harb']);
    expect(speakers('Les prix ont grimpé « plus vite que jamais depuis la guerre », selon l’économiste Marc Dubé.')).toEqual(['Marc Dubé']);
  });

  test('a statement speaks for an organisation', () => {
    expect(speakers('The Harbour Workers Union said in a statement that the deal was “a fair result for every member.”')).toEqual([
      'Harbour Workers Union',
    ]);
    expect(
      speakers(
        'La Fédération des pêcheurs a réagi.\n« Cette décision nous prive de trois mois de pêche », a indiqué l’organisme dans un communiqué.',
      ),
    ).toEqual(['Fédération des pêcheurs']);
  });

  test('a quote with no tag carries on the speaker of the previous paragraph', () => {
    const story = parseStory('“The road is closed until Friday,” said Chief Omar Selk.\n“Drivers should take the coast road instead.”');
    expect(story.quotes.map((quote) => [quote.speakerName, quote.how])).toEqual([
      ['Omar Selk', 'explicit'],
      ['Omar Selk', 'continuation'],
    ]);
  });
});

describe('what is not a quote', () => {
  test('titles of works, slogans and short scare quotes', () => {
    expect(parseStory('She read the novel titled “A Winter in the Long Valley” twice.').quotes).toEqual([]);
    expect(parseStory('Il a qualifié la réforme de « simple » et est reparti.').quotes).toEqual([]);
  });
});

describe('people', () => {
  test('people named without an honorific or a quote, by role, age or a verb of saying', () => {
    const story = parseStory(
      'Defence lawyer Nadia Ferrante spoke first. Peter Olsson, 41, was in court.\nThe hearing lasted two hours, Ferrante said.',
    );
    expect(story.namedPeople).toEqual(expect.arrayContaining(['Nadia Ferrante', 'Peter Olsson']));
    expect(story.namedPeople).toHaveLength(2);
  });

  test('places and organisations are not people', () => {
    const story = parseStory('Residents of Maple County met the Riverside Water Board on Monday.');
    expect(story.namedPeople).toEqual([]);
  });
});

describe('the lexicon', () => {
  test('speech verbs, honorifics, titles and pronouns in both languages', () => {
    expect(isSpeechVerb('said')).toBe(true);
    expect(isSpeechVerb('a-t-elle')).toBe(true);
    expect(isSpeechVerb('ajoute-t-il')).toBe(true);
    expect(isSpeechVerb('table')).toBe(false);
    expect(honorific('Mme')).toBe('f');
    expect(honorific('M.')).toBe('m');
    expect(titleAt('mairesse de laval')).toMatchObject({ key: 'mayor', gender: 'f' });
    expect(pronoun('elle')).toBe('f');
    expect(pronoun('dit-il')).toBe('m');
  });

  test('one title list for the parser and the people matcher: a mayor is matched by name', () => {
    expect(personKey('Mayor Jane Roe')).toBe('jane roe');
    expect(personKey('la mairesse Jane Roe')).not.toBe('jane roe');
  });
});
