import type { Core } from '@strapi/strapi';
import { secret } from '../src/lib/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const production = env('NODE_ENV', 'development') === 'production';
  return {
    'users-permissions': {
      config: {
        jwtSecret: secret('JWT_SECRET'),
        jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
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
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // The landing page (GraphQL sandbox) is for development only.
        landingPage: !production && env.bool('GRAPHQL_LANDING_PAGE', true),
        depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 8),
        amountLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
        defaultLimit: env.int('API_DEFAULT_LIMIT', 25),
        maxLimit: env.int('API_MAX_LIMIT', 100),
        apolloServer: {
          introspection: !production,
        },
      },
    },
  };
};

export default config;
