/**
 * Matching the names a story uses to the Persons Newsdesk knows, ignoring case,
 * accents and honorifics. Pure.
 */
import { NAME_PREFIXES } from './lexicon';
import { foldForMatch } from './text';

export type KnownPerson = { documentId: string; name: string; aliases: string[] };

function words(text: string): string {
  return foldForMatch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Honorifics and titles that precede a name (./lexicon), as comparison words; longest first. */
const HONORIFICS = NAME_PREFIXES.map(words);

/** A comparison key for a person's name: folded, honorifics and titles dropped. */
export function personKey(name: string): string {
  let key = words(name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const honorific of HONORIFICS) {
      if (key.startsWith(`${honorific} `)) {
        key = key.slice(honorific.length + 1);
        changed = true;
      }
    }
  }
  return key;
}

function formsOf(person: KnownPerson): string[] {
  return [person.name, ...person.aliases].map(personKey).filter((form) => form.length > 0);
}

/** The known person with exactly this name or alias (honorifics, case and accents aside). */
export function matchPerson(name: string, people: KnownPerson[]): KnownPerson | undefined {
  const key = personKey(name);
  return people.find((person) => formsOf(person).includes(key));
}

/** "j" stands for "justin"; "justin" for "justin". */
function sameFirstName(a: string, b: string): boolean {
  return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/**
 * Whether a story's name can be this known person: the same full form, or the same last
 * name with the same first name (or its initial), or one side giving only the last name.
 * A surname alone ("Trudeau", from "M. Trudeau") never stands for a different first name:
 * an alias that is only a surname counts only for a surname.
 */
function nameFits(key: string, person: KnownPerson): boolean {
  const query = key.split(' ');
  const last = query[query.length - 1];
  const forms = formsOf(person).map((form) => form.split(' '));
  if (query.length === 1) return forms.some((form) => form[form.length - 1] === last);
  const own = personKey(person.name).split(' ');
  if (own.length === 1 && own[0] === last) return true;
  return forms.some((form) => form.length > 1 && form[form.length - 1] === last && sameFirstName(form[0], query[0]));
}

/**
 * The known person a story's name stands for, so that "Trudeau", "M. Trudeau" and
 * "J. Trudeau" find "Justin Trudeau" rather than become new people: an exact name or
 * alias first, then a compatible one (see nameFits). When several people fit, those in
 * `preferred` (already linked to the story) win, then the earliest known.
 */
export function findPerson(name: string, people: KnownPerson[], preferred: ReadonlySet<string> = new Set()): KnownPerson | undefined {
  const exact = matchPerson(name, people);
  if (exact) return exact;
  const key = personKey(name);
  if (!key) return undefined;
  const fitting = people.filter((person) => nameFits(key, person));
  return fitting.find((person) => preferred.has(person.documentId)) ?? fitting[0];
}

/** A person known only by a surname, now named in full: the fuller form becomes the name, the old one an alias. */
export function fullerName(person: KnownPerson, name: string): { name: string; aliases: string[] } | null {
  const own = personKey(person.name).split(' ');
  const given = personKey(name).split(' ');
  if (own.length !== 1 || given.length < 2) return null;
  return { name, aliases: [...new Set([...person.aliases, person.name])] };
}

/**
 * The known people a text names: by full name or alias anywhere, or by surname after
 * an honorific or a title ("Mr. Trudeau", "M. Trudeau", "President Zelensky").
 */
export function mentionedPeople(text: string, people: KnownPerson[]): KnownPerson[] {
  const haystack = ` ${words(text)} `;
  return people.filter((person) => {
    if (formsOf(person).some((form) => haystack.includes(` ${form} `))) return true;
    const last = personKey(person.name).split(' ').pop();
    return Boolean(last) && HONORIFICS.some((honorific) => haystack.includes(` ${honorific} ${last} `));
  });
}
