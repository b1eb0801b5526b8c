import type { Core } from '@strapi/strapi';
import { ARTICLE, QUOTE, createArticle, createPerson, paragraphs, readAlsoCaughtUp } from './fixtures';

export type Newsroom = Awaited<ReturnType<typeof buildNewsroom>>;

/**
 * A small archive around the seed's subject: stories about the same people and events,
 * and stories about nothing of the kind.
 */
export async function buildNewsroom(strapi: Core.Strapi) {
  const zelensky = await createPerson(strapi, { name: 'Volodymyr Zelensky', aliases: ['Valodymyr Zelensky'] });
  const trudeau = await createPerson(strapi, { name: 'Justin Trudeau' });
  const mayor = await createPerson(strapi, { name: 'Anna Lee' });

  const quote = (article: { documentId: string }, speaker: { documentId: string }, text: string) =>
    strapi
      .documents(QUOTE)
      .create({ data: { text, speaker: speaker.documentId, article: article.documentId } as never, status: 'published' });

  const seed = await createArticle(strapi, {
    title: 'Zelensky and Trudeau discuss Ukraine’s defence needs',
    body: paragraphs(
      'Ukrainian President Volodymyr Zelensky and Prime Minister Justin Trudeau held a substantial discussion on Ukraine’s defence needs.',
      'Canada announced military aid for Ukraine, including equipment for air defence.',
      'The war with Russia has lasted nearly eleven months.',
    ),
    storyPublishedAt: '2023-01-10T18:00:00Z',
    section: 'World',
    tags: ['Ukraine', 'Canada'],
    people: [zelensky.documentId, trudeau.documentId],
  });
  await quote(seed, zelensky, 'We discussed the strengthening of Ukraine’s defensive capabilities');

  const thanks = await createArticle(strapi, {
    title: 'Zelensky thanks Canada for air defence equipment',
    body: paragraphs(
      'President Volodymyr Zelensky thanked Canada for the air defence equipment delivered to Ukraine.',
      'The Canadian military aid arrived as Russia continued its missile strikes.',
    ),
    storyPublishedAt: '2023-01-08T12:00:00Z',
    section: 'World',
    tags: ['Ukraine'],
    people: [zelensky.documentId, trudeau.documentId],
  });
  await quote(thanks, zelensky, 'Canada is a true friend of Ukraine and its people');

  const summit = await createArticle(strapi, {
    title: 'Trudeau pledges long-term support to Ukraine',
    body: paragraphs('Prime Minister Justin Trudeau pledged long-term military and financial support to Ukraine at a summit of allies.'),
    storyPublishedAt: '2023-01-05T09:00:00Z',
    section: 'Canada',
    tags: ['Canada'],
    people: [trudeau.documentId],
  });

  const budget = await createArticle(strapi, {
    title: 'City council approves library budget',
    body: paragraphs('The city council approved a budget that raises spending on public libraries and swimming pools.'),
    storyPublishedAt: '2023-01-09T10:00:00Z',
    section: 'Local',
    people: [mayor.documentId],
  });
  await quote(budget, mayor, 'This budget invests in the places where our neighbours meet');

  const football = await createArticle(strapi, {
    title: 'Local football club wins the regional cup',
    body: paragraphs('The club won the regional cup final after extra time in front of a record crowd.'),
    storyPublishedAt: '2023-01-09T20:00:00Z',
    section: 'Sports',
  });

  // The quotes queued their articles again.
  await readAlsoCaughtUp(strapi);
  return { people: { zelensky, trudeau, mayor }, articles: { seed, thanks, summit, budget, football } };
}

export async function publishRelatedStory(strapi: Core.Strapi, newsroom: Newsroom) {
  return createArticle(strapi, {
    title: 'Zelensky and Trudeau agree on steps for the Ukraine peace formula',
    body: paragraphs('Volodymyr Zelensky and Justin Trudeau agreed on steps for implementing the peace formula proposed by Ukraine.'),
    storyPublishedAt: '2023-01-11T08:00:00Z',
    section: 'World',
    people: [newsroom.people.zelensky.documentId, newsroom.people.trudeau.documentId],
  });
}

export { ARTICLE };
