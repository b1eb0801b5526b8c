import {
  figures,
  normaliseQuoteText,
  quoteStartsWith,
  sameName,
  sameOrganisation,
  scoreStory,
  type GoldQuote,
} from '../../../../bench/structure/score';

const gold = (start: string, speaker: string | null, speakerKind: GoldQuote['speakerKind'] = speaker ? 'person' : null): GoldQuote => ({
  start,
  speaker,
  speakerKind,
  paragraph: 0,
  how: 'explicit',
});
const quote = (text: string, speakerName: string | null = null, organisation: string | null = null) => ({
  text,
  speakerName,
  organisation,
});

describe('normalising quote text', () => {
  test('case, accents, quotation marks, apostrophes and spaces', () => {
    expect(normaliseQuoteText('«\u00A0L’Été   arrive »')).toBe("l'ete arrive");
  });

  test('a gold start is found within the first 200 characters only', () => {
    expect(quoteStartsWith('“We will,” go all the way', 'We will,')).toBe(true);
    expect(quoteStartsWith(`${'x'.repeat(250)} late start`, 'late start')).toBe(false);
  });
});

describe('the name rule', () => {
  test('same last name and first name, or one side only a last name; honorifics dropped', () => {
    expect(sameName('Marie-Ève Tremblay', 'Tremblay')).toBe(true);
    expect(sameName('Mme Marie-Ève Tremblay', 'Marie-Eve Tremblay')).toBe(true);
    expect(sameName('Paul Tremblay', 'Marie-Ève Tremblay')).toBe(false);
    expect(sameName('Tremblay', 'Gagnon')).toBe(false);
  });

  test('organisations ignore a leading article and legal suffixes', () => {
    expect(sameOrganisation('the Harbour Council', 'Harbour Council')).toBe(true);
    expect(sameOrganisation('Papiers Nordet inc.', 'Papiers Nordet')).toBe(true);
    expect(sameOrganisation('Harbour Council', 'Harbour Board')).toBe(false);
  });
});

describe('scoring one story', () => {
  test('Given two gold quotes and three imported, then each imported quote matches at most one gold quote', () => {
    const { counts, falseQuotes } = scoreStory(
      {
        quotes: [
          gold('We will rebuild the bridge', 'Ann Lee'),
          gold('The budget is sound', null, null),
          gold('Costs are rising', 'Port Board', 'organisation'),
        ],
        people: ['Ann Lee', 'Bo Chan'],
      },
      {
        quotes: [
          quote('We will rebuild the bridge, and the road.', 'Lee'),
          quote('The budget is sound.', 'Someone'),
          quote('A slogan on a sign here'),
        ],
        people: ['Ann Lee', 'Carl Moe'],
      },
    );
    expect(counts).toMatchObject({
      goldQuotes: 3,
      importedQuotes: 3,
      foundQuotes: 2,
      personQuotes: 1,
      personFound: 1,
      personLinked: 1,
      organisationQuotes: 1,
      organisationLinked: 0,
    });
    expect(falseQuotes.map((q) => q.text)).toEqual(['A slogan on a sign here']);
    const x = figures(counts);
    expect(x.quotes.precision).toBeCloseTo(2 / 3);
    expect(x.people).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  test('a gold quote merged into another imported quote is found once', () => {
    const { counts } = scoreStory(
      { quotes: [gold('First part here', 'Ann Lee'), gold('First part', 'Ann Lee')], people: [] },
      { quotes: [quote('First part here and more')], people: [] },
    );
    expect(counts.foundQuotes).toBe(1);
  });

  test('an organisation quote counts when it is attributed to the organisation', () => {
    const { counts } = scoreStory(
      { quotes: [gold('Costs are rising', 'the Port Board', 'organisation')], people: [] },
      { quotes: [quote('Costs are rising fast.', null, 'Port Board')], people: [] },
    );
    expect(counts.organisationLinked).toBe(1);
  });
});
