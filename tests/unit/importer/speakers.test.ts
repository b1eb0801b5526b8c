/** Given small invented sentences, when parsed, then each newsroom convention of attribution names the right speaker. */
import { parseStory } from '../../../src/importer/parser';

const quotes = (text: string) => parseStory(text).quotes.map((quote) => ({ speaker: quote.speakerName ?? quote.organisation, how: quote.how }));
const speakers = (text: string) => quotes(text).map((quote) => quote.speaker);

describe('the subject of the verb of saying', () => {
  test('the name before the verb speaks, not the one after it', () => {
    const story = 'Dock manager Hal Brinks met the mayor, Ines Kowal, on Monday.\n“We will not close the marina this winter,” Brinks later told Kowal.';
    expect(speakers(story)).toEqual(['Hal Brinks']);
  });

  test('an organisation named after “saying” is what was said, not who said it', () => {
    const story = 'Ferrow Mining Corp said it would appeal. Site director Nadia Olszewski rejected the fine, saying the company had reported the spill “as soon as the pumps were checked by our own crew.”';
    expect(speakers(story)).toEqual(['Nadia Olszewski']);
  });
});

describe('a clause after the quote that names nobody', () => {
  test('leaves the subject before the quote to speak', () => {
    const story = 'Their housing critic, Oren Vasquez-Tull, called it "a plan written on the back of a napkin" and said tenants had waited for years.';
    expect(speakers(story)).toEqual(['Oren Vasquez-Tull']);
  });
});
