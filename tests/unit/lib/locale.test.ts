import { localeCode } from '../../../src/lib/locale';

describe('localeCode', () => {
  test.each(['en', 'fr', 'fr-CA', 'zh-Hant', 'ast', 'es-419'])('accepts %s', (code) => {
    expect(localeCode.safeParse(code).success).toBe(true);
  });

  test.each(['', 'EN', 'e', "en'--", 'en-', 'en_CA', 'fr-CA-x', 'english', 'en-toolongtag'])(
    'refuses %j, naming what a locale is',
    (code) => {
      const parsed = localeCode.safeParse(code);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].message).toBe('locale must be a locale code such as "en" or "fr"');
    },
  );
});
