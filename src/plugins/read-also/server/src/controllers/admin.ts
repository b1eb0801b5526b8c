/**
 * Admin API for the editor's panel. Routes check the plugin's permission; each action
 * also asks the Content Manager whether this user may read or edit this very article,
 * so an Author acts only on their own articles, exactly as in the edit view.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type {
  AcceptSuggestion,
  GetLinks,
  GetSuggestions,
  PlaceLink,
  RejectSuggestion,
  SearchArticles,
  SetLinkTarget,
} from '../../../shared/contracts/suggestions';
import { pluginServices } from '../services/registry';
import { parse, resolveLocale } from './request';
import {
  acceptBody,
  articleParams,
  decisionParams,
  linkParams,
  localeQuery,
  placeBody,
  searchQuery,
  suggestionQuery,
  targetBody,
} from './validators';
import { readAlsoSettings } from '../settings';
import { articleAccess } from './access';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ensureArticleAccess = articleAccess(strapi);

  return {
    async suggestions(ctx: Context) {
      const settings = readAlsoSettings(strapi);
      const { documentId } = parse(articleParams, ctx.params);
      const query = parse(suggestionQuery(settings.maxLimit), ctx.query);
      const locale = await resolveLocale(strapi, query.locale);
      await ensureArticleAccess(ctx, documentId, locale, 'read');
      const limit = query.limit ?? settings.limit;
      const data = await pluginServices(strapi).suggestions.suggestFor(documentId, { locale, limit });
      const body: GetSuggestions.Response = { data, meta: { documentId, locale, limit } };
      ctx.body = body;
    },

    async links(ctx: Context) {
      const { documentId } = parse(articleParams, ctx.params);
      const locale = await resolveLocale(strapi, parse(localeQuery, ctx.query).locale);
      await ensureArticleAccess(ctx, documentId, locale, 'read');
      const { editorial } = pluginServices(strapi);
      const data = await editorial.listLinks(documentId, locale);
      const paragraphs = await editorial.paragraphs(documentId, locale);
      const body: GetLinks.Response = { data, meta: { paragraphCount: paragraphs.length, paragraphs } };
      ctx.body = body;
    },

    async accept(ctx: Context) {
      const { documentId, targetId } = parse(decisionParams, ctx.params);
      const locale = await resolveLocale(strapi, parse(localeQuery, ctx.query).locale);
      const { publish = false } = parse(acceptBody, ctx.request.body ?? {});
      await ensureArticleAccess(ctx, documentId, locale, 'update');
      // Readers see a change only through a publish: only those who may publish may ask for one.
      if (publish) await ensureArticleAccess(ctx, documentId, locale, 'publish');
      const body: AcceptSuggestion.Response = {
        data: await pluginServices(strapi).editorial.accept(documentId, locale, targetId, { publish }),
      };
      ctx.status = 201;
      ctx.body = body;
    },

    async search(ctx: Context) {
      const query = parse(searchQuery, ctx.query);
      const locale = await resolveLocale(strapi, query.locale);
      const body: SearchArticles.Response = { data: await pluginServices(strapi).editorial.searchPublished(query.q, locale) };
      ctx.body = body;
    },

    async setTarget(ctx: Context) {
      const { linkId } = parse(linkParams, ctx.params);
      const { targetId, locale: requested, publish = false } = parse(targetBody, ctx.request.body ?? {});
      const locale = await resolveLocale(strapi, requested);
      const { editorial } = pluginServices(strapi);
      const owner = await editorial.linkOwner(linkId);
      await ensureArticleAccess(ctx, owner.documentId, owner.locale, 'update');
      if (publish) await ensureArticleAccess(ctx, owner.documentId, owner.locale, 'publish');
      const body: SetLinkTarget.Response = { data: await editorial.setTarget(linkId, targetId, locale, { publish }) };
      ctx.body = body;
    },

    async place(ctx: Context) {
      const { linkId } = parse(linkParams, ctx.params);
      const { afterParagraph, order, publish = false } = parse(placeBody, ctx.request.body ?? {});
      const { editorial } = pluginServices(strapi);
      const owner = await editorial.linkOwner(linkId);
      await ensureArticleAccess(ctx, owner.documentId, owner.locale, 'update');
      if (publish) await ensureArticleAccess(ctx, owner.documentId, owner.locale, 'publish');
      const data = await editorial.place(linkId, { afterParagraph, order }, { publish });
      const body: PlaceLink.Response = { data, meta: { links: await editorial.listLinks(owner.documentId, owner.locale) } };
      ctx.body = body;
    },

    async reject(ctx: Context) {
      const { documentId, targetId } = parse(decisionParams, ctx.params);
      const locale = await resolveLocale(strapi, parse(localeQuery, ctx.query).locale);
      await ensureArticleAccess(ctx, documentId, locale, 'update');
      const userId = (ctx.state.user as { id?: number } | undefined)?.id ?? null;
      await pluginServices(strapi).editorial.reject(documentId, locale, targetId, userId);
      const body: RejectSuggestion.Response = { data: { documentId, targetId, locale, rejected: true } };
      ctx.body = body;
    },
  };
};
