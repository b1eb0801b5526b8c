/**
 * `npm run bench -- [--quick] [--sizes 1000,10000,100000] [--databases sqlite,postgres] [--source dir]`
 *
 * Speed and scale of read-also on synthetic archives built from a source corpus (CNRec by
 * default, read from ../shared at run time): suggestion latency, publish time with and
 * without the plugin, full reindex, database size, peak memory; and, on the 10k archive,
 * HTTP throughput of the suggestions endpoint beside a plain article request, in one run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import { APP_DIR, bootStrapi, databaseEnvironment, percentile, suggestionsToken, workDir, writeResult } from './lib/app';
import { readArticles } from './lib/cnrec';
import { loadArticles, loadPeople } from './lib/load';
import { createGenerator, random } from './lib/synthetic';
import { medianDifference, type Interval } from './lib/spread';
import { ARTICLE } from '../src/content-types';

const program = new Command()
  .name('npm run bench --')
  .option('--quick', '1k articles on SQLite, no HTTP load (what CI runs)')
  .option('--sizes <list>', 'archive sizes', '1000,10000,100000')
  .option('--databases <list>', 'sqlite and/or postgres', 'sqlite,postgres')
  .option('--source <dir>', 'corpus to draw sentences from', path.join(APP_DIR, '..', 'shared', 'data', 'cnrec'))
  .option('--samples <n>', 'articles asked for suggestions', '200')
  .option('--http-size <n>', 'archive size for the HTTP load test (0: none)', '10000')
  .option('--duration <s>', 'seconds per HTTP load test', '30')
  .option('--connections <n>', 'HTTP connections', '32')
  .parse();

type Options = {
  quick?: boolean;
  sizes: string;
  databases: string;
  source: string;
  samples: string;
  httpSize: string;
  duration: string;
  connections: string;
};
const options = program.opts<Options>();
const sizes = options.quick ? [1000] : options.sizes.split(',').map(Number);
const databases = (options.quick ? ['sqlite'] : options.databases.split(',')) as ('sqlite' | 'postgres')[];
const httpSize = options.quick ? 0 : Number(options.httpSize);
/** Publishes per round; rounds alternate a Strapi with the plugin and one without. */
const PUBLISHES = 30;
/** HTTP: each request's --duration is split into alternating rounds, after an unmeasured warm-up of each. */
const HTTP_ROUNDS = 3;
const WARM_UP_SECONDS = 5;
const PUBLISH_ROUNDS = 3;

type SizeResult = {
  database: string;
  size: number;
  loadSeconds: number;
  reindexSeconds: number;
  /** The part of the reindex spent preparing every article's list. */
  prepareSeconds: number;
  reindexRate: number;
  p50: number;
  p95: number;
  p99: number;
  /** The same articles ranked live (no prepared list): the baseline of this run. */
  liveP95: number;
  /** The first read of each article after a write: its prepared list scored again, not yet kept. */
  firstReadP95: number;
  publishWith: number;
  publishWithout: number;
  /** median(with) − median(without), and its 95% bootstrap interval. */
  overhead: Interval;
  /** Background work after a publish: the article's list and its neighbours'. */
  preparedAfter: number;
  databaseMb: number;
  peakRssMb: number;
};

type HttpResult = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

function memorySampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
  };
}

async function postgresAdmin<T>(work: (client: Client) => Promise<T>, env: NodeJS.ProcessEnv): Promise<T> {
  const client = new Client({
    host: env.DATABASE_HOST,
    port: Number(env.DATABASE_PORT),
    user: env.DATABASE_USERNAME,
    database: env.DATABASE_NAME,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseSizeMb(env: NodeJS.ProcessEnv): Promise<number> {
  if (env.DATABASE_CLIENT === 'sqlite') {
    const file = env.DATABASE_FILENAME as string;
    return (
      ['', '-wal'].reduce((sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0) / 1024 / 1024
    );
  }
  return postgresAdmin(async (client) => {
    const result = await client.query(
      `select coalesce(sum(pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename))), 0) as bytes from pg_tables where schemaname = $1`,
      [env.DATABASE_SCHEMA],
    );
    return Number(result.rows[0].bytes) / 1024 / 1024;
  }, env);
}

/**
 * Median time of the Document Service publish of fresh articles, as an editor's publish does it,
 * and of the background preparation that follows it (awaited before the next publish, as the
 * publishes of a newsroom are seconds apart, not milliseconds).
 */
/** Milliseconds of each call, one article after the other, sorted. */
async function timeEach(documentIds: string[], read: (documentId: string) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const id of documentIds) {
    const start = process.hrtime.bigint();
    await read(id);
    times.push(ms(start));
  }
  return times.sort((a, b) => a - b);
}

async function publishTimes(strapi: Core.Strapi, label: string): Promise<{ publish: number[]; prepared: number[] }> {
  const times: number[] = [];
  const preparing: number[] = [];
  const preparer = strapi.plugin('read-also')?.service('preparer') as { idle(): Promise<void> } | undefined;
  for (let i = 0; i < PUBLISHES; i += 1) {
    const draft = await strapi.documents(ARTICLE).create({
      data: {
        title: `${label} benchmark story ${i} about Ukraine, Canada and defence`,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'The minister announced new military aid for Ukraine on Monday.' }] }],
      } as never,
    });
    const start = process.hrtime.bigint();
    await strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
    times.push(ms(start));
    if (preparer) {
      const prepareStart = process.hrtime.bigint();
      await preparer.idle();
      preparing.push(ms(prepareStart));
    }
  }
  return { publish: times, prepared: preparing };
}

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(APP_DIR, 'scripts', 'serve.js')], {
    cwd: APP_DIR,
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', STRAPI_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (
      await fetch(`http://127.0.0.1:${port}/_health`).then(
        (res) => res.status === 204,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill('SIGKILL');
  throw new Error('the HTTP benchmark server did not start');
}

async function httpLoad(env: NodeJS.ProcessEnv, token: string, documentIds: string[]): Promise<HttpResult[]> {
  const port = 23000 + (process.pid % 5000);
  const server = await startServer(env, port);
  const id = documentIds[0];
  const targets = [
    { name: 'GET /api/articles/:documentId (plain)', url: `/api/articles/${id}` },
    { name: 'GET /api/articles/:documentId?populate=relatedLinks', url: `/api/articles/${id}?populate=relatedLinks` },
    { name: 'GET /api/read-also/articles/:documentId/suggestions', url: `/api/read-also/articles/${id}/suggestions` },
  ];
  const load = (url: string, duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}${url}`,
      connections: Number(options.connections),
      duration,
      headers: { Authorization: `Bearer ${token}` },
    });
  const rounds = new Map<string, Awaited<ReturnType<typeof load>>[]>(targets.map((target) => [target.name, []]));
  try {
    // Unmeasured first: whichever ran first would otherwise pay for the server's cold start (JIT, pools, caches).
    for (const target of targets) await load(target.url, WARM_UP_SECONDS);
    // Alternating, so a slow spell of the machine falls on every request alike.
    for (let round = 0; round < HTTP_ROUNDS; round += 1) {
      for (const target of targets) {
        const result = await load(target.url, Number(options.duration) / HTTP_ROUNDS);
        rounds.get(target.name)?.push(result);
        if (result.non2xx > 0) console.error(`${target.name}: ${result.non2xx} answers were not 2xx`);
      }
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return targets.map(({ name }) => {
    const measured = rounds.get(name) ?? [];
    return {
      name,
      rps: mean(measured.map((result) => result.requests.average)),
      p50: mean(measured.map((result) => result.latency.p50)),
      p99: Math.max(...measured.map((result) => result.latency.p99)),
      errors: measured.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
      non2xx: measured.reduce((sum, result) => sum + result.non2xx, 0),
    };
  });
}

async function runSize(
  database: 'sqlite' | 'postgres',
  size: number,
  generator: ReturnType<typeof createGenerator>,
): Promise<{ result: SizeResult; http: HttpResult[] }> {
  const dir = workDir('bench');
  const env = databaseEnvironment(dir, database);
  if (database === 'postgres') await postgresAdmin((client) => client.query(`CREATE SCHEMA "${env.DATABASE_SCHEMA}"`), env);
  const peakMemory = memorySampler();
  let http: HttpResult[] = [];
  try {
    let strapi = await bootStrapi({ ...env, READ_ALSO_ENABLED: 'true' });
    const loadStart = process.hrtime.bigint();
    const people = await loadPeople(strapi, generator.people);
    const documentIds: string[] = [];
    for (let offset = 0; offset < size; offset += 1000) {
      const batch = Array.from({ length: Math.min(1000, size - offset) }, (_, i) => generator.article(offset + i));
      documentIds.push(...(await loadArticles(strapi, batch, people)));
      process.stderr.write(`\r  ${database} ${size}: loaded ${documentIds.length}`);
    }
    const loadSeconds = ms(loadStart) / 1000;

    const reindexStart = process.hrtime.bigint();
    let prepareStart: bigint | null = null;
    await strapi
      .plugin('read-also')
      .service('indexer')
      .reindexAll((done: number, total: number, phase: string) => {
        if (phase === 'preparing' && prepareStart === null) prepareStart = process.hrtime.bigint();
        if (done % 5000 === 0 || done === total) process.stderr.write(`\r  ${database} ${size}: ${phase} ${done}/${total}   `);
      });
    const reindexSeconds = ms(reindexStart) / 1000;
    const prepareSeconds = prepareStart === null ? 0 : ms(prepareStart) / 1000;
    process.stderr.write('\n');

    const pick = random(7);
    const samples = Array.from(
      { length: Math.min(Number(options.samples), size) },
      () => documentIds[Math.floor(pick() * documentIds.length)],
    );
    const suggestions = strapi.plugin('read-also').service('suggestions');
    for (const id of samples) await suggestions.suggestFor(id, { limit: 5 }); // warm-up pass
    // As a publish would: every kept answer is out of date, and each first read scores its list again.
    await strapi.plugin('read-also').service('repository').bumpArchiveVersion();
    const firstReads = await timeEach(samples, (id) => suggestions.suggestFor(id, { limit: 5 }));
    const latencies = await timeEach(samples, (id) => suggestions.suggestFor(id, { limit: 5 }));
    const live = await timeEach(samples, (id) => strapi.db.transaction(() => suggestions.rank(id, { locale: 'en', limit: 5 })));

    // Rounds alternate with and without the plugin, so a drift of the machine or the database weighs on both.
    const publishWith: number[] = [];
    const publishWithout: number[] = [];
    const preparedAfter: number[] = [];
    for (let round = 0; round < PUBLISH_ROUNDS; round += 1) {
      if (round > 0) strapi = await bootStrapi({ ...env, READ_ALSO_ENABLED: 'true' });
      const withPlugin = await publishTimes(strapi, `with ${round}`);
      publishWith.push(...withPlugin.publish);
      preparedAfter.push(...withPlugin.prepared);
      await strapi.destroy();
      strapi = await bootStrapi({ ...env, READ_ALSO_ENABLED: 'false' });
      publishWithout.push(...(await publishTimes(strapi, `without ${round}`)).publish);
      await strapi.destroy();
    }

    if (httpSize === size) {
      // Booting without the plugin drops its actions from API tokens: the token is made now.
      strapi = await bootStrapi({ ...env, READ_ALSO_ENABLED: 'true' });
      const token = await suggestionsToken(strapi);
      await strapi.destroy();
      http = await httpLoad({ ...env, READ_ALSO_ENABLED: 'true' }, token, samples);
    }

    return {
      result: {
        database,
        size,
        loadSeconds,
        reindexSeconds,
        prepareSeconds,
        reindexRate: size / reindexSeconds,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        liveP95: percentile(live, 95),
        firstReadP95: percentile(firstReads, 95),
        publishWith: median(publishWith),
        publishWithout: median(publishWithout),
        overhead: medianDifference(publishWith, publishWithout),
        preparedAfter: median(preparedAfter),
        databaseMb: await databaseSizeMb(env),
        peakRssMb: peakMemory(),
      },
      http,
    };
  } finally {
    if (database === 'postgres')
      await postgresAdmin((client) => client.query(`DROP SCHEMA IF EXISTS "${env.DATABASE_SCHEMA}" CASCADE`), env);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  const source = readArticles(path.resolve(options.source));
  const generator = createGenerator(source);
  const results: SizeResult[] = [];
  const httpResults: { database: string; size: number; rows: HttpResult[] }[] = [];
  for (const database of databases) {
    for (const size of sizes) {
      const { result, http } = await runSize(database, size, generator);
      results.push(result);
      if (http.length > 0) httpResults.push({ database, size, rows: http });
      console.log(
        `${database} ${size}: load ${result.loadSeconds.toFixed(1)} s; suggestions p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms (first read after a write p95 ${result.firstReadP95.toFixed(1)} ms; live ranking p95 ${result.liveP95.toFixed(1)} ms); publish ${result.publishWith.toFixed(1)} ms with, ${result.publishWithout.toFixed(1)} ms without (overhead ${result.overhead.estimate.toFixed(1)} ms, 95% interval ${result.overhead.low.toFixed(1)} to ${result.overhead.high.toFixed(1)}), then ${result.preparedAfter.toFixed(1)} ms preparing in the background; reindex ${result.reindexSeconds.toFixed(1)} s (${result.prepareSeconds.toFixed(1)} s of it preparing lists)`,
      );
    }
  }

  const f1 = (value: number) => value.toFixed(1);
  const lines = [
    `# read-also speed and scale${options.quick ? ' (quick)' : ''}`,
    '',
    `Synthetic archives drawn from ${path.basename(options.source)} sentences (${generator.topics} topics, ${generator.people} people, ~60% of stories with a quote); ${sizes.join(', ')} articles; ${databases.join(', ')}; ${options.samples} sampled articles, warm; publishes: medians of ${PUBLISH_ROUNDS * PUBLISHES} with the plugin and as many without, in ${PUBLISH_ROUNDS} alternating rounds, the overhead with its bootstrap interval; run on ${new Date().toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s. Anchor: PostgreSQL full-text "more like this" p95 573 ms at 100k (ANCHORS.md).`,
    '',
    'Suggestions are read from prepared lists, scored at the first read after a write and then kept in memory until the next write they depend on (the figures in "suggestions" are such later reads); "first read after a write" scores the list again; "live ranking" ranks the same articles from the whole index at read time, as before prepared lists: the in-run baseline. The indexing and preparation a worker does after a publish commits ("background preparation") are not part of the publish.',
    '',
    '| database | articles | load (s) | suggestions p50 (ms) | p95 (ms) | p99 (ms) | first read after a write p95 (ms) | live ranking p95 (ms) | p95 vs live | p95 vs anchor (573 ms, PostgreSQL FTS at 100k) | publish with plugin (ms) | publish without (ms) | plugin overhead (ms) | overhead 95% interval (ms) | background preparation per publish (ms) | full reindex (s) | of which preparing lists (s) | reindex (articles/s) | database size (MB) | peak RSS (MB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.size} | ${f1(r.loadSeconds)} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.p99)} | ${f1(r.firstReadP95)} | ${f1(r.liveP95)} | ${(r.liveP95 / r.p95).toFixed(1)}× faster | ${r.size === 100000 ? `${(573 / r.p95).toFixed(1)}× faster` : 'n/a: anchor is at 100k'} | ${f1(r.publishWith)} | ${f1(r.publishWithout)} | ${f1(r.overhead.estimate)} | ${f1(r.overhead.low)} to ${f1(r.overhead.high)} | ${f1(r.preparedAfter)} | ${f1(r.reindexSeconds)} | ${f1(r.prepareSeconds)} | ${Math.round(r.reindexRate)} | ${f1(r.databaseMb)} | ${Math.round(r.peakRssMb)} |`,
    ),
    '',
  ];
  for (const http of httpResults) {
    const plain = http.rows[0];
    lines.push(
      `## HTTP, ${http.database}, ${http.size} articles, ${options.connections} connections, ${options.duration} s per request in ${HTTP_ROUNDS} alternating rounds after a ${WARM_UP_SECONDS} s warm-up of each (requests/s and p50: mean of the rounds; p99: the worst), NODE_ENV=production, client on the same machine`,
      '',
      '| request | requests/s | p50 (ms) | p99 (ms) | errors | non-2xx | throughput vs plain GET |',
      '|---|---|---|---|---|---|---|',
      ...http.rows.map(
        (row) =>
          `| ${row.name} | ${f1(row.rps)} | ${f1(row.p50)} | ${row.p99} | ${row.errors} | ${row.non2xx} | ${(row.rps / plain.rps).toFixed(2)} |`,
      ),
      '',
    );
  }
  const markdown = lines.join('\n');
  console.log(`\n${markdown}`);
  console.log(`written to ${path.relative(APP_DIR, writeResult(options.quick ? 'bench-quick' : 'bench', markdown))}`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
