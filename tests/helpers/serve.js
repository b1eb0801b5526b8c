/**
 * A second, separate Strapi process for tests that need two servers on one database.
 * Started by the test with the same DATABASE_* environment; listens on PORT.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');
createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .start()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
process.on('SIGTERM', () => process.exit(0));
