/**
 * `npm run soak -- [--duration <seconds>] [--only <phases>]`: Newsdesk under sustained,
 * mixed and broken conditions, on this machine only (127.0.0.1), bounded in time and in
 * requests, stopping by itself. Phases:
 *   a. mixed reads, publishes and CLI imports against PostgreSQL: requests, errors (must be 0), RSS;
 *   b. PostgreSQL stopped and started under a running Strapi: requests fail fast, then succeed again;
 *   c. SQLite under concurrent publishes and reads: no SQLITE_BUSY and no 5xx reaches a client;
 *   d. an import killed with SIGKILL mid-batch: no partial article; a rerun completes without duplicates.
 * PostgreSQL is a private throw-away cluster in the OS temp directory, so restarting it
 * disturbs nobody. Exits non-zero when any check fails.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { Client } from 'pg';
import { freshSecrets } from '../src/lib/secrets';
import { parseStory } from '../src/importer/parser';
import { APP_DIR } from './lib/strapi';

const program = new Command()
  .name('npm run soak --')
  .description('Soak and failure tests of Newsdesk against a private PostgreSQL cluster and SQLite, on 127.0.0.1 only.')
  .option('--duration <seconds>', 'length of the mixed PostgreSQL load (phase a)', '120')
  .option('--only <phases>', 'comma-separated phases to run (a,b,c,d)', 'a,b,c,d')
  .option('--max-requests <count>', 'upper bound on the requests of any phase', '200000')
  .showHelpAfterError();
program.parse();
const options = program.opts<{ duration: string; only: string; maxRequests: string }>();
const DURATION_MS = Math.max(10, Number(options.duration)) * 1000;
const PHASES = new Set(options.only.split(',').map((phase) => phase.trim()));
const MAX_REQUESTS = Number(options.maxRequests);
const REQUEST_TIMEOUT_MS = 15_000;

const PG_BIN = '/usr/lib/postgresql/15/bin';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-soak-'));
const checks: { name: string; ok: boolean; detail: string }[] = [];
const children = new Set<ChildProcess>();

function check(name: string, ok: boolean, detail: string) {
  checks.push({ name, ok, detail });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resident memory of a process, from /proc. */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

// --- A private PostgreSQL 15 cluster ------------------------------------------------------------

type Cluster = { port: number; dataDir: string; start(): void; stop(): void };

function asPostgres(command: string, args: string[]) {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

async function createCluster(): Promise<Cluster> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL 15 binaries not found in ${PG_BIN}`);
  const dataDir = path.join(work, 'pg');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  spawnSync('chown', ['-R', 'postgres:postgres', work]);
  fs.chmodSync(work, 0o755);
  const port = await freePort();
  asPostgres(path.join(PG_BIN, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const pgCtl = (action: string, extra: string[] = []) =>
    asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '60', ...extra, action]);
  const cluster: Cluster = {
    port,
    dataDir,
    start: () => pgCtl('start', ['-o', `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off`]),
    stop: () => pgCtl('stop', ['-m', 'fast']),
  };
  cluster.start();
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query('CREATE DATABASE newsdesk_soak');
  await admin.end();
  return cluster;
}

async function pgQuery<T>(cluster: Cluster, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ host: '127.0.0.1', port: cluster.port, user: 'postgres', database: 'newsdesk_soak' });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

// --- Strapi servers and CLIs ------------------------------------------------------------------

const secrets = freshSecrets();

function postgresEnvironment(cluster: Cluster): NodeJS.ProcessEnv {
  return {
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(cluster.port),
    DATABASE_NAME: 'newsdesk_soak',
    DATABASE_USERNAME: 'postgres',
    DATABASE_SCHEMA: 'public',
  };
}

function baseEnvironment(database: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...secrets,
    ...database,
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_LOG_LEVEL: 'error',
    LOG_STARTUP: 'false',
    SEED_ON_EMPTY: 'false',
    HOST: '127.0.0.1',
  };
}

type Server = { process: ChildProcess; url: string; admin: string; token: string };

async function startServer(database: NodeJS.ProcessEnv, label: string): Promise<Server> {
  const port = await freePort();
  const log = fs.openSync(path.join(work, `${label}.log`), 'a');
  const child = spawn(process.execPath, [path.join(APP_DIR, 'scripts', 'serve.js')], {
    cwd: APP_DIR,
    env: { ...baseEnvironment(database), PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} Strapi exited with ${child.exitCode}; see ${path.join(work, `${label}.log`)}`);
    if (Date.now() > deadline) throw new Error(`${label} Strapi did not start in 120 s`);
    if (
      await fetch(`${url}/_health`).then(
        (res) => res.status === 204,
        () => false,
      )
    )
      break;
    await sleep(250);
  }
  // The first administrator, then a full-access token for the content API.
  const credentials = { email: `soak-${label}@newsdesk.test`, password: 'Soak-password-1', firstname: 'Soak', lastname: 'Test' };
  const registered = await fetch(`${url}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (registered.status !== 200 && registered.status !== 201)
    throw new Error(`register-admin answered ${registered.status}: ${await registered.text()}`);
  const admin = ((await registered.json()) as { data: { token: string } }).data.token;
  const tokenRes = await fetch(`${url}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
    body: JSON.stringify({ name: `soak ${label}`, type: 'full-access', lifespan: null, description: '' }),
  });
  if (tokenRes.status !== 201) throw new Error(`api-token creation answered ${tokenRes.status}: ${await tokenRes.text()}`);
  const token = ((await tokenRes.json()) as { data: { accessKey: string } }).data.accessKey;
  return { process: child, url, admin, token };
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function runImport(database: NodeJS.ProcessEnv, args: string[]): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(APP_DIR, 'dist', 'scripts', 'import.js'), ...args], {
    cwd: APP_DIR,
    env: { ...baseEnvironment(database), STRAPI_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      children.delete(child);
      if (code !== 0 && code !== null) console.error(`    import exited ${code}: ${stderr.trim().slice(0, 500)}`);
      resolve(code);
    });
  });
  return { child, done };
}

// --- Stories ------------------------------------------------------------------------------------

const SPEAKERS = ['Mr. Zelensky', 'Mr. Trudeau', 'the President', 'Ms. Joly', 'Mr. Blinken'];

/** A wire story with front matter, quotes and "Read also" links: `quotes` sets how much work one import is. */
function soakStory(id: string, quotes: number): string {
  const lines = [
    '---',
    `title: Soak story ${id}: Zelensky and Trudeau discuss Ukraine’s defence`,
    `sourceId: soak-${id}`,
    'source: Soak wire',
    'section: World',
    '---',
    'Ukrainian President Volodymyr Zelensky and Prime Minister Justin Trudeau held a discussion on Ukraine’s defence needs.',
    '• Read also: Putin orders the screening of documentaries on the Russian offensive in Ukraine',
  ];
  for (let i = 0; i < quotes; i += 1) {
    lines.push(
      `“Quote ${i} of story ${id}: we discussed air defence and the steps of the peace formula,” said ${SPEAKERS[i % SPEAKERS.length]}.`,
    );
    if (i % 10 === 9) lines.push(`• Read also: Soak related headline ${id}-${i}`);
  }
  lines.push('The war with Russia has lasted for nearly eleven months.');
  return `${lines.join('\n')}\n`;
}

// --- HTTP load --------------------------------------------------------------------------------

type Tally = { sent: number; ok: number; errors: number; serverErrors: number; busy: number; latencies: number[]; samples: string[] };
const newTally = (): Tally => ({ sent: 0, ok: 0, errors: 0, serverErrors: 0, busy: 0, latencies: [], samples: [] });

async function timed(
  tally: Tally,
  url: string,
  init: RequestInit,
  expected: number[],
): Promise<{ status: number; body: string; ms: number }> {
  tally.sent += 1;
  const started = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await res.text();
    const ms = Date.now() - started;
    tally.latencies.push(ms);
    if (/SQLITE_BUSY|database is locked/iu.test(body)) tally.busy += 1;
    if (res.status >= 500) tally.serverErrors += 1;
    if (expected.includes(res.status)) tally.ok += 1;
    else {
      tally.errors += 1;
      if (tally.samples.length < 5) tally.samples.push(`${init.method ?? 'GET'} ${url} → ${res.status} ${body.slice(0, 200)}`);
    }
    return { status: res.status, body, ms };
  } catch (error) {
    const ms = Date.now() - started;
    tally.errors += 1;
    tally.latencies.push(ms);
    if (tally.samples.length < 5) tally.samples.push(`${init.method ?? 'GET'} ${url} → ${(error as Error).message}`);
    return { status: 0, body: '', ms };
  }
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

type Operation = (server: Server, tally: Tally, worker: number, round: number) => Promise<void>;

const json = (token: string, body?: unknown): RequestInit => ({
  method: body === undefined ? 'GET' : 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** An article created and published through the Content Manager, as an editor would. */
const publishOperation: Operation = async (server, tally, worker, round) => {
  const cm = `${server.url}/content-manager/collection-types/api::article.article`;
  const created = await timed(
    tally,
    `${cm}?locale=en`,
    json(server.admin, {
      title: `Soak ${worker}-${round}-${Date.now()} Trudeau and Zelensky on Ukraine`,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Canada announced military aid for Ukraine.' }] }],
    }),
    [201],
  );
  if (created.status !== 201) return;
  const { documentId } = (JSON.parse(created.body) as { data: { documentId: string } }).data;
  await timed(tally, `${cm}/${documentId}/actions/publish?locale=en`, json(server.admin, {}), [200]);
};

function readOperations(known: () => string[]): Operation[] {
  const list: Operation = async (server, tally) => {
    await timed(
      tally,
      `${server.url}/api/articles?populate[people][fields][0]=name&pagination[pageSize]=10&sort=publishedAt:desc`,
      json(server.token),
      [200],
    );
  };
  /** An operation on one published article; the list until one is published. */
  const onArticle =
    (path: (id: string) => string): Operation =>
    async (server, tally, worker, round) => {
      const ids = known();
      if (ids.length === 0) return list(server, tally, worker, round);
      await timed(tally, `${server.url}${path(ids[round % ids.length])}`, json(server.token), [200, 404]);
    };
  return [
    list,
    onArticle((id) => `/api/articles/${id}?populate[quotes][populate][0]=speaker&populate[relatedLinks]=true`),
    async (server, tally) => {
      await timed(
        tally,
        `${server.url}/graphql`,
        json(server.token, { query: '{ articles(pagination: { limit: 5 }) { title people { name } } }' }),
        [200],
      );
    },
    onArticle((id) => `/api/read-also/articles/${id}/suggestions?limit=3`),
  ];
}

async function publishedIds(server: Server): Promise<string[]> {
  const res = await fetch(`${server.url}/api/articles?fields[0]=title&pagination[pageSize]=50&sort=publishedAt:desc`, json(server.token));
  if (res.status !== 200) return [];
  return ((await res.json()) as { data: { documentId: string }[] }).data.map((article) => article.documentId);
}

/** Runs `workers` loops of weighted operations until the deadline or the request bound. */
async function load(server: Server, tally: Tally, deadline: number, workers: number, pick: (round: number) => Operation) {
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let round = 0; Date.now() < deadline && tally.sent < MAX_REQUESTS; round += 1) {
        await pick(round * workers + worker)(server, tally, worker, round);
        // Yield to I/O between operations, whatever an operation did or skipped.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }),
  );
}

// --- Phases -----------------------------------------------------------------------------------

async function phaseMixedLoad(cluster: Cluster, server: Server) {
  console.log(`\n[a] mixed reads, publishes and imports on PostgreSQL for ${DURATION_MS / 1000} s`);
  let ids = await publishedIds(server);
  const reads = readOperations(() => ids);
  const tally = newTally();
  const pid = server.process.pid as number;
  // Warm up first, so the start figure is the steady state rather than the boot.
  await load(server, newTally(), Date.now() + 5_000, 2, (round) => reads[round % reads.length]);
  const rssSamples: number[] = [rssOf(pid)];
  const sampler = setInterval(() => rssSamples.push(rssOf(pid)), 2_000);
  const refresher = setInterval(() => void publishedIds(server).then((fresh) => fresh.length > 0 && (ids = fresh)), 5_000);

  const deadline = Date.now() + DURATION_MS;
  const storiesDir = path.join(work, 'mixed-stories');
  fs.mkdirSync(storiesDir);
  const imports = { runs: 0, failed: 0 };
  const importer = (async () => {
    for (let n = 0; Date.now() < deadline - 15_000; n += 1) {
      const file = path.join(storiesDir, `mixed-${n}.txt`);
      fs.writeFileSync(file, soakStory(`mixed-${n}`, 12));
      imports.runs += 1;
      if ((await runImport(postgresEnvironment(cluster), ['--publish', file]).done) !== 0) imports.failed += 1;
    }
  })();
  // Three in four operations read; one in four creates and publishes an article.
  await load(server, tally, deadline, 4, (round) => (round % 4 === 3 ? publishOperation : reads[round % reads.length]));
  await importer;
  clearInterval(sampler);
  clearInterval(refresher);
  rssSamples.push(rssOf(pid));

  const start = rssSamples[0];
  const end = rssSamples[rssSamples.length - 1];
  const peak = Math.max(...rssSamples);
  const seconds = DURATION_MS / 1000;
  console.log(
    `    ${tally.sent} requests in ${seconds} s (${Math.round(tally.sent / seconds)}/s), ${tally.errors} errors, ` +
      `p50 ${percentile(tally.latencies, 50)} ms, p99 ${percentile(tally.latencies, 99)} ms; ${imports.runs} CLI imports, ${imports.failed} failed`,
  );
  console.log(`    Strapi RSS: start ${mb(start)}, end ${mb(end)}, peak ${mb(peak)}`);
  for (const sample of tally.samples) console.log(`    sample error: ${sample}`);
  check('mixed load: no request failed', tally.errors === 0 && tally.sent > 0, `${tally.sent} requests, ${tally.errors} errors`);
  check(
    'mixed load: every CLI import succeeded',
    imports.failed === 0 && imports.runs > 0,
    `${imports.runs} imports, ${imports.failed} failed`,
  );
  // Flat: after warm-up, memory may settle but not keep climbing.
  check('mixed load: memory stays flat', end - start < 150 * 1024 * 1024, `RSS ${mb(start)} → ${mb(end)} (peak ${mb(peak)})`);
  const [{ count }] = await pgQuery<{ count: string }>(
    cluster,
    "SELECT count(*) FROM articles WHERE source_id LIKE 'soak-mixed-%' AND published_at IS NULL",
  );
  check('mixed load: each imported story exists once', Number(count) === imports.runs, `${count} draft rows for ${imports.runs} imports`);
}

async function phaseDatabaseRestart(cluster: Cluster, server: Server) {
  console.log('\n[b] PostgreSQL stopped and started under a running Strapi');
  const tally = newTally();
  const outcomes: { at: number; ok: boolean; ms: number; status: number }[] = [];
  let stopAt = 0;
  let readyAt = 0;
  let running = true;
  const reader = (async () => {
    while (running && tally.sent < MAX_REQUESTS) {
      const res = await timed(tally, `${server.url}/api/articles?pagination[pageSize]=5`, json(server.token), [200]);
      outcomes.push({ at: Date.now(), ok: res.status === 200, ms: res.ms, status: res.status });
      await sleep(50);
    }
  })();
  await sleep(3_000);
  stopAt = Date.now();
  cluster.stop();
  await sleep(5_000); // the outage
  cluster.start();
  readyAt = Date.now();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !outcomes.some((outcome) => outcome.at > readyAt && outcome.ok)) await sleep(100);
  await sleep(3_000);
  running = false;
  await reader;

  const during = outcomes.filter((outcome) => outcome.at > stopAt && outcome.at - outcome.ms < readyAt);
  const failedDuring = during.filter((outcome) => !outcome.ok);
  const firstSuccessAfter = outcomes.find((outcome) => outcome.at > readyAt && outcome.ok);
  const slowest = Math.max(0, ...failedDuring.map((outcome) => outcome.ms));
  const statuses = [...new Set(failedDuring.map((outcome) => outcome.status))].join(', ');
  const recovery = firstSuccessAfter ? firstSuccessAfter.at - readyAt : null;
  console.log(
    `    ${tally.sent} requests; outage ${Math.round((readyAt - stopAt) / 100) / 10} s: ${failedDuring.length} of ${during.length} requests failed ` +
      `(statuses ${statuses || 'none'}), slowest failure ${slowest} ms; recovery ${recovery ?? 'never'} ms after PostgreSQL was back`,
  );
  check(
    'restart: requests fail fast during the outage',
    failedDuring.length > 0 && slowest < 5_000,
    `slowest failure ${slowest} ms, statuses ${statuses}`,
  );
  check(
    'restart: failures are 503 answers, not hangs, dropped connections or bare 500s',
    failedDuring.every((outcome) => outcome.status === 503),
    `statuses ${statuses}`,
  );
  check(
    'restart: Strapi recovers without a restart',
    recovery !== null && recovery < 30_000 && server.process.exitCode === null,
    `recovered in ${recovery ?? '∞'} ms`,
  );
  const after = outcomes.filter((outcome) => firstSuccessAfter && outcome.at > firstSuccessAfter.at);
  check(
    'restart: every request after recovery succeeds',
    after.length > 0 && after.every((outcome) => outcome.ok),
    `${after.filter((o) => o.ok).length}/${after.length} succeeded`,
  );
}

async function phaseSqliteConcurrency() {
  const seconds = Math.max(20, Math.round(DURATION_MS / 4000));
  console.log(`\n[c] SQLite under concurrent publishes and reads for ${seconds} s`);
  const database = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(work, 'soak.db') };
  const server = await startServer(database, 'sqlite');
  try {
    let ids = await publishedIds(server);
    const reads = readOperations(() => ids);
    const refresher = setInterval(() => void publishedIds(server).then((fresh) => fresh.length > 0 && (ids = fresh)), 3_000);
    const tally = newTally();
    // Half the workers write (create + publish, each several statements), half read.
    await load(server, tally, Date.now() + seconds * 1000, 8, (round) =>
      round % 2 === 0 ? publishOperation : reads[round % reads.length],
    );
    clearInterval(refresher);
    console.log(
      `    ${tally.sent} requests, ${tally.errors} errors, ${tally.serverErrors} 5xx, ${tally.busy} SQLITE_BUSY answers; p99 ${percentile(tally.latencies, 99)} ms`,
    );
    for (const sample of tally.samples) console.log(`    sample error: ${sample}`);
    check('sqlite: no SQLITE_BUSY reaches a client', tally.busy === 0, `${tally.busy} answers mention SQLITE_BUSY`);
    check(
      'sqlite: no 5xx and no failed request',
      tally.serverErrors === 0 && tally.errors === 0 && tally.sent > 0,
      `${tally.sent} requests, ${tally.serverErrors} 5xx, ${tally.errors} errors`,
    );
  } finally {
    await stopProcess(server.process);
  }
}

async function phaseKilledImport(cluster: Cluster) {
  console.log('\n[d] an import killed with SIGKILL mid-batch, then run again');
  const dir = path.join(work, 'killed-batch');
  fs.mkdirSync(dir);
  const files = 12;
  const expected = new Map<string, { quotes: number; links: number }>();
  for (let n = 0; n < files; n += 1) {
    const text = soakStory(`killed-${String(n).padStart(2, '0')}`, 120);
    fs.writeFileSync(path.join(dir, `story-${String(n).padStart(2, '0')}.txt`), text);
    const model = parseStory(text);
    expected.set(`soak-killed-${String(n).padStart(2, '0')}`, { quotes: model.quotes.length, links: model.relatedLinks.length });
  }
  const imported = async () => {
    try {
      return Number(
        (
          await pgQuery<{ count: string }>(
            cluster,
            "SELECT count(*) FROM articles WHERE source_id LIKE 'soak-killed-%' AND published_at IS NULL",
          )
        )[0].count,
      );
    } catch (error) {
      // The CLI creates the tables as it boots on the empty database.
      if ((error as { code?: string }).code === '42P01') return 0;
      throw error;
    }
  };

  const run = runImport(postgresEnvironment(cluster), [dir]);
  const deadline = Date.now() + 120_000;
  // Kill once at least one story is in, while the batch is still going: the next story is mid-transaction.
  while (Date.now() < deadline && (await imported()) < 2 && run.child.exitCode === null) await sleep(100);
  const before = await imported();
  const killedMidBatch = run.child.exitCode === null;
  run.child.kill('SIGKILL');
  await run.done;
  console.log(
    `    killed after ${before} of ${files} stories were imported (${killedMidBatch ? 'mid-batch' : 'the batch had already ended'})`,
  );
  check('kill -9: the import was killed mid-batch', killedMidBatch && before < files, `${before}/${files} imported at the kill`);

  /** Every imported article has all its quotes and links: a partial one would have fewer. */
  const completeness = async () => {
    const rows = await pgQuery<{ source_id: string; quotes: string; links: string; articles: string }>(
      cluster,
      `SELECT a.source_id,
              count(DISTINCT a.document_id) AS articles,
              (SELECT count(*) FROM quotes q JOIN quotes_article_lnk l ON l.quote_id = q.id WHERE l.article_id = min(a.id) AND q.published_at IS NULL) AS quotes,
              (SELECT count(*) FROM related_links r JOIN related_links_article_lnk l ON l.related_link_id = r.id WHERE l.article_id = min(a.id) AND r.published_at IS NULL) AS links
         FROM articles a WHERE a.source_id LIKE 'soak-killed-%' AND a.published_at IS NULL GROUP BY a.source_id`,
    );
    const partial = rows.filter((row) => {
      const want = expected.get(row.source_id);
      return !want || Number(row.quotes) !== want.quotes || Number(row.links) !== want.links || Number(row.articles) !== 1;
    });
    return { rows, partial };
  };
  const afterKill = await completeness();
  check(
    'kill -9: no partial article in the database',
    afterKill.partial.length === 0,
    `${afterKill.rows.length} articles, ${afterKill.partial.length} partial`,
  );

  const rerun = runImport(postgresEnvironment(cluster), [dir]);
  const code = await rerun.done;
  const afterRerun = await completeness();
  const [{ rows: articleRows }] = [
    {
      rows: await pgQuery<{ count: string }>(
        cluster,
        "SELECT count(*) FROM articles WHERE source_id LIKE 'soak-killed-%' AND published_at IS NULL",
      ),
    },
  ];
  check('kill -9: the rerun succeeds', code === 0, `exit code ${code}`);
  check(
    'kill -9: the rerun completes every story once, without duplicates',
    afterRerun.partial.length === 0 && afterRerun.rows.length === files && Number(articleRows[0].count) === files,
    `${articleRows[0].count} article rows for ${files} stories, ${afterRerun.partial.length} partial`,
  );
}

// --- Main -----------------------------------------------------------------------------------

async function main(): Promise<number> {
  console.log(`Newsdesk soak: work directory ${work}; phases ${[...PHASES].join(',')}; every request goes to 127.0.0.1`);
  const started = Date.now();
  let cluster: Cluster | null = null;
  let server: Server | null = null;
  try {
    if (PHASES.has('a') || PHASES.has('b') || PHASES.has('d')) {
      cluster = await createCluster();
      console.log(`private PostgreSQL 15 cluster on 127.0.0.1:${cluster.port}`);
    }
    if (cluster && (PHASES.has('a') || PHASES.has('b'))) server = await startServer(postgresEnvironment(cluster), 'postgres');
    if (cluster && server && PHASES.has('a')) await phaseMixedLoad(cluster, server);
    if (cluster && server && PHASES.has('b')) await phaseDatabaseRestart(cluster, server);
    if (server) await stopProcess(server.process);
    if (PHASES.has('c')) await phaseSqliteConcurrency();
    if (cluster && PHASES.has('d')) await phaseKilledImport(cluster);
  } catch (error) {
    check('soak ran to the end', false, (error as Error).stack ?? String(error));
  } finally {
    for (const child of [...children]) await stopProcess(child);
    if (cluster) {
      try {
        cluster.stop();
      } catch {
        // Already stopped by a failed phase.
      }
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
  const failed = checks.filter((entry) => !entry.ok);
  console.log(`\nsoak: ${checks.length - failed.length} passed, ${failed.length} failed in ${Math.round((Date.now() - started) / 1000)} s`);
  return failed.length === 0 ? 0 : 1;
}

// Bounded however it goes: the whole run may take its phases' time plus a margin, never more.
const hardStop = setTimeout(
  () => {
    console.error('soak: time bound exceeded, stopping');
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  },
  DURATION_MS + 15 * 60_000,
);
hardStop.unref();

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`soak failed: ${error.message}`);
    process.exit(1);
  },
);
