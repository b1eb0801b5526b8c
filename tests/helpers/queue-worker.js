/**
 * One more Strapi process on the test's database, working the read-also queue beside the others
 * (read-also-queue.test.ts). Appends "<pid> ready" once booted and "<pid> done <documentId>" for
 * each queue entry it finishes to the file named by its first argument. Plain JavaScript: it
 * runs the app compiled to dist/ by the tests' global setup.
 */
const fs = require('node:fs');
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const log = process.argv[2];
const appDir = path.resolve(__dirname, '..', '..');
const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
app.eventHub.on('read-also.prepared', ({ documentId }) => fs.appendFileSync(log, `${process.pid} done ${documentId}\n`));
app.load().then(
  () => fs.appendFileSync(log, `${process.pid} ready\n`),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
