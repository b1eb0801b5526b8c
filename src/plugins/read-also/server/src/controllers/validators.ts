/** Request validation for every route: bad input becomes a 400 naming the parameter. */
import { z } from 'zod';
import { localeCode as locale } from '../../../../../lib/locale';

// Strapi's document ids are short lowercase words; anything else (a NUL byte, SQL) is refused before any query.
export const documentId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u, 'must be a document id (letters, digits, "-" and "_")');

export function suggestionQuery(maxLimit: number) {
  return z
    .object({
      locale: locale.optional(),
      limit: z.coerce
        .number({ invalid_type_error: 'limit must be a number' })
        .int('limit must be a whole number')
        .min(1, 'limit must be at least 1')
        .max(maxLimit, `limit must be at most ${maxLimit}`)
        .optional(),
    })
    .passthrough();
}

export const localeQuery = z.object({ locale: locale.optional() }).passthrough();

export const articleParams = z.object({ documentId });
export const decisionParams = z.object({ documentId, targetId: documentId });

/** The first problem, as "field: message". */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.join('.');
  return field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
}

export const searchQuery = z
  .object({ q: z.string().trim().min(2, 'q must have at least 2 characters').max(200), locale: locale.optional() })
  .passthrough();
export const linkParams = z.object({ linkId: documentId });
export const publishNow = z.boolean({ invalid_type_error: 'publish must be true or false' }).optional();
export const targetBody = z.object({ targetId: documentId, locale: locale.optional(), publish: publishNow });
export const acceptBody = z.object({ publish: publishNow });
const rank = (name: string) =>
  z
    .number({ invalid_type_error: `${name} must be a number`, required_error: `${name} is required` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be 0 or more`);
export const placeBody = z.object({
  afterParagraph: rank('afterParagraph').nullable(),
  order: rank('order').optional(),
  publish: publishNow,
});
