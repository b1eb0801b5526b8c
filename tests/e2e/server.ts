import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freshSecrets } from '../../src/lib/secrets';

export const APP_DIR = path.resolve(__dirname, '..', '..');

export type RunningApp = { url: string; stop(): Promise<void> };

/** Starts the built app (`strapi start`) on a throw-away SQLite file, seeded, and waits until healthy. */
export async function startBuiltApp(logFile?: string): Promise<RunningApp> {
  if (!fs.existsSync(path.join(APP_DIR, 'dist', 'build', 'index.html'))) {
    throw new Error('The admin panel is not built: run `npm run build` first.');
  }
  const name = `e2e-${randomBytes(4).toString('hex')}`;
  const database = path.join(APP_DIR, '.tmp', 'e2e', `${name}.db`);
  fs.mkdirSync(path.dirname(database), { recursive: true });
  const port = 21000 + (process.pid % 10000);
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
    {
      cwd: APP_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        STRAPI_TELEMETRY_DISABLED: 'true',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: database,
        SEED_ON_EMPTY: 'true',
        // The suite logs the same administrators in more often than 5 times in 5 minutes, from one address.
        ADMIN_RATE_LIMIT_MAX: '50',
        STRAPI_LOG_LEVEL: 'http',
        ...freshSecrets(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`strapi start exited with ${child.exitCode}:\n${output}`);
    if (
      await fetch(`${url}/_health`).then(
        (res) => res.status === 204,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`strapi start did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      if (logFile) fs.writeFileSync(logFile, output);
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${database}${suffix}`, { force: true });
    },
  };
}
