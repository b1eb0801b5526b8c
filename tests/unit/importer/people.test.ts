import { findPerson, fullerName, matchPerson, mentionedPeople, personKey } from '../../../src/importer/people';
import { matchOrganisation, organisationKey } from '../../../src/importer/organisations';
import { headlineSimilarity, SAME_HEADLINE } from '../../../src/importer/text';

const zelensky = { documentId: 'z', name: 'Volodymyr Zelensky', aliases: ['Valodymyr Zelensky', 'Mr. Zelensky'] };
const trudeau = { documentId: 't', name: 'Justin Trudeau', aliases: [] };
const maduro = { documentId: 'm', name: 'Nicolás Maduro', aliases: [] };
const people = [zelensky, trudeau, maduro];

test('keys ignore case, accents and honorifics', () => {
  expect(personKey('Mr. Justin Trudeau')).toBe('justin trudeau');
  expect(personKey('Prime Minister Justin TRUDEAU')).toBe('justin trudeau');
  expect(personKey('M. Nicolás Maduro')).toBe('nicolas maduro');
  expect(personKey('Mme Chrystia Freeland')).toBe('chrystia freeland');
});

test('names match by name or alias', () => {
  expect(matchPerson('Valodymyr Zelensky', people)).toBe(zelensky);
  expect(matchPerson('President Nicolas Maduro', people)).toBe(maduro);
  expect(matchPerson('Jane Doe', people)).toBeUndefined();
});

test('Given a known Justin Trudeau, surname, honorific and initial forms find him, other first names do not', () => {
  for (const form of ['Trudeau', 'M. Trudeau', 'Mr. Trudeau', 'J. Trudeau', 'Prime Minister Justin Trudeau', 'justin trudeau']) {
    expect(findPerson(form, people)).toBe(trudeau);
  }
  expect(findPerson('Pierre Trudeau', people)).toBeUndefined();
  expect(findPerson('Zelensky', people)).toBe(zelensky);
  // A surname-only alias ("Mr. Zelensky") stands for a surname, never for another first name.
  expect(findPerson('Olena Zelensky', people)).toBeUndefined();
});

test('Given two people with one surname, a lone surname goes to the one the story already names', () => {
  const pierre = { documentId: 'p', name: 'Pierre Trudeau', aliases: [] };
  expect(findPerson('Trudeau', [trudeau, pierre])).toBe(trudeau);
  expect(findPerson('Trudeau', [trudeau, pierre], new Set(['p']))).toBe(pierre);
});

test('Given a person known only by a surname, the full name finds them and becomes their name', () => {
  const lee = { documentId: 'l', name: 'Lee', aliases: ['Ms. Lee'] };
  expect(findPerson('Anna Lee', [lee])).toBe(lee);
  expect(fullerName(lee, 'Anna Lee')).toEqual({ name: 'Anna Lee', aliases: ['Ms. Lee', 'Lee'] });
  expect(fullerName(trudeau, 'Trudeau')).toBeNull();
});

test('organisations match without case, accents, a leading article or a legal suffix, and by alias', () => {
  const health = { documentId: 'h', name: 'Health Department', aliases: [] };
  const hydro = { documentId: 'q', name: 'Hydro-Québec', aliases: ['HQ'] };
  expect(organisationKey('the Health Department')).toBe('health department');
  expect(organisationKey("l'Ordre des infirmières")).toBe('ordre des infirmieres');
  expect(matchOrganisation('The health department', [health, hydro])).toBe(health);
  expect(matchOrganisation('Hydro-Quebec Inc.', [health, hydro])).toBe(hydro);
  expect(matchOrganisation('HQ', [health, hydro])).toBe(hydro);
  expect(matchOrganisation('Health Canada', [health, hydro])).toBeUndefined();
});

test('mentions by full name, alias, or honorific and surname', () => {
  expect(mentionedPeople('Mr. Trudeau announced aid.', people)).toEqual([trudeau]);
  expect(mentionedPeople('M. Trudeau a annoncé une aide.', people)).toEqual([trudeau]);
  expect(mentionedPeople('Ukrainian President Valodymyr Zelensky spoke.', people)).toEqual([zelensky]);
  expect(mentionedPeople('Trudeaus and Zelenskyites are not people.', people)).toEqual([]);
});

test('headlines match despite quote marks and small edits', () => {
  const a = 'Zelensky and Trudeau hold a ‘substantial’ discussion on Ukraine’s defence needs';
  expect(headlineSimilarity(a, 'Zelensky and Trudeau hold a "substantial" discussion on Ukraine\'s defence needs')).toBe(1);
  expect(headlineSimilarity(a, 'Zelensky and Trudeau hold substantial discussion on Ukraine defense needs')).toBeGreaterThanOrEqual(
    SAME_HEADLINE,
  );
  expect(headlineSimilarity(a, 'Putin orders documentaries on the offensive')).toBeLessThan(0.5);
});
