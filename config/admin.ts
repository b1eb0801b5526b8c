import type { Core } from '@strapi/strapi';
import { secret } from '../src/lib/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: secret('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: secret('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: secret('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: secret('ENCRYPTION_KEY'),
  },
  // /admin/login and the other admin auth routes: ADMIN_RATE_LIMIT_MAX tries per window, per e-mail and address.
  rateLimit: {
    enabled: env.bool('ADMIN_RATE_LIMIT_ENABLED', true),
    interval: env.int('ADMIN_RATE_LIMIT_WINDOW_MINUTES', 5) * 60_000,
    max: env.int('ADMIN_RATE_LIMIT_MAX', 5),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  watchIgnoreFiles: ['**/tests/**', '**/bench/**', '**/.tmp/**'],
  url: env('ADMIN_URL', '/admin'),
});

export default config;
