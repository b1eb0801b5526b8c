/**
 * The seed: the people the seed story needs, then the Trudeau–Zelensky story itself,
 * published. Idempotent: people are matched by name and aliases, the story by its source id.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { readStoryFile } from './files';
import { matchPerson } from './people';
import { createImportService, type ImportOutcome } from './service';
import { ARTICLE, PERSON } from '../content-types';

const SEED_STORY = 'trudeau-zelensky.txt';

const seedPeopleSchema = z.array(
  z.object({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)),
    role: z.string().optional(),
    country: z.string().optional(),
  }),
);

/** The draft row of every Person, as the query below selects it (the query builder's rows are untyped). */
const personRows = z.array(z.object({ documentId: z.string(), name: z.string(), aliases: z.array(z.string()).nullable() }));

export type SeedReport = { peopleCreated: number; story: ImportOutcome };

export function seedDirectory(strapi: Core.Strapi): string {
  return path.join(strapi.dirs.app.root, 'database', 'seed');
}

export async function seed(strapi: Core.Strapi, log: (line: string) => void = () => {}): Promise<SeedReport> {
  const seedDir = seedDirectory(strapi);
  log('phase 1/2: people');
  const people = seedPeopleSchema.parse(JSON.parse(await fs.readFile(path.join(seedDir, 'people.json'), 'utf8')));
  const existing = personRows.parse(
    await strapi.db.query(PERSON).findMany({
      where: { publishedAt: null },
      select: ['documentId', 'name', 'aliases'],
    }),
  );
  const known = existing.map((row) => ({ ...row, aliases: row.aliases ?? [] }));
  let peopleCreated = 0;
  for (const person of people) {
    if (matchPerson(person.name, known)) continue;
    const created = await strapi.documents(PERSON).create({ data: person, status: 'published' });
    known.push({ documentId: created.documentId, name: person.name, aliases: person.aliases });
    peopleCreated += 1;
  }
  log(`  ${peopleCreated} created, ${people.length - peopleCreated} already there`);

  log('phase 2/2: the seed story');
  const file = await readStoryFile(path.join(seedDir, SEED_STORY));
  if ('reason' in file) throw new Error(`seed story ${file.file}: ${file.reason}`);
  const story = await createImportService({ strapi }).importStory(file.story, { publish: true });
  log(`  ${story.status}: "${story.title}" (${story.documentId})`);
  return { peopleCreated, story };
}

/** On start, an empty database gets the seed so a new user sees a real story (never in production unless asked). */
export async function seedIfEmpty(strapi: Core.Strapi): Promise<boolean> {
  const production = process.env.NODE_ENV === 'production';
  const wanted = process.env.SEED_ON_EMPTY ? process.env.SEED_ON_EMPTY === 'true' : !production;
  if (!wanted || (await strapi.db.query(ARTICLE).count()) > 0) return false;
  await seed(strapi, (line) => strapi.log.info(`[newsdesk seed] ${line}`));
  return true;
}
