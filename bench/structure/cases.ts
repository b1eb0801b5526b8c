/**
 * The development sets of ../shared/data/quotes as cases to import (texts read at run time,
 * never copied here), and the report line both structure benches print. No Strapi.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { StoryModel } from '../../src/importer/parser';
import { figures, type Counts, type GoldStory, type ImportedStory } from './score';

export type Case = { set: string; language: 'en' | 'fr'; name: string; raw: string; gold: GoldStory };

function jsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Every dev story as a wire file would carry it, with its gold annotations; `data` is ../shared/data. */
export function cases(data: string): Case[] {
  const quotes = path.join(data, 'quotes');
  const all: Case[] = [];
  for (const [set, language, dir] of [
    ['en-wire', 'en', 'en-wire'],
    ['fr-wire', 'fr', 'fr'],
  ] as const) {
    for (const gold of jsonLines<GoldStory & { file: string }>(path.join(quotes, `${set}-dev.jsonl`))) {
      all.push({ set, language, name: gold.file, raw: fs.readFileSync(path.join(quotes, dir, gold.file), 'utf8'), gold });
    }
  }
  const articles = new Map(
    jsonLines<{ id: number; title: string; text: string }>(path.join(data, 'cnrec', 'articles.jsonl')).map((article) => [
      article.id,
      article,
    ]),
  );
  for (const gold of jsonLines<GoldStory & { id: number }>(path.join(quotes, 'en-cnrec-dev.jsonl'))) {
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

export function line(label: string, counts: Counts): string {
  const x = figures(counts);
  return [
    label.padEnd(10),
    `quotes P ${f(x.quotes.precision)} R ${f(x.quotes.recall)} F1 ${f(x.quotes.f1)} (${counts.foundQuotes}/${counts.goldQuotes} gold, ${counts.importedQuotes} imported)`,
    `attribution e2e ${f(x.attributionEndToEnd)} of found ${f(x.attributionOfFound)} (${counts.personLinked}/${counts.personQuotes})`,
    `orgs ${f(x.organisations)} (${counts.organisationLinked}/${counts.organisationQuotes})`,
    `people P ${f(x.people.precision)} R ${f(x.people.recall)} F1 ${f(x.people.f1)} (${counts.matchedPeople}/${counts.goldPeople} gold, ${counts.importedPeople} linked)`,
  ].join(' | ');
}
