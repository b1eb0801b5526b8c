/**
 * `npm run bench:structure -- [--verbose]`: the pure parser on the development sets of
 * ../shared/data/quotes (texts read at run time, never copied here), scored by ./score.
 * Prints per set and per language: quote P/R/F1, attribution (end to end and of found),
 * organisations, people P/R/F1. No Strapi, no database: seconds, not minutes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseStory, type StoryModel } from '../../src/importer/parser';
import { addCounts, figures, scoreStory, zeroCounts, type Counts, type GoldStory, type ImportedStory } from './score';

const DATA = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
const QUOTES = path.join(DATA, 'quotes');
const verbose = process.argv.includes('--verbose');

type Case = { set: string; language: 'en' | 'fr'; name: string; raw: string; gold: GoldStory };

function jsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const [set, language, dir] of [
    ['en-wire', 'en', 'en-wire'],
    ['fr-wire', 'fr', 'fr'],
  ] as const) {
    for (const gold of jsonLines<GoldStory & { file: string }>(path.join(QUOTES, `${set}-dev.jsonl`))) {
      all.push({ set, language, name: gold.file, raw: fs.readFileSync(path.join(QUOTES, dir, gold.file), 'utf8'), gold });
    }
  }
  const articles = new Map(
    jsonLines<{ id: number; title: string; text: string }>(path.join(DATA, 'cnrec', 'articles.jsonl')).map((article) => [article.id, article]),
  );
  for (const gold of jsonLines<GoldStory & { id: number }>(path.join(QUOTES, 'en-cnrec-dev.jsonl'))) {
    const article = articles.get(gold.id);
    if (!article) throw new Error(`CNRec article ${gold.id} is missing from articles.jsonl`);
    // As the data README says: a wire file, the title, a blank line, then the text.
    all.push({ set: 'en-cnrec', language: 'en', name: `cnrec ${gold.id}`, raw: `${article.title.trim()}\n\n${article.text}`, gold });
  }
  return all;
}

/** The parser's model as the scorer sees it: quotes with their speaker, and the people linked. */
export function imported(story: StoryModel): ImportedStory {
  return {
    quotes: story.quotes.map((quote) => ({
      text: quote.text,
      speakerName: quote.speakerName,
      organisation: quote.organisation,
    })),
    people: story.namedPeople,
  };
}

const f = (value: number) => value.toFixed(2);

function line(label: string, counts: Counts): string {
  const x = figures(counts);
  return [
    label.padEnd(10),
    `quotes P ${f(x.quotes.precision)} R ${f(x.quotes.recall)} F1 ${f(x.quotes.f1)} (${counts.foundQuotes}/${counts.goldQuotes} gold, ${counts.importedQuotes} imported)`,
    `attribution e2e ${f(x.attributionEndToEnd)} of found ${f(x.attributionOfFound)} (${counts.personLinked}/${counts.personQuotes})`,
    `orgs ${f(x.organisations)} (${counts.organisationLinked}/${counts.organisationQuotes})`,
    `people P ${f(x.people.precision)} R ${f(x.people.recall)} F1 ${f(x.people.f1)} (${counts.matchedPeople}/${counts.goldPeople} gold, ${counts.importedPeople} linked)`,
  ].join(' | ');
}

function main() {
  const bySet = new Map<string, Counts>();
  const byLanguage = new Map<string, Counts>();
  for (const story of cases()) {
    const model = parseStory(story.raw);
    const result = scoreStory(story.gold, imported(model));
    bySet.set(story.set, addCounts(bySet.get(story.set) ?? zeroCounts(), result.counts));
    byLanguage.set(story.language, addCounts(byLanguage.get(story.language) ?? zeroCounts(), result.counts));
    if (!verbose) continue;
    console.log(`\n## ${story.set} ${story.name}: ${line('', result.counts)}`);
    console.log(`   title: ${model.title} | byline: ${model.metadata.byline ?? '-'} | dateline: ${model.metadata.dateline ?? '-'}`);
    for (const verdict of result.verdicts) {
      const mark = !verdict.imported ? 'MISS' : verdict.speakerRight === false ? 'WHO ' : 'ok  ';
      const got = verdict.imported ? `${verdict.imported.speakerName ?? verdict.imported.organisation ?? '∅'}` : '';
      console.log(`   ${mark} [${verdict.gold.how}] ${verdict.gold.start} — gold: ${verdict.gold.speaker ?? '∅'}${got ? `, got: ${got}` : ''}`);
    }
    for (const quote of result.falseQuotes) console.log(`   FALSE ${quote.text.slice(0, 70)} — ${quote.speakerName ?? quote.organisation ?? '∅'}`);
    const gold = story.gold.people.join(', ');
    console.log(`   people gold: ${gold}\n   people got:  ${model.namedPeople.join(', ')}`);
  }
  console.log('\nstructure bench, dev sets (pure parser)');
  for (const [set, counts] of bySet) console.log(line(set, counts));
  for (const [language, counts] of byLanguage) console.log(line(language.toUpperCase(), counts));
}

main();
