/** Given small invented sentences, when parsed, then each newsroom convention of attribution names the right speaker. */
import { parseStory } from '../../../src/importer/parser';

const quotes = (text: string) =>
  parseStory(text).quotes.map((quote) => ({ speaker: quote.speakerName ?? quote.organisation, how: quote.how }));
const speakers = (text: string) => quotes(text).map((quote) => quote.speaker);

describe('the subject of the verb of saying', () => {
  test('the name before the verb speaks, not the one after it', () => {
    const story =
      'Dock manager Hal Brinks met the mayor, Ines Kowal, on Monday.\n“We will not close the marina this winter,” Brinks later told Kowal.';
    expect(speakers(story)).toEqual(['Hal Brinks']);
  });

  test('an organisation named after “saying” is what was said, not who said it', () => {
    const story =
      'Ferrow Mining Corp said it would appeal. Site director Nadia Olszewski rejected the fine, saying the company had reported the spill “as soon as the pumps were checked by our own crew.”';
    expect(speakers(story)).toEqual(['Nadia Olszewski']);
  });
});

describe('a clause after the quote that names nobody', () => {
  test('leaves the subject before the quote to speak', () => {
    const story =
      'Their housing critic, Oren Vasquez-Tull, called it "a plan written on the back of a napkin" and said tenants had waited for years.';
    expect(speakers(story)).toEqual(['Oren Vasquez-Tull']);
  });
});

describe('continuation', () => {
  test('a bare quote carries on the person reported speaking in the paragraph before', () => {
    const en =
      'Chief Executive Rona Till spoke on a call with analysts.\nTill said the storm had shut two of the plants for a week.\n“Our crews worked around the clock to bring the lines back.”';
    expect(quotes(en)).toEqual([{ speaker: 'Rona Till', how: 'continuation' }]);
    const fr =
      'La mairesse Odile Paquin a rencontré les commerçants.\nMme Paquin a rappelé que la rue serait fermée tout l’été.\n« Nous savons que ce sera difficile pour tout le monde. »';
    expect(quotes(fr)).toEqual([{ speaker: 'Odile Paquin', how: 'continuation' }]);
  });

  test('a quote runs on two paragraphs after its speaker when nobody else comes between', () => {
    const story =
      '“We did not expect the larvae to choose at all,” said researcher Tomas Wren.\nThe larvae swam toward the cleaner water in every trial.\n“We ran it again and again, and they chose the same way every time.”';
    expect(speakers(story)).toEqual(['Tomas Wren', 'Tomas Wren']);
  });

  test('a paragraph reopening a quotation with its own tag starts a new quote and closes the one before', () => {
    const story =
      'Ryan Example spoke at the airport.\n"We have been talking to the authorities for months. They are nervous about competition.\n"What we want to do next is much bigger," said Mr Example.';
    const parsed = parseStory(story).quotes;
    expect(parsed.map((quote) => quote.text)).toEqual([
      'We have been talking to the authorities for months. They are nervous about competition.',
      'What we want to do next is much bigger',
    ]);
    expect(parsed[1]).toMatchObject({ speakerName: 'Ryan Example', how: 'explicit' });
  });
});

describe('a surname alone', () => {
  test('speaks when it is the subject of a verb of saying and the story goes on with a personal pronoun', () => {
    const story =
      'The board asked Quennell about the plan on Tuesday. Quennell, at that time, told reporters that his team was ready.\n"We are not sharing the list yet," he said.\n"There are many states that want this," Quennell said.';
    expect(parseStory(story).namedPeople).toEqual(['Quennell']);
    expect(speakers(story)).toEqual(['Quennell', 'Quennell']);
  });

  test('does not when it opens a sentence only, follows an inverted verb with more clause, or has no personal pronoun', () => {
    expect(parseStory('Analysts said the market was calm. "It will not last a month," she said.').namedPeople).toEqual([]);
    expect(parseStory('Mr Roe said Brightair is keen to fly there. He said the route was ready.').namedPeople).toEqual(['Roe']);
    expect(parseStory('Brightair said it would add routes. "We are growing fast," Brightair said.').namedPeople).toEqual([]);
  });
});

describe('a title with a modifier', () => {
  test('“the airline boss” stands for the chief executive the story named', () => {
    const story = 'Chief executive Mara Quist spoke in Dublin.\n“The routes will be long but they will pay,” said the airline boss.';
    expect(speakers(story)).toEqual(['Mara Quist']);
  });
});

test('a run-on web scrape gives an attribution of at most 200 characters, cut at a word, with its speaker', () => {
  const runOn = `${'The council met for hours and heard residents describe the flooding of their basements and streets '.repeat(8)}before the mayor, Ruth Okafor, said “We will rebuild every street that the river took from us.”`;
  const [quote] = parseStory(`Council hears flood victims\n\n${runOn}`).quotes;
  expect(quote.attribution?.length).toBeLessThanOrEqual(200);
  expect(quote.attribution).toMatch(/\S…$/u);
  expect(quote.speakerName).toBe('Ruth Okafor');
});
