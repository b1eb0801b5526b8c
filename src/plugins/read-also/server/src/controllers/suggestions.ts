/** Content API: published suggestions for frontends, behind the plugin's own permission. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { readPublicSuggestions } from './public-suggestions';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await readPublicSuggestions(strapi, { params: ctx.params, query: ctx.query });
  },
});
