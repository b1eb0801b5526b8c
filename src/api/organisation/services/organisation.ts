import { factories } from '@strapi/strapi';
import { ORGANISATION } from '../../../content-types';

export default factories.createCoreService(ORGANISATION);
