/**
 * Newsdesk as it runs in production (NODE_ENV=production, real secrets): no GraphQL
 * introspection or sandbox, HSTS on, and no start at all with a missing or example secret.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { createArticle } from '../helpers/fixtures';
import { freshSecrets } from '../../src/lib/secrets';

const PRODUCTION = { NODE_ENV: 'production' };

describe('start-up refuses unsafe secrets in production', () => {
  test.each([
    ['APP_KEYS', 'change-me-1,change-me-2'],
    ['JWT_SECRET', 'tobemodified'],
    ['ADMIN_JWT_SECRET', ''],
    ['ENCRYPTION_KEY', undefined],
  ])('%s = %j stops start-up, naming the variable', async (name, value) => {
    await expect(startTestApp({ environment: { ...PRODUCTION, ...freshSecrets(), [name]: value } })).rejects.toThrow(
      new RegExp(`Refusing to start in production: set real values for .*${name}`),
    );
    // The refusal restored the environment: the next file does not start in production.
    expect(process.env.NODE_ENV).toBe('test');
  });
});

describe('a production server', () => {
  let app: TestApp;
  let article: { documentId: string };
  beforeAll(async () => {
    app = await startTestApp({ environment: PRODUCTION });
    article = await createArticle(app.strapi, { title: 'Production story' });
  });
  afterAll(async () => {
    await app?.stop();
    expect(process.env.NODE_ENV).toBe('test');
  });

  test('answers GraphQL queries but not introspection', async () => {
    const query = await request(app.server)
      .post('/graphql')
      .send({ query: `{ article(documentId: "${article.documentId}") { title } }` });
    expect(query.body.data.article.title).toBe('Production story');

    for (const introspection of ['{ __schema { types { name } } }', '{ __type(name: "Article") { fields { name } } }']) {
      const res = await request(app.server).post('/graphql').send({ query: introspection });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('"fields"');
      expect(res.body.errors[0].message).toMatch(/introspection/i);
    }
  });

  test('serves no GraphQL sandbox page', async () => {
    const res = await request(app.server).get('/graphql').set('Accept', 'text/html');
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(/apollo|sandbox|<script/i);
  });

  test('sends HSTS and the security headers', async () => {
    const res = await request(app.server).get('/api/articles');
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  /** What no answer may carry: SQL, driver error names, stack frames or file paths. */
  const INTERNALS = /\bselect\b|\bfrom\s+"|SqliteError|error: relation|\bat\s+\S+\s+\(|\/node_modules\/|\/dist\/|\.ts:\d+/iu;

  test.each([
    ['a sort across a to-many relation', { query: '{ people(sort: "articles.title:asc") { name } }' }],
    ['a sort on an unknown path', { query: '{ people(sort: "articles.nope.title:asc") { name } }' }],
    [
      'a 900 KB containsi variable',
      { query: 'query ($q: String) { articles(filters: { title: { containsi: $q } }) { title } }', variables: { q: 'x'.repeat(900_000) } },
    ],
    [
      'a NUL byte in a filter',
      { query: 'query ($q: String) { articles(filters: { title: { eq: $q } }) { title } }', variables: { q: 'a\u0000b' } },
    ],
    ['a word for a number', { query: '{ relatedLinks(filters: { order: { between: [1] } }) { label } }' }],
  ])('GraphQL: %s answers below 500 and shows no SQL, stack or path', async (_name, body) => {
    const res = await request(app.server).post('/graphql').send(body);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body)).not.toMatch(INTERNALS);
    expect((res.body.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code)).not.toContain(
      'INTERNAL_SERVER_ERROR',
    );
  });

  test('REST: a sort across a to-many relation answers below 500 and shows no SQL', async () => {
    const res = await request(app.server).get('/api/people?sort=articles.title:asc');
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body)).not.toMatch(INTERNALS);
  });
});
