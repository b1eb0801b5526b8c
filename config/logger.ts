import { winston, formats } from '@strapi/logger';

// Tests and CLIs lower the noise with STRAPI_LOG_LEVEL=error; servers log http lines by default.
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.STRAPI_LOG_LEVEL ?? 'http',
      format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' }),
    }),
  ],
};
