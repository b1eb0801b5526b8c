import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../lib/read-routes';

export default factories.createCoreRouter('api::organisation.organisation', { config: readRouteConfig });
