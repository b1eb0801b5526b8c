import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { apiToken, createArticle, paragraphs } from '../helpers/fixtures';
import { adminSession } from '../helpers/admin';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom';

let app: TestApp;
let newsroom: Newsroom;
let granted: string;
let french: { documentId: string };

type Suggestion = { title: string; reasons: string[]; reasonCodes: { code: string; [parameter: string]: unknown }[] };

beforeAll(async () => {
  app = await startTestApp();
  newsroom = await buildNewsroom(app.strapi);
  granted = await apiToken(app.strapi, 'custom', ['plugin::read-also.suggestions.find']);
  const { zelensky, trudeau } = newsroom.people;
  const frenchStory = (title: string, body: string, day: number) =>
    createArticle(
      app.strapi,
      {
        title,
        body: paragraphs(body),
        section: 'Monde',
        storyPublishedAt: `2023-01-${String(day).padStart(2, '0')}T12:00:00Z`,
        people: [zelensky.documentId, trudeau.documentId],
      },
      'published',
      'fr',
    );
  french = await frenchStory(
    'Entre Zelensky et Trudeau, huit engagements selon Ottawa pour la défense de l’Ukraine',
    'Volodymyr Zelensky et Justin Trudeau ont discuté entre autres des besoins de défense de l’Ukraine, selon le bureau du premier ministre.',
    10,
  );
  // Unrelated French stories, so the words the two share are rare enough to count.
  const elsewhere = [
    ['Le club de Montréal remporte la coupe', 'Le club a remporté la finale régionale après prolongation.'],
    ['Tempête de neige sur le Québec', 'Une tempête a laissé trente centimètres de neige sur la ville.'],
    ['Le conseil municipal vote le budget des bibliothèques', 'Le conseil a voté un budget pour les bibliothèques et les piscines.'],
    ['Un nouveau musée ouvre à Lyon', 'Le musée présente des peintures du siècle dernier.'],
    ['La récolte de pommes est bonne cette année', 'Les vergers ont produit plus de fruits que prévu.'],
    ['Un festival de jazz attire des milliers de visiteurs', 'Les concerts ont eu lieu dans les parcs du centre-ville.'],
    ['La ligne de métro sera prolongée', 'Trois nouvelles stations ouvriront dans le nord de la ville.'],
    ['Les écoles fermées pour la journée pédagogique', 'Les élèves auront congé vendredi prochain.'],
  ];
  for (const [title, body] of elsewhere) {
    await createArticle(
      app.strapi,
      { title, body: paragraphs(body), section: 'Régions', storyPublishedAt: '2023-01-05T12:00:00Z' },
      'published',
      'fr',
    );
  }
  await frenchStory(
    'Huit blindés promis selon Ottawa, entre autres, pour la défense de l’Ukraine',
    'Justin Trudeau a promis huit blindés à Volodymyr Zelensky pour la défense de l’Ukraine, entre autres équipements.',
    8,
  );
});
afterAll(async () => {
  await app?.stop();
});

const suggestions = async (documentId: string, locale: string): Promise<Suggestion[]> => {
  const res = await request(app.server)
    .get(`/api/read-also/articles/${documentId}/suggestions`)
    .query({ locale })
    .set('Authorization', `Bearer ${granted}`);
  expect(res.status).toBe(200);
  return res.body.data;
};

describe('reasons as codes, rendered in the article’s language', () => {
  test('an English article gets English sentences beside the codes they come from', async () => {
    const [best] = await suggestions(newsroom.articles.seed.documentId, 'en');
    expect(best.reasonCodes).toEqual(
      expect.arrayContaining([
        { code: 'speaker', person: 'Volodymyr Zelensky' },
        { code: 'person', person: 'Justin Trudeau' },
        { code: 'time', days: 2 },
        { code: 'section', section: 'World' },
      ]),
    );
    expect(best.reasons).toEqual(expect.arrayContaining(['quotes Volodymyr Zelensky', 'both mention Justin Trudeau', '2 days earlier']));
    expect(best.reasons).toHaveLength(best.reasonCodes.length);
  });

  test('a French article gets French sentences, and shared terms are its own words, never stems or filler words', async () => {
    const [best] = await suggestions(french.documentId, 'fr');
    expect(best.title).toBe('Huit blindés promis selon Ottawa, entre autres, pour la défense de l’Ukraine');
    expect(best.reasons).toEqual(expect.arrayContaining(['mentionne aussi Volodymyr Zelensky', 'même rubrique : Monde']));
    expect(best.reasons.some((reason) => /^2\sjours plus tôt$/u.test(reason))).toBe(true);
    const terms = best.reasonCodes.find((reason) => reason.code === 'terms')?.terms as string[];
    expect(terms.length).toBeGreaterThan(0);
    for (const word of ['entre', 'huit', 'selon', 'autres']) expect(terms.map((term) => term.toLowerCase())).not.toContain(word);
    // Each shown term is a word of the French story as written.
    const text =
      'Entre Zelensky et Trudeau, huit engagements selon Ottawa pour la défense de l’Ukraine Volodymyr Zelensky et Justin Trudeau ont discuté entre autres des besoins de défense de l’Ukraine, selon le bureau du premier ministre.';
    for (const term of terms) expect(text).toContain(term);
  });

  test('GraphQL gives the same codes, and the admin the same codes for its own language', async () => {
    const gql = await request(app.server)
      .post('/graphql')
      .set('Authorization', `Bearer ${granted}`)
      .send({
        query: `{ readAlsoSuggestions(documentId: "${french.documentId}", locale: "fr", limit: 1) { reasons reasonCodes { code person terms section days } } }`,
      });
    expect(gql.body.errors).toBeUndefined();
    const [rest] = await suggestions(french.documentId, 'fr');
    const [graph] = gql.body.data.readAlsoSuggestions;
    expect(graph.reasons).toEqual(rest.reasons);
    expect(graph.reasonCodes.map((reason: { code: string }) => reason.code)).toEqual(rest.reasonCodes.map((reason) => reason.code));

    const editor = (await adminSession(app, 'strapi-editor')).token;
    const admin = await request(app.server)
      .get(`/read-also/articles/${french.documentId}/suggestions?locale=fr`)
      .set('Authorization', `Bearer ${editor}`);
    expect(admin.status).toBe(200);
    expect(admin.body.data[0].reasonCodes).toEqual(rest.reasonCodes);
  });
});
