/**
 * The one owner of a "Read also" link's life: created (by an editor, the importer or an
 * accepted suggestion), given a target (by hand, or when an article with its headline
 * appears), published with its article, hidden while its target is off the public site
 * and restored when the target returns. Link changes follow Draft & Publish: they go
 * into the draft and reach readers with the article's next publish, unless asked otherwise.
 */
import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { ARTICLE, RELATED_LINK } from '../../../content-types';
import { documentInput } from '../../../lib/document-input';
import { headlineSimilarity, SAME_HEADLINE } from '../../../importer/text';
import { compareReadingOrder, nextOrderAt, placeAmong, placeProblem, storyParagraphs } from '../../../lib/placement';

export type LinkHealth = 'ok' | 'unresolved' | 'target-unpublished' | 'external';
export type LinkOrigin = 'editor' | 'suggested' | 'imported';
export type ArticleKey = { documentId: string; locale: string };

const targetSchema = z.object({ documentId: z.string(), title: z.string(), locale: z.string() });
const linkRowSchema = z.object({
  documentId: z.string(),
  label: z.string(),
  origin: z.enum(['editor', 'suggested', 'imported']),
  order: z.number().nullable(),
  afterParagraph: z.number().nullable(),
  url: z.string().nullable(),
  unresolved: z.boolean().nullable(),
  targetUnpublished: z.boolean().nullable(),
  // PostgreSQL returns decimals as strings.
  score: z.union([z.number(), z.string()]).nullable(),
  reasons: z.array(z.string()).nullable(),
  targetArticle: targetSchema.nullable().default(null),
  // SQLite gives timestamps as numbers, PostgreSQL as dates.
  updatedAt: z.union([z.date(), z.string(), z.number()]).transform((value) => new Date(value).getTime()),
});
type LinkRow = z.infer<typeof linkRowSchema>;
const linkRows = z.array(linkRowSchema);
const ownerSchema = z.object({ article: z.object({ documentId: z.string(), locale: z.string() }).nullable() }).nullable();
const openLinks = z.array(
  z.object({ documentId: z.string(), label: z.string(), article: z.object({ documentId: z.string() }).nullable() }),
);
const titleRow = z.object({ title: z.string().nullable(), locale: z.string() }).nullable();
const candidateRows = z.array(z.object({ documentId: z.string(), title: z.string() }));
const localeRows = z.array(z.object({ locale: z.string() }));
const targetingRows = z.array(z.object({ documentId: z.string(), targetUnpublished: z.boolean().nullable() }));
const bodyRow = z.object({ body: z.unknown() }).nullable();
const publishedStamps = z.array(
  z.object({
    documentId: z.string(),
    updatedAt: z.union([z.date(), z.string(), z.number()]).transform((value) => new Date(value).getTime()),
  }),
);

/** What editors and clients are told about a link. */
export type LinkState = {
  documentId: string;
  label: string;
  origin: LinkOrigin;
  order: number;
  afterParagraph: number | null;
  url: string | null;
  target: { documentId: string; title: string; locale: string } | null;
  health: LinkHealth;
  score: number | null;
  reasons: string[] | null;
  /** Whether readers see this link now: false while it waits in the article's draft for the next publish. */
  published: boolean;
  /** Whether the draft has changes (a new place, a new target) that readers see only from the article's next publish. */
  changesPending: boolean;
};

/** Where a link goes: after paragraph n (0 = before the first, null = at the end), at `order` among the links there (the end when left out). */
export type LinkPlacement = { afterParagraph: number | null; order?: number };

/** Whether a change goes to readers at once (when the article is published) or waits in the draft. */
export type LinkChange = { publish: boolean };

export type SuggestedLink = {
  target: ArticleKey & { title: string };
  score: number;
  reasons: string[];
  /** Attached by the plugin's "attach" mode rather than by an editor. */
  auto: boolean;
};

export function linkHealth(link: Pick<LinkRow, 'url' | 'targetArticle' | 'targetUnpublished'>, targetPublished: boolean): LinkHealth {
  if (link.url) return 'external';
  if (!link.targetArticle) return link.targetUnpublished ? 'target-unpublished' : 'unresolved';
  return targetPublished && !link.targetUnpublished ? 'ok' : 'target-unpublished';
}

type OpenLink = { documentId: string; label: string; article: { documentId: string } | null };

/** The open links whose label is this headline, except the article's own. */
export function linksNamingHeadline(title: string, links: OpenLink[], articleId: string): OpenLink[] {
  return links.filter((link) => link.article?.documentId !== articleId && headlineSimilarity(link.label, title) >= SAME_HEADLINE);
}

/** A relation to a localized article names its locale; null clears it. */
export function articleRef(documentId: string | null, locale: string): ArticleKey | null {
  return documentId ? { documentId, locale } : null;
}

const TARGET_FIELDS = { targetArticle: { select: ['documentId', 'title', 'locale'] } };

export const createLinkLifecycle = (strapi: Core.Strapi) => {
  const links = () => strapi.documents(RELATED_LINK);

  async function hasPublishedVersion(uid: typeof ARTICLE | typeof RELATED_LINK, documentId: string, locale?: string) {
    return (
      (await strapi.db.query(uid).count({ where: { documentId, publishedAt: { $notNull: true }, ...(locale ? { locale } : {}) } })) > 0
    );
  }

  async function draftRows(where: object): Promise<LinkRow[]> {
    return linkRows.parse(
      await strapi.db
        .query(RELATED_LINK)
        .findMany({ where: { ...where, publishedAt: null }, populate: TARGET_FIELDS, orderBy: [{ order: 'asc' }, { id: 'asc' }] }),
    );
  }

  async function linkRow(linkId: string): Promise<LinkRow> {
    const [row] = await draftRows({ documentId: linkId });
    if (!row) throw new errors.NotFoundError(`No related link ${linkId}`);
    return row;
  }

  /** When each of these links' published versions was last written (none for links only in the draft). */
  async function publishedUpdates(linkIds: string[]): Promise<Map<string, number>> {
    if (linkIds.length === 0) return new Map();
    const rows = publishedStamps.parse(
      await strapi.db
        .query(RELATED_LINK)
        .findMany({ where: { documentId: { $in: linkIds }, publishedAt: { $notNull: true } }, select: ['documentId', 'updatedAt'] }),
    );
    return new Map(rows.map((row) => [row.documentId, row.updatedAt]));
  }

  async function stateOf(link: LinkRow): Promise<LinkState> {
    const target = link.targetArticle;
    const targetPublished = target ? await hasPublishedVersion(ARTICLE, target.documentId, target.locale) : false;
    const livedAt = (await publishedUpdates([link.documentId])).get(link.documentId);
    return {
      documentId: link.documentId,
      label: link.label,
      origin: link.origin,
      order: link.order ?? 0,
      afterParagraph: link.afterParagraph,
      url: link.url,
      target,
      health: linkHealth(link, targetPublished),
      score: link.score === null ? null : Number(link.score),
      reasons: link.reasons,
      published: livedAt !== undefined,
      // As the Content Manager tells "modified": the draft was written after the published version.
      changesPending: livedAt !== undefined && link.updatedAt > livedAt,
    };
  }

  /** Publishes a link that was just changed, when asked to and its article is live. */
  async function publishIfAsked(linkId: string, owner: ArticleKey, change: LinkChange) {
    if (change.publish && (await hasPublishedVersion(ARTICLE, owner.documentId, owner.locale)))
      await links().publish({ documentId: linkId });
  }

  async function ownerRow(linkId: string) {
    return ownerSchema.parse(
      await strapi.db
        .query(RELATED_LINK)
        .findOne({ where: { documentId: linkId, publishedAt: null }, populate: { article: { select: ['documentId', 'locale'] } } }),
    );
  }

  async function publishedLocales(articleId: string): Promise<string[]> {
    const rows = localeRows.parse(
      await strapi.db.query(ARTICLE).findMany({ where: { documentId: articleId, publishedAt: { $notNull: true } }, select: ['locale'] }),
    );
    return rows.map((row) => row.locale);
  }

  /** The paragraphs of the article's draft, as the output formats count them. */
  async function paragraphsOf(owner: ArticleKey): Promise<string[]> {
    const row = bodyRow.parse(
      await strapi.db
        .query(ARTICLE)
        .findOne({ where: { documentId: owner.documentId, locale: owner.locale, publishedAt: null }, select: ['body'] }),
    );
    if (!row) throw new errors.NotFoundError(`No article ${owner.documentId} in locale ${owner.locale}`);
    return storyParagraphs(row.body);
  }

  const lifecycle = {
    hasPublishedVersion,
    publishedLocales,
    paragraphsOf,

    /** The article's links as editors see them (its draft), in reading order. */
    async linksOf(articleId: string, locale: string): Promise<LinkState[]> {
      const rows = await draftRows({ article: { documentId: articleId, locale } });
      const placed = rows.map((row) => ({ row, afterParagraph: row.afterParagraph, order: row.order ?? 0 }));
      return Promise.all(placed.sort(compareReadingOrder).map(({ row }) => stateOf(row)));
    },

    /** How many links the article's draft has. */
    async countLinks(articleId: string, locale: string): Promise<number> {
      return strapi.db.query(RELATED_LINK).count({ where: { article: { documentId: articleId, locale }, publishedAt: null } });
    },

    /** The article (and locale) a link belongs to. */
    async ownerOf(linkId: string): Promise<ArticleKey> {
      const row = await ownerRow(linkId);
      if (!row) throw new errors.NotFoundError(`No related link ${linkId}`);
      if (!row.article) throw new errors.ValidationError(`Related link ${linkId} belongs to no article`);
      return row.article;
    },

    /** A suggestion an editor (or "attach" mode) accepted, placed at the end of the story, after the links already there. */
    async createSuggested(owner: ArticleKey, suggestion: SuggestedLink, change: LinkChange): Promise<LinkState> {
      const afterParagraph = (await paragraphsOf(owner)).length;
      const existing = await draftRows({ article: owner });
      const order = nextOrderAt(
        existing.map((link) => ({ afterParagraph: link.afterParagraph, order: link.order ?? 0 })),
        afterParagraph,
      );
      const created = await links().create({
        data: documentInput(RELATED_LINK, {
          label: suggestion.target.title,
          article: articleRef(owner.documentId, owner.locale),
          targetArticle: articleRef(suggestion.target.documentId, suggestion.target.locale),
          origin: 'suggested',
          autoAttached: suggestion.auto,
          order,
          afterParagraph,
          score: suggestion.score,
          reasons: suggestion.reasons,
        }),
      });
      await publishIfAsked(created.documentId, owner, change);
      return stateOf(await linkRow(created.documentId));
    },

    /** Points a link at a published article, in the draft (published at once only if asked). */
    async setTarget(linkId: string, target: ArticleKey, change: LinkChange): Promise<LinkState> {
      if (!(await hasPublishedVersion(ARTICLE, target.documentId, target.locale))) {
        throw new errors.ValidationError(`targetId: no published article ${target.documentId} in locale ${target.locale}`);
      }
      const owner = await lifecycle.ownerOf(linkId);
      if (owner.documentId === target.documentId) throw new errors.ValidationError('targetId: a link cannot point at its own article');
      await links().update({
        documentId: linkId,
        data: documentInput(RELATED_LINK, {
          targetArticle: articleRef(target.documentId, target.locale),
          url: null,
          targetUnpublished: false,
        }),
      });
      await publishIfAsked(linkId, owner, change);
      return stateOf(await linkRow(linkId));
    },

    /**
     * Moves a link to another paragraph and/or another rank among the links there, in the draft;
     * the links of the paragraph it leaves and of the one it joins are renumbered 0..k. Asked to
     * publish (and the article is live), the moved link goes live (unless hidden because its
     * target left the site), and so do the live links renumbered with it, so that readers never
     * see two links at one rank.
     */
    async place(linkId: string, placement: LinkPlacement, change: LinkChange): Promise<LinkState> {
      const owner = await lifecycle.ownerOf(linkId);
      const problem = placeProblem(placement.afterParagraph, (await paragraphsOf(owner)).length);
      if (problem) throw new errors.ValidationError(problem);
      const siblings = await draftRows({ article: owner });
      // A link hidden because its target left the site stays hidden wherever it goes.
      const hidden = siblings.find((link) => link.documentId === linkId)?.targetUnpublished === true;
      const publish = change.publish && !hidden && (await hasPublishedVersion(ARTICLE, owner.documentId, owner.locale));
      const moves = placeAmong(
        siblings.map((link) => ({ documentId: link.documentId, afterParagraph: link.afterParagraph, order: link.order ?? 0 })),
        linkId,
        placement.afterParagraph,
        placement.order,
      );
      // All the renumbering or none of it.
      await strapi.db.transaction(async () => {
        for (const move of moves) {
          await links().update({
            documentId: move.documentId,
            data: documentInput(RELATED_LINK, { afterParagraph: move.afterParagraph, order: move.order }),
          });
        }
        if (!publish) return;
        await links().publish({ documentId: linkId });
        for (const move of moves) {
          if (move.documentId !== linkId && (await hasPublishedVersion(RELATED_LINK, move.documentId)))
            await links().publish({ documentId: move.documentId });
        }
      });
      return stateOf(await linkRow(linkId));
    },

    /** The article whose headline is this label, tolerant of small differences: an imported link's target. */
    async targetForHeadline(label: string, locale: string, exclude: string): Promise<string | null> {
      const anchor = (label.match(/[A-Za-z]{4,}/gu) ?? []).sort((a, b) => b.length - a.length)[0];
      if (!anchor) return null;
      const candidates = candidateRows.parse(
        await strapi.db.query(ARTICLE).findMany({
          where: { title: { $containsi: anchor }, locale, publishedAt: null, documentId: { $ne: exclude } },
          select: ['documentId', 'title'],
          limit: 200,
        }),
      );
      let best: { documentId: string; similarity: number } | null = null;
      for (const candidate of candidates) {
        const similarity = headlineSimilarity(label, candidate.title);
        if (similarity >= SAME_HEADLINE && (!best || similarity > best.similarity)) best = { documentId: candidate.documentId, similarity };
      }
      return best?.documentId ?? null;
    },

    /** Open links naming this article's headline get it as their target (and go live again if they were). */
    async resolveOpenLinksTo(articleId: string): Promise<number> {
      const article = titleRow.parse(
        await strapi.db.query(ARTICLE).findOne({ where: { documentId: articleId, publishedAt: null }, select: ['title', 'locale'] }),
      );
      if (!article?.title) return 0;
      const open = openLinks.parse(
        await strapi.db.query(RELATED_LINK).findMany({
          where: { unresolved: true, publishedAt: null },
          select: ['documentId', 'label'],
          populate: { article: { select: ['documentId'] } },
        }),
      );
      const matches = linksNamingHeadline(article.title, open, articleId);
      for (const link of matches) {
        await links().update({ documentId: link.documentId, data: { targetArticle: articleRef(articleId, article.locale) } });
        if (await hasPublishedVersion(RELATED_LINK, link.documentId)) await links().publish({ documentId: link.documentId });
      }
      return matches.length;
    },

    /**
     * Links made or changed (placed, retargeted) in the draft go live with the article, except
     * those whose target is off the site; links with nothing new are left as they are.
     */
    async publishWithArticle(articleId: string, locale: string): Promise<void> {
      const drafts = await draftRows({ article: { documentId: articleId, locale } });
      const live = await publishedUpdates(drafts.map((link) => link.documentId));
      for (const link of drafts) {
        if (link.targetUnpublished) continue;
        const livedAt = live.get(link.documentId);
        if (livedAt === undefined || link.updatedAt > livedAt) await links().publish({ documentId: link.documentId });
      }
    },

    /** Draft links that point at this article, wherever they stand. */
    async linksTargeting(articleId: string): Promise<{ documentId: string; targetUnpublished: boolean | null }[]> {
      return targetingRows.parse(
        await strapi.db.query(RELATED_LINK).findMany({
          where: { targetArticle: { documentId: articleId }, publishedAt: null },
          select: ['documentId', 'targetUnpublished'],
        }),
      );
    },

    /** The target left the public site: its links leave too, flagged for editors. */
    async hideLinks(linkIds: string[]): Promise<void> {
      for (const documentId of linkIds) {
        if (await hasPublishedVersion(RELATED_LINK, documentId)) await links().unpublish({ documentId });
        await links().update({ documentId, data: { targetUnpublished: true } });
      }
    },

    /** The target is back: links hidden because of it return, where their article is live. */
    async restoreLinksTo(targetId: string): Promise<void> {
      for (const link of await lifecycle.linksTargeting(targetId)) {
        if (!link.targetUnpublished) continue;
        await links().update({ documentId: link.documentId, data: { targetUnpublished: false } });
        const owner = (await ownerRow(link.documentId))?.article;
        if (owner && (await hasPublishedVersion(ARTICLE, owner.documentId, owner.locale)))
          await links().publish({ documentId: link.documentId });
      }
    },
  };
  return lifecycle;
};

export type LinkLifecycle = ReturnType<typeof createLinkLifecycle>;

export default factories.createCoreService(RELATED_LINK, ({ strapi }) => createLinkLifecycle(strapi));
