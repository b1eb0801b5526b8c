/**
 * The whole archive's ranking state in memory, for a full reindex, so preparing every list costs
 * no queries. It keeps only what a ranking reads (each term's strongest postings, document
 * frequencies, people, candidate profiles), so memory is bounded by the vocabulary. Articles are
 * numbered as they arrive, so a ranking adds up scores in one typed array. Pure.
 */
import { indexableTerms, termImpact, type ArticleProfile } from './profile';
import { byDocumentId } from './order';
import {
  queryNorm,
  strongestCandidates,
  type CandidateProfile,
  type CorpusStats,
  type PeopleStats,
  type QueryTerm,
  type TextScores,
} from './rank';
import type { RankingData } from './suggest';

/**
 * Strongest first once ranked; `ranked` is dropped by the next add to the term. `droppedMax` is
 * the highest impact pruned away so far: every posting not kept is at most that strong.
 */
type PostingList = { documents: number[]; impacts: number[]; droppedMax: number | null; ranked?: SortedPostings };
/** A term's postings as typed arrays, strongest first. */
type SortedPostings = { documents: Int32Array; impacts: Float64Array };

/**
 * The postings a database keeps after a reindex: each term's strongest, and, where some were
 * left out, the highest impact left out (a read is exact while enough kept ones are stronger).
 * Articles are numbers into `documentIds`, so the rows cross to another thread cheaply.
 */
export type RetainedPostings = {
  documentIds: string[];
  /** `df`: how many articles have the term, all of whose postings the database's statistics count. */
  terms: { locale: string; term: string; df: number; documents: Int32Array; impacts: Float64Array; prunedBelow: number | null }[];
};

/** A value per locale, then per key: no composite string keys to build on every lookup. */
class ByLocale<T> {
  private readonly maps = new Map<string, Map<string, T>>();

  get(locale: string, key: string): T | undefined {
    return this.maps.get(locale)?.get(key);
  }

  set(locale: string, key: string, value: T): void {
    let map = this.maps.get(locale);
    if (!map) {
      map = new Map();
      this.maps.set(locale, map);
    }
    map.set(key, value);
  }

  locales(): string[] {
    return [...this.maps.keys()];
  }

  entries(locale: string): IterableIterator<[string, T]> {
    return (this.maps.get(locale) ?? new Map<string, T>()).entries();
  }
}

export class MemoryRankingIndex implements RankingData {
  /** documentId of each article number. */
  private readonly documentIds: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly postings = new ByLocale<PostingList>();
  private readonly documentFrequency = new ByLocale<number>();
  private readonly documents = new Map<string, number>();
  private readonly people = new ByLocale<string[]>();
  private readonly peopleCount = new ByLocale<number>();
  private readonly profiles = new ByLocale<CandidateProfile>();

  /** Score per article number for the latest text ranking, and which numbers it touched. */
  private accumulator = new Float64Array(1024);
  private touched: number[] = [];
  private ranking = 0;

  /**
   * @param postingsPerTerm the most postings a ranking reads per term; lists are pruned to it.
   * @param articlesPerPerson the most articles a ranking reads per person.
   * @param options.names where person names come from, for reasons; a reindex ranks without reasons and needs none.
   * @param options.retained postings kept per term (at least postingsPerTerm): what retainedPostings() gives a database.
   */
  constructor(
    private readonly postingsPerTerm: number,
    private readonly articlesPerPerson: number,
    options: { names?: (ids: string[]) => Promise<Map<string, string>>; retained?: number } = {},
  ) {
    this.names = options.names ?? (async () => new Map());
    this.retained = Math.max(postingsPerTerm, options.retained ?? postingsPerTerm);
  }

  private readonly names: (ids: string[]) => Promise<Map<string, string>>;
  private readonly retained: number;

  private numberOf(documentId: string): number {
    let number = this.numbers.get(documentId);
    if (number === undefined) {
      number = this.documentIds.length;
      this.documentIds.push(documentId);
      this.numbers.set(documentId, number);
    }
    return number;
  }

  /** Keeps the `keep` highest impacts (ties by documentId, as a sorted index would be read). */
  private strongest(documents: ArrayLike<number>, impacts: ArrayLike<number>, keep: number): SortedPostings {
    const order = Array.from({ length: documents.length }, (_, index) => index);
    const ids = this.documentIds;
    order.sort((a, b) => impacts[b] - impacts[a] || byDocumentId(ids[documents[a]], ids[documents[b]]));
    const kept = order.slice(0, keep);
    return { documents: Int32Array.from(kept, (index) => documents[index]), impacts: Float64Array.from(kept, (index) => impacts[index]) };
  }

  /** Keeps a term's `retained` strongest postings, remembering the strongest one dropped. */
  private prune(list: PostingList): void {
    if (list.documents.length <= this.retained) return;
    const all = this.strongest(list.documents, list.impacts, list.documents.length);
    const firstDropped = all.impacts[this.retained];
    list.droppedMax = list.droppedMax === null ? firstDropped : Math.max(list.droppedMax, firstDropped);
    list.documents = Array.from(all.documents.subarray(0, this.retained));
    list.impacts = Array.from(all.impacts.subarray(0, this.retained));
  }

  /** Each term's document frequency and `retained` strongest postings, for the database's tables. */
  retainedPostings(): RetainedPostings {
    const terms: RetainedPostings['terms'] = [];
    for (const locale of this.postings.locales()) {
      for (const [term, list] of this.postings.entries(locale)) {
        this.prune(list);
        const kept = this.strongest(list.documents, list.impacts, this.retained);
        const df = this.documentFrequency.get(locale, term) ?? 0;
        terms.push({ locale, term, df, documents: kept.documents, impacts: kept.impacts, prunedBelow: list.droppedMax });
      }
    }
    return { documentIds: this.documentIds, terms };
  }

  add(profile: ArticleProfile): void {
    const { locale, documentId } = profile;
    const number = this.numberOf(documentId);
    this.documents.set(locale, (this.documents.get(locale) ?? 0) + 1);
    for (const [term, tf] of indexableTerms(profile)) {
      this.documentFrequency.set(locale, term, (this.documentFrequency.get(locale, term) ?? 0) + 1);
      let list = this.postings.get(locale, term);
      if (!list) {
        list = { documents: [], impacts: [], droppedMax: null };
        this.postings.set(locale, term, list);
      }
      list.documents.push(number);
      list.impacts.push(termImpact(tf, profile.norm));
      list.ranked = undefined;
      // Prune now and then rather than per insert: amortised, and memory stays bounded.
      if (list.documents.length >= 2 * this.retained) this.prune(list);
    }
    for (const person of new Set([...profile.people, ...profile.speakers])) {
      this.peopleCount.set(locale, person, (this.peopleCount.get(locale, person) ?? 0) + 1);
      const articles = this.people.get(locale, person) ?? [];
      if (articles.length < this.articlesPerPerson) articles.push(documentId);
      this.people.set(locale, person, articles);
    }
    const { terms: _terms, labels: _labels, norm: _norm, ...candidate } = profile;
    this.profiles.set(locale, documentId, candidate);
  }

  async corpusStats(locale: string, terms: string[]): Promise<CorpusStats> {
    const documentFrequency: Record<string, number> = {};
    for (const term of terms) {
      const df = this.documentFrequency.get(locale, term);
      if (df !== undefined) documentFrequency[term] = df;
    }
    return { documents: this.documents.get(locale) ?? 0, documentFrequency };
  }

  /** A term's strongest postings in one locale, ranked once and kept ranked until the next add. */
  private ranked(locale: string, term: string): SortedPostings | undefined {
    const list = this.postings.get(locale, term);
    if (!list) return undefined;
    list.ranked ??= this.strongest(list.documents, list.impacts, this.postingsPerTerm);
    return list.ranked;
  }

  /** The strongest postings of a term in a locale, or across all of them (merged, strongest first). */
  private strongestPostings(term: string, locale: string | null, perTerm: number): SortedPostings | undefined {
    if (locale) return this.ranked(locale, term);
    const lists = this.postings.locales().flatMap((each) => this.ranked(each, term) ?? []);
    if (lists.length <= 1) return lists[0];
    return this.strongest(
      lists.flatMap((list) => Array.from(list.documents)),
      lists.flatMap((list) => Array.from(list.impacts)),
      perTerm,
    );
  }

  /**
   * The same sums, in the same order, as scorePostings over the same postings, so a list prepared
   * here is what a live ranking from the database says. The result reads the index's accumulator:
   * it is valid until the next ranking from this index, and says so if used later.
   */
  async textMatches(query: QueryTerm[], locale: string | null, perTerm: number): Promise<TextScores> {
    const ranking = ++this.ranking;
    if (this.accumulator.length < this.documentIds.length) this.accumulator = new Float64Array(this.documentIds.length * 2);
    const accumulator = this.accumulator;
    for (const number of this.touched) accumulator[number] = 0;
    const touched: number[] = [];
    this.touched = touched;

    const norm = queryNorm(query);
    const used: { term: QueryTerm; list: SortedPostings; count: number }[] = [];
    for (const term of query) {
      const list = norm > 0 ? this.strongestPostings(term.term, locale, perTerm) : undefined;
      if (!list) continue;
      const count = Math.min(perTerm, list.documents.length);
      used.push({ term, list, count });
      for (let index = 0; index < count; index += 1) {
        const part = (term.weight * list.impacts[index]) / norm;
        if (part <= 0) continue;
        const number = list.documents[index];
        if (accumulator[number] === 0) touched.push(number);
        accumulator[number] += part;
      }
    }

    const current = () => {
      if (ranking !== this.ranking) throw new Error('these text scores were replaced by a later ranking from the same index');
    };
    const scoreOf = (number: number) => accumulator[number];
    return {
      score: (documentId) => {
        current();
        const number = this.numbers.get(documentId);
        return number === undefined ? 0 : accumulator[number];
      },
      strongest: (count) => {
        current();
        return strongestCandidates(touched, scoreOf, (number) => this.documentIds[number], count);
      },
      explain: (documentIds) => {
        current();
        const wanted = new Set([...documentIds].flatMap((id) => this.numbers.get(id) ?? []));
        const explained = new Map<string, Map<string, number>>();
        for (const { term, list, count } of used) {
          for (let index = 0; index < count; index += 1) {
            const number = list.documents[index];
            if (!wanted.has(number)) continue;
            const part = (term.weight * list.impacts[index]) / norm;
            if (part <= 0) continue;
            const documentId = this.documentIds[number];
            const terms = explained.get(documentId) ?? new Map<string, number>();
            terms.set(term.term, part);
            explained.set(documentId, terms);
          }
        }
        return explained;
      },
    };
  }

  async articlesSharingPeople(people: string[], locale: string | null, limit: number): Promise<string[]> {
    const shared = new Map<string, number>();
    const locales = locale ? [locale] : this.people.locales();
    for (const person of people.slice(0, 20)) {
      const lists = locales.flatMap((each) => this.people.get(each, person) ?? []);
      for (const documentId of lists.slice(0, limit)) shared.set(documentId, (shared.get(documentId) ?? 0) + 1);
    }
    return [...shared.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([documentId]) => documentId);
  }

  async candidateProfiles(documentIds: string[], locale: string | null): Promise<CandidateProfile[]> {
    const result: CandidateProfile[] = [];
    const locales = locale ? [locale] : this.profiles.locales();
    for (const documentId of new Set(documentIds)) {
      for (const each of locales) {
        const profile = this.profiles.get(each, documentId);
        if (profile) result.push(profile);
      }
    }
    return result;
  }

  async peopleFrequency(people: string[], locale: string): Promise<PeopleStats> {
    const frequency: Record<string, number> = {};
    for (const person of new Set(people)) {
      const count = this.peopleCount.get(locale, person);
      if (count !== undefined) frequency[person] = count;
    }
    return { documents: this.documents.get(locale) ?? 0, frequency };
  }

  personNames(ids: string[]): Promise<Map<string, string>> {
    return this.names(ids);
  }
}
