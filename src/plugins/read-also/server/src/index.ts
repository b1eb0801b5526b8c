import type { Core } from '@strapi/strapi';
import config from './config';
import controllers from './controllers';
import routes from './routes';
import { createRepository } from './repositories';
import { createIndexer } from './services/indexer';
import { createSuggestionService } from './services/suggestions';
import { createEditorialService } from './services/editorial';
import { createPreparer } from './services/preparer';
import { createFollowUpService } from './services/follow-ups';
import { registerDocumentHooks } from './document-hooks';
import { registerGraphql } from './graphql';
import { ACTION_DEFINITIONS } from './permissions';
import { pluginServices } from './services/registry';

export default {
  config,
  controllers,
  routes,
  services: {
    repository: createRepository,
    indexer: createIndexer,
    suggestions: createSuggestionService,
    editorial: createEditorialService,
    preparer: createPreparer,
    followUps: createFollowUpService,
  },

  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentHooks(strapi);
    registerGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
    const { repository, indexer, preparer } = pluginServices(strapi);
    if (await repository.ensureTables()) {
      strapi.log.info('[read-also] ranking tables changed shape: reindexing published articles');
      await indexer.reindexAll();
    }
    preparer.start();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await pluginServices(strapi).preparer.stop();
  },
};
