/**
 * `npm run eval:structure -- [--keep] [--speed-only]`: the dev sets of ../shared/data/quotes
 * imported with the real importer (importFiles, published) into a throw-away SQLite
 * database, read back over the public REST API and scored by ./score, per set and per
 * language, beside the pure parser's figures on the same stories; plus import speed
 * (stories/s) beside the baseline in bench/results/structure-eval-baseline.md.
 * `--speed-only` imports and prints the speed only (how that baseline was taken).
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { importFiles } from '../../src/importer/batch';
import { parseStory } from '../../src/importer/parser';
import { APP_DIR, bootStrapi, databaseEnvironment, workDir, writeResult } from '../lib/app';
import { cases, imported, line, type Case } from './cases';
import { addCounts, scoreStory, zeroCounts, type Counts, type ImportedStory } from './score';

const DATA = path.join(APP_DIR, '..', 'shared', 'data');
const BASELINE = path.join(APP_DIR, 'bench', 'results', 'structure-eval-baseline.md');
const SOURCE_PREFIX = 'structure-eval/';
const keep = process.argv.includes('--keep');
const speedOnly = process.argv.includes('--speed-only');

type Named = { name: string } | null;
type RestArticle = {
  sourceId: string;
  people: { name: string }[];
  quotes: { text: string; speaker: Named; speakerOrganisation?: Named }[];
};

const sourceIdOf = (story: Case) => `${SOURCE_PREFIX}${story.set}/${story.name}`;

/** Each story as a wire file with a sidecar naming only its source id, so it can be found again. */
function writeStories(dir: string, all: Case[]): void {
  all.forEach((story, index) => {
    const base = path.join(dir, `${String(index).padStart(3, '0')}-${story.set}`);
    fs.writeFileSync(`${base}.txt`, story.raw);
    fs.writeFileSync(`${base}.json`, JSON.stringify({ sourceId: sourceIdOf(story) }));
  });
}

/** The imported stories as an anonymous reader gets them over REST, by source id. */
async function readBack(strapi: Core.Strapi): Promise<Map<string, RestArticle>> {
  const byId = new Map<string, RestArticle>();
  for (const locale of ['en', 'fr']) {
    const res = await request(strapi.server.httpServer)
      .get('/api/articles')
      .query({
        locale,
        filters: { sourceId: { $startsWith: SOURCE_PREFIX } },
        fields: ['sourceId'],
        pagination: { pageSize: 100 },
        populate: {
          people: { fields: ['name'] },
          quotes: { fields: ['text'], populate: { speaker: { fields: ['name'] }, speakerOrganisation: { fields: ['name'] } } },
        },
      });
    if (res.status !== 200) throw new Error(`GET /api/articles (${locale}): ${res.status} ${JSON.stringify(res.body)}`);
    for (const article of res.body.data as RestArticle[]) byId.set(article.sourceId, article);
  }
  return byId;
}

function fromRest(article: RestArticle | undefined): ImportedStory {
  if (!article) return { quotes: [], people: [] };
  return {
    quotes: article.quotes.map((quote) => ({
      text: quote.text,
      speakerName: quote.speaker?.name ?? null,
      organisation: quote.speakerOrganisation?.name ?? null,
    })),
    people: article.people.map((person) => person.name),
  };
}

function baselineSpeed(): number | null {
  if (!fs.existsSync(BASELINE)) return null;
  const match = /import speed: ([\d.]+) stories\/s/u.exec(fs.readFileSync(BASELINE, 'utf8'));
  return match ? Number(match[1]) : null;
}

/** Stories per second of the pure parser alone, over a few passes. */
function parserSpeed(all: Case[]): number {
  const passes = 5;
  const begin = process.hrtime.bigint();
  for (let pass = 0; pass < passes; pass += 1) for (const story of all) parseStory(story.raw);
  return (passes * all.length) / (Number(process.hrtime.bigint() - begin) / 1e9);
}

async function main() {
  if (!fs.existsSync(path.join(DATA, 'quotes', 'README.md'))) throw new Error(`no gold quotes at ${DATA}/quotes`);
  const started = Date.now();
  const all = cases(DATA);
  const dir = workDir('structure-eval');
  const stories = path.join(dir, 'stories');
  fs.mkdirSync(stories);
  writeStories(stories, all);

  const strapi = await bootStrapi(databaseEnvironment(dir));
  try {
    const begin = process.hrtime.bigint();
    const summary = await importFiles(strapi, [stories], { publish: true });
    const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
    const failures = summary.results.filter((result) => 'failure' in result);
    if (failures.length > 0) throw new Error(`import failed for ${JSON.stringify(failures)}`);
    const speed = all.length / seconds;
    const speedLine = `import speed: ${speed.toFixed(2)} stories/s (${all.length} stories in ${seconds.toFixed(1)} s, published, SQLite)`;
    if (speedOnly) {
      console.log(speedLine);
      return;
    }

    const articles = await readBack(strapi);
    const rest = { bySet: new Map<string, Counts>(), byLanguage: new Map<string, Counts>() };
    const pure = { bySet: new Map<string, Counts>(), byLanguage: new Map<string, Counts>() };
    const add = (into: typeof rest, story: Case, counts: Counts) => {
      into.bySet.set(story.set, addCounts(into.bySet.get(story.set) ?? zeroCounts(), counts));
      into.byLanguage.set(story.language, addCounts(into.byLanguage.get(story.language) ?? zeroCounts(), counts));
    };
    let missing = 0;
    for (const story of all) {
      const article = articles.get(sourceIdOf(story));
      if (!article) missing += 1;
      add(rest, story, scoreStory(story.gold, fromRest(article)).counts);
      add(pure, story, scoreStory(story.gold, imported(parseStory(story.raw))).counts);
    }

    const baseline = baselineSpeed();
    const rows: string[] = [];
    for (const [label, key] of [...[...rest.bySet.keys()].map((set) => [set, set]), ['EN', 'en'], ['FR', 'fr']] as const) {
      const isLanguage = label === 'EN' || label === 'FR';
      const counts = (isLanguage ? rest.byLanguage : rest.bySet).get(key) ?? zeroCounts();
      const parser = (isLanguage ? pure.byLanguage : pure.bySet).get(key) ?? zeroCounts();
      rows.push(line(label, counts), line('  parser', parser));
    }
    const markdown = [
      '# Structure eval: the real importer, read back over REST (dev sets)',
      '',
      `${all.length} stories (${missing} not found back), run on ${new Date().toISOString()}; SQLite; ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      'Each set and language: the imported result over REST, then the pure parser on the same stories (npm run bench:structure).',
      '',
      '```',
      ...rows,
      '',
      speedLine,
      baseline === null
        ? 'baseline: none (bench/results/structure-eval-baseline.md)'
        : `baseline: ${baseline.toFixed(2)} stories/s (importer before people/organisation linking, same harness) -> ${(speed / baseline).toFixed(2)}x${speed < baseline / 2 ? '  SLOWER THAN HALF THE BASELINE' : ''}`,
      `pure parser: ${parserSpeed(all).toFixed(0)} stories/s`,
      '```',
      '',
    ].join('\n');
    console.log(`\n${markdown}`);
    console.log(`written to ${path.relative(APP_DIR, writeResult('structure-eval', markdown))}`);
  } finally {
    await strapi.destroy();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`eval:structure failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
