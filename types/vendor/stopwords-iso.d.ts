// stopwords-iso ships no typings: one list of stop words per ISO 639-1 language code.
declare module 'stopwords-iso' {
  const lists: Record<string, string[]>;
  export default lists;
}
