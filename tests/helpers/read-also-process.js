/**
 * One more Strapi process on the test's database, working the read-also queue (and, with
 * READ_ALSO_HELP_REINDEX=true, joining reindexes) beside the others (read-also-queue.test.ts,
 * read-also-shared-reindex.test.ts). Appends to the file named by its first argument "<pid> ready"
 * once booted, "<pid> done <documentId>" for each queue entry it finishes and "<pid> page <n>" for
 * each page of a reindex it saves. Plain JavaScript: it runs the app compiled to dist/ by the
 * tests' global setup.
 */
const fs = require('node:fs');
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const log = process.argv[2];
const appDir = path.resolve(__dirname, '..', '..');
const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
app.eventHub.on('read-also.prepared', ({ documentId }) => fs.appendFileSync(log, `${process.pid} done ${documentId}\n`));
app.eventHub.on('read-also.reindex-page', ({ page }) => fs.appendFileSync(log, `${process.pid} page ${page}\n`));
app.load().then(
  () => fs.appendFileSync(log, `${process.pid} ready\n`),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
