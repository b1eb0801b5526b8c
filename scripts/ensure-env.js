#!/usr/bin/env node
/**
 * Runs before `npm run develop` and `npm start`. Outside production it writes any
 * missing secret into .env once, so a fresh clone starts with no hand-made .env and
 * keeps its sessions and tokens across restarts. In production it writes nothing:
 * the server configuration refuses to start without real secrets.
 */
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const dotenv = require('dotenv');
// The same list src/lib/secrets.ts reads: each secret, and how many random values a generated one holds.
const VALUES_PER_SECRET = require('../src/lib/secret-names.json');

if (process.env.NODE_ENV === 'production') process.exit(0);

const envFile = path.join(__dirname, '..', '.env');
const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
// Read as Strapi reads it (dotenv); a blank value is no secret (src/lib/secrets.ts trims too).
const defined = new Set(
  Object.entries(dotenv.parse(existing))
    .filter(([, value]) => value.trim() !== '')
    .map(([name]) => name),
);

const one = () => randomBytes(16).toString('base64');
const missing = Object.keys(VALUES_PER_SECRET).filter((name) => !defined.has(name) && !process.env[name]);
if (missing.length === 0) process.exit(0);

const lines = missing.map((name) => `${name}=${Array.from({ length: VALUES_PER_SECRET[name] }, one).join(',')}`);
const header = existing === '' ? '# Generated for development by scripts/ensure-env.js; see .env.example.\n' : '\n';
fs.appendFileSync(envFile, `${header}${lines.join('\n')}\n`);
console.log(`[newsdesk] generated development secrets in .env: ${missing.join(', ')}`);
