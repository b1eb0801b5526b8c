/**
 * The inverted index: one profile per published article and locale, term and people postings
 * for candidate lookup, pruned terms, document frequencies and corpus totals.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { z } from 'zod';
import { storedPostingsPerTerm } from '../config';
import type { RetainedPostings } from '../scoring/memory-index';
import { documentPostings, termPostings, type StoredTerms } from '../scoring/postings';
import { indexableTerms, recordOf, termImpact, type ArticleProfile, type StoredSource } from '../scoring/profile';
import type { CandidateProfile, CorpusStats, Posting } from '../scoring/rank';
import { readAlsoSettings } from '../settings';
import { TABLES } from './schema';
import { CHUNK, chunks, numeric, type Sql } from './sql';

/** A JSON list of strings, as the profile table stores tags, people and speakers. */
const jsonList = z
  .string()
  .nullish()
  .transform((value) => {
    if (!value) return [];
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  });

const candidateRow = z.object({
  document_id: z.string(),
  locale: z.string(),
  title: z.string(),
  slug: z.string().nullable(),
  section: z.string().nullable(),
  tags: jsonList,
  people: jsonList,
  speakers: jsonList,
  story_time: numeric.nullable(),
});
const CANDIDATE_COLUMNS = Object.keys(candidateRow.shape);

const candidateOf = (row: z.infer<typeof candidateRow>): CandidateProfile => ({
  documentId: row.document_id,
  locale: row.locale,
  title: row.title,
  slug: row.slug,
  section: row.section,
  tags: row.tags,
  people: row.people,
  speakers: row.speakers,
  storyTime: row.story_time,
});

const parseTerms = (json: string) => JSON.parse(json) as Record<string, number>;
const termsRow = z.object({ document_id: z.string(), terms: z.string(), norm: numeric });
const storedTerms = (row: z.infer<typeof termsRow>): StoredTerms => ({
  documentId: row.document_id,
  terms: parseTerms(row.terms),
  norm: row.norm,
});

const profileRow = candidateRow.extend({ norm: numeric, terms: z.string(), labels: z.string() });
const profileOf = (row: z.infer<typeof profileRow>): ArticleProfile => ({
  ...candidateOf(row),
  terms: parseTerms(row.terms),
  labels: JSON.parse(row.labels) as Record<string, string>,
  norm: row.norm,
});

const countRow = z.object({ documents: numeric });

const sourceRow = candidateRow.extend({ norm: numeric, terms: z.string() });
const SOURCE_COLUMNS = Object.keys(sourceRow.shape);
const sourceOf = (row: z.infer<typeof sourceRow>): StoredSource => ({ ...candidateOf(row), norm: row.norm, terms: row.terms });
export type SourcePosition = { documentId: string; locale: string };

/**
 * Index writes take turns: each adjusts shared rows (document frequencies, corpus totals) in its
 * own order, so two processes indexing at once deadlock otherwise.
 */
const INDEX_WRITES = 'index-writes';

export function createIndexStore(strapi: Core.Strapi, { table, qualified, inTransaction, bulkInsert, serialize }: Sql) {
  const settings = () => readAlsoSettings(strapi);
  const indexWrite = <T>(work: (trx: Knex.Transaction) => Promise<T>) =>
    inTransaction(async (trx) => {
      await serialize(trx, INDEX_WRITES);
      return work(trx);
    });

  /** Adds (or, negative, removes) document frequencies: one upsert per batch of terms. */
  async function adjustTermStats(trx: Knex.Transaction, locale: string, counts: Map<string, number>) {
    for (const batch of chunks([...counts.entries()])) {
      await table(trx, TABLES.terms)
        .insert(batch.map(([term, df]) => ({ locale, term, df })))
        .onConflict(['locale', 'term'])
        .merge({ df: trx.raw('?? + excluded.??', [`${TABLES.terms}.df`, 'df']) });
    }
  }

  const countTerms = (terms: string[], delta: number) => new Map(terms.map((term) => [term, delta]));

  async function adjustCorpus(trx: Knex.Transaction, locale: string, documents: number) {
    await table(trx, TABLES.corpus).insert({ locale, documents: 0 }).onConflict('locale').ignore();
    await table(trx, TABLES.corpus)
      .where({ locale })
      .update({ documents: trx.raw('documents + ?', [documents]) });
  }

  async function corpusSize(trx: Knex.Transaction, locale: string): Promise<number> {
    const corpus: unknown = await table(trx, TABLES.corpus).where({ locale }).first('documents');
    return corpus ? countRow.parse(corpus).documents : 0;
  }

  async function readStats(trx: Knex.Transaction, locale: string, terms: string[]): Promise<CorpusStats> {
    const documents = await corpusSize(trx, locale);
    const documentFrequency: Record<string, number> = {};
    for (const batch of chunks(terms)) {
      const rows = (await table(trx, TABLES.terms).where({ locale }).whereIn('term', batch).select('term', 'df')) as {
        term: string;
        df: number | string;
      }[];
      for (const row of rows) documentFrequency[row.term] = Number(row.df);
    }
    return { documents, documentFrequency };
  }

  /**
   * Removes an article's rows. Returns the pruned terms it was among the stored strongest of:
   * their stored postings may now be too few to rank from (see keepPostingsExact), or null when
   * the article was not indexed.
   */
  async function removeProfile(trx: Knex.Transaction, documentId: string, locale: string): Promise<string[] | null> {
    const old = (await table(trx, TABLES.profiles).where({ document_id: documentId, locale }).first('terms')) as
      | { terms: string }
      | undefined;
    if (!old) return null;
    await adjustTermStats(trx, locale, countTerms(Object.keys(parseTerms(old.terms)), -1));
    await adjustCorpus(trx, locale, -1);
    // Two reads by key rather than a join: with no statistics, SQLite may plan the join from the pruned side.
    const postings = (await table(trx, TABLES.postings).where({ document_id: documentId, locale }).select('term', 'impact')) as {
      term: string;
      impact: number | string;
    }[];
    const impacts = new Map(postings.map((posting) => [posting.term, Number(posting.impact)]));
    const weakened: string[] = [];
    for (const batch of chunks([...impacts.keys()])) {
      const pruned = (await table(trx, TABLES.pruned).where({ locale }).whereIn('term', batch).select('term', 'below')) as {
        term: string;
        below: number | string;
      }[];
      for (const row of pruned) if ((impacts.get(row.term) ?? 0) > Number(row.below)) weakened.push(row.term);
    }
    await table(trx, TABLES.postings).where({ document_id: documentId, locale }).delete();
    await table(trx, TABLES.people).where({ document_id: documentId, locale }).delete();
    await table(trx, TABLES.profiles).where({ document_id: documentId, locale }).delete();
    return weakened;
  }

  /**
   * A pruned term ranks from its stored postings while at least postingsPerTerm of them are
   * stronger than anything left out. When removals have eaten into that, the term's postings
   * are worked out again from the profiles that have it: rare, and a scan, but exact.
   */
  async function keepPostingsExact(trx: Knex.Transaction, locale: string, terms: string[]) {
    if (terms.length === 0) return;
    const perTerm = settings().postingsPerTerm;
    const strong = new Map<string, number>();
    for (const batch of chunks([...new Set(terms)])) {
      const rows = (await trx
        .select('postings.term')
        .count({ strong: '*' })
        .from({ postings: qualified(TABLES.postings) })
        .join({ pruned: qualified(TABLES.pruned) }, function joinPruned() {
          this.on('pruned.locale', '=', 'postings.locale').andOn('pruned.term', '=', 'postings.term');
        })
        .where('postings.locale', locale)
        .whereIn('postings.term', batch)
        .andWhereRaw('?? > ??', ['postings.impact', 'pruned.below'])
        .groupBy('postings.term')) as { term: string; strong: number | string }[];
      for (const row of rows) strong.set(row.term, Number(row.strong));
    }
    for (const term of new Set(terms)) {
      if ((strong.get(term) ?? 0) < perTerm) await restorePostings(trx, locale, term);
    }
  }

  /** A term's strongest postings again, from every profile that has it. */
  async function restorePostings(trx: Knex.Transaction, locale: string, term: string) {
    const keep = storedPostingsPerTerm(settings());
    // The JSON of a profile's terms holds the term as a key; LIKE narrows the scan, the parse decides.
    const rows: unknown[] = await table(trx, TABLES.profiles)
      .where({ locale })
      .andWhere('terms', 'like', `%${JSON.stringify(term)}:%`)
      .select('document_id', 'terms', 'norm');
    const postings = termPostings(
      term,
      rows.map((row) => storedTerms(termsRow.parse(row))),
    );
    await table(trx, TABLES.postings).where({ locale, term }).delete();
    await table(trx, TABLES.pruned).where({ locale, term }).delete();
    await bulkInsert(
      trx,
      TABLES.postings,
      postings.slice(0, keep).map((posting) => ({ locale, term, document_id: posting.documentId, impact: posting.impact })),
    );
    if (postings.length > keep) await bulkInsert(trx, TABLES.pruned, [{ locale, term, below: postings[keep].impact }]);
  }

  /**
   * `reindexing` leaves out postings and document frequencies: a reindex stores each term's
   * strongest postings and its frequency once it has seen every article (addRetainedPostings).
   */
  async function insertProfiles(trx: Knex.Transaction, profiles: ArticleProfile[], { reindexing = false } = {}) {
    const profileRows = [];
    const postingRows = [];
    const peopleRows = [];
    const termCounts = new Map<string, Map<string, number>>();
    const documentCounts = new Map<string, number>();
    for (const profile of profiles) {
      const terms = indexableTerms(profile);
      profileRows.push({
        document_id: profile.documentId,
        locale: profile.locale,
        title: profile.title,
        slug: profile.slug,
        section: profile.section,
        tags: JSON.stringify(profile.tags),
        people: JSON.stringify(profile.people),
        speakers: JSON.stringify(profile.speakers),
        story_time: profile.storyTime,
        norm: profile.norm,
        terms: JSON.stringify(recordOf(terms)),
        labels: JSON.stringify(profile.labels),
        indexed_at: Date.now(),
      });
      if (!reindexing) {
        const counts = termCounts.get(profile.locale) ?? new Map<string, number>();
        for (const [term, tf] of terms) {
          postingRows.push({ locale: profile.locale, term, document_id: profile.documentId, impact: termImpact(tf, profile.norm) });
          counts.set(term, (counts.get(term) ?? 0) + 1);
        }
        termCounts.set(profile.locale, counts);
      }
      documentCounts.set(profile.locale, (documentCounts.get(profile.locale) ?? 0) + 1);
      const quoted = new Set(profile.speakers);
      for (const person of new Set([...profile.people, ...profile.speakers])) {
        peopleRows.push({ locale: profile.locale, person_id: person, document_id: profile.documentId, quoted: quoted.has(person) });
      }
    }
    await bulkInsert(trx, TABLES.profiles, profileRows);
    await bulkInsert(trx, TABLES.postings, postingRows);
    await bulkInsert(trx, TABLES.people, peopleRows);
    for (const [locale, counts] of termCounts) await adjustTermStats(trx, locale, counts);
    for (const [locale, documents] of documentCounts) await adjustCorpus(trx, locale, documents);
  }

  return {
    /** Replaces an article's profile and postings, keeping document frequencies exact. */
    async saveProfile(profile: ArticleProfile): Promise<void> {
      await indexWrite(async (trx) => {
        const weakened = await removeProfile(trx, profile.documentId, profile.locale);
        await insertProfiles(trx, [profile]);
        await keepPostingsExact(trx, profile.locale, weakened ?? []);
      });
    },

    /** Adds many new profiles at once (a reindex after clearAll), without postings or document frequencies: see addRetainedPostings. */
    async addProfiles(profiles: ArticleProfile[]): Promise<void> {
      await indexWrite((trx) => insertProfiles(trx, profiles, { reindexing: true }));
    },

    /** Stores what a reindex has seen of every term: its document frequency, its strongest postings, and the strongest impact left out. */
    async addRetainedPostings(retained: RetainedPostings): Promise<void> {
      for (const batch of chunks(retained.terms, 2000)) {
        await inTransaction(async (trx) => {
          await bulkInsert(
            trx,
            TABLES.terms,
            batch.map(({ locale, term, df }) => ({ locale, term, df })),
          );
          const postingRows = batch.flatMap(({ locale, term, documents, impacts }) =>
            Array.from(documents, (number, index) => ({ locale, term, document_id: retained.documentIds[number], impact: impacts[index] })),
          );
          await bulkInsert(trx, TABLES.postings, postingRows);
          await bulkInsert(
            trx,
            TABLES.pruned,
            batch.flatMap(({ locale, term, prunedBelow }) => (prunedBelow === null ? [] : [{ locale, term, below: prunedBelow }])),
          );
        });
      }
    },

    async deleteProfile(documentId: string, locale: string): Promise<boolean> {
      return indexWrite(async (trx) => {
        const weakened = await removeProfile(trx, documentId, locale);
        if (weakened === null) return false;
        await keepPostingsExact(trx, locale, weakened);
        return true;
      });
    },

    /** The next profiles in (documentId, locale) order after `after`: a reindex ranks the archive page by page. */
    async sourcesPage(after: SourcePosition | null, size: number): Promise<StoredSource[]> {
      return inTransaction(async (trx) => {
        const query = table(trx, TABLES.profiles)
          .orderBy([{ column: 'document_id' }, { column: 'locale' }])
          .limit(size);
        if (after) query.whereRaw('(??, ??) > (?, ?)', ['document_id', 'locale', after.documentId, after.locale]);
        const rows: unknown[] = await query.select(SOURCE_COLUMNS);
        return rows.map((row) => sourceOf(sourceRow.parse(row)));
      });
    },

    /** The profiles from `first` (inclusive) to `end` (exclusive; the last when null), in (documentId, locale) order: one page of a reindex. */
    async sourcesBetween(first: SourcePosition, end: SourcePosition | null): Promise<StoredSource[]> {
      return inTransaction(async (trx) => {
        const query = table(trx, TABLES.profiles)
          .orderBy([{ column: 'document_id' }, { column: 'locale' }])
          .whereRaw('(??, ??) >= (?, ?)', ['document_id', 'locale', first.documentId, first.locale]);
        if (end) query.andWhereRaw('(??, ??) < (?, ?)', ['document_id', 'locale', end.documentId, end.locale]);
        const rows: unknown[] = await query.select(SOURCE_COLUMNS);
        return rows.map((row) => sourceOf(sourceRow.parse(row)));
      });
    },

    async indexedLocales(documentId: string): Promise<string[]> {
      return inTransaction(async (trx) =>
        ((await table(trx, TABLES.profiles).where({ document_id: documentId }).select('locale')) as { locale: string }[]).map(
          (row) => row.locale,
        ),
      );
    },

    async findProfile(documentId: string, locale: string): Promise<ArticleProfile | null> {
      return inTransaction(async (trx) => {
        const row: unknown = await table(trx, TABLES.profiles).where({ document_id: documentId, locale }).first();
        return row ? profileOf(profileRow.parse(row)) : null;
      });
    },

    async corpusStats(locale: string, terms: string[]): Promise<CorpusStats> {
      return inTransaction((trx) => readStats(trx, locale, terms));
    },

    /** The strongest postings of each term (impact-ordered): the candidates for the cosine. */
    async postingsFor(terms: string[], locale: string | null, perTerm: number): Promise<Posting[]> {
      return inTransaction(async (trx) => {
        const postings: Posting[] = [];
        for (const term of terms) {
          const query = table(trx, TABLES.postings).where({ term });
          if (locale) query.andWhere({ locale });
          const rows = (await query.orderBy('impact', 'desc').limit(perTerm).select('document_id', 'term', 'impact')) as {
            document_id: string;
            term: string;
            impact: number;
          }[];
          for (const row of rows) postings.push({ documentId: row.document_id, term: row.term, impact: Number(row.impact) });
        }
        return postings;
      });
    },

    /**
     * These articles' postings of these terms, worked out from their profiles: a few rows read by
     * key, where the postings of 30 articles are thousands of rows scattered through the largest table.
     */
    async postingsOfDocuments(documentIds: string[], terms: string[], locale: string | null): Promise<Posting[]> {
      if (documentIds.length === 0 || terms.length === 0) return [];
      return inTransaction(async (trx) => {
        const query = table(trx, TABLES.profiles).whereIn('document_id', documentIds.slice(0, CHUNK));
        if (locale) query.andWhere({ locale });
        const rows: unknown[] = await query.select('document_id', 'terms', 'norm');
        return rows.flatMap((row) => documentPostings(storedTerms(termsRow.parse(row)), terms));
      });
    },

    /** How many indexed articles mention or quote each person, and how many articles there are. */
    async peopleFrequency(people: string[], locale: string): Promise<{ documents: number; frequency: Record<string, number> }> {
      return inTransaction(async (trx) => {
        const frequency: Record<string, number> = {};
        for (const batch of chunks([...new Set(people)])) {
          const rows = (await table(trx, TABLES.people)
            .where({ locale })
            .whereIn('person_id', batch)
            .groupBy('person_id')
            .select('person_id')
            .count({ articles: '*' })) as { person_id: string; articles: number | string }[];
          for (const row of rows) frequency[row.person_id] = Number(row.articles);
        }
        return { documents: await corpusSize(trx, locale), frequency };
      });
    },

    /** Articles that mention or quote any of these people, with how many they share. */
    async articlesSharingPeople(people: string[], locale: string | null, limit: number): Promise<string[]> {
      if (people.length === 0) return [];
      return inTransaction(async (trx) => {
        // Per person, a bounded index range: a person in thousands of stories costs no more than one in ten.
        const shared = new Map<string, number>();
        for (const person of people.slice(0, 20)) {
          const query = table(trx, TABLES.people).where({ person_id: person });
          if (locale) query.andWhere({ locale });
          const rows = (await query.limit(limit).select('document_id')) as { document_id: string }[];
          for (const row of rows) shared.set(row.document_id, (shared.get(row.document_id) ?? 0) + 1);
        }
        return [...shared.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, limit)
          .map(([documentId]) => documentId);
      });
    },

    async candidateProfiles(documentIds: string[], locale: string | null): Promise<CandidateProfile[]> {
      return inTransaction(async (trx) => {
        const candidates: CandidateProfile[] = [];
        for (const batch of chunks([...new Set(documentIds)])) {
          const query = table(trx, TABLES.profiles).whereIn('document_id', batch);
          if (locale) query.andWhere({ locale });
          const rows: unknown[] = await query.select(CANDIDATE_COLUMNS);
          candidates.push(...rows.map((row) => candidateOf(candidateRow.parse(row))));
        }
        return candidates;
      });
    },
  };
}

export type IndexStore = ReturnType<typeof createIndexStore>;
