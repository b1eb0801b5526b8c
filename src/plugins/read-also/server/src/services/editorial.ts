/**
 * What editors decide about suggestions: accept (a Related link with origin "suggested",
 * keeping score and reasons), reject (remembered per article), and auto-attach in "attach"
 * mode. The link itself, its target and what publishing does to it belong to the app's
 * Related link service (src/api/related-link), which this one calls.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { ArticleHitDTO, ParagraphDTO, RelatedLinkDTO } from '../../../shared/contracts/suggestions';
import { pluginServices } from './registry';
import { ARTICLE } from '../../../../../content-types';
import { createLinkLifecycle, type LinkChange, type LinkPlacement } from '../../../../../api/related-link/services/related-link';
import { firstWords } from '../../../../../lib/placement';
import { readAlsoSettings } from '../settings';

export type { LinkChange, LinkPlacement };

const articleHits = z.array(z.object({ documentId: z.string(), title: z.string(), locale: z.string(), slug: z.string().nullable() }));

export const createEditorialService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => readAlsoSettings(strapi);
  const links = createLinkLifecycle(strapi);

  async function requireArticleDraft(documentId: string, locale: string) {
    const found = await strapi.db.query(ARTICLE).count({ where: { documentId, locale, publishedAt: null } });
    if (found === 0) throw new errors.NotFoundError(`No article ${documentId} in locale ${locale}`);
  }

  /** Creates a suggested link to `targetId` in the article's draft (published at once only if asked). */
  async function attach(documentId: string, locale: string, targetId: string, auto: boolean, change: LinkChange): Promise<RelatedLinkDTO> {
    const { suggestions } = pluginServices(strapi);
    const suggestion = await suggestions.acceptableSuggestion(documentId, locale, targetId);
    if (!suggestion) {
      throw new errors.ValidationError(
        `Article ${targetId} is not a suggestion for ${documentId}: it is rejected, already linked, or unrelated`,
      );
    }
    const target = { documentId: suggestion.documentId, locale: suggestion.locale, title: suggestion.title };
    return links.createSuggested({ documentId, locale }, { target, score: suggestion.score, reasons: suggestion.reasons, auto }, change);
  }

  return {
    async searchPublished(text: string, locale: string): Promise<ArticleHitDTO[]> {
      return articleHits.parse(
        await strapi.db.query(ARTICLE).findMany({
          where: { title: { $containsi: text }, locale, publishedAt: { $notNull: true } },
          select: ['documentId', 'title', 'locale', 'slug'],
          orderBy: { publishedAt: 'desc' },
          limit: 10,
        }),
      );
    },

    /** The article (and locale) a link belongs to. */
    linkOwner: (linkId: string) => links.ownerOf(linkId),

    /** Points a link at a published article, in the draft (published at once only if asked). */
    setTarget: (linkId: string, targetId: string, locale: string, change: LinkChange): Promise<RelatedLinkDTO> =>
      links.setTarget(linkId, { documentId: targetId, locale }, change),

    /** Moves a link to another paragraph or rank, in the draft (published at once only if asked). */
    place: (linkId: string, placement: LinkPlacement, change: LinkChange): Promise<RelatedLinkDTO> =>
      links.place(linkId, placement, change),

    /** The paragraphs of the article's draft, by number and first words, to place links between. */
    async paragraphs(documentId: string, locale: string): Promise<ParagraphDTO[]> {
      const texts = await links.paragraphsOf({ documentId, locale });
      return texts.map((text, index) => ({ number: index + 1, firstWords: firstWords(text) }));
    },

    async listLinks(documentId: string, locale: string): Promise<RelatedLinkDTO[]> {
      await requireArticleDraft(documentId, locale);
      return links.linksOf(documentId, locale);
    },

    async accept(documentId: string, locale: string, targetId: string, change: LinkChange): Promise<RelatedLinkDTO> {
      await requireArticleDraft(documentId, locale);
      return attach(documentId, locale, targetId, false, change);
    },

    async reject(documentId: string, locale: string, targetId: string, userId: number | null): Promise<void> {
      await requireArticleDraft(documentId, locale);
      if (targetId === documentId) throw new errors.ValidationError('An article cannot reject itself');
      const { repository } = pluginServices(strapi);
      // Reads keep what they leave out under the editors' version: this one must not be served again.
      await strapi.db.transaction(async () => {
        await repository.reject(documentId, locale, targetId, userId);
        await repository.bumpEditorialVersion();
      });
    },

    /** The locales in which the article is published. */
    liveLocales: (documentId: string) => links.publishedLocales(documentId),

    /** In "attach" mode, a published article with fewer links than configured gets the best suggestions, live with it. */
    async attachIfNeeded(documentId: string, locale: string): Promise<number> {
      const settings = config();
      if (settings.autoMode !== 'attach') return 0;
      const missing = settings.attachUpTo - (await links.countLinks(documentId, locale));
      if (missing <= 0) return 0;
      const best = await pluginServices(strapi).suggestions.suggestFor(documentId, { locale, limit: missing });
      for (const suggestion of best) await attach(documentId, locale, suggestion.documentId, true, { publish: true });
      return best.length;
    },
  };
};

export type EditorialService = ReturnType<typeof createEditorialService>;
