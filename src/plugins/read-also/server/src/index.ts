import type { Core } from '@strapi/strapi';
import config from './config';
import controllers from './controllers';
import routes from './routes';
import { createRepository } from './repositories';
import { createIndexer } from './services/indexer';
import { createSuggestionService } from './services/suggestions';
import { createEditorialService } from './services/editorial';
import { registerDocumentHooks } from './document-hooks';
import { registerGraphql } from './graphql';
import { ACTION_DEFINITIONS } from './permissions';

export default {
  config,
  controllers,
  routes,
  services: {
    repository: createRepository,
    indexer: createIndexer,
    suggestions: createSuggestionService,
    editorial: createEditorialService,
  },

  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentHooks(strapi);
    registerGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
    await strapi.plugin('read-also').service('repository').ensureTables();
  },

  destroy() {
    // Nothing to stop: the plugin keeps no timers, queues or connections of its own.
  },
};
