/**
 * Ranking "Read also" candidates for one article and explaining each one. Pure.
 *
 * Relevance is a weighted mean of content signals — text similarity (BM25 over the
 * source's most distinctive terms, normalised by the source's score against itself),
 * shared people, shared quoted speakers, shared tags, same section. Recency then scales
 * relevance, so a recent but unrelated story never ranks on its date alone.
 */
import type { ArticleProfile } from './profile';

export type SignalWeights = { text: number; people: number; speakers: number; tags: number; section: number; recency: number };

export type RankingOptions = {
  weights: SignalWeights;
  limit: number;
  minScore: number;
  /** Stories further apart than this are never suggested; null for no limit. */
  maxGapDays: number | null;
  recencyHalfLifeDays: number;
  queryTerms: number;
  /** Terms in more than this share of the corpus are too common to say anything. */
  maxDocFrequency: number;
  bm25: { k1: number; b: number };
};

export type CorpusStats = { documents: number; averageLength: number; documentFrequency: Record<string, number> };

export type QueryTerm = { term: string; idf: number; weight: number };

export type Posting = { documentId: string; term: string; tf: number; length: number };

export type TextMatch = { score: number; contributions: Map<string, number> };

export type Signals = { text: number; people: number; speakers: number; tags: number; section: number; recency: number };

export type Suggestion = {
  documentId: string;
  title: string;
  slug: string | null;
  locale: string;
  score: number;
  reasons: string[];
  signals: Signals;
};

/** Candidates carry everything but their terms: text evidence arrives as a TextMatch. */
export type CandidateProfile = Omit<ArticleProfile, 'terms' | 'labels' | 'length'>;

const DAY = 24 * 60 * 60 * 1000;

export function idf(documents: number, documentFrequency: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The source's most distinctive terms, as Elasticsearch's more-like-this picks them. */
export function selectQueryTerms(source: ArticleProfile, stats: CorpusStats, options: RankingOptions): QueryTerm[] {
  const documents = Math.max(stats.documents, 1);
  const tooCommon = Math.max(2, Math.floor(options.maxDocFrequency * documents));
  return Object.entries(source.terms)
    .map(([term, tf]) => {
      const df = stats.documentFrequency[term] ?? 0;
      return { term, df, idf: idf(documents, df), tf };
    })
    .filter((candidate) => documents < 20 || candidate.df <= tooCommon)
    .map(({ term, idf: termIdf, tf }) => ({ term, idf: termIdf, weight: (1 + Math.log(tf)) * termIdf }))
    .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
    .slice(0, options.queryTerms);
}

function bm25Term(query: QueryTerm, tf: number, length: number, stats: CorpusStats, options: RankingOptions): number {
  const { k1, b } = options.bm25;
  const norm = 1 - b + (b * length) / Math.max(stats.averageLength, 1);
  return query.weight * ((tf * (k1 + 1)) / (tf + k1 * norm));
}

/** BM25 of every candidate that shares a query term, from postings of those terms only. */
export function scorePostings(query: QueryTerm[], postings: Posting[], stats: CorpusStats, options: RankingOptions): Map<string, TextMatch> {
  const byTerm = new Map(query.map((term) => [term.term, term]));
  const matches = new Map<string, TextMatch>();
  for (const posting of postings) {
    const term = byTerm.get(posting.term);
    if (!term) continue;
    const contribution = bm25Term(term, posting.tf, posting.length, stats, options);
    const match = matches.get(posting.documentId) ?? { score: 0, contributions: new Map() };
    match.score += contribution;
    match.contributions.set(posting.term, contribution);
    matches.set(posting.documentId, match);
  }
  return matches;
}

/** The source's BM25 against itself: the most any candidate could score, for a 0..1 text signal. */
export function selfScore(query: QueryTerm[], source: ArticleProfile, stats: CorpusStats, options: RankingOptions): number {
  return query.reduce((sum, term) => sum + bm25Term(term, source.terms[term.term] ?? 0, source.length, stats, options), 0);
}

function overlap(a: string[], b: string[]): string[] {
  const other = new Set(b);
  return a.filter((item) => other.has(item));
}

/** Shared items over the smaller set: one story about two people shares all of them with a longer one. */
function overlapCoefficient(shared: number, a: number, b: number): number {
  return shared === 0 ? 0 : shared / Math.max(1, Math.min(a, b));
}

const fold = (value: string) => value.trim().toLowerCase();

export function describeGap(sourceTime: number | null, candidateTime: number | null): string | null {
  if (sourceTime === null || candidateTime === null) return null;
  const days = Math.round((sourceTime - candidateTime) / DAY);
  if (days === 0) return 'the same day';
  const amount = Math.abs(days);
  return `${amount} day${amount === 1 ? '' : 's'} ${days > 0 ? 'earlier' : 'later'}`;
}

export type ScoringContext = {
  source: ArticleProfile;
  stats: CorpusStats;
  options: RankingOptions;
  /** The largest text score possible (the source against itself). */
  textCeiling: number;
  personName(documentId: string): string;
};

/** Scores one candidate with its reasons, or null when a rule excludes it. */
export function scoreCandidate(candidate: CandidateProfile, text: TextMatch | undefined, context: ScoringContext): Suggestion | null {
  const { source, options } = context;
  const gapDays =
    source.storyTime !== null && candidate.storyTime !== null ? Math.abs(source.storyTime - candidate.storyTime) / DAY : null;
  if (options.maxGapDays !== null && gapDays !== null && gapDays > options.maxGapDays) return null;

  const sharedSpeakers = overlap(source.speakers, candidate.speakers);
  const sharedPeople = overlap(source.people, candidate.people);
  const candidateTags = new Map(candidate.tags.map((tag) => [fold(tag), tag]));
  const sharedTags = source.tags.filter((tag) => candidateTags.has(fold(tag)));
  const sameSection = Boolean(source.section && candidate.section && fold(source.section) === fold(candidate.section));

  const signals: Signals = {
    text: text && context.textCeiling > 0 ? Math.min(1, text.score / context.textCeiling) : 0,
    people: overlapCoefficient(sharedPeople.length, source.people.length, candidate.people.length),
    speakers: overlapCoefficient(sharedSpeakers.length, source.speakers.length, candidate.speakers.length),
    tags: overlapCoefficient(sharedTags.length, source.tags.length, candidate.tags.length),
    section: sameSection ? 1 : 0,
    recency: gapDays === null ? 0 : Math.pow(2, -gapDays / Math.max(options.recencyHalfLifeDays, 1e-9)),
  };

  const { recency: recencyWeight, ...contentWeights } = options.weights;
  const totalWeight = Object.values(contentWeights).reduce((sum, weight) => sum + weight, 0);
  const relevance =
    totalWeight === 0
      ? 0
      : (Object.keys(contentWeights) as (keyof typeof contentWeights)[]).reduce(
          (sum, signal) => sum + contentWeights[signal] * signals[signal],
          0,
        ) / totalWeight;
  const recencyShare = Math.min(Math.max(recencyWeight, 0), 1);
  const score = relevance * (1 - recencyShare + recencyShare * signals.recency);
  if (score <= 0 || score < options.minScore) return null;

  const reasons: string[] = [];
  for (const id of sharedSpeakers.slice(0, 2)) reasons.push(`quotes ${context.personName(id)}`);
  const mentionedOnly = sharedPeople.filter((id) => !sharedSpeakers.includes(id));
  for (const id of mentionedOnly.slice(0, 2)) reasons.push(`both mention ${context.personName(id)}`);
  if (text && text.contributions.size > 0) {
    const terms = [...text.contributions.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([term]) => source.labels[term] ?? term);
    reasons.push(`shared terms: ${terms.join(', ')}`);
  }
  if (sharedTags.length > 0) reasons.push(`shared tags: ${sharedTags.slice(0, 3).join(', ')}`);
  if (sameSection) reasons.push(`same section: ${candidate.section}`);
  const gap = describeGap(source.storyTime, candidate.storyTime);
  if (gap) reasons.push(gap);

  return {
    documentId: candidate.documentId,
    title: candidate.title,
    slug: candidate.slug,
    locale: candidate.locale,
    score: Math.round(score * 1000) / 1000,
    reasons,
    signals,
  };
}

/** The best suggestions, excluding the source and any documentId in `excluded`. */
export function rankCandidates(
  candidates: CandidateProfile[],
  textMatches: Map<string, TextMatch>,
  context: ScoringContext,
  excluded: Set<string>,
  limit = context.options.limit,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const candidate of candidates) {
    if (candidate.documentId === context.source.documentId || excluded.has(candidate.documentId)) continue;
    const suggestion = scoreCandidate(candidate, textMatches.get(candidate.documentId), context);
    if (suggestion) suggestions.push(suggestion);
  }
  return suggestions
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title) || a.documentId.localeCompare(b.documentId))
    .slice(0, limit);
}
