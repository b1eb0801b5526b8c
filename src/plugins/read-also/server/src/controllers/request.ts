/** Parses a request's params and query for a route, throwing a 400-mapped error on bad input. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { z } from 'zod';
import { describeIssue } from './validators';

export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new errors.ValidationError(describeIssue(result.error));
  return result.data;
}

/** The requested locale, checked against the locales Newsdesk has. */
export async function resolveLocale(strapi: Core.Strapi, locale: string | undefined): Promise<string> {
  const locales = strapi.plugin('i18n').service('locales');
  if (!locale) return (await locales.getDefaultLocale()) as string;
  if (!(await locales.findByCode(locale))) throw new errors.ValidationError(`locale: "${locale}" is not a locale of this site`);
  return locale;
}
