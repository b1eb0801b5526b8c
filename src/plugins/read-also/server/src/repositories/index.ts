/**
 * The ranking state, in tables of its own on SQLite and PostgreSQL alike: one profile per
 * published article and locale, term and people postings for candidate lookup, document
 * frequencies and corpus totals for BM25, and editors' rejections. Every call runs in
 * Strapi's current transaction, so indexing commits or rolls back with the publish that caused it.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { storedPostingsPerTerm } from '../config';
import type { RetainedPostings } from '../scoring/memory-index';
import type { ArticleProfile } from '../scoring/profile';
import { indexableTerms, recordOf, termImpact } from '../scoring/profile';
import type { CandidateProfile, CorpusStats, Posting } from '../scoring/rank';
import { readAlsoSettings } from '../settings';

export type PreparedMember = { documentId: string; score: number };

/** Bumped when the tables change shape: bootstrap then rebuilds them and reindexes. */
export const SCHEMA_VERSION = 6;

/** An article's best candidates as ranked when it (or a neighbour) was last published, before editorial filtering. */
export type PreparedList = {
  documentId: string;
  locale: string;
  /** Best first, with the score they had then; a read scores them again, so what it says is current. */
  members: PreparedMember[];
  /** True when the ranking found fewer candidates than the list holds: there is nothing further down. */
  exhausted: boolean;
};

export const TABLES = {
  profiles: 'read_also_profiles',
  postings: 'read_also_postings',
  /**
   * Terms whose weakest postings a reindex left out, and the strongest impact left out: a term's
   * top postings are exact while enough stored ones are stronger than that (see keepPostingsExact).
   */
  pruned: 'read_also_pruned_terms',
  people: 'read_also_people',
  terms: 'read_also_term_stats',
  corpus: 'read_also_corpus',
  rejections: 'read_also_rejections',
  /** One row per suggestion of a prepared list, so a target leaving the archive is one indexed delete. */
  ranked: 'read_also_ranked',
  /** One row per prepared list: its presence says the list is there, even when it is empty. */
  lists: 'read_also_ranked_lists',
  /** Articles whose lists (and their neighbours') are to be prepared again: an outbox that survives a crash. */
  pending: 'read_also_pending',
} as const;

type ProfileRow = {
  document_id: string;
  locale: string;
  title: string;
  slug: string | null;
  section: string | null;
  tags: string;
  people: string;
  speakers: string;
  story_time: number | string | null;
  norm?: number | string;
  terms?: string;
  labels?: string;
};

const CANDIDATE_COLUMNS = ['document_id', 'locale', 'title', 'slug', 'section', 'tags', 'people', 'speakers', 'story_time'];
/** Keeps IN lists well under SQLite's bound-parameter limit. */
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

function parseList(value: string | null | undefined): string[] {
  if (!value) return [];
  const parsed = JSON.parse(value) as unknown;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

function toProfile(row: ProfileRow): ArticleProfile {
  return {
    ...toCandidate(row),
    terms: JSON.parse(row.terms as string) as Record<string, number>,
    labels: JSON.parse(row.labels as string) as Record<string, string>,
    norm: Number(row.norm),
  };
}

function toCandidate(row: ProfileRow): CandidateProfile {
  return {
    documentId: row.document_id,
    locale: row.locale,
    title: row.title,
    slug: row.slug,
    section: row.section,
    tags: parseList(row.tags),
    people: parseList(row.people),
    speakers: parseList(row.speakers),
    storyTime: row.story_time === null ? null : Number(row.story_time),
  };
}

export const createRepository = ({ strapi }: { strapi: Core.Strapi }) => {
  const schema = () => strapi.db.getSchemaName();
  const table = (trx: Knex.Transaction, name: string) => (schema() ? trx(name).withSchema(schema() as string) : trx(name));
  const qualified = (name: string) => (schema() ? `${schema()}.${name}` : name);
  const settings = () => readAlsoSettings(strapi);
  const inTransaction = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    (await strapi.db.transaction(({ trx }) => work(trx as Knex.Transaction))) as T;

  /**
   * Many rows in few statements. Knex writes a multi-row insert for SQLite as `SELECT … UNION ALL`,
   * capped at 500 rows and slow to parse; a plain multi-row VALUES list is what SQLite reads fastest.
   * PostgreSQL takes one array per column through `unnest`: a handful of parameters instead of
   * thousands, so a reindex's 15 million postings are not 15 million parameters to parse.
   */
  async function bulkInsert(trx: Knex.Transaction, name: string, rows: Record<string, unknown>[]) {
    if (rows.length === 0) return;
    const target = qualified(name);
    if (strapi.db.dialect.client === 'postgres') {
      // A column null in every row is left out (it is nullable, and an all-null array has no type).
      const typed = Object.keys(rows[0]).flatMap((column) => {
        const sample = rows.find((row) => row[column] !== null && row[column] !== undefined)?.[column];
        if (sample === undefined) return [];
        return [{ column, type: typeof sample === 'boolean' ? 'boolean' : typeof sample === 'number' ? 'float8' : 'text' }];
      });
      for (const batch of chunks(rows, 20_000)) {
        await trx.raw(
          `insert into ?? (${typed.map(() => '??').join(', ')}) select * from unnest(${typed.map(({ type }) => `?::${type}[]`).join(', ')})`,
          [target, ...typed.map(({ column }) => column), ...typed.map(({ column }) => batch.map((row) => row[column] ?? null))],
        );
      }
      return;
    }
    const columns = Object.keys(rows[0]);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    // Well under SQLite's 32,766 bound parameters per statement.
    const perStatement = Math.max(1, Math.floor(8000 / columns.length));
    for (const batch of chunks(rows, perStatement)) {
      await trx.raw(`insert into ?? (${columns.map(() => '??').join(', ')}) values ${batch.map(() => tuple).join(', ')}`, [
        target,
        ...columns,
        ...batch.flatMap((row) => columns.map((column) => row[column] ?? null)),
      ]);
    }
  }

  /** Adds (or, negative, removes) document frequencies: one upsert per batch of terms. */
  async function adjustTermStats(trx: Knex.Transaction, locale: string, counts: Map<string, number>) {
    const entries = [...counts.entries()];
    for (const batch of chunks(entries)) {
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

  async function readStats(trx: Knex.Transaction, locale: string, terms: string[]): Promise<CorpusStats> {
    const corpus = (await table(trx, TABLES.corpus).where({ locale }).first('documents')) as { documents: number | string } | undefined;
    const documentFrequency: Record<string, number> = {};
    for (const batch of chunks(terms)) {
      const rows = (await table(trx, TABLES.terms).where({ locale }).whereIn('term', batch).select('term', 'df')) as {
        term: string;
        df: number | string;
      }[];
      for (const row of rows) documentFrequency[row.term] = Number(row.df);
    }
    return { documents: Number(corpus?.documents ?? 0), documentFrequency };
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
    await adjustTermStats(trx, locale, countTerms(Object.keys(JSON.parse(old.terms) as Record<string, number>), -1));
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
    const rows = (await table(trx, TABLES.profiles)
      .where({ locale })
      .andWhere('terms', 'like', `%${JSON.stringify(term)}:%`)
      .select('document_id', 'terms', 'norm')) as { document_id: string; terms: string; norm: number | string }[];
    const postings = rows
      .flatMap((row) => {
        const frequencies = JSON.parse(row.terms) as Record<string, number>;
        return Object.hasOwn(frequencies, term) ? [{ documentId: row.document_id, impact: termImpact(frequencies[term], Number(row.norm)) }] : [];
      })
      .sort((a, b) => b.impact - a.impact || (a.documentId < b.documentId ? -1 : 1));
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

  async function readPrepared(trx: Knex.Transaction, documentId: string, locale: string): Promise<PreparedList | null> {
    const list = (await table(trx, TABLES.lists).where({ document_id: documentId, locale }).first('exhausted')) as
      | { exhausted: boolean | number }
      | undefined;
    if (!list) return null;
    const rows = (await table(trx, TABLES.ranked)
      .where({ document_id: documentId, locale })
      .orderBy('position', 'asc')
      .select('target_id', 'score')) as { target_id: string; score: number | string }[];
    return {
      documentId,
      locale,
      exhausted: Boolean(list.exhausted),
      members: rows.map((row) => ({ documentId: row.target_id, score: Number(row.score) })),
    };
  }

  async function writePrepared(trx: Knex.Transaction, lists: PreparedList[], replace = true) {
    for (const batch of chunks(lists, 200)) {
      if (replace) {
        for (const list of batch) await table(trx, TABLES.ranked).where({ document_id: list.documentId, locale: list.locale }).delete();
      }
      await table(trx, TABLES.lists)
        .insert(batch.map((list) => ({ document_id: list.documentId, locale: list.locale, exhausted: list.exhausted, computed_at: Date.now() })))
        .onConflict(['document_id', 'locale'])
        .merge();
      const rows = batch.flatMap((list) =>
        list.members.map((member, position) => ({
          document_id: list.documentId,
          locale: list.locale,
          position,
          target_id: member.documentId,
          score: member.score,
        })),
      );
      await bulkInsert(trx, TABLES.ranked, rows);
    }
  }

  const POSTING_INDEXES = {
    read_also_postings_strongest: ['locale', 'term', 'impact'],
    read_also_postings_document: ['document_id', 'locale'],
  };

  async function createPostingIndexes() {
    for (const [name, columns] of Object.entries(POSTING_INDEXES)) {
      await strapi.db.connection.raw(`create index if not exists ?? on ?? (${columns.map(() => '??').join(', ')})`, [
        name,
        qualified(TABLES.postings),
        ...columns,
      ]);
    }
  }

  return {
    /**
     * For a full reindex: a B-tree built once from sorted rows is far cheaper than one kept
     * up to date row by row. Reads rank against an empty index meanwhile anyway.
     */
    async withoutPostingIndexes<T>(work: () => Promise<T>): Promise<T> {
      for (const name of Object.keys(POSTING_INDEXES)) {
        await strapi.db.connection.raw('drop index if exists ??', [schema() ? `${schema()}.${name}` : name]);
      }
      try {
        return await work();
      } finally {
        await createPostingIndexes();
      }
    },

    /**
     * After a reindex has written millions of rows: PostgreSQL plans queries from statistics that
     * autovacuum refreshes only later, so the first reads would be planned for the empty tables.
     * SQLite keeps no statistics unless asked, and Strapi never asks: nothing to refresh there.
     */
    async refreshPlannerStatistics(): Promise<void> {
      if (strapi.db.dialect.client !== 'postgres') return;
      for (const name of Object.values(TABLES)) {
        await strapi.db.connection.raw('analyze ??', [schema() ? `${schema()}.${name}` : name]);
      }
    },

    /** Creates the tables, or rebuilds them when their shape changed; returns true when a reindex is due. */
    async ensureTables(): Promise<boolean> {
      const store = strapi.store({ type: 'plugin', name: 'read-also' });
      const version = (await store.get({ key: 'schema-version' })) as number | null;
      const rebuild = version !== SCHEMA_VERSION;
      if (rebuild) {
        for (const name of Object.values(TABLES).filter((name) => name !== TABLES.rejections)) {
          await strapi.db.getSchemaConnection().dropTableIfExists(name);
        }
      }
      // A knex schema builder accumulates statements: each call needs a fresh one.
      const create = async (name: string, define: (table: Knex.CreateTableBuilder) => void) => {
        if (!(await strapi.db.getSchemaConnection().hasTable(name))) await strapi.db.getSchemaConnection().createTable(name, define);
      };
      await create(TABLES.profiles, (t) => {
        t.string('document_id', 64).notNullable();
        t.string('locale', 16).notNullable();
        t.text('title').notNullable();
        t.string('slug', 255);
        t.string('section', 255);
        t.text('tags').notNullable();
        t.text('people').notNullable();
        t.text('speakers').notNullable();
        t.bigInteger('story_time');
        t.double('norm').notNullable();
        t.text('terms').notNullable();
        t.text('labels').notNullable();
        t.bigInteger('indexed_at').notNullable();
        t.primary(['document_id', 'locale']);
      });
      await create(TABLES.postings, (t) => {
        t.string('locale', 16).notNullable();
        t.string('term', 100).notNullable();
        t.string('document_id', 64).notNullable();
        // The term's share of the article's normalised vector: the candidate side of the cosine.
        t.double('impact').notNullable();
        // No primary key: saveProfile replaces an article's rows whole, and two indexes are cheaper to write than three.
      });
      // Also after a reindex that stopped half-way, with its indexes dropped.
      await createPostingIndexes();
      await create(TABLES.pruned, (t) => {
        t.string('locale', 16).notNullable();
        t.string('term', 100).notNullable();
        t.double('below').notNullable();
        t.primary(['locale', 'term']);
      });
      await create(TABLES.people, (t) => {
        t.string('locale', 16).notNullable();
        t.string('person_id', 64).notNullable();
        t.string('document_id', 64).notNullable();
        t.boolean('quoted').notNullable();
        t.primary(['locale', 'person_id', 'document_id']);
        t.index(['document_id', 'locale'], 'read_also_people_document');
      });
      await create(TABLES.terms, (t) => {
        t.string('locale', 16).notNullable();
        t.string('term', 100).notNullable();
        t.integer('df').notNullable();
        t.primary(['locale', 'term']);
      });
      await create(TABLES.corpus, (t) => {
        t.string('locale', 16).primary();
        t.integer('documents').notNullable();
      });
      await create(TABLES.rejections, (t) => {
        t.string('document_id', 64).notNullable();
        t.string('locale', 16).notNullable();
        t.string('target_id', 64).notNullable();
        t.integer('rejected_by');
        t.bigInteger('rejected_at').notNullable();
        t.primary(['document_id', 'locale', 'target_id']);
      });
      await create(TABLES.ranked, (t) => {
        t.string('document_id', 64).notNullable();
        t.string('locale', 16).notNullable();
        t.integer('position').notNullable();
        t.string('target_id', 64).notNullable();
        t.double('score').notNullable();
        t.primary(['document_id', 'locale', 'position']);
        t.index(['target_id'], 'read_also_ranked_target');
      });
      await create(TABLES.lists, (t) => {
        t.string('document_id', 64).notNullable();
        t.string('locale', 16).notNullable();
        t.boolean('exhausted').notNullable();
        t.bigInteger('computed_at').notNullable();
        t.primary(['document_id', 'locale']);
      });
      await create(TABLES.pending, (t) => {
        t.string('document_id', 64).primary();
        t.bigInteger('queued_at').notNullable();
      });
      if (rebuild) await store.set({ key: 'schema-version', value: SCHEMA_VERSION });
      return rebuild && version !== null;
    },

    /** Replaces an article's profile and postings, keeping document frequencies exact. */
    async saveProfile(profile: ArticleProfile): Promise<void> {
      await inTransaction(async (trx) => {
        const weakened = await removeProfile(trx, profile.documentId, profile.locale);
        await insertProfiles(trx, [profile]);
        await keepPostingsExact(trx, profile.locale, weakened ?? []);
      });
    },

    /**
     * Adds many new profiles at once (a reindex after clearAll): the same rows, in few statements,
     * but no postings or document frequencies: the reindex stores them with addRetainedPostings.
     */
    async addProfiles(profiles: ArticleProfile[]): Promise<void> {
      await inTransaction((trx) => insertProfiles(trx, profiles, { reindexing: true }));
    },

    /**
     * Stores what a reindex has seen of every term: its document frequency, its strongest postings,
     * and the strongest impact left out where weaker ones were.
     */
    async addRetainedPostings(retained: RetainedPostings): Promise<void> {
      for (const batch of chunks(retained.terms, 2000)) {
        await inTransaction(async (trx) => {
          await bulkInsert(trx, TABLES.terms, batch.map(({ locale, term, df }) => ({ locale, term, df })));
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
      return inTransaction(async (trx) => {
        const weakened = await removeProfile(trx, documentId, locale);
        if (weakened === null) return false;
        await keepPostingsExact(trx, locale, weakened);
        return true;
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
        const row = (await table(trx, TABLES.profiles).where({ document_id: documentId, locale }).first()) as ProfileRow | undefined;
        return row ? toProfile(row) : null;
      });
    },

    async preparedList(documentId: string, locale: string): Promise<PreparedList | null> {
      return inTransaction((trx) => readPrepared(trx, documentId, locale));
    },

    /** Saves lists; `replace: false` skips removing old rows (a reindex, right after clearAll). */
    async savePreparedLists(lists: PreparedList[], options: { replace?: boolean } = {}): Promise<void> {
      await inTransaction((trx) => writePrepared(trx, lists, options.replace ?? true));
    },

    /**
     * Puts one member into a source's prepared list at its rank (replacing an older entry for
     * the same target), keeping at most `capacity`. Returns false when the source has no list.
     */
    async offer(documentId: string, locale: string, member: PreparedMember, capacity: number): Promise<boolean> {
      return inTransaction(async (trx) => {
        const list = await readPrepared(trx, documentId, locale);
        if (!list) return false;
        const others = list.members.filter((entry) => entry.documentId !== member.documentId);
        const merged = [...others, member].sort((a, b) => b.score - a.score || a.documentId.localeCompare(b.documentId));
        await writePrepared(trx, [{ ...list, members: merged.slice(0, capacity), exhausted: list.exhausted && merged.length <= capacity }]);
        return true;
      });
    },

    /** The prepared lists a target is in. */
    async listsContaining(targetId: string): Promise<{ documentId: string; locale: string }[]> {
      return inTransaction(async (trx) =>
        ((await table(trx, TABLES.ranked).where({ target_id: targetId }).select('document_id', 'locale')) as { document_id: string; locale: string }[]).map(
          (row) => ({ documentId: row.document_id, locale: row.locale }),
        ),
      );
    },

    /** Takes a target out of one source's prepared list (it no longer matches, or left the archive). */
    async withdraw(documentId: string, locale: string, targetId: string): Promise<void> {
      await inTransaction(async (trx) => {
        const list = await readPrepared(trx, documentId, locale);
        if (!list || !list.members.some((entry) => entry.documentId === targetId)) return;
        const members = list.members.filter((entry) => entry.documentId !== targetId);
        // A list cut at capacity may now miss the next candidate down: a read asking for more than it holds ranks live.
        await writePrepared(trx, [{ ...list, members }]);
      });
    },

    async preparedLocales(documentId: string): Promise<string[]> {
      return inTransaction(async (trx) =>
        ((await table(trx, TABLES.lists).where({ document_id: documentId }).select('locale')) as { locale: string }[]).map((row) => row.locale),
      );
    },

    async dropPreparedList(documentId: string, locale?: string): Promise<void> {
      await inTransaction(async (trx) => {
        for (const name of [TABLES.ranked, TABLES.lists]) {
          await table(trx, name)
            .where({ document_id: documentId, ...(locale ? { locale } : {}) })
            .delete();
        }
      });
    },

    async enqueue(documentIds: string[]): Promise<void> {
      if (documentIds.length === 0) return;
      await inTransaction(async (trx) => {
        const queuedAt = Date.now();
        await table(trx, TABLES.pending)
          .insert([...new Set(documentIds)].map((documentId) => ({ document_id: documentId, queued_at: queuedAt })))
          .onConflict('document_id')
          .merge();
      });
    },

    async pendingBatch(size: number): Promise<{ documentId: string; queuedAt: number }[]> {
      return inTransaction(async (trx) =>
        ((await table(trx, TABLES.pending).orderBy('queued_at', 'asc').limit(size).select()) as { document_id: string; queued_at: number | string }[]).map(
          (row) => ({ documentId: row.document_id, queuedAt: Number(row.queued_at) }),
        ),
      );
    },

    /** Done with a pending article, unless it was queued again meanwhile. */
    async dequeue(documentId: string, queuedAt: number): Promise<void> {
      await inTransaction(async (trx) => {
        await table(trx, TABLES.pending).where({ document_id: documentId }).andWhere('queued_at', '<=', queuedAt).delete();
      });
    },

    async hasPending(): Promise<boolean> {
      return inTransaction(async (trx) => Boolean(await table(trx, TABLES.pending).first('document_id')));
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
     * These articles' postings of these terms, worked out from their profiles (impact is log-tf
     * over the norm, as stored in postings): a few rows read by key, where the postings of 30
     * articles are thousands of rows scattered through the largest table.
     */
    async postingsOfDocuments(documentIds: string[], terms: string[], locale: string | null): Promise<Posting[]> {
      if (documentIds.length === 0 || terms.length === 0) return [];
      return inTransaction(async (trx) => {
        const query = table(trx, TABLES.profiles).whereIn('document_id', documentIds.slice(0, CHUNK));
        if (locale) query.andWhere({ locale });
        const rows = (await query.select('document_id', 'terms', 'norm')) as { document_id: string; terms: string; norm: number | string }[];
        return rows.flatMap((row) => {
          const norm = Number(row.norm);
          const frequencies = JSON.parse(row.terms) as Record<string, number>;
          return terms.flatMap((term) => {
            // Own keys only: a stem such as "constructor" must not find Object's.
            if (!Object.hasOwn(frequencies, term)) return [];
            const tf = frequencies[term];
            return [{ documentId: row.document_id, term, impact: termImpact(tf, norm) }];
          });
        });
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
        const corpus = (await table(trx, TABLES.corpus).where({ locale }).first('documents')) as { documents: number | string } | undefined;
        return { documents: Number(corpus?.documents ?? 0), frequency };
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
          const rows = (await query.select(CANDIDATE_COLUMNS)) as ProfileRow[];
          candidates.push(...rows.map(toCandidate));
        }
        return candidates;
      });
    },

    async rejectedTargets(documentId: string, locale: string): Promise<string[]> {
      return inTransaction(async (trx) =>
        ((await table(trx, TABLES.rejections).where({ document_id: documentId, locale }).select('target_id')) as { target_id: string }[]).map(
          (row) => row.target_id,
        ),
      );
    },

    async reject(documentId: string, locale: string, targetId: string, userId: number | null): Promise<void> {
      await inTransaction(async (trx) => {
        await table(trx, TABLES.rejections)
          .insert({ document_id: documentId, locale, target_id: targetId, rejected_by: userId, rejected_at: Date.now() })
          .onConflict(['document_id', 'locale', 'target_id'])
          .ignore();
      });
    },

    async clearAll(): Promise<void> {
      await inTransaction(async (trx) => {
        for (const name of [TABLES.postings, TABLES.pruned, TABLES.people, TABLES.terms, TABLES.corpus, TABLES.profiles, TABLES.ranked, TABLES.lists, TABLES.pending]) {
          await table(trx, name).delete();
        }
      });
    },
  };
};

export type ReadAlsoRepository = ReturnType<typeof createRepository>;
