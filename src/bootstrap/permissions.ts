import type { Core } from '@strapi/strapi';
import { ARTICLE, ORGANISATION, PERSON, QUOTE, RELATED_LINK } from '../content-types';

export const PUBLISHED_CONTENT_TYPES = [ARTICLE, PERSON, ORGANISATION, QUOTE, RELATED_LINK] as const;

export const READ_ACTIONS = ['find', 'findOne'] as const;

/** Article outputs for frontends (JSON-LD, ninjs): read access like findOne. */
export const ARTICLE_FORMAT_ACTIONS = ['api::article.article.jsonld', 'api::article.article.ninjs'] as const;

const READER_ROLES = ['public', 'authenticated'] as const;

/** Each grant happens once, under its own marker, so later additions reach existing databases too. */
const GRANTS: { marker: string; actions: string[] }[] = [
  {
    marker: 'reader-permissions-granted',
    actions: PUBLISHED_CONTENT_TYPES.flatMap((uid) => READ_ACTIONS.map((verb) => `${uid}.${verb}`)),
  },
  { marker: 'reader-formats-granted', actions: [...ARTICLE_FORMAT_ACTIONS] },
  // Organisations came later: their own marker reaches databases whose first grant already ran.
  { marker: 'reader-organisations-granted', actions: READ_ACTIONS.map((verb) => `api::organisation.organisation.${verb}`) },
];

/**
 * Gives the Public and Authenticated roles read access to published content, once per
 * grant. The markers in Strapi's core store make later boots leave the roles alone, so an
 * admin who narrows them in the panel keeps that choice.
 */
export async function grantReaderPermissionsOnce(strapi: Core.Strapi): Promise<boolean> {
  const store = strapi.store({ type: 'app', name: 'newsdesk' });
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  let granted = false;
  for (const grant of GRANTS) {
    if (await store.get({ key: grant.marker })) continue;
    for (const type of READER_ROLES) {
      const role = await roles.findOne({ where: { type } });
      if (!role) throw new Error(`users-permissions role "${type}" is missing`);
      for (const action of grant.actions) {
        if (!(await permissions.findOne({ where: { action, role: role.id } }))) {
          await permissions.create({ data: { action, role: role.id } });
        }
      }
    }
    await store.set({ key: grant.marker, value: true });
    granted = true;
  }
  return granted;
}
