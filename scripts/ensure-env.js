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

const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

if (process.env.NODE_ENV === 'production') process.exit(0);

const envFile = path.join(__dirname, '..', '.env');
const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
const defined = new Set(
  existing
    .split(/\r?\n/)
    .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*\S/.exec(line)?.[1])
    .filter(Boolean),
);

const one = () => randomBytes(16).toString('base64');
const missing = SECRETS.filter((name) => !defined.has(name) && !process.env[name]);
if (missing.length === 0) process.exit(0);

const lines = missing.map((name) => `${name}=${name === 'APP_KEYS' ? [one(), one(), one(), one()].join(',') : one()}`);
const header = existing === '' ? '# Generated for development by scripts/ensure-env.js; see .env.example.\n' : '\n';
fs.appendFileSync(envFile, `${header}${lines.join('\n')}\n`);
console.log(`[newsdesk] generated development secrets in .env: ${missing.join(', ')}`);
