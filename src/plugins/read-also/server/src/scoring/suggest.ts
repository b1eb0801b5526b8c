/**
 * One article's suggestions from whatever holds the ranking state: the database at read
 * time, or the whole archive in memory during a reindex. Both answer the same questions
 * through RankingData, so a prepared list is exactly what a live ranking would have said.
 * Pure: no Strapi, no SQL.
 */
import type { ArticleProfile } from './profile';
import {
  rankCandidates,
  scorePostings,
  selectQueryTerms,
  type CandidateProfile,
  type CorpusStats,
  type Posting,
  type RankingOptions,
  type Suggestion,
} from './rank';

export type PeopleStats = { documents: number; frequency: Record<string, number> };

export type RankingData = {
  corpusStats(locale: string, terms: string[]): Promise<CorpusStats>;
  /** The strongest postings (highest impact first) of each term, at most perTerm each. */
  postingsFor(terms: string[], locale: string | null, perTerm: number): Promise<Posting[]>;
  /** All postings of these terms in these articles. */
  postingsOfDocuments(documentIds: string[], terms: string[], locale: string | null): Promise<Posting[]>;
  /** Articles mentioning or quoting these people, most shared first. */
  articlesSharingPeople(people: string[], locale: string | null, limit: number): Promise<string[]>;
  candidateProfiles(documentIds: string[], locale: string | null): Promise<CandidateProfile[]>;
  peopleFrequency(people: string[], locale: string): Promise<PeopleStats>;
  personNames(ids: string[]): Promise<Map<string, string>>;
};

export type SuggestSettings = RankingOptions & {
  localePolicy: 'same' | 'any';
  postingsPerTerm: number;
  candidatePool: number;
};

export type SuggestRequest = {
  source: ArticleProfile;
  /** Whether the source itself is in the index (its own terms then count once in every document frequency). */
  sourceIndexed: boolean;
  limit: number;
  /** Score these targets only (an accepted suggestion, a prepared list's members). */
  within?: string[];
  excluded?: Set<string>;
};

/** The `count` best-scoring ids (ties by id): a typed-array sort finds the cut, so only the kept ones are compared. */
export function strongestCandidates(scores: Map<string, number>, count: number): string[] {
  let entries = [...scores.entries()];
  if (entries.length > count) {
    const values = Float64Array.from(entries, ([, score]) => score).sort();
    const cut = values[values.length - count];
    entries = entries.filter(([, score]) => score >= cut);
  }
  return entries
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([id]) => id);
}

export async function suggest(data: RankingData, settings: SuggestSettings, request: SuggestRequest): Promise<Suggestion[]> {
  const { source, within } = request;
  const locale = source.locale;
  const candidateLocale = settings.localePolicy === 'same' ? locale : null;
  const stats = await data.corpusStats(locale, Object.keys(source.terms));
  const query = selectQueryTerms(source, stats, settings, request.sourceIndexed);
  const terms = query.map((term) => term.term);
  const postings = within
    ? await data.postingsOfDocuments(within, terms, candidateLocale)
    : await data.postingsFor(terms, candidateLocale, settings.postingsPerTerm);
  const textMatches = scorePostings(query, postings);
  const byText = strongestCandidates(textMatches.scores, settings.candidatePool);
  const byPeople = within
    ? within
    : await data.articlesSharingPeople([...source.people, ...source.speakers], candidateLocale, settings.candidatePool);
  const candidates = await data.candidateProfiles([...byText, ...byPeople], candidateLocale);

  const everyone = [...new Set([...source.people, ...source.speakers])];
  const names = await data.personNames(everyone);
  const peopleStats = await data.peopleFrequency(everyone, locale);
  return rankCandidates(
    candidates,
    textMatches,
    { source, options: settings, personName: (id) => names.get(id) ?? 'a person', peopleStats },
    request.excluded ?? new Set(),
    request.limit,
  );
}
