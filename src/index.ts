import type { Core } from '@strapi/strapi';
import { registerContentRules } from './content-rules';
import { ensureLocales } from './bootstrap/locales';
import { grantReaderPermissionsOnce } from './bootstrap/permissions';
import { registerGraphqlFormats, registerGraphqlPolicies } from './bootstrap/graphql';
import { seedIfEmpty } from './importer/seed';
import { registerLinkResolution } from './importer/link-resolution';
import { completeEditorialRolesOnce } from './bootstrap/admin-roles';
import { grantEditorialRolesOnce } from './plugins/read-also/server/src/permissions';
import { registerQueryShapeErrors } from './lib/query-shape-errors';
import { registerPublishedRelations } from './lib/published-relations';
import { registerQueryGuard } from './lib/query-guard';
import { dropMailUnlessConfigured } from './bootstrap/email';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerQueryShapeErrors(strapi);
    registerPublishedRelations(strapi);
    registerContentRules(strapi);
    registerGraphqlPolicies(strapi);
    registerGraphqlFormats(strapi);
    registerLinkResolution(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    registerQueryGuard(strapi);
    dropMailUnlessConfigured(strapi);
    await ensureLocales(strapi);
    if (await grantReaderPermissionsOnce(strapi)) {
      strapi.log.info('[newsdesk] Public and Authenticated roles may now read published content.');
    }
    await completeEditorialRolesOnce(strapi);
    await grantEditorialRolesOnce(strapi);
    await seedIfEmpty(strapi);
  },
};
