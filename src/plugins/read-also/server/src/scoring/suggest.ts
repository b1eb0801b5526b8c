/**
 * One article's suggestions from whatever holds the ranking state: the database at read
 * time, or the whole archive in memory during a reindex. Both answer the same questions
 * through RankingData, so a prepared list is exactly what a live ranking would have said.
 * Pure: no Strapi, no SQL.
 */
import type { ArticleProfile } from './profile';
import {
  rankCandidates,
  rankMembers,
  selectQueryTerms,
  type CandidateProfile,
  type CorpusStats,
  type PeopleStats,
  type QueryTerm,
  type Ranked,
  type RankedMember,
  type RankingOptions,
  type TextScores,
} from './rank';

/** What scoring reads; RankingData adds what reasons need. */
export type ScoringData = {
  corpusStats(locale: string, terms: string[]): Promise<CorpusStats>;
  /** Cosine scores from the strongest postings (highest impact first) of each query term, at most perTerm each. */
  textMatches(query: QueryTerm[], locale: string | null, perTerm: number): Promise<TextScores>;
  /** Cosine scores of these articles only, from all their postings of the query's terms: what scoring chosen targets needs. */
  textMatchesWithin?(query: QueryTerm[], documentIds: string[], locale: string | null): Promise<TextScores>;
  /** Articles mentioning or quoting these people, most shared first. */
  articlesSharingPeople(people: string[], locale: string | null, limit: number): Promise<string[]>;
  candidateProfiles(documentIds: string[], locale: string | null): Promise<CandidateProfile[]>;
  peopleFrequency(people: string[], locale: string): Promise<PeopleStats>;
};

export type RankingData = ScoringData & { personNames(ids: string[]): Promise<Map<string, string>> };

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

function matchesWithin(data: ScoringData, query: QueryTerm[], within: string[], locale: string | null): Promise<TextScores> {
  if (!data.textMatchesWithin) throw new Error('this ranking data keeps no per-document postings: it cannot score chosen targets');
  return data.textMatchesWithin(query, within, locale);
}

/** Every candidate worth scoring, with what scoring them needs. */
async function gather(data: ScoringData, settings: SuggestSettings, request: SuggestRequest) {
  const { source, within } = request;
  const locale = source.locale;
  const candidateLocale = settings.localePolicy === 'same' ? locale : null;
  const stats = await data.corpusStats(locale, Object.keys(source.terms));
  const query = selectQueryTerms(source, stats, settings, request.sourceIndexed);
  const textMatches = within
    ? await matchesWithin(data, query, within, candidateLocale)
    : await data.textMatches(query, candidateLocale, settings.postingsPerTerm);
  const byText = textMatches.strongest(settings.candidatePool);
  const byPeople = within
    ? within
    : await data.articlesSharingPeople([...source.people, ...source.speakers], candidateLocale, settings.candidatePool);
  const candidates = await data.candidateProfiles([...byText, ...byPeople], candidateLocale);
  const everyone = [...new Set([...source.people, ...source.speakers])];
  const peopleStats = await data.peopleFrequency(everyone, locale);
  return { candidates, textMatches, everyone, context: { source, options: settings, peopleStats } };
}

export async function suggest(data: RankingData, settings: SuggestSettings, request: SuggestRequest): Promise<Ranked[]> {
  const { candidates, textMatches, everyone, context } = await gather(data, settings, request);
  const names = await data.personNames(everyone);
  return rankCandidates(
    candidates,
    textMatches,
    { ...context, personName: (id) => names.get(id) ?? 'a person' },
    request.excluded ?? new Set(),
    request.limit,
  );
}

/** The same ranking as suggest(), without reasons: who and how well, as a prepared list keeps them. */
export async function suggestMembers(data: ScoringData, settings: SuggestSettings, request: SuggestRequest): Promise<RankedMember[]> {
  const { candidates, textMatches, context } = await gather(data, settings, request);
  return rankMembers(candidates, textMatches, context, request.excluded ?? new Set(), request.limit);
}
