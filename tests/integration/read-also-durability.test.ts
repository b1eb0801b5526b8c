import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { apiToken } from '../helpers/fixtures';
import { adminSession } from '../helpers/admin';
import { buildNewsroom, publishRelatedStory, type Newsroom } from '../helpers/newsroom';

let app: TestApp;
let newsroom: Newsroom;

beforeAll(async () => {
  app = await startTestApp();
  newsroom = await buildNewsroom(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

async function startSecondProcess(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'serve.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`second Strapi exited: ${stderr}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/_health`).then(
      (res) => res.status === 204,
      () => false,
    );
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`second Strapi did not start: ${stderr}`);
}

test('Given two Strapi processes on one database, when one publishes, then both serve the same suggestions', async () => {
  const token = await apiToken(app.strapi, 'custom', ['plugin::read-also.suggestions.find']);
  const port = 20000 + (process.pid % 20000);
  const second = await startSecondProcess(port);
  try {
    const seedId = newsroom.articles.seed.documentId;
    const fresh = await publishRelatedStory(app.strapi, newsroom);
    const path = `/api/read-also/articles/${seedId}/suggestions?limit=10`;
    const here = await request(app.server).get(path).set('Authorization', `Bearer ${token}`);
    const there = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(here.status).toBe(200);
    expect(there.status).toBe(200);
    const thereBody = (await there.json()) as { data: { documentId: string }[] };
    expect(thereBody.data.map((s) => s.documentId)).toContain(fresh.documentId);
    expect(thereBody).toEqual(here.body);
  } finally {
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
  }
});

test('a rejection and the index survive a restart', async () => {
  const { seed, summit } = newsroom.articles;
  const editor = (await adminSession(app, 'strapi-editor')).token;
  const reject = await request(app.server)
    .post(`/read-also/articles/${seed.documentId}/suggestions/${summit.documentId}/reject`)
    .set('Authorization', `Bearer ${editor}`);
  expect(reject.status).toBe(200);
  const before = await app.strapi.plugin('read-also').service('suggestions').suggestFor(seed.documentId, { limit: 10 });

  await app.stop({ keepDatabase: true });
  app = await startTestApp({ reuse: app.database });

  const after = await app.strapi.plugin('read-also').service('suggestions').suggestFor(seed.documentId, { limit: 10 });
  expect(after).toEqual(before);
  expect(after.map((s: { documentId: string }) => s.documentId)).not.toContain(summit.documentId);
  expect(after.length).toBeGreaterThan(0);
});

test('a full reindex rebuilds the same suggestions', async () => {
  const service = app.strapi.plugin('read-also').service('suggestions');
  const before = await service.suggestFor(newsroom.articles.thanks.documentId, { limit: 10 });
  expect(before.length).toBeGreaterThan(0); // equal empty lists would prove nothing
  const progress: [number, number][] = [];
  const count = await app.strapi
    .plugin('read-also')
    .service('indexer')
    .reindexAll((done: number, total: number) => progress.push([done, total]));
  expect(count).toBe(await app.strapi.db.query('api::article.article').count({ where: { publishedAt: { $notNull: true } } }));
  expect(progress[progress.length - 1]).toEqual([count, count]);
  expect(await service.suggestFor(newsroom.articles.thanks.documentId, { limit: 10 })).toEqual(before);
});
