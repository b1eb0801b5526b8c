import type { Core } from '@strapi/strapi';
import { secret } from '../src/lib/secrets';
import { queryCostPlugin } from '../src/lib/graphql-cost';
import { DEFAULT_UPLOAD_MAX_FILE_SIZE } from './middlewares';

/**
 * An Apollo plugin whose landing page is one line of text. `landingPage: false` is not enough:
 * Apollo then serves its production splash page, which loads Apollo's scripts from their CDN.
 */
const plainLandingPage = () => ({
  async serverWillStart() {
    return {
      async renderLandingPage() {
        return { html: '<!doctype html><title>Newsdesk GraphQL</title><p>POST GraphQL queries to this URL.</p>' };
      },
    };
  },
});

/** Newsdesk stores people's photos: images only, and never SVG, which can carry scripts. */
const DEFAULT_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];
const DENIED_UPLOAD_TYPES = [
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'text/javascript',
  'application/javascript',
  'application/x-sh',
  'application/x-msdownload',
  'application/x-dosexec',
];

const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const production = env('NODE_ENV', 'development') === 'production';
  return {
    'users-permissions': {
      config: {
        jwtSecret: secret('JWT_SECRET'),
        jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
        // Login, registration and password reset: at most AUTH_RATE_LIMIT_MAX tries per window, per client address.
        ratelimit: {
          enabled: env.bool('AUTH_RATE_LIMIT_ENABLED', true),
          interval: env.int('AUTH_RATE_LIMIT_WINDOW_MINUTES', 5) * 60_000,
          max: env.int('AUTH_RATE_LIMIT_MAX', 5),
        },
      },
    },
    email: {
      config: {
        // Empty: no mail leaves at all (src/bootstrap/email.ts). Set it to an installed provider
        // (e.g. "nodemailer" after `npm install @strapi/provider-email-nodemailer`) to send mail.
        provider: env('EMAIL_PROVIDER', '') || 'sendmail',
        providerOptions: env.json('EMAIL_PROVIDER_OPTIONS', {}),
        settings: {
          defaultFrom: env('EMAIL_FROM', 'no-reply@newsdesk.invalid'),
          defaultReplyTo: env('EMAIL_REPLY_TO', 'no-reply@newsdesk.invalid'),
        },
      },
    },
    upload: {
      config: {
        sizeLimit: env.int('UPLOAD_MAX_FILE_SIZE', DEFAULT_UPLOAD_MAX_FILE_SIZE),
        security: {
          allowedTypes: env.array('UPLOAD_ALLOWED_TYPES', DEFAULT_UPLOAD_TYPES),
          deniedTypes: DENIED_UPLOAD_TYPES,
        },
      },
    },
    'read-also': {
      // READ_ALSO_ENABLED=false turns the plugin off (the benchmark measures publishing without it).
      enabled: env.bool('READ_ALSO_ENABLED', true),
      resolve: './src/plugins/read-also',
      config: {
        autoMode: env('READ_ALSO_AUTO_MODE', 'suggest'),
        limit: env.int('READ_ALSO_LIMIT', 5),
        localePolicy: env('READ_ALSO_LOCALE_POLICY', 'same'),
        preparedListsFrom: env.int('READ_ALSO_PREPARED_FROM', 1000),
        queueLeaseSeconds: env.int('READ_ALSO_QUEUE_LEASE_SECONDS', 300),
        queueSweepSeconds: env.int('READ_ALSO_QUEUE_SWEEP_SECONDS', 30),
        helpReindexes: env.bool('READ_ALSO_HELP_REINDEX', false),
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // The landing page (GraphQL sandbox) is for development only.
        landingPage: !production && env.bool('GRAPHQL_LANDING_PAGE', true) ? true : plainLandingPage,
        depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 8),
        amountLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
        defaultLimit: env.int('API_DEFAULT_LIMIT', 25),
        maxLimit: env.int('API_MAX_LIMIT', 100),
        apolloServer: {
          introspection: !production,
          // Stack traces stay in the log, in every environment.
          includeStacktraceInErrorResponses: false,
          plugins: [
            queryCostPlugin({
              maxCost: env.int('GRAPHQL_MAX_COST', 2_500),
              defaultListSize: env.int('GRAPHQL_DEFAULT_LIST_SIZE', 10),
            }),
          ],
        },
      },
    },
  };
};

export default config;
