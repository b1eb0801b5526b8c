/**
 * The importer's language knowledge, read from the data files in ./lexicon (each names its
 * source) and offered through small pure functions. Words are compared folded: lower case,
 * accents kept apart by foldForMatch, curly apostrophes made straight.
 */
import { eng as englishStopwords, fra as frenchStopwords } from 'stopword';
import honorificData from './lexicon/honorifics.json';
import notNameData from './lexicon/not-names.json';
import organisationData from './lexicon/organisations.json';
import pronounData from './lexicon/pronouns.json';
import speechData from './lexicon/speech-verbs.json';
import titleData from './lexicon/titles.json';
import { foldForMatch } from './text';

export type Gender = 'm' | 'f' | null;
export type Title = { key: string; form: string; gender: Gender };

const fold = (word: string) => foldForMatch(word);
const setOf = (words: string[]) => new Set(words.map(fold));

const speechWords = setOf([...speechData.en, ...speechData.fr]);
const auxiliaries = setOf(speechData.frAuxiliaries);
const speechPhrases = [...speechData.enPhrases, ...speechData.frPhrases].map(fold);

/** A word that says someone spoke: "said", "déclaré", "ajoute", and French inverted forms ("a-t-elle", "dit-il"). */
export function isSpeechVerb(word: string): boolean {
  const folded = fold(word);
  if (speechWords.has(folded)) return true;
  const inverted = /^(\p{L}+)-(?:t-)?(?:il|elle|ils|elles|on)$/u.exec(folded);
  return inverted !== null && (speechWords.has(inverted[1]) || auxiliaries.has(inverted[1]));
}

/** A multi-word cue of attribution ("according to", « selon », "in a statement") at the start of `text`. */
export function speechPhraseAt(foldedText: string): string | null {
  return speechPhrases.find((phrase) => foldedText.startsWith(phrase) && !/\p{L}/u.test(foldedText[phrase.length] ?? '')) ?? null;
}

const openingCues = speechData.frOpeningCues.map(fold);

/** « Pour X, la fermeture est "…" »: a cue that attributes only when it opens the sentence; the cue as written, or null. */
export function openingCueAt(foldedText: string): string | null {
  return openingCues.find((cue) => foldedText.startsWith(cue) && !/\p{L}/u.test(foldedText[cue.length] ?? '')) ?? null;
}

/** "selon", "according to": the speaker comes after the cue, not before. */
export function isSourceCue(phrase: string): boolean {
  return ['according to', 'selon', "d'apres"].includes(fold(phrase));
}

const honorifics = new Map(honorificData.honorifics.map((entry) => [fold(entry.form), entry.gender as Gender]));

/** "Mr", "Mme", "M." (with or without the period): the gender it implies, or undefined when not an honorific. */
export function honorific(word: string): Gender | undefined {
  const key = fold(word).replace(/\.$/u, '');
  return honorifics.has(key) ? (honorifics.get(key) as Gender) : undefined;
}

export const HONORIFIC_FORMS: readonly string[] = [...honorifics.keys()];

const titles: Title[] = titleData.titles
  .flatMap((entry) => entry.forms.map(([form, gender]) => ({ key: entry.key, form: fold(form as string), gender: gender as Gender })))
  .sort((a, b) => b.form.length - a.form.length);

/** The title or role that starts `foldedText` ("ministre de…", "district judge"), longest form first. */
export function titleAt(foldedText: string): Title | null {
  // A compound title is its head's ("entraîneur-chef", "editor-in-chief").
  return (
    titles.find(
      (title) =>
        foldedText.startsWith(title.form) &&
        !/\p{L}/u.test(foldedText[title.form.length] ?? '') &&
        !/^-(?!\p{L})/u.test(foldedText.slice(title.form.length)),
    ) ?? null
  );
}

export function isTitleWord(word: string): boolean {
  const folded = fold(word);
  return titles.some((title) => title.form === folded);
}

/** Titles dropped from the front of a name when names are compared ("Prime Minister Justin Trudeau"), longest first. */
export const NAME_PREFIXES: readonly string[] = [...new Set([...titleData.honorificTitles, ...HONORIFIC_FORMS].map(fold))].sort(
  (a, b) => b.length - a.length,
);

const pronouns = new Map<string, Gender>(
  [...Object.entries(pronounData.en), ...Object.entries(pronounData.fr)].map(([word, gender]) => [fold(word), gender as Gender]),
);
const relatives = setOf([...pronounData.relative.en, ...pronounData.relative.fr]);

/** A personal pronoun that can stand for a person and its gender; undefined otherwise. */
export function pronoun(word: string): Gender | undefined {
  const folded = fold(word);
  const inverted = /-(?:t-)?(il|elle)$/u.exec(folded);
  if (inverted) return pronouns.get(inverted[1]);
  return pronouns.get(folded);
}

const organisationPronouns = setOf(pronounData.organisation.en);

/** "it" before a verb of saying: an organisation speaking ("it said in a statement"). */
export function isOrganisationPronoun(word: string): boolean {
  return organisationPronouns.has(fold(word));
}

export function isRelativePronoun(word: string): boolean {
  return relatives.has(fold(word));
}

const frenchHeads = setOf(organisationData.heads.fr);
const organisationHeads = setOf([...organisationData.heads.en, ...organisationData.heads.fr, ...organisationData.legalSuffixes]);
const legalSuffixes = setOf(organisationData.legalSuffixes);
const outlets = organisationData.outlets.map(fold).sort((a, b) => b.length - a.length);

/** A French head noun, which lower-case words may follow inside the name (« Coalition québécoise des locataires »). */
export function isFrenchOrganisationHead(word: string): boolean {
  return frenchHeads.has(fold(word));
}

/** "Inc", "Ltd", « ltée »: the last word of a company's name. */
export function isLegalSuffix(word: string): boolean {
  return legalSuffixes.has(fold(word).replace(/\.$/u, ''));
}

/** A news agency or outlet that starts `foldedText` ("the associated press", "cnbc"), longest first. */
export function outletAt(foldedText: string): string | null {
  const article = /^(?:the|la|le|l')\s?/u.exec(foldedText)?.[0] ?? '';
  const rest = foldedText.slice(article.length);
  const name = outlets.find((outlet) => rest.startsWith(outlet) && !/[\p{L}\p{N}]/u.test(rest[outlet.length] ?? ''));
  return name ? foldedText.slice(0, article.length + name.length) : null;
}
const genericOrganisations = [...organisationData.generic.en, ...organisationData.generic.fr].map(fold).sort((a, b) => b.length - a.length);
const spokespeople = setOf(organisationData.spokespeople);
const statements = setOf(organisationData.statements);

/** A word that makes a capitalised run an organisation's name ("Council", "Ville", "Inc"). */
export function isOrganisationHead(word: string): boolean {
  return organisationHeads.has(fold(word).replace(/\.$/u, ''));
}

/** "the company", « l'entreprise »: a common noun standing for an organisation the story named. */
export function genericOrganisationAt(foldedText: string): string | null {
  return genericOrganisations.find((noun) => foldedText.startsWith(noun) && !/\p{L}/u.test(foldedText[noun.length] ?? '')) ?? null;
}

const offices = setOf(organisationData.offices);

/** "Mr. Roe's office", « le cabinet de M. Roe »: an office that speaks for a person. */
export function isOfficeWord(word: string): boolean {
  return offices.has(fold(word));
}

export function isSpokespersonWord(word: string): boolean {
  return spokespeople.has(fold(word));
}

export function isStatementWord(word: string): boolean {
  return statements.has(fold(word));
}

const notNames = setOf(notNameData.words);
const stopwords = setOf([...englishStopwords, ...frenchStopwords]);

/** A capitalised word that cannot be part of a person's name (a function word, a day, a month, a channel). */
export function isNotAName(word: string): boolean {
  const folded = fold(word).replace(/['’]s$/u, '');
  return notNames.has(folded) || stopwords.has(folded) || isOrganisationHead(folded);
}
