import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../lib/read-routes';
import { ORGANISATION } from '../../../content-types';

export default factories.createCoreRouter(ORGANISATION, { config: readRouteConfig });
