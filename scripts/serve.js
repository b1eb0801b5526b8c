/**
 * Starts the compiled app's HTTP server without the admin panel, for tests and benchmarks
 * that need a separate Strapi process (a second server on one database, a load target).
 * Database and port come from the environment.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');
createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .start()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
process.on('SIGTERM', () => process.exit(0));
