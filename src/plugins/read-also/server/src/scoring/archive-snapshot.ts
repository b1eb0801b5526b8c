/**
 * A frozen copy of the archive's ranking state in typed arrays on shared memory, so every
 * reindex worker ranks from one copy instead of holding its own. Only strings (terms, people,
 * documentIds) are copied per thread; the rest is read in place. What it holds per article is
 * a few numbers, never its terms: a ranking's sources are read from the database page by page.
 * Pure: no Strapi, no SQL.
 */
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
import type { ScoringData } from './suggest';

/** Index lists as offsets into one array: the entries of key k are values[start[k]] to values[start[k + 1]]. */
export type Packed = { start: Int32Array; values: Int32Array };

export type ArchiveSnapshot = {
  locales: string[];
  /** Articles indexed per locale. */
  documents: number[];
  /** The documentId of each article number (one number per documentId, whatever its locales). */
  documentIds: string[];
  /** Tags, sections and person ids, each string once. */
  strings: string[];
  /** Candidates: one entry per article and locale. */
  entries: {
    number: Int32Array;
    locale: Int32Array;
    /** Into strings, or -1. */
    section: Int32Array;
    /** NaN when the article has no story time. */
    storyTime: Float64Array;
    tags: Packed;
    people: Packed;
    speakers: Packed;
    /** Titles and slugs, only when reasons are wanted (a reindex keeps none). */
    titles: string[] | null;
    slugs: (string | null)[] | null;
  };
  /** Terms: their locale, text and document frequency, and their strongest postings, strongest first (ties by documentId). */
  terms: {
    locale: Int32Array;
    text: string[];
    df: Int32Array;
    postings: Packed;
    impacts: Float64Array;
  };
  /** Per locale and person (an id into strings): how many articles have them, and the first ones indexed (article numbers). */
  people: { locale: Int32Array; person: Int32Array; count: Int32Array; articles: Packed };
};

/** Typed arrays on shared memory, so a snapshot crosses to worker threads without being copied. */
export function sharedInt32(values: ArrayLike<number>): Int32Array {
  const array = new Int32Array(new SharedArrayBuffer(Math.max(1, values.length) * Int32Array.BYTES_PER_ELEMENT), 0, values.length);
  array.set(values);
  return array;
}

export function sharedFloat64(values: ArrayLike<number>): Float64Array {
  const array = new Float64Array(new SharedArrayBuffer(Math.max(1, values.length) * Float64Array.BYTES_PER_ELEMENT), 0, values.length);
  array.set(values);
  return array;
}

/** Packs lists of numbers (each list in order) into shared offsets and values. */
export function packLists(lists: ArrayLike<number>[]): Packed {
  const start = new Int32Array(new SharedArrayBuffer((lists.length + 1) * Int32Array.BYTES_PER_ELEMENT));
  let total = 0;
  for (let index = 0; index < lists.length; index += 1) {
    start[index] = total;
    total += lists[index].length;
  }
  start[lists.length] = total;
  const values = new Int32Array(new SharedArrayBuffer(Math.max(1, total) * Int32Array.BYTES_PER_ELEMENT), 0, total);
  for (let index = 0; index < lists.length; index += 1) values.set(lists[index], start[index]);
  return { start, values };
}

/** Impacts of lists packed alike by packLists, in the same places. */
export function packImpacts(lists: Float64Array[]): Float64Array {
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const values = new Float64Array(new SharedArrayBuffer(Math.max(1, total) * Float64Array.BYTES_PER_ELEMENT), 0, total);
  let offset = 0;
  for (const list of lists) {
    values.set(list, offset);
    offset += list.length;
  }
  return values;
}

const slice = (packed: Packed, key: number) => packed.values.subarray(packed.start[key], packed.start[key + 1]);

/** A term's (or a person's) number per locale. */
function keysByLocale(locales: number, localeOf: Int32Array, keyOf: (index: number) => string): Map<string, number>[] {
  const maps = Array.from({ length: locales }, () => new Map<string, number>());
  for (let index = 0; index < localeOf.length; index += 1) maps[localeOf[index]].set(keyOf(index), index);
  return maps;
}

/** Candidates a worker keeps built: about 200 bytes each. */
const CANDIDATES_KEPT = 100_000;

/** A term's postings as typed arrays, strongest first. */
export type SortedPostings = { documents: Int32Array; impacts: Float64Array };

/**
 * Answers what a ranking asks (ScoringData) from a snapshot: the same sums, in the same order,
 * as scorePostings over the same postings, so a list prepared from it is what a live ranking
 * from the database says.
 */
export class SnapshotIndex implements ScoringData {
  private readonly localeNumbers: Map<string, number>;
  private readonly termNumbers: Map<string, number>[];
  private readonly personNumbers: Map<string, number>[];
  private readonly articleNumbers = new Map<string, number>();
  /** Per locale, each article number's entry, or -1. */
  private readonly entryOf: Int32Array[];

  /** Score per article number for the latest text ranking, and which numbers it touched. */
  private readonly accumulator: Float64Array;
  private touched: number[] = [];
  private ranking = 0;

  constructor(private readonly snapshot: ArchiveSnapshot) {
    const { locales, documentIds, strings, entries, terms, people } = snapshot;
    this.localeNumbers = new Map(locales.map((locale, index) => [locale, index]));
    this.termNumbers = keysByLocale(locales.length, terms.locale, (term) => terms.text[term]);
    this.personNumbers = keysByLocale(locales.length, people.locale, (key) => strings[people.person[key]]);
    documentIds.forEach((documentId, number) => this.articleNumbers.set(documentId, number));
    this.entryOf = locales.map(() => new Int32Array(documentIds.length).fill(-1));
    for (let entry = 0; entry < entries.number.length; entry += 1) this.entryOf[entries.locale[entry]][entries.number[entry]] = entry;
    this.accumulator = new Float64Array(documentIds.length);
  }

  /** Locales a question covers: one, or every locale for null. */
  private localesOf(locale: string | null): number[] {
    if (locale === null) return this.snapshot.locales.map((_, index) => index);
    const number = this.localeNumbers.get(locale);
    return number === undefined ? [] : [number];
  }

  private termPostings(term: number): SortedPostings {
    const { postings, impacts } = this.snapshot.terms;
    const start = postings.start[term];
    const end = postings.start[term + 1];
    return { documents: postings.values.subarray(start, end), impacts: impacts.subarray(start, end) };
  }

  /** The strongest postings of a term in a locale, or across all of them (merged, strongest first). */
  private strongestPostings(term: string, locale: string | null, perTerm: number): SortedPostings | undefined {
    const lists = this.localesOf(locale).flatMap((number) => {
      const termNumber = this.termNumbers[number].get(term);
      return termNumber === undefined ? [] : [this.termPostings(termNumber)];
    });
    if (lists.length <= 1) return lists[0];
    const merged = lists.flatMap((list) => Array.from(list.documents, (document, index) => ({ document, impact: list.impacts[index] })));
    const ids = this.snapshot.documentIds;
    merged.sort((a, b) => b.impact - a.impact || byDocumentId(ids[a.document], ids[b.document]));
    const kept = merged.slice(0, perTerm);
    return {
      documents: Int32Array.from(kept, (posting) => posting.document),
      impacts: Float64Array.from(kept, (posting) => posting.impact),
    };
  }

  async corpusStats(locale: string, terms: string[]): Promise<CorpusStats> {
    const number = this.localeNumbers.get(locale);
    const documentFrequency: Record<string, number> = {};
    if (number === undefined) return { documents: 0, documentFrequency };
    const numbers = this.termNumbers[number];
    for (const term of terms) {
      const termNumber = numbers.get(term);
      if (termNumber !== undefined) documentFrequency[term] = this.snapshot.terms.df[termNumber];
    }
    return { documents: this.snapshot.documents[number], documentFrequency };
  }

  /** The result reads the index's accumulator: valid until the next ranking from this index, and says so if used later. */
  async textMatches(query: QueryTerm[], locale: string | null, perTerm: number): Promise<TextScores> {
    const ranking = ++this.ranking;
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
    const ids = this.snapshot.documentIds;
    const scoreOf = (number: number) => accumulator[number];
    return {
      score: (documentId) => {
        current();
        const number = this.articleNumbers.get(documentId);
        return number === undefined ? 0 : accumulator[number];
      },
      strongest: (count) => {
        current();
        return strongestCandidates(touched, scoreOf, (number) => ids[number], count);
      },
      explain: (documentIds) => {
        current();
        const wanted = new Set([...documentIds].flatMap((id) => this.articleNumbers.get(id) ?? []));
        const explained = new Map<string, Map<string, number>>();
        for (const { term, list, count } of used) {
          for (let index = 0; index < count; index += 1) {
            const number = list.documents[index];
            if (!wanted.has(number)) continue;
            const part = (term.weight * list.impacts[index]) / norm;
            if (part <= 0) continue;
            const terms = explained.get(ids[number]) ?? new Map<string, number>();
            terms.set(term.term, part);
            explained.set(ids[number], terms);
          }
        }
        return explained;
      },
    };
  }

  async articlesSharingPeople(people: string[], locale: string | null, limit: number): Promise<string[]> {
    const shared = new Map<string, number>();
    const locales = this.localesOf(locale);
    const { articles } = this.snapshot.people;
    for (const person of people.slice(0, 20)) {
      let counted = 0;
      for (const locale of locales) {
        const key = this.personNumbers[locale].get(person);
        if (key === undefined) continue;
        for (const number of slice(articles, key)) {
          if (counted === limit) break;
          counted += 1;
          const documentId = this.snapshot.documentIds[number];
          shared.set(documentId, (shared.get(documentId) ?? 0) + 1);
        }
      }
    }
    return [...shared.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([documentId]) => documentId);
  }

  /**
   * Candidates built from the columns, kept for later rankings (a story's neighbours are
   * the next story's too), up to a bound: memory must not grow with the archive.
   */
  private readonly candidates = new Map<number, CandidateProfile>();

  private candidate(entry: number): CandidateProfile {
    let candidate = this.candidates.get(entry);
    if (candidate === undefined) {
      if (this.candidates.size >= CANDIDATES_KEPT) this.candidates.clear();
      candidate = this.readCandidate(entry);
      this.candidates.set(entry, candidate);
    }
    return candidate;
  }

  private readCandidate(entry: number): CandidateProfile {
    const { entries, strings, locales, documentIds } = this.snapshot;
    const section = entries.section[entry];
    const storyTime = entries.storyTime[entry];
    const named = (packed: Packed) => Array.from(slice(packed, entry), (value) => strings[value]);
    return {
      documentId: documentIds[entries.number[entry]],
      locale: locales[entries.locale[entry]],
      title: entries.titles?.[entry] ?? '',
      slug: entries.slugs?.[entry] ?? null,
      section: section < 0 ? null : strings[section],
      tags: named(entries.tags),
      people: named(entries.people),
      speakers: named(entries.speakers),
      storyTime: Number.isNaN(storyTime) ? null : storyTime,
    };
  }

  async candidateProfiles(documentIds: string[], locale: string | null): Promise<CandidateProfile[]> {
    const result: CandidateProfile[] = [];
    const locales = this.localesOf(locale);
    for (const documentId of new Set(documentIds)) {
      const number = this.articleNumbers.get(documentId);
      if (number === undefined) continue;
      for (const each of locales) {
        const entry = this.entryOf[each][number];
        if (entry >= 0) result.push(this.candidate(entry));
      }
    }
    return result;
  }

  async peopleFrequency(people: string[], locale: string): Promise<PeopleStats> {
    const number = this.localeNumbers.get(locale);
    const frequency: Record<string, number> = {};
    if (number === undefined) return { documents: 0, frequency };
    for (const person of new Set(people)) {
      const key = this.personNumbers[number].get(person);
      if (key !== undefined) frequency[person] = this.snapshot.people.count[key];
    }
    return { documents: this.snapshot.documents[number], frequency };
  }
}
