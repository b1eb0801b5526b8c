// snowball-stemmers ships no typings; this is the part of its API Newsdesk uses.
declare module 'snowball-stemmers' {
  export function newStemmer(language: string): { stem(word: string): string };
  export function algorithms(): string[];
}
