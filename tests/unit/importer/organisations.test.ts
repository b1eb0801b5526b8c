/** Given small invented sentences, when parsed, then organisations are recognised and speak by newsroom conventions. */
import { parseStory } from '../../../src/importer/parser';
import { namesIn } from '../../../src/importer/names';

const speakers = (text: string) => parseStory(text).quotes.map((quote) => quote.speakerName ?? quote.organisation);
const organisations = (text: string) =>
  namesIn(text, 0)
    .filter((c) => c.kind === 'organisation')
    .map((c) => c.name);
const people = (text: string) =>
  namesIn(text, 0)
    .filter((c) => c.kind === 'person')
    .map((c) => c.name);

describe('organisation names', () => {
  test('a legal suffix or a date ends an English name, which takes no lower-case words', () => {
    expect(organisations('Brackwater Mining Inc on Tuesday cut its forecast.')).toEqual(['Brackwater Mining Inc']);
    expect(organisations('The Transit Workers Union members voted on Monday.')).toEqual(['Transit Workers Union']);
  });

  test('a French head takes the lower-case words of its name', () => {
    expect(organisations('La Fédération québécoise des pêcheurs a réagi mardi.')).toEqual(['Fédération québécoise des pêcheurs']);
  });

  test('a name that runs past connectors is read once', () => {
    expect(organisations('The Parks and Recreation Department said the pool would close.')).toEqual(['Parks and Recreation Department']);
  });

  test('news agencies and outlets are organisations, not people', () => {
    expect(organisations('Over at The Daily Gazette, the editors disagreed, Bloomberg reported.')).toContain('Bloomberg');
    expect(people('Over at The Washington Post, an editor disagreed.')).toEqual([]);
  });

  test('a role “at” a capitalised run, and « l’organisme X », name an organisation', () => {
    expect(organisations('said Ivo Tamm, an analyst at Grenfell Harbour Partners.')).toContain('Grenfell Harbour Partners');
    expect(organisations('La directrice de l’organisme Essor Rivière-Noire a réagi.')).toEqual(['Essor Rivière-Noire']);
  });

  test('a possessive employer before a speaking name is an organisation and the name a person', () => {
    const found = namesIn('Trendwire’s Oona Blackett said the device would ship in May.', 0);
    expect(found.map((c) => [c.kind, c.name])).toEqual([
      ['organisation', 'Trendwire'],
      ['person', 'Oona Blackett'],
    ]);
    expect(organisations('The Island’s Got Grit star sang.')).toEqual([]);
  });

  test('a run once given as an organisation stays one when it later speaks', () => {
    const story =
      'La papetière Moulins Arbour fermera son usine.\nDans un communiqué, Moulins Arbour a déclaré que « la demande ne permet plus d’exploiter l’usine ».';
    expect(parseStory(story).namedPeople).toEqual([]);
    expect(speakers(story)).toEqual(['Moulins Arbour']);
  });
});

describe('organisations as speakers', () => {
  test('“it said” stands for the organisation last named', () => {
    const story =
      'Fisher Ada Lunn was angry. The Coastal Fisheries Department cut the quota on Monday.\n"Stocks have not recovered as fast as hoped," it said.';
    expect(speakers(story)).toEqual(['Coastal Fisheries Department']);
  });

  test('the subject of a speech verb in the narrative can be a noun for an organisation, and a pronoun then finds the last person', () => {
    const story =
      'La mairesse Odile Paquin et la conseillère Rita Vachon ont débattu.\nLa mairesse a précisé qu’elle ne reculerait pas.\n« Les citoyens trancheront en novembre », a-t-elle lancé.';
    expect(speakers(story)).toEqual(['Odile Paquin']);
  });

  test('an organisation speaks again by its initials, or by its first word when it carries a legal suffix', () => {
    const initials =
      'The Northern Committee on River Safety published its review.\n“Most of the drownings could have been prevented,” the NCRS said.';
    expect(speakers(initials)).toEqual(['Northern Committee on River Safety']);
    const first = 'Pellbrook Foods Ltd recalled two products.\n“We are acting out of an abundance of caution,” Pellbrook said.';
    expect(speakers(first)).toEqual(['Pellbrook Foods Ltd']);
  });

  test('a report, study or its authors speak for the organisation that issued it', () => {
    const story =
      'The Northern River Safety Council released its review on Monday.\n“Most of the drownings could have been prevented,” the authors wrote.';
    expect(speakers(story)).toEqual(['Northern River Safety Council']);
  });

  test('initials with periods neither end the sentence nor leave the name', () => {
    const story =
      'Cases were found in two towns.\n“Most people will have no symptoms at all,” according to the N.S. Office of Public Health.';
    expect(speakers(story)).toEqual(['N.S. Office of Public Health']);
  });
});
