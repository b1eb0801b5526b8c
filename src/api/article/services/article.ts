import { factories } from '@strapi/strapi';
import { ARTICLE } from '../../../content-types';

export default factories.createCoreService(ARTICLE);
