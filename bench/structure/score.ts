/**
 * Scoring the importer's structure against the hand annotations in ../shared/data/quotes,
 * by the rules of that folder's README: quotes matched by text (normalised, the gold start
 * within the first 200 characters of an imported quote, each imported quote used once),
 * speakers and people by the name rule. Pure: plain data in, counts out.
 */

export type GoldQuote = {
  start: string;
  paragraph: number;
  speaker: string | null;
  speakerKind: 'person' | 'organisation' | null;
  how: string;
};

export type GoldStory = { quotes: GoldQuote[]; people: string[] };

/** What the scorer needs of an imported story. */
export type ImportedQuote = { text: string; speakerName: string | null; organisation: string | null };
export type ImportedStory = { quotes: ImportedQuote[]; people: string[] };

export type Counts = {
  goldQuotes: number;
  importedQuotes: number;
  foundQuotes: number;
  /** Gold quotes whose speaker is a person; of them, found; of them, linked to the right person. */
  personQuotes: number;
  personFound: number;
  personLinked: number;
  organisationQuotes: number;
  organisationLinked: number;
  goldPeople: number;
  importedPeople: number;
  matchedPeople: number;
};

export const zeroCounts = (): Counts => ({
  goldQuotes: 0,
  importedQuotes: 0,
  foundQuotes: 0,
  personQuotes: 0,
  personFound: 0,
  personLinked: 0,
  organisationQuotes: 0,
  organisationLinked: 0,
  goldPeople: 0,
  importedPeople: 0,
  matchedPeople: 0,
});

export function addCounts(a: Counts, b: Counts): Counts {
  const sum = zeroCounts();
  for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] = a[key] + b[key];
  return sum;
}

const QUOTE_MARKS = /[“”„‟«»‹›"]/gu;

/** Case, accents, quotation marks, apostrophe forms and spacing normalised. */
export function normaliseQuoteText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´ʼ]/gu, "'")
    .replace(QUOTE_MARKS, ' ')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Honorifics and titles dropped before names are compared (README: Mr, Ms, Dr, M., Mme, Me, President…). */
const NAME_PREFIXES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'm',
  'mme',
  'mlle',
  'me',
  'president',
  'presidente',
  'prime',
  'minister',
  'premier',
  'premiere',
  'ministre',
  'le',
  'la',
]);

function nameWords(name: string): string[] {
  const words = normaliseQuoteText(name)
    .replace(/[^\p{L}\p{N}'-]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && NAME_PREFIXES.has(words[0])) words.shift();
  return words;
}

/** Same last name, and the same first name or one side giving only the last name. */
export function sameName(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x[x.length - 1] !== y[y.length - 1]) return false;
  return x.length === 1 || y.length === 1 || x[0] === y[0];
}

const LEADING_ARTICLES = new Set(['the', 'le', 'la', 'les', "l'", 'du', 'des']);
const LEGAL_SUFFIXES = new Set(['inc', 'ltd', 'ltee', 'llc', 'corp', 'co', 'plc', 'sa', 'sas', 'inc.', 'ltd.']);

function organisationWords(name: string): string[] {
  const words = normaliseQuoteText(name)
    .replace(/^l'/u, '')
    .replace(/[^\p{L}\p{N}/'&-]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEADING_ARTICLES.has(words[0])) words.shift();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words;
}

/** Same organisation: equal once articles and legal suffixes are dropped. */
export function sameOrganisation(a: string, b: string): boolean {
  return organisationWords(a).join(' ') === organisationWords(b).join(' ');
}

/** One-to-one greedy matching, gold in order: the index of the imported item each gold item got, or -1. */
function matchInOrder<G, I>(gold: G[], imported: I[], matches: (g: G, i: I) => boolean): number[] {
  const used = new Set<number>();
  return gold.map((g) => {
    const index = imported.findIndex((i, at) => !used.has(at) && matches(g, i));
    if (index !== -1) used.add(index);
    return index;
  });
}

export const FIRST_CHARACTERS = 200;

export function quoteStartsWith(imported: string, goldStart: string): boolean {
  return normaliseQuoteText(imported).slice(0, FIRST_CHARACTERS).includes(normaliseQuoteText(goldStart));
}

export type QuoteVerdict = { gold: GoldQuote; imported: ImportedQuote | null; speakerRight: boolean | null };

export function scoreStory(
  gold: GoldStory,
  imported: ImportedStory,
): { counts: Counts; verdicts: QuoteVerdict[]; falseQuotes: ImportedQuote[] } {
  const counts = zeroCounts();
  const found = matchInOrder(gold.quotes, imported.quotes, (g, i) => quoteStartsWith(i.text, g.start));
  counts.goldQuotes = gold.quotes.length;
  counts.importedQuotes = imported.quotes.length;
  const verdicts: QuoteVerdict[] = gold.quotes.map((quote, index) => {
    const match = found[index] === -1 ? null : imported.quotes[found[index]];
    if (match) counts.foundQuotes += 1;
    let speakerRight: boolean | null = null;
    if (quote.speakerKind === 'person' && quote.speaker) {
      counts.personQuotes += 1;
      if (match) {
        counts.personFound += 1;
        speakerRight = match.speakerName !== null && sameName(match.speakerName, quote.speaker);
        if (speakerRight) counts.personLinked += 1;
      }
    } else if (quote.speakerKind === 'organisation' && quote.speaker) {
      counts.organisationQuotes += 1;
      speakerRight = match !== null && match.organisation !== null && sameOrganisation(match.organisation, quote.speaker);
      if (speakerRight) counts.organisationLinked += 1;
    }
    return { gold: quote, imported: match, speakerRight };
  });
  const usedQuotes = new Set(found.filter((index) => index !== -1));
  const falseQuotes = imported.quotes.filter((_, index) => !usedQuotes.has(index));

  const people = [...new Set(imported.people)];
  const peopleFound = matchInOrder(gold.people, people, sameName);
  counts.goldPeople = gold.people.length;
  counts.importedPeople = people.length;
  counts.matchedPeople = peopleFound.filter((index) => index !== -1).length;
  return { counts, verdicts, falseQuotes };
}

export type Figures = {
  quotes: { precision: number; recall: number; f1: number };
  attributionEndToEnd: number;
  attributionOfFound: number;
  organisations: number;
  people: { precision: number; recall: number; f1: number };
};

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function figures(counts: Counts): Figures {
  const qp = ratio(counts.foundQuotes, counts.importedQuotes);
  const qr = ratio(counts.foundQuotes, counts.goldQuotes);
  const pp = ratio(counts.matchedPeople, counts.importedPeople);
  const pr = ratio(counts.matchedPeople, counts.goldPeople);
  return {
    quotes: { precision: qp, recall: qr, f1: f1(qp, qr) },
    attributionEndToEnd: ratio(counts.personLinked, counts.personQuotes),
    attributionOfFound: ratio(counts.personLinked, counts.personFound),
    organisations: ratio(counts.organisationLinked, counts.organisationQuotes),
    people: { precision: pp, recall: pr, f1: f1(pp, pr) },
  };
}
