/**
 * The app's Document Service middlewares, registered here and nowhere else, in this order
 * (the first registered wraps the others). The read-also plugin registers its own hook in
 * its register phase, which Strapi runs before the app's: it wraps all of these.
 */
import type { Core } from '@strapi/strapi';
import { registerQueryShapeErrors } from './lib/query-shape-errors';
import { registerPublishedRelations } from './lib/published-relations';
import { registerContentRules } from './content-rules';
import { registerLinkLifecycle } from './api/related-link/document-middleware';

export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  // 1. Outermost, so a malformed query from any middleware below is still a 400, not a 500.
  registerQueryShapeErrors(strapi);
  // 2. Readers' queries see published relations only, before anything reads.
  registerPublishedRelations(strapi);
  // 3. Field rules and slugs, before a write reaches the database.
  registerContentRules(strapi);
  // 4. Innermost: what a written article does to Related links, once the write has happened.
  registerLinkLifecycle(strapi);
}
