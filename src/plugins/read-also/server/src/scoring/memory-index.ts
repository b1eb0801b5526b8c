/**
 * The whole archive's ranking state, built in memory as a full reindex reads the articles: each
 * term's strongest postings and document frequency, people, and a few numbers per article for
 * scoring it as a candidate (never its terms). snapshot() freezes it into shared memory for the
 * threads that rank (scoring/archive-snapshot.ts); it answers a ranking itself the same way. Pure.
 */
import { indexableTerms, termImpact, type ArticleProfile } from './profile';
import { byDocumentId } from './order';
import {
  packImpacts,
  packLists,
  sharedFloat64,
  sharedInt32,
  SnapshotIndex,
  type ArchiveSnapshot,
  type SortedPostings,
} from './archive-snapshot';
import type { CandidateProfile, CorpusStats, PeopleStats, QueryTerm, TextScores } from './rank';
import type { RankingData } from './suggest';

/**
 * A term's postings, pruned now and then to its strongest. `droppedMax` is the highest impact
 * pruned away so far: every posting not kept is at most that strong. `floor` is the weakest impact
 * kept by the last pruning: as many stronger ones are kept for good, so a weaker newcomer is
 * dropped on arrival (most of a common term's postings never enter the list).
 */
type PostingList = { documents: number[]; impacts: number[]; droppedMax: number | null; floor: number };

/**
 * The postings a database keeps after a reindex: each term's strongest, and, where some were
 * left out, the highest impact left out (a read is exact while enough kept ones are stronger).
 * Articles are numbers into `documentIds`.
 */
export type RetainedPostings = {
  documentIds: string[];
  /** `df`: how many articles have the term, all of whose postings the database's statistics count. */
  terms: { locale: string; term: string; df: number; documents: Int32Array; impacts: Float64Array; prunedBelow: number | null }[];
};

/** Numbers for strings, each string once. */
class Interned {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(value: string): number {
    let number = this.numbers.get(value);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value);
      this.numbers.set(value, number);
    }
    return number;
  }
}

/** A person in a locale: how many articles have them, and the first ones (article numbers). */
type PersonArticles = { locale: number; person: number; count: number; articles: number[] };

export class MemoryRankingIndex implements RankingData {
  /** Article numbers: one per documentId, whatever its locales. */
  private readonly articles = new Interned();
  private readonly locales = new Interned();
  /** Tags, sections and person ids. */
  private readonly strings = new Interned();
  private readonly documents: number[] = [];
  /** Terms by locale and text: their number in the arrays below. */
  private readonly termNumbers: Map<string, number>[] = [];
  private readonly termLocales: number[] = [];
  private readonly termTexts: string[] = [];
  private readonly documentFrequency: number[] = [];
  private readonly postings: PostingList[] = [];
  private readonly people: Map<number, PersonArticles>[] = [];
  /** Candidates, one per article and locale, as columns; an article added again in a locale replaces its entry. */
  private readonly entries = {
    number: [] as number[],
    locale: [] as number[],
    section: [] as number[],
    storyTime: [] as number[],
    tags: [] as number[][],
    people: [] as number[][],
    speakers: [] as number[][],
    titles: [] as string[],
    slugs: [] as (string | null)[],
  };
  /** Per locale, each article number's entry. */
  private readonly entryNumbers: Map<number, number>[] = [];
  /** What rankings from this builder read; dropped by the next add. */
  private frozen: SnapshotIndex | null = null;

  /**
   * @param postingsPerTerm the most postings a ranking reads per term; lists are pruned to it.
   * @param articlesPerPerson the most articles a ranking reads per person.
   * @param options.names where person names come from, for reasons; a reindex ranks without reasons and needs none.
   * @param options.retained postings kept per term (at least postingsPerTerm): what retainedPostings() gives a database.
   * @param options.titles whether candidates keep their titles and slugs, which only reasons show: a reindex keeps none.
   */
  constructor(
    private readonly postingsPerTerm: number,
    private readonly articlesPerPerson: number,
    options: { names?: (ids: string[]) => Promise<Map<string, string>>; retained?: number; titles?: boolean } = {},
  ) {
    this.names = options.names ?? (async () => new Map());
    this.retained = Math.max(postingsPerTerm, options.retained ?? postingsPerTerm);
    this.keepsTitles = options.titles ?? true;
  }

  private readonly names: (ids: string[]) => Promise<Map<string, string>>;
  private readonly retained: number;
  private readonly keepsTitles: boolean;

  private localeOf(locale: string): number {
    const number = this.locales.number(locale);
    while (this.termNumbers.length <= number) {
      this.termNumbers.push(new Map());
      this.people.push(new Map());
      this.entryNumbers.push(new Map());
      this.documents.push(0);
    }
    return number;
  }

  private termOf(locale: number, term: string): number {
    let number = this.termNumbers[locale].get(term);
    if (number === undefined) {
      number = this.termTexts.length;
      this.termNumbers[locale].set(term, number);
      this.termLocales.push(locale);
      this.termTexts.push(term);
      this.documentFrequency.push(0);
      this.postings.push({ documents: [], impacts: [], droppedMax: null, floor: -Infinity });
    }
    return number;
  }

  /** Keeps the `keep` highest impacts (ties by documentId, as a sorted index would be read). */
  private strongest(documents: ArrayLike<number>, impacts: ArrayLike<number>, keep: number): SortedPostings {
    const order = Array.from({ length: documents.length }, (_, index) => index);
    const ids = this.articles.values;
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
    list.floor = all.impacts[this.retained - 1];
    list.documents = Array.from(all.documents.subarray(0, this.retained));
    list.impacts = Array.from(all.impacts.subarray(0, this.retained));
  }

  /** Each term's document frequency and `retained` strongest postings, for the database's tables. */
  retainedPostings(): RetainedPostings {
    const terms = this.postings.map((list, number) => {
      this.prune(list);
      const kept = this.strongest(list.documents, list.impacts, this.retained);
      return {
        locale: this.locales.values[this.termLocales[number]],
        term: this.termTexts[number],
        df: this.documentFrequency[number],
        documents: kept.documents,
        impacts: kept.impacts,
        prunedBelow: list.droppedMax,
      };
    });
    return { documentIds: this.articles.values, terms };
  }

  add(profile: ArticleProfile): void {
    this.frozen = null;
    const number = this.articles.number(profile.documentId);
    const locale = this.localeOf(profile.locale);
    this.documents[locale] += 1;
    for (const [term, tf] of indexableTerms(profile)) {
      const termNumber = this.termOf(locale, term);
      this.documentFrequency[termNumber] += 1;
      const list = this.postings[termNumber];
      const impact = termImpact(tf, profile.norm);
      if (impact < list.floor) {
        list.droppedMax = list.droppedMax === null ? impact : Math.max(list.droppedMax, impact);
        continue;
      }
      list.documents.push(number);
      list.impacts.push(impact);
      // Prune now and then rather than per insert: amortised, and memory stays bounded.
      if (list.documents.length >= 2 * this.retained) this.prune(list);
    }
    for (const person of new Set([...profile.people, ...profile.speakers])) {
      const personNumber = this.strings.number(person);
      const known = this.people[locale].get(personNumber);
      const entry = known ?? { locale, person: personNumber, count: 0, articles: [] };
      entry.count += 1;
      if (entry.articles.length < this.articlesPerPerson) entry.articles.push(number);
      if (!known) this.people[locale].set(personNumber, entry);
    }
    this.addCandidate(profile, number, locale);
  }

  private addCandidate(profile: ArticleProfile, number: number, locale: number): void {
    const entry = this.entryNumbers[locale].get(number) ?? this.entries.number.length;
    this.entryNumbers[locale].set(number, entry);
    const entries = this.entries;
    const named = (values: string[]) => values.map((value) => this.strings.number(value));
    entries.number[entry] = number;
    entries.locale[entry] = locale;
    entries.section[entry] = profile.section === null ? -1 : this.strings.number(profile.section);
    entries.storyTime[entry] = profile.storyTime ?? Number.NaN;
    entries.tags[entry] = named(profile.tags);
    entries.people[entry] = named(profile.people);
    entries.speakers[entry] = named(profile.speakers);
    if (this.keepsTitles) {
      entries.titles[entry] = profile.title;
      entries.slugs[entry] = profile.slug;
    }
  }

  /** The state as it stands, in shared memory: what the threads of a reindex rank from. */
  snapshot(): ArchiveSnapshot {
    const ranked = this.postings.map((list) => this.strongest(list.documents, list.impacts, this.postingsPerTerm));
    const people = this.people.flatMap((byPerson) => [...byPerson.values()]);
    const { entries } = this;
    return {
      locales: [...this.locales.values],
      documents: [...this.documents],
      documentIds: this.articles.values,
      strings: this.strings.values,
      entries: {
        number: sharedInt32(entries.number),
        locale: sharedInt32(entries.locale),
        section: sharedInt32(entries.section),
        storyTime: sharedFloat64(entries.storyTime),
        tags: packLists(entries.tags),
        people: packLists(entries.people),
        speakers: packLists(entries.speakers),
        titles: this.keepsTitles ? entries.titles : null,
        slugs: this.keepsTitles ? entries.slugs : null,
      },
      terms: {
        locale: sharedInt32(this.termLocales),
        text: this.termTexts,
        df: sharedInt32(this.documentFrequency),
        postings: packLists(ranked.map((list) => list.documents)),
        impacts: packImpacts(ranked.map((list) => list.impacts)),
      },
      people: {
        locale: sharedInt32(people.map((person) => person.locale)),
        person: sharedInt32(people.map((person) => person.person)),
        count: sharedInt32(people.map((person) => person.count)),
        articles: packLists(people.map((person) => person.articles)),
      },
    };
  }

  private get index(): SnapshotIndex {
    this.frozen ??= new SnapshotIndex(this.snapshot());
    return this.frozen;
  }

  corpusStats(locale: string, terms: string[]): Promise<CorpusStats> {
    return this.index.corpusStats(locale, terms);
  }

  textMatches(query: QueryTerm[], locale: string | null, perTerm: number): Promise<TextScores> {
    return this.index.textMatches(query, locale, perTerm);
  }

  articlesSharingPeople(people: string[], locale: string | null, limit: number): Promise<string[]> {
    return this.index.articlesSharingPeople(people, locale, limit);
  }

  candidateProfiles(documentIds: string[], locale: string | null): Promise<CandidateProfile[]> {
    return this.index.candidateProfiles(documentIds, locale);
  }

  peopleFrequency(people: string[], locale: string): Promise<PeopleStats> {
    return this.index.peopleFrequency(people, locale);
  }

  personNames(ids: string[]): Promise<Map<string, string>> {
    return this.names(ids);
  }
}
