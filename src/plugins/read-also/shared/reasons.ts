/**
 * Why a story is suggested, as codes with parameters: the server sends them to every client
 * and renders them in the article's language for frontends; the admin renders them in the
 * editor's interface language. One renderer for both, its wording in reason-messages.json.
 */
import messages from './reason-messages.json';

export type Reason =
  | { code: 'speaker'; person: string }
  | { code: 'person'; person: string }
  | { code: 'terms'; terms: string[] }
  | { code: 'tags'; tags: string[] }
  | { code: 'section'; section: string }
  /** Days from the suggested story to the article: positive when it came earlier. */
  | { code: 'time'; days: number };

type Language = 'en' | 'fr';
type Messages = (typeof messages)['en'];

const languageOf = (locale: string): Language => (locale.toLowerCase().startsWith('fr') ? 'fr' : 'en');

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, key: string) => values[key] ?? whole);
}

/** "2 days", "3 weeks", "4 years": the largest unit that keeps the number readable. */
export function duration(days: number, locale: string): string {
  const [unit, amount] =
    days < 14
      ? (['day', days] as const)
      : days < 60
        ? (['week', Math.round(days / 7)] as const)
        : days < 730
          ? (['month', Math.round(days / 30.44)] as const)
          : (['year', Math.round(days / 365.25)] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

export function renderReason(reason: Reason, locale: string): string {
  const text: Messages = messages[languageOf(locale)];
  const list = (items: string[]) => items.join(text.listSeparator);
  switch (reason.code) {
    case 'speaker':
      return fill(text.speaker, { person: reason.person });
    case 'person':
      return fill(text.person, { person: reason.person });
    case 'terms':
      return fill(text.terms, { terms: list(reason.terms) });
    case 'tags':
      return fill(text.tags, { tags: list(reason.tags) });
    case 'section':
      return fill(text.section, { section: reason.section });
    case 'time':
      if (reason.days === 0) return text.sameDay;
      return fill(reason.days > 0 ? text.earlier : text.later, { duration: duration(Math.abs(reason.days), locale) });
  }
}
