import type { Core } from '@strapi/strapi';

import { ARTICLE, ORGANISATION, PERSON, QUOTE, RELATED_LINK } from '../../src/content-types';

export { ARTICLE, ORGANISATION, PERSON, QUOTE, RELATED_LINK };

/** Strapi blocks for plain paragraphs. */
export function paragraphs(...texts: string[]) {
  return texts.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }));
}

export async function apiToken(strapi: Core.Strapi, type: 'read-only' | 'full-access' | 'custom', permissions?: string[]) {
  const token = await strapi.service('admin::api-token').create({
    name: `test ${type} ${Math.random().toString(36).slice(2)}`,
    type,
    kind: 'content-api',
    lifespan: null,
    ...(permissions ? { permissions } : {}),
  });
  return token.accessKey as string;
}

type Status = 'draft' | 'published';

export async function createPerson(strapi: Core.Strapi, data: Record<string, unknown>, status: Status = 'published') {
  return strapi.documents(PERSON).create({ data: data as never, status });
}

/**
 * A publish only queues the article for the read-also index: this waits until the worker has
 * indexed it (and prepared its lists), so what a test reads next knows it. Tests of the queued
 * state itself look before calling it.
 */
export async function readAlsoCaughtUp(strapi: Core.Strapi): Promise<void> {
  const plugin = strapi.plugin('read-also');
  if (plugin) await (plugin.service('preparer') as { idle(): Promise<void> }).idle();
}

export async function createArticle(strapi: Core.Strapi, data: Record<string, unknown>, status: Status = 'published', locale = 'en') {
  const article = await strapi.documents(ARTICLE).create({ data: data as never, status, locale });
  if (status === 'published') await readAlsoCaughtUp(strapi);
  return article;
}
