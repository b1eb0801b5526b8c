/**
 * The story structure the importer writes, read back as readers get it: one Person per
 * real person whatever form of the name a story uses, organisations that speak in quotes,
 * the wire layout (headline, byline, dateline, captions, subheads), an editor's speaker
 * correction kept across re-imports, and the seed exactly as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, PERSON, QUOTE, RELATED_LINK, createPerson } from '../helpers/fixtures';
import { seed } from '../../src/importer/seed';
import { importFiles, type BatchSummary } from '../../src/importer/batch';
import { ORGANISATION } from '../../src/content-types';

/** Wire stories written for these tests: invented people and places. */
const STORIES = {
  port: [
    'Port authority opens new container terminal in Halifax',
    'By Jane Roe, The Canadian Press',
    '',
    'HALIFAX, May 4 (CP) - The Halifax Port Authority opened a new container terminal on Monday, Mayor Justine Marchetti said during a visit to the docks.',
    '"This terminal will double what the port can handle in a single year," Marchetti said.',
    '(Photo: Cranes at the new terminal, May 4. Photo by Sam Diaz)',
    'Growth at the docks',
    '"Demand from shippers has never been higher, and we expect to fill the new berths by autumn," the Halifax Port Authority said in a statement.',
    'Dock workers welcomed the news.',
  ],
  ships: [
    'Halifax terminal draws first ships',
    '',
    'The first ships docked at Halifax’s new container terminal on Friday.',
    '"We are proud of what the workers built here in under two years," Ms. Marchetti told reporters at the terminal.',
    '"The first month of bookings is already full and more carriers are calling every day," a spokesperson for the Halifax Port Authority said.',
    'Mr. Okafor, who runs a trucking firm, said: "Our drivers have waited hours at the gates for years, and that is finally over."',
  ],
  trucking: [
    'Trucking firm expands after terminal opens',
    '',
    'Grace Okafor, who runs a Halifax trucking firm, said on Tuesday that she would hire twenty drivers.',
    '"The terminal changed everything for a company of our size," Okafor said in an interview.',
  ],
};

const BRIDGE_V1 = [
  '---',
  'sourceId: test-corrections',
  '---',
  'Harbour bridge repairs to start in June',
  '',
  'Repairs to the harbour bridge will start in June, the city said on Monday.',
  '"The deck has reached the end of its life and cannot wait another winter," said Lena Fischer, the city engineer.',
  '"Traffic will move to two lanes for the whole summer," said Lena Fischer.',
  '"We will keep one lane open for cyclists every single day," said Omar Haddad, who chairs the transport committee.',
];
/** The wire's update: a new paragraph, one speaker changed by the wire, one quote reworded. */
const BRIDGE_V2 = [
  ...BRIDGE_V1.slice(0, 7),
  '"Traffic will move to two lanes for the whole summer," said Omar Haddad, who chairs the transport committee.',
  '"We will keep one lane open for cyclists every single day and every night," said Omar Haddad.',
  'The work is expected to cost $40 million.',
];
const DECK = 'The deck has reached the end of its life and cannot wait another winter';

let app: TestApp;
let dir: string;

beforeAll(async () => {
  app = await startTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-structure-'));
});
afterAll(async () => {
  await app?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function importLines(name: string, lines: string[], publish = true): Promise<BatchSummary & { documentId: string }> {
  const file = path.join(dir, `${name}.txt`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const summary = await importFiles(app.strapi, [file], { publish });
  const result = summary.results[0];
  if (!('outcome' in result)) throw new Error(`${name}: ${result.failure}`);
  return { ...summary, documentId: result.outcome.documentId };
}

async function counts() {
  const { db } = app.strapi;
  return Object.fromEntries(
    await Promise.all(
      [ARTICLE, PERSON, ORGANISATION, QUOTE, RELATED_LINK].map(async (uid) => [
        uid,
        await db.query(uid).count({ where: { publishedAt: null } }),
      ]),
    ),
  );
}

const STORY_QUERY = {
  populate: {
    people: { fields: ['name'] },
    organisations: { fields: ['name'] },
    quotes: { populate: { speaker: { fields: ['name'] }, speaksFor: { fields: ['name'] }, speakerOrganisation: { fields: ['name'] } } },
    relatedLinks: { fields: ['label', 'afterParagraph', 'order', 'origin'] },
  },
};

type Named = { name: string } | null;
type Story = {
  title: string;
  byline: string | null;
  dateline: string | null;
  body: { children: { text: string }[] }[];
  people: { name: string }[];
  organisations: { name: string }[];
  quotes: {
    text: string;
    attribution: string | null;
    channel: string | null;
    paragraph: number;
    speaker: Named;
    speaksFor: Named;
    speakerOrganisation: Named;
  }[];
  relatedLinks: { label: string; afterParagraph: number; order: number; origin: string }[];
};

async function story(documentId: string, status?: 'draft'): Promise<Story> {
  if (status) {
    return (await app.strapi.documents(ARTICLE).findOne({ documentId, status, ...STORY_QUERY } as never)) as unknown as Story;
  }
  const res = await request(app.server).get(`/api/articles/${documentId}`).query(STORY_QUERY);
  expect(res.status).toBe(200);
  return res.body.data as Story;
}

const names = (list: { name: string }[]) => list.map((item) => item.name).sort();
const quoteStarting = (article: Story, start: string) => article.quotes.find((quote) => quote.text.startsWith(start));

describe('seed', () => {
  test('Given an empty database, when seeded, then the seed story has exactly its structure of before: two people, no organisation, three quotes, three links', async () => {
    const { story: outcome } = await seed(app.strapi);
    const seedStory = await story(outcome.documentId);
    expect({
      title: seedStory.title,
      byline: seedStory.byline,
      dateline: seedStory.dateline,
      paragraphs: seedStory.body.length,
      people: names(seedStory.people),
      organisations: seedStory.organisations,
      quotes: seedStory.quotes
        .sort((a, b) => a.paragraph - b.paragraph)
        .map((quote) => [
          quote.paragraph,
          quote.text.slice(0, 30),
          quote.attribution,
          quote.channel,
          quote.speaker?.name ?? null,
          quote.speaksFor?.name ?? null,
          quote.speakerOrganisation,
        ]),
      links: seedStory.relatedLinks.map((link) => [link.afterParagraph, link.order, link.origin]),
    }).toEqual({
      title: 'Zelensky and Trudeau hold a ‘substantial’ discussion on Ukraine’s defence needs',
      byline: null,
      dateline: null,
      paragraphs: 10,
      people: ['Justin Trudeau', 'Volodymyr Zelensky'],
      organisations: [],
      quotes: [
        [
          1,
          'We discussed the strengthening',
          'summarized Mr. Zelensky on his Twitter account',
          'Twitter',
          'Volodymyr Zelensky',
          null,
          null,
        ],
        [3, 'I expressed my gratitude for C', 'continued the President', 'Twitter', 'Volodymyr Zelensky', null, null],
        [7, 'The Prime Minister reiterated ', 'summed up Mr. Trudeau’s cabinet', null, null, 'Justin Trudeau', null],
      ],
      links: [
        [1, 0, 'imported'],
        [1, 1, 'imported'],
        [1, 2, 'imported'],
      ],
    });
    expect(await app.strapi.db.query(PERSON).count({ where: { publishedAt: null } })).toBe(4);
    expect(await app.strapi.db.query(ORGANISATION).count()).toBe(0);
  });
});

describe('people and organisations', () => {
  let portId: string;
  let shipsId: string;

  test('Given a known Justine Marchetti, when stories call her "Mayor Justine Marchetti", "Marchetti" and "Ms. Marchetti", then each links her and no second Marchetti exists', async () => {
    const known = await createPerson(app.strapi, { name: 'Justine Marchetti' });
    portId = (await importLines('port', STORIES.port)).documentId;
    shipsId = (await importLines('ships', STORIES.ships)).documentId;

    const marchettis = await app.strapi.db.query(PERSON).findMany({ where: { name: { $containsi: 'marchetti' }, publishedAt: null } });
    expect(marchettis.map((person: { documentId: string }) => person.documentId)).toEqual([known.documentId]);
    const port = await story(portId);
    const ships = await story(shipsId);
    expect(names(port.people)).toEqual(['Justine Marchetti']);
    expect(quoteStarting(port, 'This terminal will double')?.speaker).toEqual(expect.objectContaining({ name: 'Justine Marchetti' }));
    expect(quoteStarting(ships, 'We are proud')?.speaker).toEqual(expect.objectContaining({ name: 'Justine Marchetti' }));
    expect(names(ships.people)).toEqual(['Justine Marchetti', 'Okafor']);
  });

  test('Given a person first named by surname only, when a later story names her in full, then it is the same Person, now under the full name', async () => {
    const [okafor] = await app.strapi.db.query(PERSON).findMany({ where: { name: 'Okafor', publishedAt: null } });
    const { documentId } = await importLines('trucking', STORIES.trucking);

    const okafors = await app.strapi.db.query(PERSON).findMany({ where: { name: { $containsi: 'okafor' }, publishedAt: null } });
    expect(okafors).toHaveLength(1);
    expect(okafors[0]).toMatchObject({ documentId: okafor.documentId, name: 'Grace Okafor', aliases: ['Okafor'] });
    expect(names((await story(documentId)).people)).toEqual(['Grace Okafor']);
    expect(quoteStarting(await story(shipsId), 'Our drivers have waited')?.speaker).toEqual(
      expect.objectContaining({ name: 'Grace Okafor' }),
    );
  });

  test('Given a statement and an unnamed spokesperson of the Halifax Port Authority, then one Organisation speaks both quotes and both articles mention it, over REST and GraphQL', async () => {
    const port = await story(portId);
    const ships = await story(shipsId);
    expect(names(port.organisations)).toEqual(['Halifax Port Authority']);
    expect(names(ships.organisations)).toEqual(['Halifax Port Authority']);
    const statement = quoteStarting(port, 'Demand from shippers');
    expect(statement).toMatchObject({ speaker: null, speakerOrganisation: { name: 'Halifax Port Authority' } });
    expect(quoteStarting(ships, 'The first month of bookings')).toMatchObject({
      speaker: null,
      speakerOrganisation: { name: 'Halifax Port Authority' },
    });

    const list = await request(app.server)
      .get('/api/organisations')
      .query({ populate: { articles: { fields: ['title'] }, quotes: { fields: ['text'] } } });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].name).toBe('Halifax Port Authority');
    expect(list.body.data[0].articles).toHaveLength(2);
    expect(list.body.data[0].quotes).toHaveLength(2);

    const graphql = await request(app.server)
      .post('/graphql')
      .send({
        query: `query ($id: ID!) { organisations { name articles { title } quotes { text } }
          article(documentId: $id) { organisations { name } quotes { text speakerOrganisation { name } } } }`,
        variables: { id: portId },
      });
    expect(graphql.body.errors).toBeUndefined();
    expect(graphql.body.data.organisations).toEqual([expect.objectContaining({ name: 'Halifax Port Authority' })]);
    expect(graphql.body.data.organisations[0].quotes).toHaveLength(2);
    expect(graphql.body.data.article.organisations).toEqual([{ name: 'Halifax Port Authority' }]);
  });

  test('JSON-LD mentions the Organization and credits its Quotation to it; ninjs lists it under organisations', async () => {
    const jsonld = (await request(app.server).get(`/api/articles/${portId}/jsonld`)).body;
    expect(jsonld.mentions).toEqual(
      expect.arrayContaining([
        { '@type': 'Person', name: 'Justine Marchetti' },
        { '@type': 'Organization', name: 'Halifax Port Authority' },
      ]),
    );
    const quotation = (jsonld.hasPart as { text: string; creator: object }[]).find((part) => part.text.startsWith('Demand from shippers'));
    expect(quotation?.creator).toEqual({ '@type': 'Organization', name: 'Halifax Port Authority' });

    const ninjs = (await request(app.server).get(`/api/articles/${portId}/ninjs`)).body;
    expect(ninjs.organisations).toEqual([
      expect.objectContaining({
        name: 'Halifax Port Authority',
        rel: 'quoted',
        uri: expect.stringMatching(/^urn:newsdesk:organisation:/u),
      }),
    ]);
  });

  test('importing the same stories again changes nothing', async () => {
    const before = await counts();
    const summary = await importFiles(
      app.strapi,
      ['port', 'ships', 'trucking'].map((name) => path.join(dir, `${name}.txt`)),
      { publish: true },
    );
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(await counts()).toEqual(before);
  });
});

describe('wire layout', () => {
  test('Given a headline, a byline, a dateline, a caption and a subhead, then the headline is the title, byline and dateline are fields, only story lines are paragraphs, and neither the byline nor the photo credit is a person', async () => {
    const { documentId } = await importLines('port', STORIES.port);
    const port = await story(documentId);
    expect(port).toMatchObject({
      title: 'Port authority opens new container terminal in Halifax',
      byline: 'By Jane Roe, The Canadian Press',
      dateline: 'HALIFAX, May 4 (CP)',
    });
    expect(port.body.map((block) => block.children[0].text)).toEqual([
      'The Halifax Port Authority opened a new container terminal on Monday, Mayor Justine Marchetti said during a visit to the docks.',
      STORIES.port[4],
      STORIES.port[7],
      STORIES.port[8],
    ]);
    expect(port.quotes.map((quote) => quote.paragraph).sort()).toEqual([1, 2]);
    expect(await app.strapi.db.query(PERSON).count({ where: { name: { $in: ['Jane Roe', 'Sam Diaz'] } } })).toBe(0);
  });
});

describe('editor corrections', () => {
  test('Given an editor corrected a quote’s speaker, when the wire’s update is imported, then the correction stays while that quote’s words are unchanged, and the importer still owns the quotes the editor left alone', async () => {
    const v1 = await importLines('bridge', BRIDGE_V1);
    const editorsChoice = await createPerson(app.strapi, { name: 'Paul Meyer' });
    const deck = quoteStarting(await story(v1.documentId, 'draft'), DECK) as unknown as { documentId: string; speaker: Named };
    expect(deck.speaker?.name).toBe('Lena Fischer');
    // The editor's fix, as the admin panel saves it (the Document Service), then published.
    await app.strapi.documents(QUOTE).update({ documentId: deck.documentId, data: { speaker: editorsChoice.documentId } as never });
    await app.strapi.documents(QUOTE).publish({ documentId: deck.documentId });

    const v2 = await importLines('bridge', BRIDGE_V2);
    expect(v2).toMatchObject({ updated: 1, documentId: v1.documentId });
    const updated = await story(v1.documentId);
    expect(quoteStarting(updated, DECK)?.speaker?.name).toBe('Paul Meyer');
    // Untouched by the editor: the wire's new speaker wins.
    expect(quoteStarting(updated, 'Traffic will move')?.speaker?.name).toBe('Omar Haddad');
    expect(names(updated.people)).toEqual(['Lena Fischer', 'Omar Haddad', 'Paul Meyer']);
    expect(updated.quotes).toHaveLength(3);

    // The same update again: nothing to do, the correction still there.
    expect(await importLines('bridge', BRIDGE_V2)).toMatchObject({ unchanged: 1 });
    expect(quoteStarting(await story(v1.documentId), DECK)?.speaker?.name).toBe('Paul Meyer');

    // Reworded by the wire: new words, so the wire's speaker again.
    const reworded = BRIDGE_V2.map((line) => line.replace(DECK, 'The deck is at the end of its life and cannot wait another winter'));
    await importLines('bridge', reworded);
    expect(quoteStarting(await story(v1.documentId), 'The deck is at the end')?.speaker?.name).toBe('Lena Fischer');
  });
});
