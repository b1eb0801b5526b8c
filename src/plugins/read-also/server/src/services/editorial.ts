/**
 * What editors decide about suggestions, and what publishing does to links:
 * accept (a RelatedLink with origin "suggested", keeping score and reasons), reject
 * (remembered per article), auto-attach in "attach" mode, and link health — links to an
 * unpublished or deleted article leave the public API, flagged, and return on republish.
 * Editors' changes follow Draft & Publish: they go into the draft and reach readers with the
 * article's next publish, unless the caller (allowed to publish) asks to publish at once.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ArticleHitDTO, LinkHealth, RelatedLinkDTO } from '../../../shared/contracts/suggestions';
import { pluginServices } from './registry';
import { ARTICLE, RELATED_LINK } from '../../../../../content-types';
import { readAlsoSettings } from '../settings';


type LinkRow = {
  documentId: string;
  label: string;
  origin: RelatedLinkDTO['origin'];
  order: number | null;
  afterParagraph: number | null;
  url: string | null;
  unresolved: boolean | null;
  targetUnpublished: boolean | null;
  score: number | string | null;
  reasons: string[] | null;
  targetArticle: { documentId: string; title: string; locale: string } | null;
};

export function linkHealth(link: Pick<LinkRow, 'url' | 'targetArticle' | 'targetUnpublished'>, targetPublished: boolean): LinkHealth {
  if (link.url) return 'external';
  if (!link.targetArticle) return link.targetUnpublished ? 'target-unpublished' : 'unresolved';
  return targetPublished && !link.targetUnpublished ? 'ok' : 'target-unpublished';
}

/** Whether the change goes to readers at once (when the article is published) or waits in the draft. */
export type LinkChange = { publish: boolean };

export const createEditorialService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => readAlsoSettings(strapi);
  const links = () => strapi.documents(RELATED_LINK);

  async function draftLinks(documentId: string, locale: string): Promise<LinkRow[]> {
    return (await strapi.db.query(RELATED_LINK).findMany({
      where: { article: { documentId, locale }, publishedAt: null },
      populate: { targetArticle: { select: ['documentId', 'title', 'locale'] } },
      orderBy: [{ order: 'asc' }, { id: 'asc' }],
    })) as unknown as LinkRow[];
  }

  async function hasPublishedVersion(uid: typeof ARTICLE | typeof RELATED_LINK, documentId: string, locale?: string) {
    return (await strapi.db.query(uid).count({ where: { documentId, publishedAt: { $notNull: true }, ...(locale ? { locale } : {}) } })) > 0;
  }

  async function articleDraft(documentId: string, locale: string) {
    const row = await strapi.db.query(ARTICLE).findOne({ where: { documentId, locale, publishedAt: null }, select: ['id', 'title'] });
    if (!row) throw new errors.NotFoundError(`No article ${documentId} in locale ${locale}`);
    return row as { id: number; title: string };
  }

  async function toDTO(link: LinkRow): Promise<RelatedLinkDTO> {
    const targetPublished = link.targetArticle
      ? await hasPublishedVersion(ARTICLE, link.targetArticle.documentId, link.targetArticle.locale)
      : false;
    return {
      documentId: link.documentId,
      label: link.label,
      origin: link.origin,
      order: link.order ?? 0,
      afterParagraph: link.afterParagraph,
      url: link.url,
      target: link.targetArticle,
      health: linkHealth(link, targetPublished),
      score: link.score === null || link.score === undefined ? null : Number(link.score),
      reasons: link.reasons,
      published: await hasPublishedVersion(RELATED_LINK, link.documentId),
    };
  }

  /** Publishes a link that was just changed, when asked to and its article is live. */
  async function publishIfAsked(linkId: string, owner: { documentId: string; locale: string }, change: LinkChange) {
    if (change.publish && (await hasPublishedVersion(ARTICLE, owner.documentId, owner.locale))) await links().publish({ documentId: linkId });
  }

  /** Creates a suggested link to `targetId` in the article's draft (published at once only if asked). */
  async function attach(documentId: string, locale: string, targetId: string, auto: boolean, change: LinkChange): Promise<RelatedLinkDTO> {
    const { suggestions } = pluginServices(strapi);
    const suggestion = await suggestions.acceptableSuggestion(documentId, locale, targetId);
    if (!suggestion) {
      throw new errors.ValidationError(`Article ${targetId} is not a suggestion for ${documentId}: it is rejected, already linked, or unrelated`);
    }
    const existing = await draftLinks(documentId, locale);
    const order = existing.reduce((max, link) => Math.max(max, (link.order ?? 0) + 1), 0);
    const created = await links().create({
      data: {
        label: suggestion.title,
        article: { set: [{ documentId, locale }] },
        targetArticle: { set: [{ documentId: suggestion.documentId, locale: suggestion.locale }] },
        origin: 'suggested',
        autoAttached: auto,
        order,
        afterParagraph: null,
        score: suggestion.score,
        reasons: suggestion.reasons,
      } as never,
    });
    await publishIfAsked(created.documentId, { documentId, locale }, change);
    const [row] = (await strapi.db.query(RELATED_LINK).findMany({
      where: { documentId: created.documentId, publishedAt: null },
      populate: { targetArticle: { select: ['documentId', 'title', 'locale'] } },
    })) as unknown as LinkRow[];
    return toDTO(row);
  }

  async function linkRow(documentId: string): Promise<LinkRow> {
    const [row] = (await strapi.db.query(RELATED_LINK).findMany({
      where: { documentId, publishedAt: null },
      populate: { targetArticle: { select: ['documentId', 'title', 'locale'] } },
    })) as unknown as LinkRow[];
    if (!row) throw new errors.NotFoundError(`No related link ${documentId}`);
    return row;
  }

  return {
    async searchPublished(text: string, locale: string): Promise<ArticleHitDTO[]> {
      const rows = (await strapi.db.query(ARTICLE).findMany({
        where: { title: { $containsi: text }, locale, publishedAt: { $notNull: true } },
        select: ['documentId', 'title', 'locale', 'slug'],
        orderBy: { publishedAt: 'desc' },
        limit: 10,
      })) as unknown as ArticleHitDTO[];
      return rows.map(({ documentId, title, locale: rowLocale, slug }) => ({ documentId, title, locale: rowLocale, slug }));
    },

    /** The article (and locale) a link belongs to. */
    async linkOwner(linkId: string): Promise<{ documentId: string; locale: string }> {
      const row = (await strapi.db.query(RELATED_LINK).findOne({
        where: { documentId: linkId, publishedAt: null },
        populate: { article: { select: ['documentId', 'locale'] } },
      })) as { article: { documentId: string; locale: string } | null } | null;
      if (!row) throw new errors.NotFoundError(`No related link ${linkId}`);
      if (!row.article) throw new errors.ValidationError(`Related link ${linkId} belongs to no article`);
      return row.article;
    },

    /** Points a link at a published article, in the draft (published at once only if asked). */
    async setTarget(linkId: string, targetId: string, locale: string, change: LinkChange): Promise<RelatedLinkDTO> {
      if (!(await hasPublishedVersion(ARTICLE, targetId, locale))) {
        throw new errors.ValidationError(`targetId: no published article ${targetId} in locale ${locale}`);
      }
      const owner = await this.linkOwner(linkId);
      if (owner.documentId === targetId) throw new errors.ValidationError('targetId: a link cannot point at its own article');
      await links().update({
        documentId: linkId,
        data: { targetArticle: { set: [{ documentId: targetId, locale }] }, url: null, targetUnpublished: false } as never,
      });
      await publishIfAsked(linkId, owner, change);
      return toDTO(await linkRow(linkId));
    },

    async listLinks(documentId: string, locale: string): Promise<RelatedLinkDTO[]> {
      await articleDraft(documentId, locale);
      return Promise.all((await draftLinks(documentId, locale)).map(toDTO));
    },

    async accept(documentId: string, locale: string, targetId: string, change: LinkChange): Promise<RelatedLinkDTO> {
      await articleDraft(documentId, locale);
      return attach(documentId, locale, targetId, false, change);
    },

    async reject(documentId: string, locale: string, targetId: string, userId: number | null): Promise<void> {
      await articleDraft(documentId, locale);
      if (targetId === documentId) throw new errors.ValidationError('An article cannot reject itself');
      await pluginServices(strapi).repository.reject(documentId, locale, targetId, userId);
    },

    /** In "attach" mode, a published article with fewer links than configured gets the best suggestions, live with it. */
    async attachIfNeeded(documentId: string, locale: string): Promise<number> {
      const settings = config();
      if (settings.autoMode !== 'attach') return 0;
      const missing = settings.attachUpTo - (await draftLinks(documentId, locale)).length;
      if (missing <= 0) return 0;
      const best = await pluginServices(strapi).suggestions.suggestFor(documentId, { locale, limit: missing });
      for (const suggestion of best) await attach(documentId, locale, suggestion.documentId, true, { publish: true });
      return best.length;
    },

    /** Links an editor made while the article was a draft go live with it. */
    async publishDraftLinks(documentId: string, locale: string): Promise<void> {
      for (const link of await draftLinks(documentId, locale)) {
        if (link.targetUnpublished) continue;
        if (!(await hasPublishedVersion(RELATED_LINK, link.documentId))) await links().publish({ documentId: link.documentId });
      }
    },

    /** Draft links that point at this article, wherever they stand. */
    async linksTargeting(documentId: string): Promise<{ documentId: string; targetUnpublished: boolean | null }[]> {
      return (await strapi.db.query(RELATED_LINK).findMany({
        where: { targetArticle: { documentId }, publishedAt: null },
        select: ['documentId', 'targetUnpublished'],
      })) as unknown as { documentId: string; targetUnpublished: boolean | null }[];
    },

    /** The target left the public site: its links leave too, flagged for editors. */
    async hideLinksTo(linkIds: string[]): Promise<void> {
      for (const documentId of linkIds) {
        if (await hasPublishedVersion(RELATED_LINK, documentId)) await links().unpublish({ documentId });
        await links().update({ documentId, data: { targetUnpublished: true } as never });
      }
    },

    /** The target is back: links hidden because of it return. */
    async restoreLinksTo(targetId: string): Promise<void> {
      for (const link of await this.linksTargeting(targetId)) {
        if (!link.targetUnpublished) continue;
        await links().update({ documentId: link.documentId, data: { targetUnpublished: false } as never });
        const owner = (await strapi.db.query(RELATED_LINK).findOne({
          where: { documentId: link.documentId, publishedAt: null },
          populate: { article: { select: ['documentId', 'locale', 'publishedAt'] } },
        })) as { article: { documentId: string; locale: string } | null } | null;
        if (owner?.article && (await hasPublishedVersion(ARTICLE, owner.article.documentId, owner.article.locale))) {
          await links().publish({ documentId: link.documentId });
        }
      }
    },
  };
};

export type EditorialService = ReturnType<typeof createEditorialService>;
