import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../lib/read-routes';
import { RELATED_LINK } from '../../../content-types';

export default factories.createCoreRouter(RELATED_LINK, { config: readRouteConfig });
