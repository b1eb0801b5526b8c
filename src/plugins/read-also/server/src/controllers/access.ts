/**
 * Each panel action asks the Content Manager whether this user may read or edit this very
 * document, so an Author acts only on their own articles, exactly as in the edit view.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { ARTICLE, QUOTE } from '../../../../../content-types';

export type Access = 'read' | 'update' | 'publish';

const REFUSALS: Record<Access, string> = {
  read: 'You may not see the links of this article',
  update: 'You may not edit the links of this article',
  publish: 'You may not publish this article: the link was not added; add it to the draft instead',
};

function cannot(strapi: Core.Strapi, ctx: Context, model: typeof ARTICLE | typeof QUOTE, access: Access, entry: object): boolean {
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model });
  return checker.cannot[access](entry);
}

const articleDraft = (strapi: Core.Strapi, documentId: string, locale: string) =>
  strapi.db.query(ARTICLE).findOne({ where: { documentId, locale, publishedAt: null }, populate: ['createdBy'] });

export const articleAccess =
  (strapi: Core.Strapi) =>
  async (ctx: Context, documentId: string, locale: string, access: Access, refusal: string = REFUSALS[access]): Promise<void> => {
    const article = await articleDraft(strapi, documentId, locale);
    if (!article) throw new errors.NotFoundError(`No article ${documentId} in locale ${locale}`);
    if (cannot(strapi, ctx, ARTICLE, access, article)) throw new errors.ForbiddenError(refusal);
  };

/** For lists: whether this user may see the article in the Content Manager (false for one that is gone). */
export const mayReadArticle =
  (strapi: Core.Strapi) =>
  async (ctx: Context, documentId: string, locale: string): Promise<boolean> => {
    const article = await articleDraft(strapi, documentId, locale);
    return Boolean(article) && !cannot(strapi, ctx, ARTICLE, 'read', article);
  };

/** Quotes are documents of their own: editing one needs the right to edit (or publish) quotes too. */
export const quoteAccess =
  (strapi: Core.Strapi) =>
  async (ctx: Context, quoteId: string, access: Exclude<Access, 'read'>): Promise<void> => {
    const quote = await strapi.db.query(QUOTE).findOne({ where: { documentId: quoteId, publishedAt: null }, populate: ['createdBy'] });
    if (!quote) throw new errors.NotFoundError(`No quote ${quoteId}`);
    if (cannot(strapi, ctx, QUOTE, access, quote)) throw new errors.ForbiddenError(`You may not ${access} this quote`);
  };
