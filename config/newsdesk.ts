import type { Core } from '@strapi/strapi';

/** Newsdesk's own settings: who publishes, and where frontends show an article. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  publisher: {
    name: env('PUBLISHER_NAME', 'Newsdesk'),
    url: env('PUBLISHER_URL', 'http://localhost:3000'),
    logo: env('PUBLISHER_LOGO_URL', ''),
  },
  /** {locale}, {slug} and {documentId} are filled per article. */
  articleUrlPattern: env('FRONTEND_ARTICLE_URL', 'http://localhost:3000/{locale}/articles/{slug}'),
  /** Whether an administrator chose an email provider; without one no mail leaves (src/bootstrap/email.ts). */
  mailConfigured: env('EMAIL_PROVIDER', '') !== '',
});

export default config;
