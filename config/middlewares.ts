import type { Core } from '@strapi/strapi';

/** Bytes; one limit for the body parser and the upload plugin (config/plugins.ts), so neither lets through what the other refuses. */
export const DEFAULT_UPLOAD_MAX_FILE_SIZE = 10 * 1024 * 1024;

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  // An empty variable (as copied from .env.example) means "nothing to add", not one empty source.
  const sources = (name: string) => env.array(name, []).filter((source) => String(source).trim() !== '');
  const frameAncestors = sources('CSP_FRAME_ANCESTORS');
  return [
    'strapi::logger',
    'strapi::errors',
    // Inside strapi::errors: a lost database answers 503 + Retry-After rather than a bare 500.
    { name: 'global::database-unavailable', config: { retryAfterSeconds: env.int('DATABASE_RETRY_AFTER_SECONDS', 5) } },
    {
      name: 'strapi::security',
      config: {
        // Strapi's defaults (CSP, nosniff, no-referrer...) plus what a deployment needs to say.
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            // Media on a CDN or object store must be allowed explicitly; the admin shows them.
            'img-src': ["'self'", 'data:', 'blob:', ...sources('CSP_IMG_SRC')],
            'media-src': ["'self'", 'data:', 'blob:', ...sources('CSP_MEDIA_SRC')],
            'frame-ancestors': frameAncestors.length > 0 ? frameAncestors : ["'self'"],
            upgradeInsecureRequests: null,
          },
        },
        hsts: {
          maxAge: env.int('HSTS_MAX_AGE', 31536000),
          includeSubDomains: env.bool('HSTS_INCLUDE_SUBDOMAINS', true),
        },
        // The admin frames its own pages (preview); nobody else may frame Newsdesk.
        frameguard: { action: env('FRAME_OPTIONS', 'sameorigin') },
        referrerPolicy: { policy: env('REFERRER_POLICY', 'strict-origin-when-cross-origin') },
      },
    },
    {
      name: 'strapi::cors',
      config: {
        // A comma-separated list; '*' only makes sense for a public read-only API.
        origin: env.array('CORS_ORIGINS', ['http://localhost:1337', 'http://localhost:3000']),
      },
    },
    'strapi::poweredBy',
    'strapi::query',
    // Between the query and body parsers: malformed query shapes and unreadable bodies answer 400.
    'global::request-shape',
    {
      name: 'strapi::body',
      config: {
        // Over these a request answers 413 before any controller runs. An article's blocks JSON
        // stays well under 4 MB (the importer refuses stories over 1 MiB of text).
        jsonLimit: env('BODY_JSON_LIMIT', '4mb'),
        formLimit: env('BODY_FORM_LIMIT', '1mb'),
        textLimit: env('BODY_TEXT_LIMIT', '1mb'),
        formidable: { maxFileSize: env.int('UPLOAD_MAX_FILE_SIZE', DEFAULT_UPLOAD_MAX_FILE_SIZE) },
      },
    },
    {
      // In front of Apollo: fragment cycles, alias floods and huge lists answer 400, not 500 or a long stall.
      name: 'global::graphql-guard',
      config: {
        maxTokens: env.int('GRAPHQL_MAX_TOKENS', 10_000),
        maxRootFields: env.int('GRAPHQL_MAX_ROOT_FIELDS', 20),
        maxVariableListItems: env.int('GRAPHQL_MAX_LIST_ITEMS', 1_000),
        maxExpandedFields: env.int('GRAPHQL_MAX_EXPANDED_FIELDS', 2_000),
        maxBodyBytes: env.int('GRAPHQL_MAX_BODY_BYTES', 1024 * 1024),
      },
    },
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;
