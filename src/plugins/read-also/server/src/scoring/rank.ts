/**
 * Ranking "Read also" candidates for one article and explaining each one. Pure.
 *
 * Relevance is a weighted mean of content signals — text similarity, shared people,
 * shared quoted speakers, shared tags, same section. Recency then scales relevance, so a
 * recent but unrelated story never ranks on its date alone.
 *
 * Text similarity is the SMART lnc.ltc cosine: the source's most distinctive terms weighted
 * by log-tf × idf, candidates by log-tf alone. Candidate norms then never depend on the
 * corpus, so they are stored once at publish time and never drift as the archive grows.
 */
import { byDocumentId } from './order';
import { tfWeight, type ArticleProfile } from './profile';
import { isShownTerm } from './text';
import type { Reason } from '../../../shared/reasons';

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
};

export type CorpusStats = { documents: number; documentFrequency: Record<string, number> };

export type QueryTerm = { term: string; idf: number; weight: number };

/** One term of one article, with its impact: log-tf over the article's norm. */
export type Posting = { documentId: string; term: string; impact: number };

/**
 * Cosine scores of every candidate sharing a query term. Which terms made a score is only
 * worked out for the few candidates that end up suggested: most are scored and dropped.
 */
export type TextScores = {
  /** The candidate's cosine; 0 when it shares no query term. */
  score(documentId: string): number;
  /** The `count` best-scoring candidates, best first (ties by documentId). */
  strongest(count: number): string[];
  /** Per candidate, each shared term's part of its score. */
  explain(documentIds: Set<string>): Map<string, Map<string, number>>;
};

/** How strongly a candidate matches on each signal, from 0 to 1. */
export type SignalScores = { text: number; people: number; speakers: number; tags: number; section: number; recency: number };

/** One ranked candidate with its reasons, scores exact (the service rounds them for clients). */
export type Ranked = {
  documentId: string;
  title: string;
  slug: string | null;
  locale: string;
  score: number;
  /** Sentences an editor or a reader can understand: "quotes Volodymyr Zelensky", "2 days earlier". */
  reasons: Reason[];
  signals: SignalScores;
};

/** How many indexed articles mention or quote each person, and how many articles there are. */
export type PeopleStats = { documents: number; frequency: Record<string, number> };

/** Candidates carry everything but their terms: text evidence arrives as a TextMatch. */
export type CandidateProfile = Omit<ArticleProfile, 'terms' | 'labels' | 'norm'>;

const DAY = 24 * 60 * 60 * 1000;

/** Query terms of equal weight in localeCompare's order, without building a collator per comparison. */
const compareTerms = new Intl.Collator().compare;

/** Inverse document frequency; a term in every document says nothing. */
export function idf(documents: number, documentFrequency: number): number {
  return documentFrequency > 0 ? Math.log(Math.max(documents, documentFrequency) / documentFrequency) : 0;
}

/**
 * The source's most distinctive terms, weighted by TF-IDF, as more-like-this picks them.
 * A term no other article has cannot match anything: it is left out, so the query's
 * places go to terms that can (Elasticsearch's min_doc_freq, at its smallest useful value).
 */
export function selectQueryTerms(source: ArticleProfile, stats: CorpusStats, options: RankingOptions, sourceIndexed = true): QueryTerm[] {
  const documents = Math.max(stats.documents, 1);
  const tooCommon = Math.max(2, Math.floor(options.maxDocFrequency * documents));
  const elsewhere = sourceIndexed ? 2 : 1;
  return Object.entries(source.terms)
    .map(([term, tf]) => {
      const df = stats.documentFrequency[term] ?? 0;
      return { term, df, idf: idf(documents, Math.max(df, 1)), tf };
    })
    .filter((candidate) => candidate.df >= elsewhere && (documents < 20 || candidate.df <= tooCommon))
    .map(({ term, idf: termIdf, tf }) => ({ term, idf: termIdf, weight: tfWeight(tf) * termIdf }))
    .filter((term) => term.weight > 0)
    .sort((a, b) => b.weight - a.weight || compareTerms(a.term, b.term))
    .slice(0, options.queryTerms);
}

/**
 * The k-th largest of `values` (k from 1) in linear time on average, by quickselect: finding
 * the cut of the 200 best among 10,000 candidates needs no full sort. Reorders `values`.
 */
export function kthLargest(values: Float64Array, k: number): number {
  const target = values.length - k;
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i += 1;
      while (values[j] > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (target <= j) right = j;
    else if (target >= i) left = i;
    else break;
  }
  return values[target];
}

/** The `count` best of `ids` by `scoreOf` (ties by documentId): only those above the cut are sorted. */
export function strongestCandidates<T>(ids: T[], scoreOf: (id: T) => number, documentIdOf: (id: T) => string, count: number): string[] {
  const scores = new Float64Array(ids.length);
  for (let index = 0; index < ids.length; index += 1) scores[index] = scoreOf(ids[index]);
  const cut = ids.length > count ? kthLargest(scores.slice(), count) : -Infinity;
  const kept: { id: string; score: number }[] = [];
  for (let index = 0; index < ids.length; index += 1) {
    if (scores[index] >= cut) kept.push({ id: documentIdOf(ids[index]), score: scores[index] });
  }
  return kept
    .sort((a, b) => b.score - a.score || byDocumentId(a.id, b.id))
    .slice(0, count)
    .map((entry) => entry.id);
}

/** Euclidean norm of the query's weights: the cosine's other denominator. */
export function queryNorm(query: QueryTerm[]): number {
  return Math.sqrt(query.reduce((sum, term) => sum + term.weight * term.weight, 0));
}

/** Cosine similarity of every candidate that shares a query term, from postings of those terms only. */
export function scorePostings(query: QueryTerm[], postings: Posting[]): TextScores {
  const byTerm = new Map(query.map((term) => [term.term, term]));
  const norm = queryNorm(query);
  const scores = new Map<string, number>();
  const contribution = (posting: Posting) => {
    const term = byTerm.get(posting.term);
    return term && norm > 0 ? (term.weight * posting.impact) / norm : 0;
  };
  for (const posting of postings) {
    const part = contribution(posting);
    if (part > 0) scores.set(posting.documentId, (scores.get(posting.documentId) ?? 0) + part);
  }
  const scoreOf = (documentId: string) => scores.get(documentId) ?? 0;
  return {
    score: scoreOf,
    strongest: (count) => strongestCandidates([...scores.keys()], scoreOf, (id) => id, count),
    explain(documentIds) {
      const explained = new Map<string, Map<string, number>>();
      for (const posting of postings) {
        if (!documentIds.has(posting.documentId)) continue;
        const part = contribution(posting);
        if (part <= 0) continue;
        const terms = explained.get(posting.documentId) ?? new Map<string, number>();
        terms.set(posting.term, part);
        explained.set(posting.documentId, terms);
      }
      return explained;
    },
  };
}

/** The source's items the candidate also has, in the source's order (reasons name the first ones). */
function shared(source: string[], sourceSet: Set<string>, candidate: string[]): string[] {
  const found = candidate.filter((item) => sourceSet.has(item));
  return found.length > 1 ? source.filter((item) => found.includes(item)) : found;
}

/** Shared items over the smaller set: one story about two people shares all of them with a longer one. */
function overlapCoefficient(shared: number, a: number, b: number): number {
  return shared === 0 ? 0 : shared / Math.max(1, Math.min(a, b));
}

const fold = (value: string) => value.trim().toLowerCase();

/** Days from the candidate to the source (positive: the candidate came earlier), or null when either has no date. */
export function dayGap(sourceTime: number | null, candidateTime: number | null): number | null {
  if (sourceTime === null || candidateTime === null) return null;
  const days = Math.round((sourceTime - candidateTime) / DAY);
  return days === 0 ? 0 : days; // never -0, which JSON would send as 0 anyway
}

export type ScoringContext = {
  source: ArticleProfile;
  options: RankingOptions;
  /** How many indexed articles mention or quote each of the source's people, and how many there are. */
  peopleStats?: PeopleStats;
};

/** What reasons need beyond scoring: people are named in them. */
export type ReasonContext = { personName(documentId: string): string };

type SignalName = Exclude<keyof SignalScores, 'recency'>;

/** What scoring needs of the source, worked out once per ranking rather than once per candidate. */
type SourceFacts = {
  people: Set<string>;
  speakers: Set<string>;
  tags: Set<string>;
  section: string | null;
  /** Each of the source's people weighted by rarity: sharing someone every story mentions says little, as with words. */
  personWeight: Map<string, number>;
  peopleTotal: number;
  speakersTotal: number;
  /** A signal the source has no data for (no tags, no quotes...) neither helps nor dilutes the others. */
  signalsUsed: SignalName[];
  /** The signals used, less people and speakers: what a candidate sharing nobody is judged on. */
  contentSignals: SignalName[];
  recencyShare: number;
};

function sourceFacts(context: ScoringContext): SourceFacts {
  const { source, options, peopleStats } = context;
  const personWeight = new Map<string, number>();
  for (const id of [...source.people, ...source.speakers]) {
    personWeight.set(id, peopleStats ? idf(peopleStats.documents + 1, (peopleStats.frequency[id] ?? 0) + 1) + 0.1 : 1);
  }
  const sum = (ids: string[]) => ids.reduce((total, id) => total + (personWeight.get(id) ?? 0), 0);
  const available: Record<SignalName, boolean> = {
    text: true,
    people: source.people.length > 0,
    speakers: source.speakers.length > 0,
    tags: source.tags.length > 0,
    section: Boolean(source.section),
  };
  const signalsUsed = (Object.keys(available) as SignalName[]).filter((signal) => available[signal]);
  return {
    people: new Set(source.people),
    speakers: new Set(source.speakers),
    tags: new Set(source.tags.map(fold)),
    section: source.section ? fold(source.section) : null,
    personWeight,
    peopleTotal: sum(source.people),
    speakersTotal: sum(source.speakers),
    signalsUsed,
    contentSignals: signalsUsed.filter((signal) => signal !== 'people' && signal !== 'speakers'),
    recencyShare: Math.min(Math.max(options.weights.recency, 0), 1),
  };
}

function sharedWeight(sharedIds: string[], total: number, facts: SourceFacts): number {
  if (sharedIds.length === 0 || total <= 0) return 0;
  return sharedIds.reduce((sum, id) => sum + (facts.personWeight.get(id) ?? 0), 0) / total;
}

type Scored = {
  candidate: CandidateProfile;
  score: number;
  signals: SignalScores;
  sharedSpeakers: string[];
  sharedPeople: string[];
  sharedTags: string[];
  sameSection: boolean;
};

/**
 * The weighted mean of some signals. Relevance is the better of the mean over every signal the
 * source has and the mean over its content signals alone: sharing people can lift a candidate,
 * but a source that names people does not sink every candidate that names other ones (most
 * related stories share the topic, not the cast).
 */
function weightedMean(used: SignalName[], signals: SignalScores, weights: SignalWeights): number {
  let weighted = 0;
  let total = 0;
  for (const signal of used) {
    weighted += weights[signal] * signals[signal];
    total += weights[signal];
  }
  return total === 0 ? 0 : weighted / total;
}

/** Scores one candidate, or null when a rule excludes it. Reasons come later, for the few kept. */
function scoreCandidate(candidate: CandidateProfile, textScore: number, context: ScoringContext, facts: SourceFacts): Scored | null {
  const { source, options } = context;
  const gapDays = source.storyTime !== null && candidate.storyTime !== null ? Math.abs(source.storyTime - candidate.storyTime) / DAY : null;
  if (options.maxGapDays !== null && gapDays !== null && gapDays > options.maxGapDays) return null;

  const sharedSpeakers = shared(source.speakers, facts.speakers, candidate.speakers);
  const sharedPeople = shared(source.people, facts.people, candidate.people);
  const candidateTags = candidate.tags.length > 0 && facts.tags.size > 0 ? new Set(candidate.tags.map(fold)) : null;
  const sharedTags = candidateTags ? source.tags.filter((tag) => candidateTags.has(fold(tag))) : [];
  const sameSection = Boolean(facts.section && candidate.section && fold(candidate.section) === facts.section);

  const signals: SignalScores = {
    text: Math.min(1, textScore),
    people: sharedWeight(sharedPeople, facts.peopleTotal, facts),
    speakers: sharedWeight(sharedSpeakers, facts.speakersTotal, facts),
    tags: overlapCoefficient(sharedTags.length, source.tags.length, candidate.tags.length),
    section: sameSection ? 1 : 0,
    recency: gapDays === null ? 0 : Math.pow(2, -gapDays / Math.max(options.recencyHalfLifeDays, 1e-9)),
  };

  const relevance = Math.max(
    weightedMean(facts.signalsUsed, signals, options.weights),
    weightedMean(facts.contentSignals, signals, options.weights),
  );
  const score = relevance * (1 - facts.recencyShare + facts.recencyShare * signals.recency);
  if (score <= 0 || score < options.minScore) return null;
  return { candidate, score, signals, sharedSpeakers, sharedPeople, sharedTags, sameSection };
}

function reasonsFor(scored: Scored, termParts: Map<string, number> | undefined, context: ScoringContext & ReasonContext): Reason[] {
  const { source } = context;
  const { candidate, sharedSpeakers, sharedPeople, sharedTags, sameSection } = scored;
  const reasons: Reason[] = [];
  for (const id of sharedSpeakers.slice(0, 2)) reasons.push({ code: 'speaker', person: context.personName(id) });
  const mentionedOnly = sharedPeople.filter((id) => !sharedSpeakers.includes(id));
  for (const id of mentionedOnly.slice(0, 2)) reasons.push({ code: 'person', person: context.personName(id) });
  if (termParts && termParts.size > 0) {
    // The story's own words, never a stem: a term without its word, or a word readers skip, is not shown.
    const terms = [...termParts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([term]) => source.labels[term])
      .filter((word): word is string => word !== undefined && isShownTerm(word, source.locale))
      .slice(0, 3);
    if (terms.length > 0) reasons.push({ code: 'terms', terms });
  }
  if (sharedTags.length > 0) reasons.push({ code: 'tags', tags: sharedTags.slice(0, 3) });
  if (sameSection && candidate.section) reasons.push({ code: 'section', section: candidate.section });
  const days = dayGap(source.storyTime, candidate.storyTime);
  if (days !== null) reasons.push({ code: 'time', days });
  return reasons;
}

/** A candidate's place in a ranking without its reasons: what a prepared list keeps. */
export type RankedMember = { documentId: string; score: number };

/** The `limit` best candidates, scored, excluding the source and any documentId in `excluded`. */
function scoreCandidates(
  candidates: CandidateProfile[],
  text: TextScores,
  context: ScoringContext,
  excluded: Set<string>,
  limit: number,
): Scored[] {
  const scored: Scored[] = [];
  const facts = sourceFacts(context);
  for (const candidate of candidates) {
    if (candidate.documentId === context.source.documentId || excluded.has(candidate.documentId)) continue;
    const result = scoreCandidate(candidate, text.score(candidate.documentId), context, facts);
    if (result) scored.push(result);
  }
  return scored.sort((a, b) => b.score - a.score || byDocumentId(a.candidate.documentId, b.candidate.documentId)).slice(0, limit);
}

/** The best suggestions with their reasons, excluding the source and any documentId in `excluded`. */
export function rankCandidates(
  candidates: CandidateProfile[],
  text: TextScores,
  context: ScoringContext & ReasonContext,
  excluded: Set<string>,
  limit = context.options.limit,
): Ranked[] {
  const kept = scoreCandidates(candidates, text, context, excluded, limit);
  const termParts = text.explain(new Set(kept.map((entry) => entry.candidate.documentId)));
  return kept.map((entry) => ({
    documentId: entry.candidate.documentId,
    title: entry.candidate.title,
    slug: entry.candidate.slug,
    locale: entry.candidate.locale,
    score: entry.score,
    reasons: reasonsFor(entry, termParts.get(entry.candidate.documentId), context),
    signals: entry.signals,
  }));
}

/**
 * The same ranking as rankCandidates, in the same order and with the same scores, without
 * working out reasons: a reindex prepares every article's list and keeps no reasons.
 */
export function rankMembers(
  candidates: CandidateProfile[],
  text: TextScores,
  context: ScoringContext,
  excluded: Set<string>,
  limit: number,
): RankedMember[] {
  return scoreCandidates(candidates, text, context, excluded, limit).map((entry) => ({
    documentId: entry.candidate.documentId,
    score: entry.score,
  }));
}
