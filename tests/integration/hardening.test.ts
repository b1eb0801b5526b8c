/**
 * The limits set in config/: security headers and CORS from the environment, rate-limited
 * logins, and request and upload sizes and types. Each limit is set here to a small value
 * through its environment variable, which also proves the variable is read.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, apiToken } from '../helpers/fixtures';

const UPLOAD_LIMIT = 64 * 1024;
const FRONTEND = 'https://frontend.newsdesk.test';
const LOGIN_TRIES = 3;

// A 1×1 PNG: a real image, so the upload plugin's content sniffing accepts it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let app: TestApp;
let writer: string;

beforeAll(async () => {
  app = await startTestApp({
    environment: {
      CORS_ORIGINS: `${FRONTEND},http://localhost:3000`,
      HSTS_MAX_AGE: '86400',
      CSP_IMG_SRC: 'https://media.newsdesk.test',
      UPLOAD_MAX_FILE_SIZE: String(UPLOAD_LIMIT),
      BODY_JSON_LIMIT: '256kb',
      AUTH_RATE_LIMIT_MAX: String(LOGIN_TRIES),
      ADMIN_RATE_LIMIT_MAX: String(LOGIN_TRIES),
    },
  });
  writer = await apiToken(app.strapi, 'full-access');
});
afterAll(async () => {
  // Uploaded files land in public/uploads/: remove them with their rows.
  const files = (await app?.strapi.db.query('plugin::upload.file').findMany()) ?? [];
  for (const file of files) await app.strapi.plugin('upload').service('upload').remove(file);
  await app?.stop();
});

const uploadedFiles = () => app.strapi.db.query('plugin::upload.file').count();

describe('security headers and CORS come from the environment', () => {
  test('an API answer carries CSP, HSTS, frame, sniffing and referrer headers', async () => {
    const res = await request(app.server).get('/api/articles');
    expect(res.status).toBe(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("img-src 'self' data: blob: https://media.newsdesk.test");
    expect(csp).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBe('max-age=86400; includeSubDomains');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  test('a listed origin is allowed; any other origin is not', async () => {
    const allowed = await request(app.server).get('/api/articles').set('Origin', FRONTEND);
    expect(allowed.headers['access-control-allow-origin']).toBe(FRONTEND);
    const preflight = await request(app.server)
      .options('/api/articles')
      .set('Origin', FRONTEND)
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(FRONTEND);

    const foreign = await request(app.server).get('/api/articles').set('Origin', 'https://evil.example');
    expect(foreign.headers['access-control-allow-origin']).not.toBe('https://evil.example');
    expect(foreign.headers['access-control-allow-origin']).not.toBe('*');
  });
});

describe('logins are rate limited', () => {
  test(`reader login: after ${LOGIN_TRIES} bad passwords, the next try answers 429`, async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    await app.strapi.plugin('users-permissions').service('user').add({
      username: 'ratelimited',
      email: 'ratelimited@newsdesk.test',
      password: 'Right-password-1',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
    const attempt = (password: string) =>
      request(app.server).post('/api/auth/local').send({ identifier: 'ratelimited@newsdesk.test', password });
    for (let i = 0; i < LOGIN_TRIES; i += 1) expect((await attempt(`wrong-${i}`)).status).toBe(400);
    const blocked = await attempt('wrong-again');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.name).toBe('RateLimitError');
    // Even the right password waits for the window: a guesser learns nothing from it.
    const right = await attempt('Right-password-1');
    expect(right.status).toBe(429);
    expect(right.body.jwt).toBeUndefined();
  });

  test(`admin login: after ${LOGIN_TRIES} bad passwords for one e-mail, the next try answers 429`, async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
    await app.strapi.service('admin::user').create({
      email: 'editor-ratelimited@newsdesk.test',
      firstname: 'Rate',
      lastname: 'Limited',
      password: 'Right-password-1',
      isActive: true,
      roles: [role.id],
    });
    const attempt = (password: string) =>
      request(app.server).post('/admin/login').send({ email: 'editor-ratelimited@newsdesk.test', password });
    for (let i = 0; i < LOGIN_TRIES; i += 1) expect((await attempt(`wrong-${i}`)).status).toBe(400);
    const blocked = await attempt('Right-password-1');
    expect(blocked.status).toBe(429);
    expect(blocked.body.data?.token).toBeUndefined();
  });
});

describe('request and upload limits', () => {
  test('a JSON body over BODY_JSON_LIMIT answers 413 and writes nothing', async () => {
    const before = await app.strapi.db.query(ARTICLE).count();
    const res = await request(app.server)
      .post('/api/articles')
      .set('Authorization', `Bearer ${writer}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ data: { title: 'Too big', standfirst: 'x'.repeat(512 * 1024) } }));
    expect(res.status).toBe(413);
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
  });

  test('a small image uploads', async () => {
    const before = await uploadedFiles();
    const res = await request(app.server).post('/api/upload').set('Authorization', `Bearer ${writer}`).attach('files', PNG, 'pixel.png');
    expect(res.status).toBe(201);
    expect(await uploadedFiles()).toBe(before + 1);
  });

  test('a file over UPLOAD_MAX_FILE_SIZE answers 413 and stores nothing', async () => {
    const before = await uploadedFiles();
    const big = Buffer.concat([PNG, Buffer.alloc(UPLOAD_LIMIT * 2, 1)]);
    const res = await request(app.server).post('/api/upload').set('Authorization', `Bearer ${writer}`).attach('files', big, 'big.png');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBeTruthy();
    expect(await uploadedFiles()).toBe(before);
  });

  test.each([
    ['an HTML page', Buffer.from('<html><script>alert(1)</script></html>'), 'page.html', 'text/html'],
    [
      'an SVG with a script',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'logo.svg',
      'image/svg+xml',
    ],
  ])('%s is refused with a 4xx and stores nothing', async (_name, bytes, filename, contentType) => {
    const before = await uploadedFiles();
    const res = await request(app.server)
      .post('/api/upload')
      .set('Authorization', `Bearer ${writer}`)
      .attach('files', bytes, { filename, contentType });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await uploadedFiles()).toBe(before);
  });

  test('anonymous clients cannot upload at all', async () => {
    const before = await uploadedFiles();
    const res = await request(app.server).post('/api/upload').attach('files', PNG, 'pixel.png');
    expect(res.status).toBe(403);
    expect(await uploadedFiles()).toBe(before);
  });
});
