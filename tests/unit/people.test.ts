import { matchPerson, mentionedPeople, personKey } from '../../src/importer/people';
import { headlineSimilarity, SAME_HEADLINE } from '../../src/importer/text';

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

test('mentions by full name, alias, or honorific and surname', () => {
  expect(mentionedPeople('Mr. Trudeau announced aid.', people)).toEqual([trudeau]);
  expect(mentionedPeople('M. Trudeau a annoncé une aide.', people)).toEqual([trudeau]);
  expect(mentionedPeople('Ukrainian President Valodymyr Zelensky spoke.', people)).toEqual([zelensky]);
  expect(mentionedPeople('Trudeaus and Zelenskyites are not people.', people)).toEqual([]);
});

test('headlines match despite quote marks and small edits', () => {
  const a = 'Zelensky and Trudeau hold a ‘substantial’ discussion on Ukraine’s defence needs';
  expect(headlineSimilarity(a, 'Zelensky and Trudeau hold a "substantial" discussion on Ukraine\'s defence needs')).toBe(1);
  expect(headlineSimilarity(a, 'Zelensky and Trudeau hold substantial discussion on Ukraine defense needs')).toBeGreaterThanOrEqual(SAME_HEADLINE);
  expect(headlineSimilarity(a, 'Putin orders documentaries on the offensive')).toBeLessThan(0.5);
});
