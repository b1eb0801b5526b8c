import { firstFreeSlug, slugFrom } from '../../../src/content-rules/slugs';

test('slugs fold accents, punctuation and case', () => {
  expect(slugFrom('Zelensky et Trudeau : « un entretien substantiel »')).toBe('zelensky-et-trudeau-un-entretien-substantiel');
  expect(slugFrom('Washington still views Maduro government as ‘illegitimate’')).toBe(
    'washington-still-views-maduro-government-as-illegitimate',
  );
  expect(slugFrom('!!!')).toBe('untitled');
  expect(slugFrom('a '.repeat(200)).length).toBeLessThanOrEqual(120);
});

test('the first free slug gets a numeric suffix', async () => {
  const taken = new Set(['story', 'story-2']);
  expect(await firstFreeSlug('story', async (slug) => taken.has(slug))).toBe('story-3');
  expect(await firstFreeSlug('fresh', async (slug) => taken.has(slug))).toBe('fresh');
});
