/** The uid of each Newsdesk content type, stated once for the app, the importer, the plugin, the bench and the tests. */
import type { UID } from '@strapi/strapi';

export const ARTICLE = 'api::article.article' as const satisfies UID.ContentType;
export const PERSON = 'api::person.person' as const satisfies UID.ContentType;
export const ORGANISATION = 'api::organisation.organisation' as const satisfies UID.ContentType;
export const QUOTE = 'api::quote.quote' as const satisfies UID.ContentType;
export const RELATED_LINK = 'api::related-link.related-link' as const satisfies UID.ContentType;
