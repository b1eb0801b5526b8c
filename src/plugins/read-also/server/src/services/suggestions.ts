/**
 * Suggestions for one article: candidates from the term and people postings, scored
 * with every signal, filtered by the editorial rules (never the article itself, drafts,
 * other locales unless configured, articles it already links, rejected ones).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReadAlsoConfig } from '../config';
import { rankCandidates, scorePostings, selectQueryTerms, type Suggestion } from '../scoring/rank';
import { ARTICLE } from './indexer';
import { pluginServices } from './registry';

export type SuggestOptions = {
  locale?: string;
  limit?: number;
  /** Score this one target only (to accept it with its current score and reasons). */
  only?: string;
};

const RELATED_LINK = 'api::related-link.related-link';

export const createSuggestionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::read-also') as ReadAlsoConfig;

  async function defaultLocale(): Promise<string> {
    return (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string;
  }

  /** Targets the article already links to, in any state: suggesting them again would be noise. */
  async function linkedTargets(documentId: string, locale: string): Promise<string[]> {
    const links = (await strapi.db.query(RELATED_LINK).findMany({
      where: { article: { documentId, locale }, publishedAt: null },
      select: ['id'],
      populate: { targetArticle: { select: ['documentId'] } },
    })) as unknown as { targetArticle: { documentId: string } | null }[];
    return links.flatMap((link) => (link.targetArticle ? [link.targetArticle.documentId] : []));
  }

  async function personNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await strapi.db.query('api::person.person').findMany({
      where: { documentId: { $in: ids }, publishedAt: null },
      select: ['documentId', 'name'],
    })) as unknown as { documentId: string; name: string }[];
    return new Map(rows.map((row) => [row.documentId, row.name]));
  }

  return {
    /**
     * The article's suggestions. Throws NotFoundError for an unknown article; an article
     * without a published version is ranked from its draft (editors see suggestions while writing).
     */
    async suggestFor(documentId: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
      // One transaction for the dozen reads: one snapshot, one connection, one BEGIN.
      return (await strapi.db.transaction(() => this.rank(documentId, options))) as Suggestion[];
    },

    async rank(documentId: string, options: SuggestOptions): Promise<Suggestion[]> {
      const settings = config();
      const locale = options.locale ?? (await defaultLocale());
      const limit = options.limit ?? settings.limit;
      const { repository, indexer } = pluginServices(strapi);

      const indexed = await repository.findProfile(documentId, locale);
      const source = indexed ?? (await indexer.draftProfile(documentId, locale));
      if (!source) {
        throw new errors.NotFoundError(`No article ${documentId} in locale ${locale}`);
      }
      const candidateLocale = settings.localePolicy === 'same' ? locale : null;
      const stats = await repository.corpusStats(locale, Object.keys(source.terms));
      const query = selectQueryTerms(source, stats, settings, indexed !== null);
      const terms = query.map((term) => term.term);
      const postings = options.only
        ? await repository.postingsOfDocument(options.only, terms)
        : await repository.postingsFor(terms, candidateLocale, settings.postingsPerTerm);
      const textMatches = scorePostings(query, postings);
      const byText = [...textMatches.entries()]
        .sort((a, b) => b[1].score - a[1].score)
        .slice(0, settings.candidatePool)
        .map(([id]) => id);
      const byPeople = options.only
        ? [options.only]
        : await repository.articlesSharingPeople([...source.people, ...source.speakers], candidateLocale, settings.candidatePool);
      const candidates = await repository.candidateProfiles([...byText, ...byPeople], candidateLocale);

      const excluded = new Set([...(await repository.rejectedTargets(documentId, locale)), ...(await linkedTargets(documentId, locale))]);
      const everyone = [...new Set([...source.people, ...source.speakers])];
      const names = await personNames(everyone);
      const peopleStats = await repository.peopleFrequency(everyone, locale);
      return rankCandidates(
        candidates,
        textMatches,
        { source, options: settings, personName: (id) => names.get(id) ?? 'a person', peopleStats },
        excluded,
        limit,
      );
    },

    /** Whether a published version of the article exists in that locale (public clients see nothing else). */
    async isPublished(documentId: string, locale: string): Promise<boolean> {
      return (await strapi.db.query(ARTICLE).count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;
    },
  };
};

export type SuggestionService = ReturnType<typeof createSuggestionService>;
