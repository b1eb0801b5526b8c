import { factories } from '@strapi/strapi';
import { QUOTE } from '../../../content-types';

export default factories.createCoreService(QUOTE);
