import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../lib/read-routes';

export default factories.createCoreRouter('api::quote.quote', { config: readRouteConfig });
