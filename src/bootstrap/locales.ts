import type { Core } from '@strapi/strapi';

export const NEWSROOM_LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'fr', name: 'French (fr)' },
] as const;

/** English (the default) and French exist; locales an admin added are left alone. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of NEWSROOM_LOCALES) {
    if (!(await locales.findByCode(locale.code))) await locales.create({ ...locale, isDefault: false });
  }
  const defaultLocale = await locales.getDefaultLocale();
  if (!defaultLocale) await locales.setDefaultLocale({ code: 'en' });
}
