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

export function matchPerson(name: string, people: KnownPerson[]): KnownPerson | undefined {
  const key = personKey(name);
  return people.find((person) => formsOf(person).includes(key));
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
