import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../lib/read-routes';
import { QUOTE } from '../../../content-types';

export default factories.createCoreRouter(QUOTE, { config: readRouteConfig });
