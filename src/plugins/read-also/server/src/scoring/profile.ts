/** What the ranking knows of one article: weighted terms, people, quoted speakers, tags, time. Pure. */
import { addTerms, emptyTerms } from './text';

/** Sub-linear term frequency: the tenth "Ukraine" adds less than the second. */
export function tfWeight(tf: number): number {
  return tf > 0 ? 1 + Math.log(tf) : 0;
}

/**
 * A term's impact in one article: its log-tf over the article's norm, the candidate side of the
 * cosine. Postings, the in-memory index and re-scored lists must all compute it alike.
 */
export function termImpact(tf: number, norm: number): number {
  return norm > 0 ? tfWeight(tf) / norm : 0;
}

/** Euclidean norm of a log-tf vector. */
export function documentNorm(terms: Record<string, number>): number {
  return Math.sqrt(Object.values(terms).reduce((sum, tf) => sum + tfWeight(tf) ** 2, 0));
}

export type FieldWeights = { title: number; standfirst: number; body: number };

export type ArticleFacts = {
  documentId: string;
  locale: string;
  title: string;
  slug: string | null;
  standfirst: string | null;
  bodyText: string;
  section: string | null;
  tags: string[];
  /** documentIds of the people the article mentions. */
  people: string[];
  /** documentIds of the people it quotes, or whose office it quotes. */
  speakers: string[];
  /** The story's own time (falls back to Strapi's publishedAt), epoch milliseconds. */
  storyTime: number | null;
};

export type ArticleProfile = Omit<ArticleFacts, 'standfirst' | 'bodyText'> & {
  /** Field-weighted term frequencies, by stem. */
  terms: Record<string, number>;
  /** The word readers know for each stem. */
  labels: Record<string, string>;
  /** Norm of the document's log-tf vector: the cosine's denominator, independent of the corpus. */
  norm: number;
};

/** A profile as the database stores it, for ranking it: its terms as JSON, parsed by the thread that ranks it; no labels. */
export type StoredSource = Omit<ArticleProfile, 'terms' | 'labels'> & { terms: string };

/** Longer "terms" are noise (URLs, runs of symbols) and would not fit an index column. */
export const MAX_TERM_LENGTH = 100;

/** The terms an index keeps for a profile: every one but the over-long. */
export function indexableTerms(profile: Pick<ArticleProfile, 'terms'>): [string, number][] {
  return Object.entries(profile.terms).filter(([term]) => term.length <= MAX_TERM_LENGTH);
}

/** A string-keyed record from entries, without a prototype: a plain hash table, not a hidden class per order of keys. */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** How many term labels a profile keeps: enough for reasons, small enough to store. */
const LABELS_KEPT = 60;

export function buildProfile(facts: ArticleFacts, fieldWeights: FieldWeights): ArticleProfile {
  const terms = emptyTerms();
  addTerms(terms, facts.title, facts.locale, fieldWeights.title);
  if (facts.standfirst) addTerms(terms, facts.standfirst, facts.locale, fieldWeights.standfirst);
  addTerms(terms, facts.bodyText, facts.locale, fieldWeights.body);

  const counts = recordOf(terms.counts);
  const strongest = [...terms.counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, LABELS_KEPT);
  const { standfirst: _standfirst, bodyText: _bodyText, ...rest } = facts;
  return {
    ...rest,
    tags: [...new Set(facts.tags.map((tag) => tag.trim()).filter(Boolean))],
    people: [...new Set(facts.people)],
    speakers: [...new Set(facts.speakers)],
    terms: counts,
    labels: recordOf(strongest.map(([stem]) => [stem, terms.labels.get(stem) as string])),
    norm: documentNorm(counts),
  };
}
