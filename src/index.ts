import type { Core } from '@strapi/strapi';
import { ensureLocales } from './bootstrap/locales';
import { grantReaderPermissionsOnce } from './bootstrap/permissions';
import { registerGraphqlFormats, registerGraphqlPolicies } from './bootstrap/graphql';
import { seedIfEmpty } from './importer/seed';
import { completeEditorialRolesOnce, grantReadAlsoOnce } from './bootstrap/admin-roles';
import { registerDocumentMiddlewares } from './document-middlewares';
import { registerQueryGuard } from './lib/query-guard';
import { dropMailUnlessConfigured } from './bootstrap/email';
import { configureEditViewsOnce } from './bootstrap/edit-views';
import { TAGS_FIELD } from './custom-fields';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Stored as JSON (a list of strings); the admin edits it as tags (src/admin/components/TagsInput.tsx).
    strapi.customFields.register({ name: TAGS_FIELD, type: 'json' });
    registerDocumentMiddlewares(strapi);
    registerGraphqlPolicies(strapi);
    registerGraphqlFormats(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    registerQueryGuard(strapi);
    dropMailUnlessConfigured(strapi);
    await ensureLocales(strapi);
    if (await grantReaderPermissionsOnce(strapi)) {
      strapi.log.info('[newsdesk] Public and Authenticated roles may now read published content.');
    }
    await completeEditorialRolesOnce(strapi);
    await grantReadAlsoOnce(strapi);
    await configureEditViewsOnce(strapi);
    await seedIfEmpty(strapi);
  },
};
