import type { Core } from '@strapi/strapi';
import { CONFIG_KEY } from '../../shared/constants';
import type { ReadAlsoConfig } from './config';

/** The plugin's settings as configured, validated against config/index.ts when Strapi starts. */
export function readAlsoSettings(strapi: Core.Strapi): ReadAlsoConfig {
  return strapi.config.get(CONFIG_KEY) as ReadAlsoConfig;
}
