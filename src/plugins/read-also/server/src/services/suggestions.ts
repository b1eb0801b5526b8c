/**
 * Suggestions for one article: from its prepared list when one can answer, ranked live otherwise
 * (drafts, chosen targets, or while a publish is still being folded into the lists). Editors'
 * decisions (never articles it already links, nor rejected ones) apply at read time.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { SuggestionDTO } from '../../../shared/contracts/suggestions';
import { renderReason } from '../../../shared/reasons';
import type { Ranked } from '../scoring/rank';
import { suggest } from '../scoring/suggest';
import { databaseRankingData } from '../repositories/database-ranking';
import type { ReadingState } from '../repositories';
import { pluginServices } from './registry';
import { ARTICLE, PERSON, RELATED_LINK } from '../../../../../content-types';
import { readAlsoSettings } from '../settings';
import { createVersionedCache, type VersionedCache } from '../answers/versioned-cache';

/** A draft link row, with its target when it has one. */
const linkRows = z.array(z.object({ targetArticle: z.object({ documentId: z.string() }).nullish() }));
const personRows = z.array(z.object({ documentId: z.string(), name: z.string() }));

/** A prepared list scored at read time: its members that pass the lowest score shown, best first. */
type ScoredList = { ranked: SuggestionDTO[]; exhausted: boolean };

/** A read's locale (the default one when absent) and how many suggestions it wants (the configured number when absent). */
export type ReadOptions = { locale?: string; limit?: number };

const rounded = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Scores as clients see them, to three decimals (the last digits depend on the order of a
 * floating-point sum, which is no information); prepared lists store them so too.
 */
export const clientScore = (score: number) => rounded(score, 3);

/** The wire form of a ranked suggestion: reasons as codes, and as sentences in the article's language. */
function toSuggestionDTO(ranked: Ranked, articleLocale: string): SuggestionDTO {
  const { signals } = ranked;
  return {
    documentId: ranked.documentId,
    title: ranked.title,
    slug: ranked.slug,
    locale: ranked.locale,
    score: clientScore(ranked.score),
    reasons: ranked.reasons.map((reason) => renderReason(reason, articleLocale)),
    reasonCodes: ranked.reasons,
    signals: {
      text: rounded(signals.text, 4),
      people: rounded(signals.people, 4),
      speakers: rounded(signals.speakers, 4),
      tags: rounded(signals.tags, 4),
      section: rounded(signals.section, 4),
      recency: rounded(signals.recency, 4),
    },
  };
}

export const createSuggestionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => readAlsoSettings(strapi);

  async function defaultLocale(): Promise<string> {
    return (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string;
  }

  /** Targets the article already links to, in any state: suggesting them again would be noise. */
  async function linkedTargets(documentId: string, locale: string): Promise<string[]> {
    const links = linkRows.parse(
      await strapi.db.query(RELATED_LINK).findMany({
        where: { article: { documentId, locale }, publishedAt: null },
        select: ['id'],
        populate: { targetArticle: { select: ['documentId'] } },
      }),
    );
    return links.flatMap((link) => (link.targetArticle ? [link.targetArticle.documentId] : []));
  }

  async function excludedTargets(documentId: string, locale: string): Promise<Set<string>> {
    const { repository } = pluginServices(strapi);
    return new Set([...(await repository.rejectedTargets(documentId, locale)), ...(await linkedTargets(documentId, locale))]);
  }

  /**
   * Names as readers know them: from published versions only, so an unpublished rename never
   * reaches a reason (reasons go to frontends and into accepted links). A person without a
   * published version has no name to give.
   */
  async function personNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = personRows.parse(
      await strapi.db.query(PERSON).findMany({
        where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
        select: ['documentId', 'name'],
      }),
    );
    return new Map(rows.map((row) => [row.documentId, row.name]));
  }

  const noExclusions = async () => new Set<string>();
  const editorialExclusions = (documentId: string, locale: string) => () => excludedTargets(documentId, locale);

  /** Ranks at read time, from the database: every candidate, or only `within`, less the excluded ones. */
  async function ranking(
    documentId: string,
    locale: string,
    limit: number,
    only: { within?: string[]; excluded: () => Promise<Set<string>>; minScore?: number },
  ): Promise<SuggestionDTO[]> {
    const { repository, indexer } = pluginServices(strapi);
    const indexed = await repository.findProfile(documentId, locale);
    const source = indexed ?? (await indexer.draftProfile(documentId, locale));
    if (!source) {
      throw new errors.NotFoundError(`No article ${documentId} in locale ${locale}`);
    }
    const settings = only.minScore === undefined ? config() : { ...config(), minScore: only.minScore };
    const ranked = await suggest(databaseRankingData(repository, personNames), settings, {
      source,
      sourceIndexed: indexed !== null,
      limit,
      within: only.within,
      excluded: await only.excluded(),
    });
    return ranked.map((entry) => toSuggestionDTO(entry, locale));
  }

  /**
   * These targets only, best first, without the editorial exclusions and however weak: what a
   * prepared list holds (a neighbour's offer). The lowest score shown applies when a list is read,
   * since scores drift as the archive grows: a list that dropped a weak candidate could not show it later.
   */
  async function scoreTargets(documentId: string, locale: string, targets: string[], limit = targets.length): Promise<SuggestionDTO[]> {
    return ranking(documentId, locale, limit, { within: targets, excluded: noExclusions, minScore: 0 });
  }

  /** The prepared list's members scored now, however weak the lowest score shown leaves them, before editors' decisions. */
  async function scoredPreparedList(documentId: string, locale: string): Promise<ScoredList | null> {
    const list = await pluginServices(strapi).repository.preparedList(documentId, locale);
    if (!list) return null;
    const members = list.members.map((member) => member.documentId);
    const ranked = members.length > 0 ? await ranking(documentId, locale, members.length, { within: members, excluded: noExclusions }) : [];
    return { ranked, exhausted: list.exhausted };
  }

  /**
   * Scored lists stay in memory under the archive's version (bumped in the transaction of every
   * publish, unpublish, renamed person or reindex, in any process) and the settings they were
   * scored with; what editors' decisions leave out stays under theirs (every rejection, every write
   * to an article's links). A read under anything newer works it out again.
   */
  let kept: VersionedCache<ScoredList | null> | null = null;
  const answers = () => (kept ??= createVersionedCache<ScoredList | null>(config().cachedAnswers));
  let keptExclusions: VersionedCache<Set<string>> | null = null;
  const exclusions = () => (keptExclusions ??= createVersionedCache<Set<string>>(config().cachedAnswers));

  const answerKey = (documentId: string, locale: string) => `${documentId}\u0000${locale}`;
  const answerVersion = (state: ReadingState) => `${state.version}|${JSON.stringify(config())}`;

  /** `state` is read before scoring: a write committed meanwhile leaves this answer under the version it replaced. */
  async function cachedScoredList(documentId: string, locale: string, state: ReadingState): Promise<ScoredList | null> {
    const key = answerKey(documentId, locale);
    const answer = answers().get(key, answerVersion(state));
    if (answer !== undefined) return answer;
    const scored = await scoredPreparedList(documentId, locale);
    answers().set(key, answerVersion(state), scored);
    return scored;
  }

  async function cachedExclusions(documentId: string, locale: string, state: ReadingState): Promise<Set<string>> {
    const key = answerKey(documentId, locale);
    const excluded = exclusions().get(key, String(state.editorial));
    if (excluded !== undefined) return excluded;
    const fresh = await excludedTargets(documentId, locale);
    exclusions().set(key, String(state.editorial), fresh);
    return fresh;
  }

  /** Whether a prepared list may answer a read in this state: none may while a publish is queued, nor in a small archive. */
  const listsAnswer = (state: ReadingState) => !state.pending && state.documents >= config().preparedListsFrom;

  /** The answer, cut to `limit`, or null when the list runs out before it (a live ranking goes further down). */
  function answerFrom(scored: ScoredList | null, excluded: Set<string>, limit: number): SuggestionDTO[] | null {
    if (!scored) return null;
    const ranked = scored.ranked.filter((suggestion) => !excluded.has(suggestion.documentId)).slice(0, limit);
    return ranked.length >= limit || scored.exhausted ? ranked : null;
  }

  /** From memory alone, when both the scored list and what editors leave out are kept under the current versions. */
  function keptAnswer(documentId: string, locale: string, limit: number, state: ReadingState): SuggestionDTO[] | null {
    if (!listsAnswer(state)) return null;
    const key = answerKey(documentId, locale);
    const excluded = exclusions().get(key, String(state.editorial));
    if (excluded === undefined) return null;
    const scored = answers().get(key, answerVersion(state));
    return scored === undefined ? null : answerFrom(scored, excluded, limit);
  }

  /**
   * The prepared list's members with their current scores and reasons, less editors' decisions,
   * or null when there is no list a live ranking would agree with.
   */
  async function preparedAnswer(documentId: string, locale: string, limit: number, state: ReadingState): Promise<SuggestionDTO[] | null> {
    if (!listsAnswer(state)) return null;
    const scored = await cachedScoredList(documentId, locale, state);
    if (!scored) return null;
    return answerFrom(scored, await cachedExclusions(documentId, locale, state), limit);
  }

  /** Live, with the editorial exclusions: what readers would be told now. */
  async function rank(documentId: string, options: { locale: string; limit: number }): Promise<SuggestionDTO[]> {
    return ranking(documentId, options.locale, options.limit, { excluded: editorialExclusions(documentId, options.locale) });
  }

  /** One transaction for a read's queries: one snapshot, one connection, one BEGIN. */
  const inOneTransaction = async <T>(read: () => Promise<T>): Promise<T> => (await strapi.db.transaction(read)) as T;

  return {
    personNames,
    /** What the prepared list answers now, or null when a live ranking must. */
    async fromPreparedList(documentId: string, locale: string, limit: number): Promise<SuggestionDTO[] | null> {
      return preparedAnswer(documentId, locale, limit, await pluginServices(strapi).repository.readingState(locale));
    },
    /** How often reads were answered from memory (benchmarks and tests). */
    cachedAnswerStats: () => ({ ...answers().stats, size: answers().size }),
    rank,
    scoreTargets,

    /**
     * The article's suggestions, from its prepared list when one can answer, else ranked live;
     * never articles it already links to, nor rejected ones. Throws NotFoundError for an unknown
     * article; an article without a published version is ranked from its draft (editors see
     * suggestions while writing).
     */
    async suggestFor(documentId: string, options: ReadOptions = {}): Promise<SuggestionDTO[]> {
      const locale = options.locale ?? (await defaultLocale());
      const limit = options.limit ?? config().limit;
      const state = await pluginServices(strapi).repository.readingState(locale);
      // Most reads end here: one query, no transaction.
      const kept = keptAnswer(documentId, locale, limit, state);
      if (kept) return kept;
      return inOneTransaction(
        async () => (await preparedAnswer(documentId, locale, limit, state)) ?? (await rank(documentId, { locale, limit })),
      );
    },

    /** What a prepared list holds: the best candidates before editors' decisions and the lowest score shown, which reads apply. */
    async rankUnfiltered(documentId: string, options: { locale: string; limit: number }): Promise<SuggestionDTO[]> {
      return ranking(documentId, options.locale, options.limit, { excluded: noExclusions, minScore: 0 });
    },

    /** These targets as the article's suggestions now, best first: those rejected, linked already or too weak are left out. */
    async among(documentId: string, locale: string, targets: string[]): Promise<SuggestionDTO[]> {
      if (targets.length === 0) return [];
      return inOneTransaction(() =>
        ranking(documentId, locale, targets.length, { within: targets, excluded: editorialExclusions(documentId, locale) }),
      );
    },

    /** The target as the article's suggestion now, with its score and reasons; null when it is rejected, linked already or unrelated. */
    async acceptableSuggestion(documentId: string, locale: string, targetId: string): Promise<SuggestionDTO | null> {
      return inOneTransaction(async () => {
        const [suggestion] = await ranking(documentId, locale, 1, {
          within: [targetId],
          excluded: editorialExclusions(documentId, locale),
        });
        return suggestion ?? null;
      });
    },

    /** Whether a published version of the article exists in that locale (public clients see nothing else). */
    async isPublished(documentId: string, locale: string): Promise<boolean> {
      return (await strapi.db.query(ARTICLE).count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;
    },
  };
};

export type SuggestionService = ReturnType<typeof createSuggestionService>;
