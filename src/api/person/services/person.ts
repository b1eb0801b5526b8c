import { factories } from '@strapi/strapi';
import { PERSON } from '../../../content-types';

export default factories.createCoreService(PERSON);
