import { duration, renderReason, type Reason } from '../../../../../src/plugins/read-also/shared/reasons';
import { isShownTerm } from '../../../../../src/plugins/read-also/server/src/scoring/text';

const reasons: Reason[] = [
  { code: 'speaker', person: 'Volodymyr Zelensky' },
  { code: 'person', person: 'Justin Trudeau' },
  { code: 'terms', terms: ['Ukraine', 'défense', 'aide'] },
  { code: 'tags', tags: ['Ukraine'] },
  { code: 'section', section: 'Monde' },
  { code: 'time', days: 2 },
];

describe('reasons, rendered per language', () => {
  test('in English they read as before', () => {
    expect(reasons.map((reason) => renderReason(reason, 'en'))).toEqual([
      'quotes Volodymyr Zelensky',
      'both mention Justin Trudeau',
      'shared terms: Ukraine, défense, aide',
      'shared tags: Ukraine',
      'same section: Monde',
      '2 days earlier',
    ]);
  });

  test('in French (any fr locale), in French', () => {
    expect(reasons.map((reason) => renderReason(reason, 'fr-CA'))).toEqual([
      'cite Volodymyr Zelensky',
      'mentionne aussi Justin Trudeau',
      'termes communs : Ukraine, défense, aide',
      'mots-clés communs : Ukraine',
      'même rubrique : Monde',
      '2\u00a0jours plus tôt', // French keeps a number with its unit: a no-break space
    ]);
  });

  test('time gaps use the largest readable unit, in both directions', () => {
    expect(renderReason({ code: 'time', days: 0 }, 'en')).toBe('the same day');
    expect(renderReason({ code: 'time', days: -1 }, 'en')).toBe('1 day later');
    expect(renderReason({ code: 'time', days: 21 }, 'en')).toBe('3 weeks earlier');
    expect(renderReason({ code: 'time', days: 1461 }, 'en')).toBe('4 years earlier');
    // ICU puts a no-break space between a number and some French units, not others.
    const spaced = (text: string) => text.replace(/\s/gu, ' ');
    expect(spaced(renderReason({ code: 'time', days: 1461 }, 'fr'))).toBe('4 ans plus tôt');
    expect(spaced(duration(90, 'fr'))).toBe('3 mois');
  });
});

describe('terms worth showing', () => {
  test('the words of the story, not filler words nor bare numbers, in both languages', () => {
    expect(['entre', 'huit', 'plus', 'selon'].filter((word) => isShownTerm(word, 'fr'))).toEqual([]);
    expect(['said', 'also', 'new'].filter((word) => isShownTerm(word, 'en'))).toEqual([]);
    expect(isShownTerm('2023', 'en')).toBe(false);
    expect(['Ukraine', 'défense', 'comptes'].filter((word) => isShownTerm(word, 'fr'))).toEqual(['Ukraine', 'défense', 'comptes']);
    expect(['Ukraine', 'defence', 'aid'].filter((word) => isShownTerm(word, 'en'))).toEqual(['Ukraine', 'defence', 'aid']);
  });
});
