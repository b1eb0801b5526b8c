#!/usr/bin/env node
/**
 * Runs a command-line task written in TypeScript: compiles the app (and scripts/)
 * the way Strapi does, then runs the compiled task from dist/.
 * Usage: node scripts/run.js <scripts/name|bench/name|bench/folder/name> [args...]
 */
const path = require('node:path');
const { compileStrapi } = require('@strapi/strapi');

const [task, ...args] = process.argv.slice(2);
if (!task || !/^(scripts|bench)(\/[a-z-]+){1,2}$/.test(task)) {
  console.error('usage: node scripts/run.js <scripts/name|bench/name> [args...]');
  process.exit(2);
}
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
const appDir = path.resolve(__dirname, '..');
compileStrapi({ appDir }).then(
  () => {
    process.argv = [process.argv[0], task, ...args];
    require(path.join(appDir, 'dist', `${task}.js`));
  },
  (error) => {
    console.error(`could not compile the app: ${error.message}`);
    process.exit(1);
  },
);
