/**
 * Background and follow-ups: when a newer story ranks an older one among its best, the older
 * story's editors are offered it ("Newer on this topic"), and the articles with such follow-ups
 * waiting are listed. Read from the prepared lists, scored as the older article's suggestions,
 * so what is offered is exactly what accepting it would link, reasons and all.
 */
import type { Core } from '@strapi/strapi';
import type { ArticleFollowUpsDTO, FollowUpDTO } from '../../../shared/contracts/suggestions';
import type { FollowUpPair, FollowUpSource } from '../repositories';
import { pluginServices } from './registry';
import { readAlsoSettings } from '../settings';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The waiting list is a work list, not an archive browser: its newest entries are what editors act on. */
export const WAITING_LIST_SIZE = 100;

const newestFirst = (a: { storyPublishedAt: string }, b: { storyPublishedAt: string }) =>
  b.storyPublishedAt.localeCompare(a.storyPublishedAt);

export const createFollowUpService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => readAlsoSettings(strapi);

  /** These newer stories as the article's suggestions, newest first: those linked, rejected or too weak are left out. */
  async function scoreFollowUps(documentId: string, locale: string, sources: FollowUpSource[]): Promise<FollowUpDTO[]> {
    const settings = config();
    const storyTimes = new Map(sources.slice(0, settings.preparedListSize).map((source) => [source.documentId, source.storyTime]));
    const scored = await pluginServices(strapi).suggestions.among(documentId, locale, [...storyTimes.keys()]);
    return scored
      .flatMap((suggestion) => {
        const time = storyTimes.get(suggestion.documentId);
        return time === undefined ? [] : [{ ...suggestion, storyPublishedAt: new Date(time).toISOString() }];
      })
      .sort(newestFirst)
      .slice(0, settings.maxLimit);
  }

  /** The recent pairs grouped by older article, in the order of each one's newest follow-up. */
  function byTarget(pairs: FollowUpPair[]): { documentId: string; locale: string; sources: FollowUpSource[] }[] {
    const targets = new Map<string, { documentId: string; locale: string; sources: FollowUpSource[] }>();
    for (const pair of pairs) {
      const key = `${pair.targetId}:${pair.locale}`;
      const target = targets.get(key) ?? { documentId: pair.targetId, locale: pair.locale, sources: [] };
      target.sources.push(pair);
      targets.set(key, target);
    }
    return [...targets.values()];
  }

  return {
    /** Newer published stories that rank the article within the suggestions a reader is shown, not linked or rejected yet. */
    async followUpsFor(documentId: string, locale: string): Promise<FollowUpDTO[]> {
      const sources = await pluginServices(strapi).repository.newerRanking(documentId, locale, config().limit);
      return scoreFollowUps(documentId, locale, sources);
    },

    /** Older articles with follow-ups from the last `followUpDays` days still waiting, the newest follow-up first. */
    async waiting(options: { locale?: string } = {}): Promise<{ articles: ArticleFollowUpsDTO[]; truncated: boolean }> {
      const { repository } = pluginServices(strapi);
      const settings = config();
      const since = Date.now() - settings.followUpDays * DAY_MS;
      const targets = byTarget(await repository.recentFollowUps(settings.limit, since)).filter(
        (target) => !options.locale || target.locale === options.locale,
      );
      const articles: ArticleFollowUpsDTO[] = [];
      for (const target of targets) {
        if (articles.length === WAITING_LIST_SIZE) return { articles, truncated: true };
        const recent = await scoreFollowUps(target.documentId, target.locale, target.sources);
        const profile = recent.length > 0 ? await repository.findProfile(target.documentId, target.locale) : null;
        if (!profile) continue;
        articles.push({
          documentId: target.documentId,
          locale: target.locale,
          title: profile.title,
          storyPublishedAt: profile.storyTime === null ? null : new Date(profile.storyTime).toISOString(),
          followUps: recent.map(({ documentId, title, storyPublishedAt, score }) => ({ documentId, title, storyPublishedAt, score })),
        });
      }
      return { articles, truncated: false };
    },
  };
};

export type FollowUpService = ReturnType<typeof createFollowUpService>;
