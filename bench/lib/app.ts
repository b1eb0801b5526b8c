/** Throw-away Newsdesk instances for the benchmarks: a database of their own, the real importer, the real HTTP API. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { freshSecrets } from '../../src/lib/secrets';
import { loadCompiledStrapi } from '../../scripts/lib/strapi';

// Compiled to dist/bench/lib.
export const APP_DIR = path.resolve(__dirname, '..', '..', '..');

export function workDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `newsdesk-${prefix}-`));
}

/** The environment of a throw-away SQLite database (or PostgreSQL schema) for child processes and in-process Strapi alike. */
export function databaseEnvironment(dir: string, client: 'sqlite' | 'postgres' = 'sqlite', schema?: string): NodeJS.ProcessEnv {
  return {
    ...freshSecrets(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    SEED_ON_EMPTY: 'false',
    LOG_STARTUP: 'false',
    STRAPI_LOG_LEVEL: 'error',
    DATABASE_CLIENT: client,
    ...(client === 'sqlite'
      ? { DATABASE_FILENAME: path.join(dir, 'newsdesk.db') }
      : {
          DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1',
          DATABASE_PORT: process.env.DATABASE_PORT ?? '5432',
          DATABASE_NAME: process.env.DATABASE_NAME ?? 'test',
          DATABASE_USERNAME: process.env.DATABASE_USERNAME ?? 'postgres',
          DATABASE_SCHEMA: schema ?? `bench_${randomBytes(4).toString('hex')}`,
        }),
  };
}

/** Runs `npm run import -- --publish <dir>`'s task, exactly as a newsroom would, against that database. */
export async function runImporter(storiesDir: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(APP_DIR, 'scripts', 'run.js'), 'scripts/import', '--publish', storiesDir], {
      cwd: APP_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

export async function bootStrapi(env: NodeJS.ProcessEnv): Promise<Core.Strapi> {
  Object.assign(process.env, env);
  const strapi = await loadCompiledStrapi();
  await strapi.server.mount();
  return strapi;
}

export async function suggestionsToken(strapi: Core.Strapi): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `bench ${randomBytes(3).toString('hex')}`,
    type: 'custom',
    kind: 'content-api',
    lifespan: null,
    permissions: ['plugin::read-also.suggestions.find', 'api::article.article.findOne', 'api::article.article.find'],
  });
  return token.accessKey as string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function writeResult(name: string, markdown: string): string {
  const dir = path.join(APP_DIR, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const file = path.join(dir, `${name}-${stamp}.md`);
  fs.writeFileSync(file, markdown);
  fs.writeFileSync(path.join(dir, `${name}-latest.md`), markdown);
  return file;
}
