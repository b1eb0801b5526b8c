/**
 * Generated hostile input against every way in: the REST query parser, REST bodies,
 * GraphQL, the importer and the read-also suggestions endpoint. Whatever comes in, each
 * case must answer below 500 (a 4xx says why), within a time bound, leave the server
 * answering, and write nothing to the content tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, PERSON, QUOTE, RELATED_LINK, apiToken } from '../helpers/fixtures';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom';
import { HOSTILE_STRINGS, OPERATORS, seededRandom, toQueryString, type Random } from '../helpers/hostile';
import { importFiles } from '../../src/importer/batch';
import { parseStory } from '../../src/importer/parser';
import { MAX_STORY_BYTES } from '../../src/importer/files';

const SEED = 20240607;
const CASE_TIME_LIMIT_MS = 5_000;
const CONTENT_TABLES = [ARTICLE, PERSON, QUOTE, RELATED_LINK] as const;

let app: TestApp;
let newsroom: Newsroom;
let fullAccess: string;
let readOnly: string;
let tried = 0;
let workDir: string;

beforeAll(async () => {
  app = await startTestApp();
  newsroom = await buildNewsroom(app.strapi);
  fullAccess = await apiToken(app.strapi, 'full-access');
  readOnly = await apiToken(app.strapi, 'read-only');
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-hostile-'));
});
afterAll(async () => {
  console.log(`hostile input: ${tried} generated cases tried`);
  fs.rmSync(workDir, { recursive: true, force: true });
  await app?.stop();
});

async function contentCounts(): Promise<number[]> {
  return Promise.all(CONTENT_TABLES.map((uid) => app.strapi.db.query(uid).count()));
}

/** Builds an object with an own property even for "__proto__" (a computed key never sets the prototype). */
const entry = (key: string, value: unknown): Record<string, unknown> => ({ [key]: value });

type HttpCase = { name: string; send: () => request.Test };

/** Runs one case: bounded time, below 500, an explained 4xx, the server still up, nothing written. */
async function expectHarmless(httpCase: HttpCase) {
  tried += 1;
  const before = await contentCounts();
  const started = Date.now();
  const res = await httpCase.send().timeout(CASE_TIME_LIMIT_MS + 1_000);
  const elapsed = Date.now() - started;
  const context = `${httpCase.name} → ${res.status} in ${elapsed} ms: ${JSON.stringify(res.body).slice(0, 300)}`;
  if (res.status >= 500 || elapsed >= CASE_TIME_LIMIT_MS) throw new Error(context);
  const gqlErrors = (res.body?.errors ?? []) as { message?: string; extensions?: { code?: string } }[];
  if (gqlErrors.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) throw new Error(`internal GraphQL error: ${context}`);
  // 414 and 431 come from Node's HTTP parser itself (URL or headers too long): a status line, no body.
  if (res.status >= 400 && ![414, 431].includes(res.status)) {
    const message = res.body?.error?.message ?? gqlErrors[0]?.message;
    if (typeof message !== 'string' || message.length === 0) throw new Error(`a ${res.status} without a message: ${context}`);
  }
  expect((await request(app.server).get('/_health')).status).toBe(204);
  expect(await contentCounts()).toEqual(before);
  return res;
}

// --- REST query parser --------------------------------------------------------------------------

// Fields of every type the query parser accepts: text, numbers, booleans, dates, JSON, blocks, relations (and localizations).
const FIELDS = [
  'title',
  'slug',
  'name',
  'text',
  'label',
  'people',
  'quotes',
  'relatedLinks',
  'speaker',
  'article',
  'createdBy',
  'password',
  'id',
  'documentId',
  'locale',
  'publishedAt',
  'score',
  'order',
  'paragraph',
  'unresolved',
  'storyPublishedAt',
  'tags',
  'aliases',
  'reasons',
  'body',
  'localizations',
  'organisations',
  'speakerOrganisation',
  'photo',
  'role',
];

function nestedFilter(random: Random, depth: number): unknown {
  if (depth === 0)
    return random.chance(0.2) ? Array.from({ length: random.int(4) }, () => random.pick(HOSTILE_STRINGS)) : random.pick(HOSTILE_STRINGS);
  const key = random.chance(0.5) ? random.pick(OPERATORS) : random.pick(FIELDS);
  if (key === '$in' || key === '$or' || key === '$and' || key === '$between' || key === '$notIn') {
    return entry(
      key,
      Array.from({ length: random.int(4) }, () => nestedFilter(random, depth - 1)),
    );
  }
  return entry(key, nestedFilter(random, depth - 1));
}

function nestedPopulate(random: Random, depth: number): unknown {
  if (depth === 0) return random.pick(['*', 'true', 'false', ...HOSTILE_STRINGS.slice(0, 8)]);
  const relation = random.pick([
    'people',
    'quotes',
    'relatedLinks',
    'articles',
    'speaker',
    'targetArticle',
    'createdBy',
    'photo',
    'nope',
    '__proto__',
    '$where',
  ]);
  return entry(relation, random.chance(0.7) ? { populate: nestedPopulate(random, depth - 1) } : nestedPopulate(random, depth - 1));
}

const PAGINATION_VALUES = [
  '1e9',
  '1000000000',
  '-1',
  '0',
  'NaN',
  'abc',
  '1e308',
  '99999999999999999999999',
  '',
  '1.5',
  '[]',
  '-0',
  'Infinity',
];

function restQueryCase(random: Random, index: number): HttpCase {
  const endpoint = random.pick([
    '/api/articles',
    '/api/people',
    '/api/organisations',
    '/api/quotes',
    '/api/related-links',
    `/api/articles/${newsroom.articles.seed.documentId}`,
    '/api/users',
    '/api/users-permissions/roles',
    '/api/upload/files',
    `/api/users/${random.pick(['1', 'abc', '1e99', '%00'])}`,
    `/api/upload/files/${random.pick(['1', 'abc', '-1'])}`,
  ]);
  const kind = random.pick(['filters', 'populate', 'sort', 'pagination', 'fields', 'mixed', 'raw'] as const);
  const parts: string[] = [];
  if (kind === 'filters' || kind === 'mixed')
    parts.push(...toQueryString(entry('filters', nestedFilter(random, 1 + random.int(random.chance(0.3) ? 40 : 6)))));
  if (kind === 'populate' || kind === 'mixed')
    parts.push(...toQueryString(entry('populate', nestedPopulate(random, 1 + random.int(random.chance(0.3) ? 30 : 5)))));
  if (kind === 'sort' || kind === 'mixed') {
    const sort = Array.from(
      { length: 1 + random.int(4) },
      () => `${random.pick([...FIELDS, ...HOSTILE_STRINGS])}:${random.pick(['asc', 'desc', 'DROP', ''])}`,
    );
    parts.push(...toQueryString({ sort: random.chance(0.5) ? sort.join(',') : Object.fromEntries(sort.map((value, i) => [i, value])) }));
  }
  if (kind === 'pagination' || kind === 'mixed') {
    parts.push(
      ...toQueryString({
        pagination: random.chance(0.5)
          ? { page: random.pick(PAGINATION_VALUES), pageSize: random.pick(PAGINATION_VALUES) }
          : { start: random.pick(PAGINATION_VALUES), limit: random.pick(PAGINATION_VALUES) },
      }),
    );
  }
  if (kind === 'fields')
    parts.push(...toQueryString({ fields: Array.from({ length: 1 + random.int(5) }, () => random.pick([...FIELDS, ...HOSTILE_STRINGS])) }));
  if (kind === 'raw') {
    parts.push(
      random.pick([
        'filters[$where]=1==1',
        '__proto__[polluted]=yes',
        'constructor[prototype][polluted]=yes',
        'filters[title][$eq][__proto__][polluted]=yes',
        `${'a'.repeat(20_000)}=1`,
        Array.from({ length: 3_000 }, (_, i) => `p${i}=1`).join('&'),
        `filters[title][$in][${'9'.repeat(12)}]=x`,
        `filters[documentId][$in]=${Array.from({ length: 2_000 }, (_, i) => `id${i}`).join('&filters[documentId][$in]=')}`,
        'locale=../../etc&status=published',
        'populate=*&populate[people][populate]=*',
        'sort[0][title]=asc&sort[0][__proto__]=x',
        '%ZZ=%E0%A4%A',
      ]),
    );
  }
  const query = parts.join('&');
  const authorize = random.chance(0.3);
  return {
    name: `REST query #${index} (${kind}, ${endpoint}${authorize ? ', full-access' : ''}) ?${query.slice(0, 200)}`,
    send: () => {
      const req = request(app.server).get(`${endpoint}?${query}`);
      return authorize ? req.set('Authorization', `Bearer ${fullAccess}`) : req;
    },
  };
}

describe('REST query parser', () => {
  const count = 150;
  // Built when the test runs: the cases point at documents that beforeAll creates.
  const generate = () => {
    const random = seededRandom(SEED);
    return Array.from({ length: count }, (_, index) => restQueryCase(random, index));
  };

  test(`${count} generated queries answer below 500, in time, and write nothing`, async () => {
    for (const httpCase of generate()) await expectHarmless(httpCase);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a page size of a billion is capped at the configured maximum', async () => {
    const res = await expectHarmless({
      name: 'pageSize=1e9',
      send: () => request(app.server).get('/api/articles?pagination[pageSize]=1000000000'),
    });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBeLessThanOrEqual(100);
  });
});

// --- Requests an outside probe found answering 500 or running too long ----------------------------

/** Each a class of request, with the example that was seen; the generators above widen each class. */
const PROBED_QUERIES = [
  'filters[title][$between][0]=a',
  'filters[title][$between]=a',
  'filters[title][$between][0]=a&filters[title][$between][1]=b&filters[title][$between][2]=c',
  'filters[]=1',
  'filters=1',
  'filters[title][$in]=x&filters[title][$in][a]=y',
  'fields[0]=__proto__',
  'fields[0]=constructor',
  'fields[0]=prototype',
  'fields=__proto__',
  'sort[0]=__proto__',
  'filters[title][$eq][$eq]=1',
  'filters[title][$eq][0][$eq]=1',
  'filters[title][$containsi][$foo]=1',
  'filters[title][$null][$eq]=1',
  'pagination[start]=1e20',
  'pagination[limit]=1e20',
  'pagination[page]=1e20',
  'pagination[pageSize]=-1e20',
  'filters[tags][$contains]=x',
  'filters[tags][$eq]=x',
  'filters[tags][$startsWith]=x',
  'filters[body][$containsi]=x',
  'filters[id][$eq]=abc',
  'filters[id][$in][0]=abc',
  'filters[id][$gt]=1e400',
  'filters[storyPublishedAt][$gt]=not-a-date',
  'filters[storyPublishedAt][$eq]=2023-13-45',
  'filters[people][id][$eq]=abc',
  'filters[people][$eq]=abc',
  'filters[documentId][$eq]=%00',
  'filters[title][$eq]=%00',
  'locale=%00',
  'sort=people.name:asc',
  'sort=title:sideways',
];

const PROBED_TYPED_QUERIES = [
  ['/api/related-links', 'filters[score][$eq]=abc'],
  ['/api/related-links', 'filters[score][$between][0]=a&filters[score][$between][1]=b'],
  ['/api/related-links', 'filters[order][$lt]=twelve'],
  ['/api/related-links', 'filters[unresolved][$eq]=maybe'],
  ['/api/related-links', 'filters[reasons][$contains]=x'],
  ['/api/quotes', 'filters[paragraph][$eq]=1.5e999'],
  ['/api/people', 'filters[aliases][$containsi]=x'],
] as const;

describe('requests an outside probe found answering 500', () => {
  test.each(PROBED_QUERIES)('GET /api/articles?%s answers below 500 with a message', async (query) => {
    for (const authorization of [undefined, `Bearer ${fullAccess}`]) {
      await expectHarmless({
        name: `GET /api/articles?${query}`,
        send: () => {
          const req = request(app.server).get(`/api/articles?${query}`);
          return authorization ? req.set('Authorization', authorization) : req;
        },
      });
    }
  });

  test.each(PROBED_TYPED_QUERIES)('GET %s?%s answers below 500 with a message', async (endpoint, query) => {
    await expectHarmless({ name: `GET ${endpoint}?${query}`, send: () => request(app.server).get(`${endpoint}?${query}`) });
  });

  test.each([
    '/api/upload/files/abc',
    '/api/upload/files/1e99',
    '/api/users/abc',
    '/api/users/%00',
    '/api/users-permissions/roles/abc',
    '/api/users?filters[id][$eq]=abc',
    '/api/upload/files?filters[id][$eq]=abc',
    '/api/users-permissions/roles/1e99',
  ])('a full-access token asking %s gets a 4xx', async (url) => {
    const res = await expectHarmless({ name: url, send: () => request(app.server).get(url).set('Authorization', `Bearer ${fullAccess}`) });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  test('a NUL byte as the documentId of the suggestions endpoint answers 400', async () => {
    const res = await expectHarmless({
      name: 'NUL documentId',
      send: () => request(app.server).get('/api/read-also/articles/%00/suggestions').set('Authorization', `Bearer ${readOnly}`),
    });
    expect(res.status).toBe(400);
  });

  test.each([
    [
      'a multipart body cut short',
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"title":',
    ],
    ['a multipart body without its boundary', 'multipart/form-data', 'garbage'],
    ['a JSON body cut short', 'application/json', '{"data": {"title": '],
    ['a JSON body with __proto__', 'application/json', '{"data": {"__proto__": {"polluted": true}}}'],
    ['an unknown type', 'application/x-unknown', 'whatever'],
  ])('POST /api/articles with %s answers a 4xx', async (_name, contentType, body) => {
    for (const authorization of [undefined, `Bearer ${fullAccess}`]) {
      const res = await expectHarmless({
        name: `POST /api/articles ${contentType}`,
        send: () => {
          const req = request(app.server).post('/api/articles').set('Content-Type', contentType);
          return (authorization ? req.set('Authorization', authorization) : req).send(body);
        },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('password reset answers the same for a known and an unknown address, and sends nothing', async () => {
    const known = `known-${Date.now()}@newsdesk.test`;
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    await app.strapi.plugin('users-permissions').service('user').add({
      username: known,
      email: known,
      password: 'Reader-password-1',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
    const answers = [];
    for (const email of [known, `unknown-${Date.now()}@newsdesk.test`]) {
      const res = await expectHarmless({
        name: `forgot-password ${email}`,
        send: () => request(app.server).post('/api/auth/forgot-password').send({ email }),
      });
      answers.push({ status: res.status, body: res.body });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0].status).toBe(200);

    // A configured provider that fails (a mail server down) must not tell the caller either.
    const email = app.strapi.plugin('email');
    const quiet = email.provider;
    Object.assign(email, { provider: { send: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:25')) } });
    try {
      const failed = await expectHarmless({
        name: 'forgot-password, provider down',
        send: () => request(app.server).post('/api/auth/forgot-password').send({ email: known }),
      });
      expect({ status: failed.status, body: failed.body }).toEqual(answers[1]);
    } finally {
      Object.assign(email, { provider: quiet });
    }
  });
});

// --- REST bodies --------------------------------------------------------------------------------

function restBodyCase(random: Random, index: number): HttpCase {
  const target = random.pick(['articles', 'people', 'quotes', 'related-links']);
  const method = random.pick(['post', 'put'] as const);
  const url =
    method === 'post'
      ? `/api/${target}`
      : `/api/${target}/${random.pick([newsroom.articles.seed.documentId, 'no-such-document', ...HOSTILE_STRINGS.slice(0, 5).map(encodeURIComponent)])}`;
  const hostile = random.pick(HOSTILE_STRINGS);
  // Every body is invalid: no data object, an unknown or private key, or a relation to nothing.
  const bodies: unknown[] = [
    { data: hostile },
    { data: [hostile] },
    { data: null },
    { notData: { title: hostile } },
    { data: entry('__proto__', { polluted: true }) },
    {
      data: {
        title: 'x',
        [random.pick(['password', 'createdBy', 'publishedAt', 'id', '$where', 'constructor', 'importChecksum2'])]: hostile,
      },
    },
    { data: { title: 'x', people: [hostile, `${hostile}-2`] } },
    { data: { title: 'x', people: { connect: [{ documentId: hostile }] } } },
    { data: { title: 'x', unknownField: nestedFilter(random, 3) } },
    { data: nestedFilter(random, 12) },
  ];
  const body = random.pick(bodies);
  return {
    name: `REST body #${index} ${method.toUpperCase()} ${url} ${JSON.stringify(body).slice(0, 160)}`,
    send: () => {
      const client = request(app.server);
      return client[method](url)
        .set('Authorization', `Bearer ${fullAccess}`)
        .send(body as object);
    },
  };
}

describe('REST bodies', () => {
  const count = 60;
  // Built when the test runs: the cases point at documents that beforeAll creates.
  const generate = () => {
    const random = seededRandom(SEED + 1);
    return Array.from({ length: count }, (_, index) => restBodyCase(random, index));
  };

  test(`${count} generated invalid bodies from a full-access token are refused with a 4xx and write nothing`, async () => {
    for (const httpCase of generate()) {
      const res = await expectHarmless(httpCase);
      if (res.status < 400) throw new Error(`accepted: ${httpCase.name} → ${res.status}`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// --- GraphQL ------------------------------------------------------------------------------------

function deepQuery(depth: number): string {
  let selection = 'name';
  for (let level = 0; level < depth; level += 1)
    selection =
      level % 2 === 0
        ? `articles { title people { ${selection} } }`
        : `people { name ${selection.startsWith('articles') ? selection : ''} }`;
  return `{ people { ${selection} } }`;
}

function graphqlCase(random: Random, index: number): HttpCase {
  const kind = random.pick([
    'deep',
    'aliases',
    'nested-aliases',
    'fan-out',
    'list-literal',
    'list-variable',
    'fragments',
    'batch',
    'strings',
    'directives',
    'mutation',
  ] as const);
  let body: unknown;
  switch (kind) {
    case 'deep':
      body = { query: deepQuery(9 + random.int(40)) };
      break;
    case 'aliases':
      body = { query: `{ ${Array.from({ length: 500 + random.int(4_500) }, (_, i) => `a${i}: articles { title }`).join(' ')} }` };
      break;
    case 'nested-aliases': {
      const relation = random.pick([
        'people { name }',
        'quotes { text }',
        'localizations { title }',
        'relatedLinks { label }',
        'organisations { name }',
      ]);
      body = { query: `{ articles { ${Array.from({ length: 100 + random.int(2_000) }, (_, i) => `n${i}: ${relation}`).join(' ')} } }` };
      break;
    }
    case 'fan-out': {
      const levels = 3 + random.int(10);
      const spreads = 3 + random.int(10);
      body = {
        query: [
          `{ articles { ...F${levels} } }`,
          'fragment F0 on Article { title }',
          ...Array.from(
            { length: levels },
            (_, i) => `fragment F${i + 1} on Article { ${Array.from({ length: spreads }, () => `...F${i}`).join(' ')} }`,
          ),
        ].join(' '),
      };
      break;
    }
    case 'list-literal':
      body = {
        query: `{ articles(filters: { documentId: { in: [${Array.from({ length: 1_000 + random.int(20_000) }, (_, i) => `"id${i}"`).join(',')}] } }) { title } }`,
      };
      break;
    case 'list-variable':
      body = {
        query: 'query ($ids: [String]) { articles(filters: { documentId: { in: $ids } }) { title } }',
        variables: { ids: Array.from({ length: 1_000 + random.int(80_000) }, (_, i) => `${i}`) },
      };
      break;
    case 'fragments':
      body = { query: 'query { articles { ...A } } fragment A on Article { title ...B } fragment B on Article { slug ...A }' };
      break;
    case 'batch':
      body = Array.from({ length: 100 + random.int(900) }, () => ({ query: '{ articles { title } }' }));
      break;
    case 'strings':
      body = {
        query: `{ articles(filters: { title: { ${random.pick(['eq', 'contains', 'foo', '$where', '__proto__'])}: ${JSON.stringify(random.pick(HOSTILE_STRINGS))} } }) { title } }`,
      };
      break;
    case 'directives':
      body = { query: `{ articles { title ${'@include(if: true) '.repeat(1_000 + random.int(4_000))} } }` };
      break;
    case 'mutation':
      body = { query: `mutation { createArticle(data: { title: ${JSON.stringify(random.pick(HOSTILE_STRINGS))} }) { documentId } }` };
      break;
  }
  const authorize = kind !== 'mutation' && random.chance(0.3);
  // Every transport: JSON and the other JSON media types Koa parses, and GET when the query fits in a URL.
  const transport = random.pick(['application/json', 'application/vnd.api+json', 'application/graphql-response+json', 'GET'] as const);
  const text = JSON.stringify(body);
  const viaGet = transport === 'GET' && !Array.isArray(body) && text.length < 6_000;
  return {
    name: `GraphQL #${index} (${kind}, ${viaGet ? 'GET' : transport}${authorize ? ', full-access' : ''}) ${text.slice(0, 160)}`,
    send: () => {
      const { query, variables } = body as { query: string; variables?: unknown };
      const req = viaGet
        ? request(app.server)
            .get('/graphql')
            .query({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })
            .set('apollo-require-preflight', 'true')
        : request(app.server)
            .post('/graphql')
            .set('Content-Type', transport === 'GET' ? 'application/json' : transport)
            .send(text);
      return authorize ? req.set('Authorization', `Bearer ${fullAccess}`) : req;
    },
  };
}

describe('GraphQL', () => {
  const count = 80;
  // Built when the test runs: the cases point at documents that beforeAll creates.
  const generate = () => {
    const random = seededRandom(SEED + 2);
    return Array.from({ length: count }, (_, index) => graphqlCase(random, index));
  };

  test(`${count} generated operations answer below 500, in time, and write nothing`, async () => {
    for (const httpCase of generate()) await expectHarmless(httpCase);
  });

  test('a query deeper than the depth limit is refused with a message', async () => {
    const res = await expectHarmless({
      name: 'depth 12',
      send: () =>
        request(app.server)
          .post('/graphql')
          .send({ query: deepQuery(12) }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/depth/i);
  });

  const aliasFlood = `{ ${Array.from({ length: 5_000 }, (_, i) => `a${i}: articles { title }`).join(' ')} }`;
  const nestedAliases = `{ articles { ${Array.from({ length: 1_600 }, (_, i) => `p${i}: people { name }`).join(' ')} } }`;
  const fragmentFanOut = [
    '{ articles { ...F9 } }',
    'fragment F0 on Article { title }',
    ...Array.from({ length: 9 }, (_, i) => `fragment F${i + 1} on Article { ${Array.from({ length: 10 }, () => `...F${i}`).join(' ')} }`),
  ].join(' ');

  test.each([
    [
      '5,000 aliases as application/vnd.api+json',
      () =>
        request(app.server)
          .post('/graphql')
          .set('Content-Type', 'application/vnd.api+json')
          .send(JSON.stringify({ query: aliasFlood })),
    ],
    // GET queries are bounded by the URL length Node accepts (16 KB of headers): a few hundred aliases.
    [
      '200 aliases in a GET query',
      () =>
        request(app.server)
          .get('/graphql')
          .query({ query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: articles { title }`).join(' ')} }` })
          .set('apollo-require-preflight', 'true'),
    ],
    ['1,600 aliases below the top level', () => request(app.server).post('/graphql').send({ query: nestedAliases })],
    [
      '300 aliases below the top level in a GET query (under the size limit, over the cost limit)',
      () =>
        request(app.server)
          .get('/graphql')
          .query({ query: `{ articles { ${Array.from({ length: 300 }, (_, i) => `p${i}: people { name }`).join(' ')} } }` })
          .set('apollo-require-preflight', 'true'),
    ],
    [
      '300 aliases below the top level as application/vnd.api+json',
      () =>
        request(app.server)
          .post('/graphql')
          .set('Content-Type', 'application/vnd.api+json')
          .send(JSON.stringify({ query: `{ articles { ${Array.from({ length: 300 }, (_, i) => `p${i}: people { name }`).join(' ')} } }` })),
    ],
    ['ten fragments of ten spreads each', () => request(app.server).post('/graphql').send({ query: fragmentFanOut })],
    [
      'a page of 100 articles with 100 people each, twenty times',
      () =>
        request(app.server)
          .post('/graphql')
          .send({
            query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: articles(pagination: { limit: 100 }) { people(pagination: { limit: 100 }) { name articles { title } } }`).join(' ')} }`,
          }),
    ],
  ])('%s is refused as too costly, before it runs', async (name, send) => {
    const res = await expectHarmless({ name, send });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].message).toMatch(/cost|fields|fragment|aliases|at most/i);
  });

  test('a body that is not JSON answers 415, whatever it holds', async () => {
    const res = await expectHarmless({
      name: 'aliases as text/plain',
      send: () =>
        request(app.server)
          .post('/graphql')
          .set('Content-Type', 'text/plain')
          .send(JSON.stringify({ query: aliasFlood })),
    });
    expect(res.status).toBe(415);
  });

  test('an ordinary front-page query is not refused', async () => {
    const res = await expectHarmless({
      name: 'front page',
      send: () =>
        request(app.server).post('/graphql').send({
          query:
            '{ articles(pagination: { limit: 20 }) { documentId title slug standfirst people { name slug } quotes { text speaker { name } } relatedLinks { label targetArticle { slug title } } } }',
        }),
    });
    expect(res.status).toBe(200);
    expect(res.body.data.articles.length).toBeGreaterThan(0);
  });

  test('thousands of aliases are refused before any of them runs', async () => {
    const query = `{ ${Array.from({ length: 2_000 }, (_, i) => `a${i}: articles { title }`).join(' ')} }`;
    const res = await expectHarmless({ name: '2000 aliases', send: () => request(app.server).post('/graphql').send({ query }) });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
  });
});

// --- Importer -----------------------------------------------------------------------------------

const RTL_AND_INVISIBLE = ['\u200F', '\u200E', '\u202E', '\u202B', '\u2066', '\u2069', '\u200B', '\u200D', '\uFEFF', '\u00AD'];
const QUOTES = ['“', '”', '"', '«', '»', '‘', '’', '„'];
const WORDS = ['Ukraine', 'Zelensky', 'said', 'Trudeau', 'the', 'minister', 'war', 'aid', 'Canada', 'peace', 'continued', 'declared'];

function storyText(random: Random): string {
  const paragraphs = Array.from({ length: 1 + random.int(12) }, () => {
    const words = Array.from({ length: 3 + random.int(40) }, () => random.pick(WORDS));
    if (random.chance(0.5)) words.splice(random.int(words.length), 0, random.pick(QUOTES)); // unbalanced quotes
    if (random.chance(0.4)) words.splice(random.int(words.length), 0, random.pick(RTL_AND_INVISIBLE).repeat(1 + random.int(5)));
    // A NUL byte makes the file binary, which the random-bytes cases cover; here the story must stay text.
    if (random.chance(0.2)) words.push(random.pick(HOSTILE_STRINGS).split(String.fromCharCode(0)).join(''));
    if (random.chance(0.15)) return `• Read also: ${words.join(' ')}`;
    return words.join(' ');
  });
  const frontMatter = random.chance(0.3)
    ? `---\n${random.pick(['title', 'locale', 'publishedAt', 'tags', '__proto__', 'constructor', 'sourceId'])}: ${random.pick(HOSTILE_STRINGS).replace(/\n/gu, ' ')}\n${random.chance(0.5) ? '---\n' : ''}`
    : '';
  return frontMatter + paragraphs.join(random.pick(['\n', '\n\n', '\r\n', '\u2028']));
}

type ImportCase = { name: string; bytes: Buffer; mustFail: boolean };

function importCase(random: Random, index: number): ImportCase {
  const kind = random.pick(['random-bytes', 'control-characters', 'story', 'story', 'story', 'not-utf8', 'ninjs'] as const);
  switch (kind) {
    case 'random-bytes':
      return {
        name: `#${index} random bytes`,
        bytes: Buffer.from(Array.from({ length: 1 + random.int(4096) }, () => random.int(256))),
        mustFail: true,
      };
    case 'control-characters':
      return {
        name: `#${index} control characters`,
        bytes: Buffer.from(`${storyText(random)}\u0007\u001B[31m${storyText(random)}`),
        mustFail: true,
      };
    case 'not-utf8':
      return {
        name: `#${index} Latin-1 bytes`,
        bytes: Buffer.concat([Buffer.from('Zelensky said '), Buffer.from([0xe9, 0xe8, 0xff, 0xfe]), Buffer.from(' hello')]),
        mustFail: true,
      };
    case 'ninjs':
      return {
        name: `#${index} hostile ninjs`,
        bytes: Buffer.from(
          random.pick([
            '{"__proto__": {"polluted": true}, "body_text": "x"}',
            `{"headlines": [{"value": ${JSON.stringify(random.pick(HOSTILE_STRINGS))}}]}`,
            '['.repeat(5_000) + ']'.repeat(5_000),
            '{"body_text": 42, "people": "nobody"}',
            '{"headlines": "x", "body_text": "y", "language": "xx"}',
          ]),
        ),
        mustFail: true,
      };
    default:
      return { name: `#${index} odd story`, bytes: Buffer.from(storyText(random)), mustFail: false };
  }
}

describe('importer', () => {
  const count = 60;
  // Built when the test runs: the cases point at documents that beforeAll creates.
  const generate = () => {
    const random = seededRandom(SEED + 3);
    return Array.from({ length: count }, (_, index) => importCase(random, index));
  };

  test(`${count} generated files import all or nothing, in time, and never twice`, async () => {
    for (const [index, importing] of generate().entries()) {
      tried += 1;
      const file = path.join(workDir, `case-${index}${importing.name.includes('ninjs') ? '.ninjs.json' : '.txt'}`);
      fs.writeFileSync(file, importing.bytes);
      const before = await contentCounts();
      const started = Date.now();
      const summary = await importFiles(app.strapi, [file]);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(CASE_TIME_LIMIT_MS);
      const [result] = summary.results;
      const after = await contentCounts();
      if ('failure' in result) {
        expect(result.failure.length).toBeGreaterThan(0);
        expect(after).toEqual(before); // all or nothing
      } else {
        if (importing.mustFail) throw new Error(`${importing.name} was imported`);
        expect(['created', 'updated']).toContain(result.outcome.status);
        // A rerun changes nothing.
        const again = await importFiles(app.strapi, [file]);
        expect('outcome' in again.results[0] && again.results[0].outcome.status).toBe('unchanged');
        expect(await contentCounts()).toEqual(after);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a 10 MB line is refused by the importer; the longest accepted line parses in bounded time', async () => {
    tried += 1;
    const line = `Zelensky said “${'x'.repeat(10 * 1024 * 1024)}`;
    const file = path.join(workDir, 'huge-line.txt');
    fs.writeFileSync(file, line);
    const before = await contentCounts();
    const summary = await importFiles(app.strapi, [file]);
    expect('failure' in summary.results[0] && summary.results[0].failure).toMatch(/larger than/);
    expect(await contentCounts()).toEqual(before);

    // The parser itself, fed the longest line a file may hold, must not backtrack for ever.
    const longest = line.slice(0, MAX_STORY_BYTES);
    const started = Date.now();
    try {
      parseStory(longest);
    } catch (error) {
      expect((error as Error).message.length).toBeGreaterThan(0);
    }
    expect(Date.now() - started).toBeLessThan(CASE_TIME_LIMIT_MS);
  });
});

// --- Suggestions endpoint -----------------------------------------------------------------------

function suggestionCase(random: Random, index: number): HttpCase {
  const id = random.chance(0.8)
    ? random.pick(HOSTILE_STRINGS)
    : `${newsroom.articles.seed.documentId}${random.pick(HOSTILE_STRINGS.filter((value) => value.length > 0))}`;
  const query = toQueryString({
    ...(random.chance(0.5) ? { limit: random.pick(PAGINATION_VALUES) } : {}),
    ...(random.chance(0.5) ? { locale: random.pick(HOSTILE_STRINGS) } : {}),
  }).join('&');
  const base = random.chance(0.5) ? '/api/read-also/articles' : '/read-also/articles';
  const url = `${base}/${encodeURIComponent(id) || '%20'}/suggestions?${query}`;
  return {
    name: `suggestions #${index} ${url.slice(0, 200)}`,
    send: () => request(app.server).get(url).set('Authorization', `Bearer ${readOnly}`),
  };
}

describe('read-also suggestions endpoint', () => {
  const count = 50;
  // Built when the test runs: the cases point at documents that beforeAll creates.
  const generate = () => {
    const random = seededRandom(SEED + 4);
    return Array.from({ length: count }, (_, index) => suggestionCase(random, index));
  };

  test(`${count} generated bad ids and parameters answer 4xx with a message`, async () => {
    for (const httpCase of generate()) {
      const res = await expectHarmless(httpCase);
      if (res.status < 400) throw new Error(`accepted: ${httpCase.name} → ${res.status}`);
    }
  });
});
