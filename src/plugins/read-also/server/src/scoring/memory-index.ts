/**
 * The whole archive's ranking state in memory, for a full reindex: preparing 100k lists
 * through the database would cost a dozen queries each. It keeps only what a ranking reads
 * — the strongest postings of each term, document frequencies, people postings and candidate
 * profiles — so memory stays bounded by the vocabulary, not by the archive. Pure.
 */
import { indexableTerms, tfWeight, type ArticleProfile } from './profile';
import type { CandidateProfile, CorpusStats, Posting } from './rank';
import type { PeopleStats, RankingData } from './suggest';

/** `ranked`: already cut to the strongest, best first (set when first read, cleared by an add). */
type PostingList = { ids: string[]; impacts: number[]; ranked?: boolean };

const key = (locale: string, value: string) => `${locale}\u0001${value}`;

/** Keeps the `keep` highest impacts of a list (ties by documentId, as a sorted index would be read). */
function strongest(list: PostingList, keep: number): PostingList {
  const order = list.ids.map((_, index) => index);
  order.sort((a, b) => list.impacts[b] - list.impacts[a] || (list.ids[a] < list.ids[b] ? -1 : 1));
  const kept = order.slice(0, keep);
  return { ids: kept.map((index) => list.ids[index]), impacts: kept.map((index) => list.impacts[index]), ranked: true };
}

export class MemoryRankingIndex implements RankingData {
  private readonly postings = new Map<string, PostingList>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly documents = new Map<string, number>();
  private readonly people = new Map<string, string[]>();
  private readonly peopleCount = new Map<string, number>();
  private readonly profiles = new Map<string, Map<string, CandidateProfile>>();
  private readonly locales = new Set<string>();

  /**
   * @param postingsPerTerm the most postings a ranking reads per term; lists are pruned to it.
   * @param articlesPerPerson the most articles a ranking reads per person.
   * @param names where person names come from (reasons name people).
   */
  constructor(
    private readonly postingsPerTerm: number,
    private readonly articlesPerPerson: number,
    private readonly names: (ids: string[]) => Promise<Map<string, string>>,
  ) {}

  add(profile: ArticleProfile): void {
    const { locale, documentId } = profile;
    this.locales.add(locale);
    this.documents.set(locale, (this.documents.get(locale) ?? 0) + 1);
    for (const [term, tf] of indexableTerms(profile)) {
      const termKey = key(locale, term);
      this.documentFrequency.set(termKey, (this.documentFrequency.get(termKey) ?? 0) + 1);
      let list = this.postings.get(termKey);
      if (!list) {
        list = { ids: [], impacts: [] };
        this.postings.set(termKey, list);
      }
      list.ids.push(documentId);
      list.impacts.push(profile.norm > 0 ? tfWeight(tf) / profile.norm : 0);
      list.ranked = false;
      // Prune now and then rather than per insert: amortised, and memory stays bounded.
      if (list.ids.length >= 4 * this.postingsPerTerm) this.postings.set(termKey, strongest(list, this.postingsPerTerm));
    }
    for (const person of new Set([...profile.people, ...profile.speakers])) {
      const personKey = key(locale, person);
      this.peopleCount.set(personKey, (this.peopleCount.get(personKey) ?? 0) + 1);
      const articles = this.people.get(personKey) ?? [];
      if (articles.length < this.articlesPerPerson) articles.push(documentId);
      this.people.set(personKey, articles);
    }
    const { terms: _terms, labels: _labels, norm: _norm, ...candidate } = profile;
    const byLocale = this.profiles.get(documentId) ?? new Map<string, CandidateProfile>();
    byLocale.set(locale, candidate);
    this.profiles.set(documentId, byLocale);
  }

  async corpusStats(locale: string, terms: string[]): Promise<CorpusStats> {
    const documentFrequency: Record<string, number> = {};
    for (const term of terms) {
      const df = this.documentFrequency.get(key(locale, term));
      if (df !== undefined) documentFrequency[term] = df;
    }
    return { documents: this.documents.get(locale) ?? 0, documentFrequency };
  }

  /** A term's strongest postings in one locale, ranked once and kept ranked until the next add. */
  private ranked(locale: string, term: string): PostingList | undefined {
    const termKey = key(locale, term);
    const list = this.postings.get(termKey);
    if (!list || list.ranked) return list;
    const best = strongest(list, this.postingsPerTerm);
    this.postings.set(termKey, best);
    return best;
  }

  async postingsFor(terms: string[], locale: string | null, perTerm: number): Promise<Posting[]> {
    const result: Posting[] = [];
    for (const term of terms) {
      const lists = (locale ? [locale] : [...this.locales]).flatMap((each) => this.ranked(each, term) ?? []);
      const best =
        lists.length === 1
          ? lists[0]
          : strongest({ ids: lists.flatMap((list) => list.ids), impacts: lists.flatMap((list) => list.impacts) }, perTerm);
      const count = Math.min(perTerm, best.ids.length);
      for (let index = 0; index < count; index += 1) result.push({ documentId: best.ids[index], term, impact: best.impacts[index] });
    }
    return result;
  }

  async postingsOfDocuments(): Promise<Posting[]> {
    throw new Error('the in-memory index keeps no per-document postings: score chosen targets against the database');
  }

  async articlesSharingPeople(people: string[], locale: string | null, limit: number): Promise<string[]> {
    const shared = new Map<string, number>();
    for (const person of people.slice(0, 20)) {
      const lists = (locale ? [locale] : [...this.locales]).flatMap((each) => this.people.get(key(each, person)) ?? []);
      for (const documentId of lists.slice(0, limit)) shared.set(documentId, (shared.get(documentId) ?? 0) + 1);
    }
    return [...shared.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([documentId]) => documentId);
  }

  async candidateProfiles(documentIds: string[], locale: string | null): Promise<CandidateProfile[]> {
    const result: CandidateProfile[] = [];
    for (const documentId of new Set(documentIds)) {
      const byLocale = this.profiles.get(documentId);
      if (!byLocale) continue;
      if (locale) {
        const profile = byLocale.get(locale);
        if (profile) result.push(profile);
      } else {
        result.push(...byLocale.values());
      }
    }
    return result;
  }

  async peopleFrequency(people: string[], locale: string): Promise<PeopleStats> {
    const frequency: Record<string, number> = {};
    for (const person of new Set(people)) {
      const count = this.peopleCount.get(key(locale, person));
      if (count !== undefined) frequency[person] = count;
    }
    return { documents: this.documents.get(locale) ?? 0, frequency };
  }

  personNames(ids: string[]): Promise<Map<string, string>> {
    return this.names(ids);
  }
}
