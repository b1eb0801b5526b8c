/**
 * Background and follow-ups: a newer published story that ranks an older one among its best is
 * offered to the older story's editors ("Newer on this topic"), one step from a Read also link,
 * and the articles with new follow-ups waiting are listed. Drafts never appear.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, createArticle, paragraphs } from '../helpers/fixtures';
import { adminSession } from '../helpers/admin';
import { buildNewsroom, publishRelatedStory, type Newsroom } from '../helpers/newsroom';

type FollowUp = { documentId: string; title: string; storyPublishedAt: string; score: number; reasonCodes: { code: string }[] };
type Waiting = { documentId: string; locale: string; title: string; followUps: { documentId: string; title: string }[] };

let app: TestApp;
let newsroom: Newsroom;
let superAdmin: string;
let recent: { documentId: string };
let olderFollowUp: { documentId: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** Publishing queues the ranking work; the lists follow once the queue is worked. */
const preparedListsCaughtUp = () => (app.strapi.plugin('read-also').service('preparer') as { idle(): Promise<void> }).idle();

function newerStory(title: string, storyPublishedAt: string, status: 'published' | 'draft' = 'published') {
  const { zelensky, trudeau } = newsroom.people;
  return createArticle(
    app.strapi,
    {
      title,
      body: paragraphs(
        `Volodymyr Zelensky and Justin Trudeau discussed Ukraine’s air defence needs again, after Canada's military aid.`,
        'The two leaders spoke about the war with Russia and equipment for Ukraine.',
      ),
      storyPublishedAt,
      section: 'World',
      tags: ['Ukraine', 'Canada'],
      people: [zelensky.documentId, trudeau.documentId],
    },
    status,
  );
}

async function followUpsOf(documentId: string, token = superAdmin): Promise<FollowUp[]> {
  const res = await request(app.server).get(`/read-also/articles/${documentId}/follow-ups`).set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

async function waitingList(token = superAdmin, query: Record<string, string> = {}): Promise<Waiting[]> {
  const res = await request(app.server).get('/read-also/follow-ups').query(query).set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  expect(res.body.meta.days).toBe(30);
  return res.body.data;
}

beforeAll(async () => {
  app = await startTestApp();
  newsroom = await buildNewsroom(app.strapi);
  superAdmin = (await adminSession(app, 'strapi-super-admin')).token;
  // A follow-up from the days after the seed (old news now), and one from this week, years later.
  olderFollowUp = await publishRelatedStory(app.strapi, newsroom);
  recent = await newerStory('Zelensky and Trudeau meet again on Ukraine’s air defence', daysAgo(2));
  await preparedListsCaughtUp();
});
afterAll(async () => {
  await app?.stop();
});

describe('Newer on this topic', () => {
  test('an older story is offered the newer stories that rank it highly, newest first, scored as its own suggestions', async () => {
    const followUps = await followUpsOf(newsroom.articles.seed.documentId);
    expect(followUps.map((followUp) => followUp.documentId)).toEqual([recent.documentId, olderFollowUp.documentId]);
    const [newest] = followUps;
    expect(newest.storyPublishedAt).toBe(new Date(newest.storyPublishedAt).toISOString());
    expect(Date.parse(newest.storyPublishedAt)).toBeGreaterThan(Date.now() - 3 * DAY_MS);
    expect(newest.score).toBeGreaterThanOrEqual(0.05);
    expect(newest.reasonCodes.map((reason) => reason.code)).toEqual(expect.arrayContaining(['person']));
    // What is offered is what the seed's own suggestions say of that story (the same score, the same reasons).
    const suggestion = await request(app.server)
      .get(`/read-also/articles/${newsroom.articles.seed.documentId}/suggestions?limit=20`)
      .set('Authorization', `Bearer ${superAdmin}`);
    const same = (suggestion.body.data as FollowUp[]).find((item) => item.documentId === recent.documentId);
    expect(same && { score: same.score, reasonCodes: same.reasonCodes }).toEqual({ score: newest.score, reasonCodes: newest.reasonCodes });
  });

  test('older stories and unrelated ones are not follow-ups', async () => {
    // The seed is older than the new story: it is background there, not a follow-up.
    expect(await followUpsOf(recent.documentId)).toEqual([]);
    const ofThanks = (await followUpsOf(newsroom.articles.thanks.documentId)).map((followUp) => followUp.documentId);
    expect(ofThanks).toContain(recent.documentId);
    expect(ofThanks).not.toContain(newsroom.articles.football.documentId);
    expect(ofThanks).not.toContain(newsroom.articles.budget.documentId);
    expect((await followUpsOf(newsroom.articles.budget.documentId)).map((followUp) => followUp.title)).not.toContain(
      'Zelensky and Trudeau meet again on Ukraine’s air defence',
    );
  });

  test('a newer draft is never offered, and an unpublished follow-up leaves the section', async () => {
    const draft = await newerStory('Embargoed: Zelensky and Trudeau to sign an air defence pact', daysAgo(1), 'draft');
    const withdrawn = await newerStory('Zelensky and Trudeau air defence talks, a correction', daysAgo(1));
    await preparedListsCaughtUp();
    expect((await followUpsOf(newsroom.articles.seed.documentId)).map((followUp) => followUp.documentId)).toContain(withdrawn.documentId);

    await app.strapi.documents(ARTICLE).unpublish({ documentId: withdrawn.documentId });
    await preparedListsCaughtUp();
    const offered = (await followUpsOf(newsroom.articles.seed.documentId)).map((followUp) => followUp.documentId);
    expect(offered).not.toContain(withdrawn.documentId);
    expect(offered).not.toContain(draft.documentId);
    expect((await waitingList()).flatMap((article) => article.followUps.map((followUp) => followUp.documentId))).not.toContain(
      draft.documentId,
    );
  });
});

describe('articles with follow-ups waiting', () => {
  test('lists the older articles with follow-ups from the last 30 days, and only those', async () => {
    const waiting = await waitingList();
    const seed = waiting.find((article) => article.documentId === newsroom.articles.seed.documentId);
    expect(seed).toMatchObject({ locale: 'en', title: 'Zelensky and Trudeau discuss Ukraine’s defence needs' });
    // The 2023 follow-up is in the seed's section, but it is not new.
    expect(seed?.followUps.map((followUp) => followUp.documentId)).toEqual([recent.documentId]);
    expect(waiting.map((article) => article.documentId)).not.toContain(recent.documentId);
    expect(waiting.map((article) => article.documentId)).not.toContain(newsroom.articles.football.documentId);
    expect(await waitingList(superAdmin, { locale: 'fr' })).toEqual([]);
  });

  test('adding the follow-up as a Read also link, or rejecting it, settles it', async () => {
    const seedId = newsroom.articles.seed.documentId;
    const accepted = await request(app.server)
      .post(`/read-also/articles/${seedId}/suggestions/${recent.documentId}/accept`)
      .set('Authorization', `Bearer ${superAdmin}`)
      .send({});
    expect(accepted.status).toBe(201);
    expect(accepted.body.data).toMatchObject({ origin: 'suggested', published: false, target: { documentId: recent.documentId } });
    expect((await followUpsOf(seedId)).map((followUp) => followUp.documentId)).toEqual([olderFollowUp.documentId]);
    expect((await waitingList()).map((article) => article.documentId)).not.toContain(seedId);

    const thanksId = newsroom.articles.thanks.documentId;
    expect((await waitingList()).map((article) => article.documentId)).toContain(thanksId);
    const rejected = await request(app.server)
      .post(`/read-also/articles/${thanksId}/suggestions/${recent.documentId}/reject`)
      .set('Authorization', `Bearer ${superAdmin}`);
    expect(rejected.status).toBe(200);
    expect((await followUpsOf(thanksId)).map((followUp) => followUp.documentId)).not.toContain(recent.documentId);
    expect((await waitingList()).map((article) => article.documentId)).not.toContain(thanksId);
  });

  test("an Author sees follow-ups of their own stories only, and may not open another's section", async () => {
    const author = await adminSession(app, 'strapi-author');
    const created = await request(app.server)
      .post(`/content-manager/collection-types/${ARTICLE}`)
      .set('Authorization', `Bearer ${author.token}`)
      .send({
        title: 'Trudeau and Zelensky: what Canada has sent to Ukraine',
        body: paragraphs('Canada has sent Ukraine air defence equipment; Justin Trudeau told Volodymyr Zelensky more would follow.'),
        section: 'World',
        storyPublishedAt: daysAgo(10),
        people: [newsroom.people.zelensky.documentId, newsroom.people.trudeau.documentId],
      });
    expect(created.status).toBe(201);
    const own = created.body.data.documentId as string;
    // An editor publishes it; a newer story follows it up.
    await app.strapi.documents(ARTICLE).publish({ documentId: own });
    await preparedListsCaughtUp();

    const listed = await waitingList(author.token);
    expect(listed.map((article) => article.documentId)).toEqual([own]);
    expect(listed[0].followUps.map((followUp) => followUp.documentId)).toContain(recent.documentId);
    const refused = await request(app.server)
      .get(`/read-also/articles/${newsroom.articles.thanks.documentId}/follow-ups`)
      .set('Authorization', `Bearer ${author.token}`);
    expect(refused.status).toBe(403);
  });

  test('bad input is a clear 400, and both routes need an admin', async () => {
    const badLocale = await request(app.server).get('/read-also/follow-ups?locale=zz').set('Authorization', `Bearer ${superAdmin}`);
    expect(badLocale.status).toBe(400);
    expect(badLocale.body.error.message).toMatch(/locale/u);
    const badId = await request(app.server).get('/read-also/articles/bad%20id/follow-ups').set('Authorization', `Bearer ${superAdmin}`);
    expect(badId.status).toBe(400);
    expect((await request(app.server).get('/read-also/follow-ups')).status).toBe(401);
    expect((await request(app.server).get(`/read-also/articles/${newsroom.articles.seed.documentId}/follow-ups`)).status).toBe(401);
  });
});
