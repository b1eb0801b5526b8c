import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { requestAuth } from '../lib/auth';
import { mayReadDrafts } from './published-only';

/**
 * Routes that can reveal drafts whatever is asked, such as the upload library (each file lists
 * the documents it belongs to, drafts included): open to full-access tokens (a trusted preview
 * server) only. Readers and read-only tokens get files through the published content that uses them.
 */
const previewOnly: Core.PolicyHandler = (policyContext) => {
  const auth = requestAuth(policyContext);
  if (!mayReadDrafts(auth)) {
    throw new errors.PolicyError(
      'This route is open to full-access API tokens only; files reach readers through the published content that uses them.',
      {
        policy: 'preview-only',
      },
    );
  }
  return true;
};

export default previewOnly;
