/**
 * Terms for ranking: lower-cased words without English or French stop words, reduced to
 * their Snowball stem so "defence" and "defences" meet. Each stem remembers the word a
 * reader would recognise, for reasons such as "shared terms: Ukraine, defence".
 */
import { eng, fra } from 'stopword';
import { newStemmer } from 'snowball-stemmers';
import displayStopWords from 'stopwords-iso';

export type Terms = { counts: Map<string, number>; labels: Map<string, string> };

const STOP_WORDS: Record<string, Set<string>> = {
  en: new Set(eng),
  fr: new Set([...fra, "l'", "d'", "qu'", "n'", "s'", "c'", "j'", "m'"]),
};
const STEMMERS: Record<string, { stem(word: string): string }> = {
  en: newStemmer('english'),
  fr: newStemmer('french'),
};

/** Stemming is the costly part of indexing and news repeats its words: remember the stems. */
const STEM_CACHE_LIMIT = 200_000;
const stemCache: Record<string, Map<string, string>> = { en: new Map(), fr: new Map() };

function stemOf(language: 'en' | 'fr', word: string): string {
  const cache = stemCache[language];
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = STEMMERS[language].stem(word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const ELISION = /^(?:l|d|qu|n|s|c|j|m|t)['’]/iu;
const POSSESSIVE = /['’]s$/u;
const SMALL_NUMBER = /^\d{1,2}$/u;

function languageOf(locale: string): 'en' | 'fr' {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Adds the terms of `text` to `into`, each occurrence counting `weight`. */
export function addTerms(into: Terms, text: string, locale: string, weight = 1): Terms {
  const language = languageOf(locale);
  const stopWords = STOP_WORDS[language];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    // Most words have no apostrophe: skip the two replacements for them (indexing is per word).
    const surface = word.includes("'") || word.includes('’') ? word.replace(ELISION, '').replace(POSSESSIVE, '') : word;
    const lower = surface.toLowerCase();
    if (lower.length < 2 || stopWords.has(lower) || (lower.length <= 2 && SMALL_NUMBER.test(lower))) continue;
    const stem = stemOf(language, lower);
    into.counts.set(stem, (into.counts.get(stem) ?? 0) + weight);
    // The first form seen is the one shown; titles come first, so their capitalisation wins.
    if (!into.labels.has(stem)) into.labels.set(stem, surface);
  }
  return into;
}

export function emptyTerms(): Terms {
  return { counts: new Map(), labels: new Map() };
}

export function termsOf(text: string, locale: string): Terms {
  return addTerms(emptyTerms(), text, locale);
}

/**
 * Words too common to explain anything ("entre", "huit", "said"): stopwords-iso's longer lists
 * (MIT, github.com/stopwords-iso), for the words reasons show. Ranking keeps its own shorter lists.
 */
const SHOWN_STOP_WORDS: Record<'en' | 'fr', Set<string>> = { en: new Set(displayStopWords.en), fr: new Set(displayStopWords.fr) };

/** Whether a word of the story is worth showing as a shared term. */
export function isShownTerm(word: string, locale: string): boolean {
  const lower = word.toLowerCase();
  return lower.length > 1 && !/^\d+$/u.test(lower) && !SHOWN_STOP_WORDS[languageOf(locale)].has(lower);
}
