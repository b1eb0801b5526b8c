import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, PERSON, QUOTE, RELATED_LINK } from '../helpers/fixtures';
import { seed } from '../../src/importer/seed';
import { importFiles } from '../../src/importer/batch';
import { pluginServices } from '../../src/plugins/read-also/server/src/services/registry';

const STORIES = path.join(__dirname, '..', 'fixtures', 'stories');
const SEED_PARAGRAPHS = fs
  .readFileSync(path.join(__dirname, '..', '..', 'database', 'seed', 'trudeau-zelensky.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('• Read also'));
const WIRE_HEADLINES = [
  'Washington still views Maduro government as ‘illegitimate’ in Venezuela',
  'Russia: mourning and anger following the death of dozens of soldiers in Ukraine',
  'Putin orders the screening of documentaries on the Russian offensive in Ukraine',
];

let app: TestApp;
let seedArticleId: string;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

async function counts() {
  const { db } = app.strapi;
  return Object.fromEntries(
    await Promise.all(
      [ARTICLE, PERSON, QUOTE, RELATED_LINK].map(async (uid) => [uid, await db.query(uid).count({ where: { publishedAt: null } })]),
    ),
  );
}

const SEED_QUERY = {
  populate: {
    people: { fields: ['name'] },
    quotes: { populate: { speaker: { fields: ['name'] }, speaksFor: { fields: ['name'] } } },
    relatedLinks: { sort: ['order:asc'], populate: { targetArticle: { fields: ['title'] } } },
  },
};

type SeedArticle = {
  locale: string;
  body: { children: { text: string }[] }[];
  people: { name: string }[];
  quotes: {
    text: string;
    channel: string | null;
    attribution: string;
    paragraph: number;
    speaker: { name: string } | null;
    speaksFor: { name: string } | null;
  }[];
  relatedLinks: { label: string; afterParagraph: number; origin: string; unresolved: boolean; targetArticle: { title: string } | null }[];
};

function expectSeedStory(article: SeedArticle) {
  expect(article.locale).toBe('en');
  expect(article.body.map((block) => block.children[0].text)).toEqual(SEED_PARAGRAPHS);
  expect(article.body).toHaveLength(10);
  expect(article.relatedLinks.map((link) => link.label)).toEqual(WIRE_HEADLINES);
  for (const link of article.relatedLinks) expect(link).toMatchObject({ afterParagraph: 1, origin: 'imported' });

  const byZelensky = article.quotes.filter((quote) => quote.speaker?.name === 'Volodymyr Zelensky');
  expect(byZelensky).toHaveLength(2);
  for (const quote of byZelensky) expect(quote.channel).toBe('Twitter');
  const office = article.quotes.filter((quote) => quote.speaker === null);
  expect(office).toHaveLength(1);
  expect(office[0]).toMatchObject({ attribution: 'summed up Mr. Trudeau’s cabinet', speaksFor: { name: 'Justin Trudeau' } });
  expect(office[0].text.startsWith('The Prime Minister reiterated Canada’s commitment')).toBe(true);
  expect(article.quotes).toHaveLength(3);
  expect(article.people.map((person) => person.name)).toEqual(expect.arrayContaining(['Volodymyr Zelensky', 'Justin Trudeau']));
}

describe('seed', () => {
  test('Given an empty database, when seeded, then one published English article with its links, quotes and people', async () => {
    const report = await seed(app.strapi);
    expect(report.story.status).toBe('created');
    seedArticleId = report.story.documentId;

    const published = await app.strapi.documents(ARTICLE).findMany({ status: 'published' });
    expect(published).toHaveLength(1);

    const rest = await request(app.server).get(`/api/articles/${seedArticleId}`).query(SEED_QUERY);
    expect(rest.status).toBe(200);
    expectSeedStory(rest.body.data);
    expect(rest.body.data.relatedLinks.every((link: { unresolved: boolean }) => link.unresolved)).toBe(true);
  });

  test('an anonymous GraphQL client gets all of it too', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .send({
        query: `query ($id: ID!) { article(documentId: $id) { locale body people { name }
          quotes { text channel attribution paragraph speaker { name } speaksFor { name } }
          relatedLinks(sort: "order:asc") { label afterParagraph origin unresolved targetArticle { title } } } }`,
        variables: { id: seedArticleId },
      });
    expect(res.body.errors).toBeUndefined();
    expectSeedStory(res.body.data.article);
  });

  test('seeding again changes nothing', async () => {
    const before = await counts();
    const again = await seed(app.strapi);
    expect(again).toMatchObject({ peopleCreated: 0, story: { status: 'unchanged', documentId: seedArticleId } });
    expect(await counts()).toEqual(before);
  });
});

describe('import', () => {
  test('a French story imports with the same fidelity', async () => {
    // Each thing once: the article queued once (not once per quote) and indexed once, by the worker; each link published once.
    const { indexer, repository, preparer } = pluginServices(app.strapi);
    const syncArticle = jest.spyOn(indexer, 'syncArticle');
    const enqueue = jest.spyOn(repository, 'enqueue');
    const linkPublishes: string[] = [];
    let counting = true;
    let synced: unknown[] = [];
    let queued: unknown[] = [];
    app.strapi.documents.use(async (context, next) => {
      if (counting && context.uid === RELATED_LINK && context.action === 'publish' && 'documentId' in context.params)
        linkPublishes.push(String(context.params.documentId));
      return next();
    });
    const summary = await importFiles(app.strapi, [path.join(STORIES, 'fr-aide-canadienne.txt')], { publish: true })
      .then(async (result) => {
        await preparer.idle();
        return result;
      })
      .finally(() => {
        counting = false;
        synced = syncArticle.mock.calls.map(([documentId]) => documentId);
        queued = enqueue.mock.calls.flatMap(([documentIds]) => documentIds);
        syncArticle.mockRestore();
        enqueue.mockRestore();
      });
    const imported = (summary.results[0] as { outcome?: { documentId: string } }).outcome?.documentId;
    expect(queued.filter((documentId) => documentId === imported)).toHaveLength(1);
    expect(synced.filter((documentId) => documentId === imported)).toHaveLength(1);
    expect(linkPublishes).toHaveLength(2);
    expect(new Set(linkPublishes).size).toBe(2);
    expect(summary.results[0]).not.toHaveProperty('failure');
    expect(summary).toMatchObject({ created: 1, failed: 0 });
    const { documentId } = (summary.results[0] as { outcome: { documentId: string } }).outcome;

    const res = await request(app.server)
      .get(`/api/articles/${documentId}`)
      .query({ ...SEED_QUERY, locale: 'fr' });
    expect(res.status).toBe(200);
    const article = res.body.data;
    expect(article.locale).toBe('fr');
    expect(article.body).toHaveLength(6);
    expect(article.relatedLinks.map((link: { label: string }) => link.label)).toEqual([
      'Zelensky et Trudeau discutent des besoins de défense de l’Ukraine',
      'Poutine ordonne la diffusion de documentaires sur l’offensive',
    ]);
    expect(article.relatedLinks.map((link: { afterParagraph: number }) => link.afterParagraph)).toEqual([1, 1]);
    const quotes = article.quotes.sort((a: { paragraph: number }, b: { paragraph: number }) => a.paragraph - b.paragraph);
    expect(quotes).toHaveLength(3);
    expect(quotes[0]).toMatchObject({
      text: 'Le Canada restera aux côtés de l’Ukraine aussi longtemps qu’il le faudra',
      speaker: { name: 'Justin Trudeau' },
      channel: 'press conference',
    });
    expect(quotes[1]).toMatchObject({ speaker: { name: 'Volodymyr Zelensky' }, channel: 'Twitter' });
    expect(quotes[2]).toMatchObject({ speaker: null, speaksFor: { name: 'Volodymyr Zelensky' }, channel: 'statement' });
    expect(article.people.map((person: { name: string }) => person.name).sort()).toEqual(['Justin Trudeau', 'Volodymyr Zelensky']);
  });

  test('without --publish, a story lands as a draft that anonymous clients cannot see', async () => {
    const summary = await importFiles(app.strapi, [path.join(STORIES, 'en-unrelated-budget.txt')]);
    const { documentId, title } = (summary.results[0] as { outcome: { documentId: string; title: string } }).outcome;
    expect(title).toBe('The city council approved on Monday a budget that raises spending on public libraries and swimming pools');
    expect((await request(app.server).get(`/api/articles/${documentId}`)).status).toBe(404);
    // The speaker was unknown: the importer created them.
    expect(await app.strapi.db.query(PERSON).count({ where: { name: 'Anna Lee' } })).toBe(1);
  });

  test('Given a link waiting for its headline, when that article is imported, then both links resolve', async () => {
    const summary = await importFiles(app.strapi, [path.join(STORIES, 'en-putin-documentaries.txt')], { publish: true });
    const putinId = (summary.results[0] as { outcome: { documentId: string } }).outcome.documentId;

    const seedArticle = await request(app.server).get(`/api/articles/${seedArticleId}`).query(SEED_QUERY);
    const putinLink = seedArticle.body.data.relatedLinks[2];
    expect(putinLink).toMatchObject({ unresolved: false, targetArticle: { title: WIRE_HEADLINES[2] } });

    // Its own "Read also" names the seed story with straight quotes: close enough.
    const putin = await request(app.server).get(`/api/articles/${putinId}`).query(SEED_QUERY);
    expect(putin.body.data.relatedLinks[0].targetArticle.title).toBe(
      'Zelensky and Trudeau hold a ‘substantial’ discussion on Ukraine’s defence needs',
    );
    expect(putin.body.data.people.map((person: { name: string }) => person.name)).toEqual(['Vladimir Putin']);
  });

  test('Given a batch with bad files, the good ones land and the bad ones leave nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-batch-'));
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-empty-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'a-good.txt'),
        'Storm closes schools across the region.\n“Stay home if you can,” said Mayor John Smith.\n',
      );
      fs.writeFileSync(path.join(dir, 'b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
      fs.writeFileSync(path.join(dir, 'c-latin1.txt'), Buffer.from('Caf\xe9 ferm\xe9 pour travaux.\n', 'latin1'));
      fs.writeFileSync(path.join(dir, 'd-empty.txt'), '  \n\n');
      fs.writeFileSync(path.join(dir, 'e-only-links.txt'), 'Read also: Something\nSee also: Other\n');
      // Fails inside the transaction, after the article row was written: must roll back.
      fs.writeFileSync(path.join(dir, 'f-long-link.txt'), `Rollback test story paragraph.\nRead also: ${'x'.repeat(400)}\n`);
      fs.writeFileSync(path.join(dir, 'g-huge.txt'), 'word '.repeat(300_000));
      fs.writeFileSync(path.join(dir, 'h-good.txt'), 'Markets rallied on Friday after the central bank held rates.\n');
      const before = await counts();

      const summary = await importFiles(app.strapi, [dir, path.join(dir, 'missing.txt'), emptyDir]);
      const failures = Object.fromEntries(
        summary.results
          .filter((result) => 'failure' in result)
          .map((result) => [path.basename(result.file), (result as { failure: string }).failure]),
      );
      expect(failures).toEqual({
        'missing.txt': 'no such file or directory',
        [path.basename(emptyDir)]: 'the directory holds no .txt or .ninjs.json story files',
        'b-binary.txt': 'the file is binary, not text',
        'c-latin1.txt': 'the file is not valid UTF-8 text',
        'd-empty.txt': 'the file is empty',
        'e-only-links.txt': 'the story has no paragraphs',
        'f-long-link.txt': expect.stringMatching(/^import failed: /),
        'g-huge.txt': 'the file is larger than 1 MiB',
      });
      expect(summary).toMatchObject({ created: 2, failed: 8 });

      const after = await counts();
      expect(after[ARTICLE]).toBe(before[ARTICLE] + 2);
      expect(await app.strapi.db.query(ARTICLE).count({ where: { title: { $startsWith: 'Rollback test' } } })).toBe(0);
      expect(await app.strapi.db.query(RELATED_LINK).count({ where: { label: { $startsWith: 'xxxx' } } })).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  test('importing the same files again updates nothing and duplicates nothing', async () => {
    const before = await counts();
    const summary = await importFiles(
      app.strapi,
      [path.join(STORIES, 'fr-aide-canadienne.txt'), path.join(STORIES, 'en-putin-documentaries.txt')],
      {
        publish: true,
      },
    );
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(await counts()).toEqual(before);
  });
});
