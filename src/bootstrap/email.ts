import type { Core } from '@strapi/strapi';

/**
 * Strapi's default email provider, sendmail, resolves the recipient's MX hosts and connects to
 * them: an outbound call nobody configured, and a failure (500) that told a password-reset
 * caller the address has an account. Until an administrator sets EMAIL_PROVIDER, mail is
 * dropped with a warning that names no address.
 */
export function dropMailUnlessConfigured(strapi: Core.Strapi): void {
  if (strapi.config.get('newsdesk.mailConfigured') === true) return;
  Object.assign(strapi.plugin('email'), {
    provider: {
      async send() {
        strapi.log.warn('[email] No email provider is configured (EMAIL_PROVIDER): a mail was not sent.');
      },
    },
  });
}
