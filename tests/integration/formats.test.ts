import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, createArticle, paragraphs } from '../helpers/fixtures';
import { seed } from '../../src/importer/seed';
import { importFiles } from '../../src/importer/batch';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/u;
const PUTIN_HEADLINE = 'Putin orders the screening of documentaries on the Russian offensive in Ukraine';

let app: TestApp;
let seedId: string;

const STORY_QUERY = {
  populate: {
    people: { fields: ['name'] },
    quotes: { populate: { speaker: { fields: ['name'] }, speaksFor: { fields: ['name'] } } },
    relatedLinks: { fields: ['label', 'afterParagraph', 'order'] },
  },
};

type Story = {
  title: string;
  storyPublishedAt: string;
  body: { children: { text: string }[] }[];
  people: { name: string }[];
  quotes: {
    text: string;
    attribution: string | null;
    channel: string | null;
    speaker: { name: string } | null;
    speaksFor: { name: string } | null;
  }[];
  relatedLinks: { label: string; afterParagraph: number; order: number }[];
};

/** What must survive a round trip, in a stable order. */
function essence(story: Story) {
  return {
    title: story.title,
    storyPublishedAt: story.storyPublishedAt,
    paragraphs: story.body.map((block) => block.children.map((child) => child.text).join('')),
    people: story.people.map((p) => p.name).sort(),
    quotes: story.quotes
      .map((q) => ({
        text: q.text,
        attribution: q.attribution,
        channel: q.channel,
        speaker: q.speaker?.name ?? null,
        speaksFor: q.speaksFor?.name ?? null,
      }))
      .sort((a, b) => a.text.localeCompare(b.text)),
    links: story.relatedLinks.map((l) => [l.label, l.afterParagraph, l.order]).sort((a, b) => Number(a[2]) - Number(b[2])),
  };
}

beforeAll(async () => {
  app = await startTestApp();
  seedId = (await seed(app.strapi)).story.documentId;
  // The wire's third "Read also" headline now exists: its link resolves.
  await createArticle(app.strapi, { title: PUTIN_HEADLINE, slug: 'putin-documentaries', body: paragraphs('Moscow.') });
});
afterAll(async () => {
  await app?.stop();
});

describe('schema.org JSON-LD', () => {
  test('the seed article is a NewsArticle naming its people, quotes and related links', async () => {
    const res = await request(app.server).get(`/api/articles/${seedId}/jsonld`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/ld\+json/u);
    const doc = res.body;
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Zelensky and Trudeau hold a ‘substantial’ discussion on Ukraine’s defence needs',
      inLanguage: 'en',
      datePublished: '2023-01-10T18:00:00.000Z',
      publisher: { '@type': 'Organization', name: 'Newsdesk' },
    });
    // What search engines require of a NewsArticle: headline, dates in ISO 8601, author, publisher, absolute URLs.
    expect(doc.dateModified).toMatch(ISO_8601);
    expect(doc.datePublished).toMatch(ISO_8601);
    expect(doc.author['@type']).toMatch(/Person|Organization/u);
    expect(new URL(doc.url).protocol).toMatch(/^https?:$/u);
    expect(doc.articleBody.split('\n\n')).toHaveLength(10);

    const mentions = doc.mentions as { '@type': string; name: string; alternateName?: string[] }[];
    expect(mentions.map((m) => m.name)).toEqual(expect.arrayContaining(['Volodymyr Zelensky', 'Justin Trudeau']));
    expect(mentions.find((m) => m.name === 'Volodymyr Zelensky')?.alternateName).toContain('Valodymyr Zelensky');

    const quotations = doc.hasPart as { '@type': string; text: string; creator: { '@type': string; name: string } }[];
    expect(quotations).toHaveLength(3);
    expect(quotations.every((q) => q['@type'] === 'Quotation')).toBe(true);
    expect(quotations.filter((q) => q.creator['@type'] === 'Person' && q.creator.name === 'Volodymyr Zelensky')).toHaveLength(2);
    expect(quotations.find((q) => q.creator['@type'] === 'Organization')?.creator.name).toBe('summed up Mr. Trudeau’s cabinet');

    expect(doc.relatedLink).toEqual(['http://localhost:3000/en/articles/putin-documentaries']);
    for (const url of doc.relatedLink) expect(new URL(url).href).toBe(url);
  });

  test('GraphQL serves the same JSON-LD as a field of Article', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .send({ query: `{ article(documentId: "${seedId}") { jsonLd } }` });
    expect(res.body.errors).toBeUndefined();
    const rest = await request(app.server).get(`/api/articles/${seedId}/jsonld`);
    expect(res.body.data.article.jsonLd).toEqual(rest.body);
  });

  test('drafts answer 404 to anonymous clients, as do unknown ids and bad locales 400', async () => {
    const draft = await app.strapi.documents(ARTICLE).create({ data: { title: 'Embargoed story' } as never });
    expect((await request(app.server).get(`/api/articles/${draft.documentId}/jsonld`)).status).toBe(404);
    expect((await request(app.server).get(`/api/articles/${draft.documentId}/ninjs`)).status).toBe(404);
    expect((await request(app.server).get('/api/articles/nope/jsonld')).status).toBe(404);
    expect((await request(app.server).get(`/api/articles/${seedId}/jsonld`).query({ locale: "en'--" })).status).toBe(400);
  });
});

describe('IPTC ninjs', () => {
  let ninjs: Record<string, unknown>;
  let original: ReturnType<typeof essence>;

  test('the seed article exports with headlines, both bodies, people and associations', async () => {
    const res = await request(app.server).get(`/api/articles/${seedId}/ninjs`);
    expect(res.status).toBe(200);
    ninjs = res.body;
    expect(ninjs).toMatchObject({ type: 'text', version: '3.0', language: 'en', uri: `urn:newsdesk:article:${seedId}:en` });
    expect(ninjs.firstcreated).toBe('2023-01-10T18:00:00.000Z');
    expect(ninjs.versioncreated).toMatch(ISO_8601);
    const bodies = ninjs.bodies as { contenttype: string; value: string }[];
    expect(bodies.map((b) => b.contenttype)).toEqual(['text/plain', 'text/html']);
    expect(bodies[1].value).toContain('<aside class="read-also"><a href="http://localhost:3000/en/articles/putin-documentaries">');
    const people = ninjs.people as { name: string; rel: string }[];
    expect(people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Volodymyr Zelensky', rel: 'quoted' }),
        expect.objectContaining({ name: 'Justin Trudeau', rel: 'quoted' }),
      ]),
    );
    expect((ninjs.associations as { headlines: { value: string }[] }[]).map((a) => a.headlines[0].value)).toEqual([PUTIN_HEADLINE]);
    original = essence((await request(app.server).get(`/api/articles/${seedId}`).query(STORY_QUERY)).body.data);
  });

  test('Given the ninjs of the seed, when imported into an empty database, then the same article, quotes, people and links', async () => {
    await app.stop();
    app = await startTestApp();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-ninjs-'));
    try {
      const file = path.join(dir, 'seed.ninjs.json');
      fs.writeFileSync(file, JSON.stringify(ninjs));
      const summary = await importFiles(app.strapi, [file], { publish: true });
      expect(summary).toMatchObject({ created: 1, failed: 0 });
      const documentId = (summary.results[0] as { outcome: { documentId: string } }).outcome.documentId;
      const copy = essence((await request(app.server).get(`/api/articles/${documentId}`).query(STORY_QUERY)).body.data);
      expect(copy).toEqual(original);

      const again = await importFiles(app.strapi, [dir], { publish: true });
      expect(again).toMatchObject({ created: 0, unchanged: 1, failed: 0 });
      expect(await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } })).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a ninjs file that is not a text item fails alone and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-ninjs-bad-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ninjs.json'), JSON.stringify({ uri: 'x', type: 'picture' }));
      fs.writeFileSync(path.join(dir, 'b.ninjs.json'), '{ not json');
      const before = await app.strapi.db.query(ARTICLE).count();
      const summary = await importFiles(app.strapi, [dir], { publish: true });
      expect(summary.failed).toBe(2);
      expect(summary.results.map((r) => ('failure' in r ? r.failure : ''))).toEqual([
        expect.stringContaining('not a ninjs text item'),
        'the file is not valid JSON',
      ]);
      expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
