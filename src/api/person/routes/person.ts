import { factories } from '@strapi/strapi';
import { readRouteConfig } from '../../../lib/read-routes';
import { PERSON } from '../../../content-types';

export default factories.createCoreRouter(PERSON, { config: readRouteConfig });
