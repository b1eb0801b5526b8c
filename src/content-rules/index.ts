/**
 * Publish-time rules of the content model, as a Document Service middleware so that
 * REST, GraphQL, the admin panel and the importer all go through them: validation
 * that answers 400 naming the field before anything is written, and slugs filled
 * from the title when a client leaves them empty (Strapi fills uids in the admin UI only).
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  articleProblems,
  organisationProblems,
  personProblems,
  quoteProblems,
  relatedLinkProblems,
  relationIntent,
  type FieldProblem,
} from './validators';
import { firstFreeSlug, slugFrom } from './slugs';
import { ARTICLE, PERSON, ORGANISATION, QUOTE, RELATED_LINK } from '../content-types';

type Data = Record<string, unknown>;
type WriteParams = { data?: Data; documentId?: string; locale?: string };
type WriteContext = { uid: UID.ContentType; params: WriteParams };

/** The types whose uid field is filled from another field, and whether slugs are unique per locale. */
const SLUGGED: Record<string, { source: string; perLocale: boolean }> = {
  [ARTICLE]: { source: 'title', perLocale: true },
  [PERSON]: { source: 'name', perLocale: false },
  [ORGANISATION]: { source: 'name', perLocale: false },
};

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function rejectIfProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new errors.ValidationError(problems.map((problem) => problem.message).join('; '), {
    errors: problems.map((problem) => ({ path: [problem.path], message: problem.message, name: 'ValidationError' })),
  });
}

async function draftRow(strapi: Core.Strapi, uid: UID.ContentType, documentId: string, locale?: string, populate?: object) {
  return strapi.db.query(uid).findOne({
    where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
    ...(populate ? { populate } : {}),
  }) as Promise<Data | null>;
}

async function checkRelatedLink(strapi: Core.Strapi, context: WriteContext, data: Data, creating: boolean) {
  const existing =
    !creating && context.params.documentId
      ? await draftRow(strapi, RELATED_LINK, context.params.documentId, undefined, { targetArticle: { select: ['id'] } })
      : null;
  const hasUrl = 'url' in data ? !isBlank(data.url) : !isBlank(existing?.url);
  const intent = relationIntent(data.targetArticle);
  const hasTarget = intent === 'unchanged' ? Boolean(existing?.targetArticle) : intent === 'set';
  rejectIfProblems(relatedLinkProblems(data, creating, { hasUrl, hasTarget }));
  if (typeof data.url === 'string') data.url = data.url.trim() || null;
  // A link with neither target is an imported headline (or an editor's placeholder) awaiting a target.
  data.unresolved = !hasUrl && !hasTarget;
}

async function fillOrCheckSlug(strapi: Core.Strapi, context: WriteContext, data: Data, creating: boolean) {
  const { uid, params } = context;
  const { source, perLocale } = SLUGGED[uid];
  const locale = perLocale ? (params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale())) : undefined;
  const isTaken = async (slug: string) =>
    (await strapi.db.query(uid).count({
      where: {
        slug,
        ...(locale ? { locale } : {}),
        ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}),
      },
    })) > 0;

  if (!isBlank(data.slug)) {
    const slug = String(data.slug).trim();
    if (await isTaken(slug)) {
      rejectIfProblems([
        { path: 'slug', message: `slug "${slug}" is already used by another ${perLocale ? `document in locale ${locale}` : 'document'}` },
      ]);
    }
    data.slug = slug;
    return;
  }
  if (!creating && !('slug' in data)) return;

  const existing = creating ? null : await draftRow(strapi, uid, params.documentId as string, locale);
  const sourceText = (data[source] ?? existing?.[source]) as string | undefined;
  if (isBlank(sourceText)) return;
  data.slug = await firstFreeSlug(slugFrom(String(sourceText)), isTaken);
}

export function registerContentRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (documentContext, next) => {
    if (documentContext.action !== 'create' && documentContext.action !== 'update') return next();
    const creating = documentContext.action === 'create';
    // The rules read fields by name across types: the params as plain data, the same object.
    const context: WriteContext = { uid: documentContext.uid, params: documentContext.params };
    const data: Data = { ...context.params.data };

    switch (context.uid) {
      case ARTICLE:
        rejectIfProblems(articleProblems(data, creating));
        break;
      case PERSON:
        rejectIfProblems(personProblems(data, creating));
        break;
      case ORGANISATION:
        rejectIfProblems(organisationProblems(data, creating));
        break;
      case QUOTE:
        rejectIfProblems(quoteProblems(data, creating));
        break;
      case RELATED_LINK:
        await checkRelatedLink(strapi, context, data, creating);
        break;
      default:
        return next();
    }
    if (context.uid in SLUGGED) await fillOrCheckSlug(strapi, context, data, creating);
    context.params.data = data;
    return next();
  });
}
