/** Given small invented French sentences, when parsed, then French newsroom conventions of attribution are read. */
import { parseStory } from '../../../src/importer/parser';

const speakers = (text: string) => parseStory(text).quotes.map((quote) => quote.speakerName ?? quote.organisation);

describe('French attribution', () => {
  test('a tag inside the marks leaves the speaker’s own comma with the words', () => {
    const [quote] = parseStory('La ministre Odile Paquin a parlé.\n« Nous voulions aller plus vite, a-t-elle admis, mais il fallait consulter. »').quotes;
    expect(quote.text).toBe('Nous voulions aller plus vite, mais il fallait consulter.');
  });
});
