import { factories } from '@strapi/strapi';
import { RELATED_LINK } from '../../../content-types';

export default factories.createCoreService(RELATED_LINK);
