import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../lib/read-routes';
import { ARTICLE } from '../../../content-types';

export default factories.createCoreRouter(ARTICLE, { config: readRouteConfig });
