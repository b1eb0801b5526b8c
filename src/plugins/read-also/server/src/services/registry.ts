/** Typed access to this plugin's services, so callers never cast `strapi.plugin(...).service(...)`. */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import type { ReadAlsoRepository } from '../repositories';
import type { ReadAlsoIndexer } from './indexer';
import type { SuggestionService } from './suggestions';
import type { EditorialService } from './editorial';
import type { ReadAlsoPreparer } from './preparer';
import type { FollowUpService } from './follow-ups';

export type ReadAlsoServices = {
  repository: ReadAlsoRepository;
  indexer: ReadAlsoIndexer;
  suggestions: SuggestionService;
  editorial: EditorialService;
  preparer: ReadAlsoPreparer;
  followUps: FollowUpService;
};

export function pluginServices(strapi: Core.Strapi): ReadAlsoServices {
  const plugin = strapi.plugin(PLUGIN_ID);
  return {
    repository: plugin.service('repository') as ReadAlsoRepository,
    indexer: plugin.service('indexer') as ReadAlsoIndexer,
    suggestions: plugin.service('suggestions') as SuggestionService,
    editorial: plugin.service('editorial') as EditorialService,
    preparer: plugin.service('preparer') as ReadAlsoPreparer,
    followUps: plugin.service('followUps') as FollowUpService,
  };
}
