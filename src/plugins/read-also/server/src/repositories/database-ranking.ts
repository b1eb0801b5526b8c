/** The ranking state as the database holds it: what a live ranking reads, beside scoring/memory-index.ts for a reindex. */
import { scorePostings } from '../scoring/rank';
import type { RankingData } from '../scoring/suggest';
import type { IndexStore } from './index-store';

type Reads = Pick<
  IndexStore,
  'corpusStats' | 'postingsFor' | 'postingsOfDocuments' | 'articlesSharingPeople' | 'candidateProfiles' | 'peopleFrequency'
>;

export function databaseRankingData(store: Reads, personNames: RankingData['personNames']): RankingData {
  return {
    corpusStats: (locale, terms) => store.corpusStats(locale, terms),
    textMatches: async (query, locale, perTerm) =>
      scorePostings(
        query,
        await store.postingsFor(
          query.map((term) => term.term),
          locale,
          perTerm,
        ),
      ),
    textMatchesWithin: async (query, documentIds, locale) =>
      scorePostings(
        query,
        await store.postingsOfDocuments(
          documentIds,
          query.map((term) => term.term),
          locale,
        ),
      ),
    articlesSharingPeople: (people, locale, limit) => store.articlesSharingPeople(people, locale, limit),
    candidateProfiles: (documentIds, locale) => store.candidateProfiles(documentIds, locale),
    peopleFrequency: (people, locale) => store.peopleFrequency(people, locale),
    personNames,
  };
}
