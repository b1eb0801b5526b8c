import { buildProfile, tfWeight, type ArticleFacts } from '../../../../../../../src/plugins/read-also/server/src/scoring/profile';
import { blocksToText } from '../../../../../../../src/lib/blocks';
import {
  dayGap,
  kthLargest,
  rankCandidates,
  rankMembers,
  scorePostings,
  selectQueryTerms,
  strongestCandidates,
  type CorpusStats,
  type Posting,
  type ReasonContext,
  type ScoringContext,
} from '../../../../../../../src/plugins/read-also/server/src/scoring/rank';
import { renderReason, type Reason } from '../../../../../../../src/plugins/read-also/shared/reasons';
import { termsOf } from '../../../../../../../src/plugins/read-also/server/src/scoring/text';
import { defaultConfig } from '../../../../../../../src/plugins/read-also/server/src/config';

const DAY = 86_400_000;
const weights = { title: 3, standfirst: 2, body: 1 };

function facts(overrides: Partial<ArticleFacts> & Pick<ArticleFacts, 'documentId' | 'title'>): ArticleFacts {
  return {
    locale: 'en',
    slug: null,
    standfirst: null,
    bodyText: '',
    section: null,
    tags: [],
    people: [],
    speakers: [],
    storyTime: Date.UTC(2023, 0, 10),
    ...overrides,
  };
}

/** A tiny in-memory corpus standing in for the repository: stats and postings from profiles. */
function corpus(all: ArticleFacts[]) {
  const profiles = all.map((article) => buildProfile(article, weights));
  const documentFrequency: Record<string, number> = {};
  for (const profile of profiles)
    for (const term of Object.keys(profile.terms)) documentFrequency[term] = (documentFrequency[term] ?? 0) + 1;
  const stats: CorpusStats = { documents: profiles.length, documentFrequency };
  const postings: Posting[] = profiles.flatMap((p) =>
    Object.entries(p.terms).map(([term, tf]) => ({ documentId: p.documentId, term, impact: tfWeight(tf) / p.norm })),
  );
  return { profiles, stats, postings };
}

function suggest(all: ArticleFacts[], sourceId: string, excluded: string[] = [], options = defaultConfig) {
  const { profiles, stats, postings } = corpus(all);
  const source = profiles.find((p) => p.documentId === sourceId)!;
  const query = selectQueryTerms(source, stats, options);
  const matches = scorePostings(query, postings);
  const context: ScoringContext & ReasonContext = {
    source,
    options,
    personName: (id) => ({ z: 'Volodymyr Zelensky', t: 'Justin Trudeau' })[id] ?? id,
  };
  return rankCandidates(profiles, matches, context, new Set(excluded));
}

const archive = [
  facts({
    documentId: 'seed',
    title: 'Zelensky and Trudeau discuss Ukraine defence',
    bodyText: 'Ukraine defence aid from Canada.',
    people: ['z', 't'],
    speakers: ['z'],
    section: 'World',
    tags: ['Ukraine'],
  }),
  facts({
    documentId: 'quoted',
    title: 'Zelensky thanks allies',
    bodyText: 'Ukraine receives air defence systems.',
    people: ['z'],
    speakers: ['z'],
    storyTime: Date.UTC(2023, 0, 8),
    section: 'World',
  }),
  facts({
    documentId: 'mentioned',
    title: 'Canada budget debate',
    bodyText: 'Trudeau defends spending.',
    people: ['t'],
    storyTime: Date.UTC(2023, 0, 12),
  }),
  facts({
    documentId: 'unrelated',
    title: 'Football cup final',
    bodyText: 'The club won after extra time.',
    storyTime: Date.UTC(2023, 0, 10),
  }),
  facts({
    documentId: 'old',
    title: 'Ukraine defence aid from Canada in 2019',
    bodyText: 'Ukraine defence aid Canada.',
    storyTime: Date.UTC(2019, 0, 10),
  }),
];

test('related stories rank first, with reasons a person can read', () => {
  const result = suggest(archive, 'seed');
  // Background on the same topic (2019) ranks below the recent story, above a story that only shares a name.
  expect(result.map((s) => s.documentId)).toEqual(['quoted', 'old', 'mentioned']);
  const readable = (reasons: Reason[] = []) => reasons.map((reason) => renderReason(reason, 'en'));
  expect(readable(result[0].reasons)).toEqual(
    expect.arrayContaining(['quotes Volodymyr Zelensky', 'same section: World', '2 days earlier']),
  );
  expect(readable(result[0].reasons).some((reason) => /^shared terms: .*(Ukraine|defence)/.test(reason))).toBe(true);
  expect(readable(result.find((s) => s.documentId === 'mentioned')?.reasons)).toContain('both mention Justin Trudeau');
  expect(readable(result.find((s) => s.documentId === 'old')?.reasons)).toContain('4 years earlier');
  for (const suggestion of result) {
    expect(suggestion.score).toBeGreaterThan(0);
    expect(suggestion.score).toBeLessThanOrEqual(1);
  }
});

test('rankMembers ranks as rankCandidates does, same order and scores, without reasons', () => {
  const { profiles, stats, postings } = corpus(archive);
  const options = { ...defaultConfig, minScore: 0, maxGapDays: null };
  let compared = 0;
  for (const source of profiles) {
    const matches = scorePostings(selectQueryTerms(source, stats, options), postings);
    const full = rankCandidates(profiles, matches, { source, options, personName: (id) => id }, new Set(['unrelated']), 4);
    const members = rankMembers(profiles, matches, { source, options }, new Set(['unrelated']), 4);
    expect(members).toEqual(full.map(({ documentId, score }) => ({ documentId, score })));
    compared += members.length;
  }
  expect(compared).toBeGreaterThan(profiles.length);
});

test('never the article itself, nor excluded ones (rejected, already linked)', () => {
  const result = suggest(archive, 'seed', ['quoted']);
  expect(result.map((s) => s.documentId)).not.toContain('seed');
  expect(result.map((s) => s.documentId)).not.toContain('quoted');
});

test('by default an old story on the topic is still suggested, below a recent one; a configured largest gap cuts it', () => {
  const byDefault = suggest(archive, 'seed').map((s) => s.documentId);
  expect(byDefault).toContain('old');
  expect(suggest(archive, 'seed', [], { ...defaultConfig, maxGapDays: 365 }).map((s) => s.documentId)).not.toContain('old');
});

test('recency scales relevance but never creates it', () => {
  const result = suggest(archive, 'seed', [], { ...defaultConfig, minScore: 0 });
  expect(result.map((s) => s.documentId)).not.toContain('unrelated');
  const fresh = suggest(
    [
      ...archive,
      facts({
        documentId: 'later',
        title: 'Zelensky thanks allies',
        bodyText: 'Ukraine receives air defence systems.',
        people: ['z'],
        speakers: ['z'],
        storyTime: Date.UTC(2023, 5, 8),
        section: 'World',
      }),
    ],
    'seed',
  );
  const near = fresh.find((s) => s.documentId === 'quoted')!;
  const far = fresh.find((s) => s.documentId === 'later')!;
  expect(near.score).toBeGreaterThan(far.score);
  expect(near.signals.text).toBeCloseTo(far.signals.text, 5);
});

test('a shared quoted speaker weighs more than a shared mention', () => {
  const base = { title: 'Unrelated words entirely', bodyText: 'Nothing in common here.', storyTime: Date.UTC(2023, 0, 10) };
  const result = suggest(
    [
      facts({ documentId: 'src', title: 'Source story', bodyText: 'Text.', people: ['z'], speakers: ['z'] }),
      facts({ documentId: 'quotes', ...base, people: ['z'], speakers: ['z'] }),
      facts({ documentId: 'mentions', ...base, people: ['z'] }),
    ],
    'src',
  );
  expect(result.map((s) => s.documentId)).toEqual(['quotes', 'mentions']);
});

test('a source that names people does not sink a candidate on the same topic with other people; sharing them lifts', () => {
  const topic = { bodyText: 'The harbour bridge reopened to traffic after two years of repairs.', storyTime: Date.UTC(2023, 0, 10) };
  const stories = [
    facts({ documentId: 'src', title: 'Harbour bridge reopens', ...topic, people: ['z'], speakers: ['z'] }),
    facts({
      documentId: 'same-topic',
      title: 'Traffic returns',
      bodyText: 'Drivers crossed the harbour again on Monday.',
      storyTime: topic.storyTime,
      people: ['other'],
    }),
    facts({
      documentId: 'same-topic-and-person',
      title: 'Traffic returns',
      bodyText: 'Drivers crossed the harbour again on Monday.',
      storyTime: topic.storyTime,
      people: ['z'],
      speakers: ['z'],
    }),
    // Other stories, so the topic's words are rare enough to count.
    ...archive.filter((story) => story.documentId !== 'seed'),
  ];
  const withPeople = suggest(stories, 'src');
  const withoutPeople = suggest(
    stories.map((story) => ({ ...story, people: [], speakers: [] })),
    'src',
  );
  const score = (result: typeof withPeople, id: string) => result.find((s) => s.documentId === id)?.score;
  expect(score(withPeople, 'same-topic')).toBeCloseTo(score(withoutPeople, 'same-topic') ?? 0, 10);
  expect(score(withPeople, 'same-topic-and-person') ?? 0).toBeGreaterThan(score(withPeople, 'same-topic') ?? 0);
});

test('an identical story has the strongest text signal, and the signal stays within 0..1', () => {
  const twin = facts({
    documentId: 'twin',
    title: 'Zelensky and Trudeau discuss Ukraine defence',
    bodyText: 'Ukraine defence aid from Canada.',
  });
  const result = suggest([...archive, twin], 'seed', [], { ...defaultConfig, minScore: 0 });
  const texts = result.map((s) => [s.documentId, s.signals.text] as const).sort((a, b) => b[1] - a[1]);
  expect(texts[0][0]).toBe('twin');
  expect(texts[0][1]).toBeGreaterThan(0.8);
  expect(texts[0][1]).toBeLessThanOrEqual(1);
});

test('gaps are described from the source’s point of view', () => {
  expect(dayGap(10 * DAY, 8 * DAY)).toBe(2);
  expect(dayGap(10 * DAY, 11 * DAY)).toBe(-1);
  expect(dayGap(10 * DAY, 10 * DAY + 3600_000)).toBe(0);
  expect(dayGap(null, 1)).toBeNull();
});

test('terms: stop words out, stems shared, readable labels kept, French too', () => {
  const english = termsOf('The defences of Ukraine and the defence of Canada', 'en');
  expect(english.counts.get('defenc')).toBe(2);
  expect(english.counts.has('the')).toBe(false);
  expect(english.labels.get('ukrain')).toBe('Ukraine');
  const french = termsOf("L'aide militaire du Canada à l'Ukraine", 'fr');
  expect(french.counts.has('aid')).toBe(true);
  expect([...french.labels.values()]).toContain('Ukraine');
  expect(french.counts.has('du')).toBe(false);
});

test('profiles weigh title words above body words and read Strapi blocks', () => {
  const profile = buildProfile(facts({ documentId: 'a', title: 'Ukraine', bodyText: 'Canada' }), weights);
  expect(profile.terms.ukrain).toBe(3);
  expect(profile.terms.canada).toBe(1);
  expect(blocksToText([{ type: 'paragraph', children: [{ text: 'One ' }, { type: 'link', children: [{ text: 'two' }] }] }])).toBe(
    'One two',
  );
  expect(blocksToText(null)).toBe('');
});

test.each([1, 2, 7, 50, 199, 200])('kthLargest finds the %i-th largest of values with ties, as a full sort would', (k) => {
  let seed = 17;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const values = Array.from({ length: 200 }, () => Math.round(next() * 40) / 8);
  const sorted = [...values].sort((a, b) => b - a);
  expect(kthLargest(Float64Array.from(values), k)).toBe(sorted[k - 1]);
});

test('strongestCandidates keeps the best by score, ties by documentId, whatever their order', () => {
  const scores = new Map([
    ['e', 0.2],
    ['a', 0.5],
    ['d', 0.2],
    ['b', 0.9],
    ['c', 0.2],
  ]);
  const ids = [...scores.keys()];
  expect(
    strongestCandidates(
      ids,
      (id) => scores.get(id) ?? 0,
      (id) => id,
      3,
    ),
  ).toEqual(['b', 'a', 'c']);
  expect(
    strongestCandidates(
      ids.reverse(),
      (id) => scores.get(id) ?? 0,
      (id) => id,
      4,
    ),
  ).toEqual(['b', 'a', 'c', 'd']);
  expect(
    strongestCandidates(
      ids,
      (id) => scores.get(id) ?? 0,
      (id) => id,
      10,
    ),
  ).toHaveLength(5);
});
