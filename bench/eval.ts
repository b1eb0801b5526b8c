/**
 * `npm run eval -- [corpusDir]`: read-also's quality on CNRec's human judgements, beside
 * TF-IDF cosine and BM25 more-like-this computed in the same run on the same tokens.
 * The corpus is read from ../shared at run time and imported into a throw-away database
 * through the project's own importer; suggestions are asked over the real HTTP API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import request from 'supertest';
import { parseStory } from '../src/importer/parser';
import { defaultConfig, type ReadAlsoConfig } from '../src/plugins/read-also/server/src/config';
import { APP_DIR, bootStrapi, databaseEnvironment, runImporter, suggestionsToken, workDir, writeResult, percentile } from './lib/app';
import { bm25MoreLikeThis, tfidfCosine, type Doc } from './lib/baselines';
import { readArticles, readJudgements } from './lib/cnrec';
import { evaluate, type QualityFigures } from './lib/metrics';
import { ARTICLE } from '../src/content-types';

const program = new Command()
  .name('npm run eval --')
  .argument('[corpus]', 'the CNRec folder', path.join(APP_DIR, '..', 'shared', 'data', 'cnrec'))
  .option('--keep', 'keep the throw-away database and story files')
  .parse();

type Weights = ReadAlsoConfig['weights'];
const none: Weights = { text: 0, people: 0, speakers: 0, tags: 0, section: 0, recency: 0 };
const d = defaultConfig.weights;
/** Thresholds measured for the lowest score shown. */
const MIN_SCORES = [0.01, 0.05, 0.1, 0.15, 0.2];

const VARIANTS: { name: string; weights: Weights }[] = [
  { name: 'text only', weights: { ...none, text: d.text } },
  { name: '+ people mentioned', weights: { ...none, text: d.text, people: d.people } },
  { name: '+ quoted speakers', weights: { ...none, text: d.text, people: d.people, speakers: d.speakers } },
  { name: '+ recency', weights: { ...none, text: d.text, people: d.people, speakers: d.speakers, recency: d.recency } },
  { name: 'read-also (all signals, default)', weights: d },
];

const f3 = (value: number) => value.toFixed(3);

async function main() {
  const corpus = path.resolve(program.args[0] ?? path.join(APP_DIR, '..', 'shared', 'data', 'cnrec'));
  if (!fs.existsSync(path.join(corpus, 'articles.jsonl'))) throw new Error(`no CNRec corpus at ${corpus}`);
  const started = Date.now();
  const articles = readArticles(corpus);
  const { judgements, judgedBySource } = readJudgements(corpus);

  // Stories as a newsroom would drop them: text files with a sidecar naming title and source id.
  const dir = workDir('eval');
  const stories = path.join(dir, 'stories');
  fs.mkdirSync(stories);
  for (const article of articles) {
    fs.writeFileSync(path.join(stories, `cnrec-${article.id}.txt`), article.text);
    fs.writeFileSync(
      path.join(stories, `cnrec-${article.id}.json`),
      JSON.stringify({ title: article.title.trim() || undefined, locale: 'en', sourceId: `cnrec-${article.id}` }),
    );
  }
  const env = databaseEnvironment(dir);
  console.log(`importing ${articles.length} CNRec articles through the importer…`);
  const imported = await runImporter(stories, env);
  const summary = imported.output
    .trim()
    .split('\n')
    .filter((line) => /created|failed:/.test(line));
  console.log(summary.slice(-6).join('\n'));

  const strapi = await bootStrapi(env);
  try {
    const token = await suggestionsToken(strapi);
    const rows = (await strapi.db.query(ARTICLE).findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['documentId', 'sourceId'],
    })) as unknown as { documentId: string; sourceId: string }[];
    const toCnrec = new Map(rows.map((row) => [row.documentId, row.sourceId.replace('cnrec-', '')]));
    const toDocument = new Map(rows.map((row) => [row.sourceId.replace('cnrec-', ''), row.documentId]));

    /** Every judged article's suggestions over the HTTP API, with the time each request took. */
    async function rankAll() {
      const rankings = new Map<string, string[]>();
      const timings: number[] = [];
      for (const source of judgedBySource.keys()) {
        const documentId = toDocument.get(source);
        if (!documentId) continue;
        const begin = process.hrtime.bigint();
        const res = await request(strapi.server.httpServer)
          .get(`/api/read-also/articles/${documentId}/suggestions`)
          .query({ limit: 5 })
          .set('Authorization', `Bearer ${token}`);
        timings.push(Number(process.hrtime.bigint() - begin) / 1e6);
        if (res.status !== 200) throw new Error(`suggestions for ${documentId}: ${res.status} ${JSON.stringify(res.body)}`);
        rankings.set(
          source,
          (res.body.data as { documentId: string }[]).map((s) => toCnrec.get(s.documentId) as string),
        );
      }
      timings.sort((a, b) => a - b);
      return { rankings, timings };
    }

    const results: { name: string; figures: QualityFigures; p95: number }[] = [];
    for (const variant of VARIANTS) {
      strapi.config.set('plugin::read-also.weights', variant.weights);
      const { rankings, timings } = await rankAll();
      results.push({ name: variant.name, figures: evaluate(rankings, judgements, judgedBySource), p95: percentile(timings, 95) });
    }
    strapi.config.set('plugin::read-also.weights', defaultConfig.weights);

    // The lowest score shown: what each threshold costs in quality and in suggestions shown.
    const thresholds: { minScore: number; figures: QualityFigures; shown: number; none: number }[] = [];
    for (const minScore of MIN_SCORES) {
      strapi.config.set('plugin::read-also.minScore', minScore);
      const { rankings } = await rankAll();
      const counts = [...rankings.values()].map((ranking) => ranking.length);
      thresholds.push({
        minScore,
        figures: evaluate(rankings, judgements, judgedBySource),
        shown: counts.reduce((sum, count) => sum + count, 0) / Math.max(counts.length, 1),
        none: counts.filter((count) => count === 0).length,
      });
    }
    strapi.config.set('plugin::read-also.minScore', defaultConfig.minScore);

    // Baselines on the body read-also sees (the parser's paragraphs, without "Read also" lines).
    const docs: Doc[] = articles.map((article) => {
      let text = article.text;
      try {
        text = parseStory(article.text, { title: article.title.trim() || undefined }).paragraphs.join('\n');
      } catch {
        // A text the importer refused still counts for the baselines, as raw text.
      }
      return { id: String(article.id), title: article.title, text, locale: 'en' };
    });
    const tfidf = evaluate(tfidfCosine(docs), judgements, judgedBySource);
    const bm25 = evaluate(bm25MoreLikeThis(docs), judgements, judgedBySource);
    const best = results[results.length - 1].figures;

    const lines = [
      `# read-also quality on CNRec`,
      '',
      `${articles.length} articles, ${judgements.size / 2} judged pairs, ${judgedBySource.size} articles evaluated; run on ${new Date().toISOString()}; SQLite; ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      '',
      '| method | nDCG@5 | P@5 | vs TF-IDF nDCG@5 | vs BM25 MLT nDCG@5 |',
      '|---|---|---|---|---|',
      `| TF-IDF cosine, title + body (baseline) | ${f3(tfidf.ndcg5)} | ${f3(tfidf.p5)} | 1.00 | ${(tfidf.ndcg5 / bm25.ndcg5).toFixed(2)} |`,
      `| BM25 more-like-this, 25 terms (baseline) | ${f3(bm25.ndcg5)} | ${f3(bm25.p5)} | ${(bm25.ndcg5 / tfidf.ndcg5).toFixed(2)} | 1.00 |`,
      `| **read-also** (HTTP API, default config) | **${f3(best.ndcg5)}** | **${f3(best.p5)}** | ${(best.ndcg5 / tfidf.ndcg5).toFixed(2)} | ${(best.ndcg5 / bm25.ndcg5).toFixed(2)} |`,
      '',
      '## Ablation (read-also over its HTTP API, signals added one at a time)',
      '',
      '| variant | nDCG@5 | P@5 | request p95 (ms) |',
      '|---|---|---|---|',
      ...results.map((result) => `| ${result.name} | ${f3(result.figures.ndcg5)} | ${f3(result.figures.p5)} | ${result.p95.toFixed(1)} |`),
      '',
      `## Lowest score shown (default ${defaultConfig.minScore}; all signals)`,
      '',
      '| minScore | nDCG@5 | P@5 | suggestions shown per article (of 5) | articles with none |',
      '|---|---|---|---|---|',
      ...thresholds.map(
        (row) => `| ${row.minScore} | ${f3(row.figures.ndcg5)} | ${f3(row.figures.p5)} | ${row.shown.toFixed(2)} | ${row.none} |`,
      ),
      '',
    ];
    const markdown = lines.join('\n');
    console.log(`\n${markdown}`);
    console.log(`written to ${path.relative(APP_DIR, writeResult('eval', markdown))}`);
  } finally {
    await strapi.destroy();
    if (!program.opts().keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`eval failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
