import { buildProfile, tfWeight, type ArticleFacts } from '../../../../../../../src/plugins/read-also/server/src/scoring/profile';
import { MemoryRankingIndex } from '../../../../../../../src/plugins/read-also/server/src/scoring/memory-index';
import { SnapshotIndex } from '../../../../../../../src/plugins/read-also/server/src/scoring/archive-snapshot';
import { fromWire, toWire } from '../../../../../../../src/plugins/read-also/server/src/reindex/reindex-workers';
import { suggest, suggestMembers } from '../../../../../../../src/plugins/read-also/server/src/scoring/suggest';
import { scorePostings, type Posting, type QueryTerm } from '../../../../../../../src/plugins/read-also/server/src/scoring/rank';
import { defaultConfig } from '../../../../../../../src/plugins/read-also/server/src/config';
import { renderReason } from '../../../../../../../src/plugins/read-also/shared/reasons';

const weights = { title: 2, standfirst: 1.5, body: 1 };
const names = async (ids: string[]) => new Map(ids.map((id) => [id, `Person ${id}`]));

/**
 * A term's strongest postings as a ranking reads them: a one-term query of weight 1 scores each
 * article by its impact alone, strongest first (ties by documentId, as the postings are kept).
 */
async function postingsOf(index: MemoryRankingIndex, term: string, locale: string, perTerm: number) {
  const matches = await index.textMatches([{ term, idf: 1, weight: 1 }], locale, perTerm);
  return matches.strongest(perTerm).map((documentId) => ({ documentId, impact: matches.score(documentId) }));
}

function article(documentId: string, title: string, bodyText: string, extra: Partial<ArticleFacts> = {}): ArticleFacts {
  return {
    documentId,
    locale: 'en',
    title,
    slug: null,
    standfirst: null,
    bodyText,
    section: null,
    tags: [],
    people: [],
    speakers: [],
    storyTime: Date.UTC(2023, 0, 10),
    ...extra,
  };
}

test('Given more postings of a term than a ranking reads, the index keeps exactly the strongest ones', async () => {
  const index = new MemoryRankingIndex(10, 50, { names });
  // Longer articles dilute "ukraine": its impact falls as the filler grows.
  const profiles = Array.from({ length: 57 }, (_, i) =>
    buildProfile(
      article(`a${String(i).padStart(2, '0')}`, 'Ukraine', Array.from({ length: i }, (_, w) => `filler${w}`).join(' ')),
      weights,
    ),
  );
  for (const profile of profiles) index.add(profile);

  const postings = await postingsOf(index, 'ukrain', 'en', 10);
  const expected = profiles
    .map((profile) => ({ documentId: profile.documentId, impact: tfWeight(profile.terms.ukrain) / profile.norm }))
    .sort((a, b) => b.impact - a.impact)
    .slice(0, 10);
  expect(postings.map((p) => p.documentId)).toEqual(expected.map((p) => p.documentId));
  expect((await index.corpusStats('en', ['ukrain'])).documentFrequency.ukrain).toBe(57);
});

test('Given a small archive, ranking from the in-memory index finds the related story first, with reasons', async () => {
  const index = new MemoryRankingIndex(defaultConfig.postingsPerTerm, defaultConfig.candidatePool, { names });
  const source = buildProfile(
    article('seed', 'Zelensky and Trudeau discuss air defence', 'Canada sends air defence equipment to Ukraine.', { people: ['z', 't'] }),
    weights,
  );
  const related = buildProfile(
    article('thanks', 'Zelensky thanks Canada', 'Air defence equipment from Canada arrived in Ukraine.', { people: ['z'] }),
    weights,
  );
  const unrelated = buildProfile(article('cup', 'Football club wins the cup', 'A record crowd saw the final.'), weights);
  const french = buildProfile(article('fr', 'Zelensky remercie le Canada', 'Défense aérienne.', { locale: 'fr', people: ['z'] }), weights);
  for (const profile of [source, related, unrelated, french]) index.add(profile);

  const ranked = await suggest(index, defaultConfig, { source, sourceIndexed: true, limit: 5 });
  expect(ranked[0].documentId).toBe('thanks');
  expect(ranked.map((s) => s.documentId)).not.toContain('fr');
  expect(ranked.map((s) => s.documentId)).not.toContain('seed');
  const readable = ranked[0].reasons.map((reason) => renderReason(reason, 'en'));
  expect(readable).toContain('both mention Person z');
  expect(readable.join(' ')).toMatch(/shared terms: .*(Zelensky|air|Canada)/);
});

test('Given the same postings, scores from the in-memory index equal those summed from database rows, and stale scores are refused', async () => {
  const index = new MemoryRankingIndex(20, 50, { names });
  const profiles = Array.from({ length: 60 }, (_, i) =>
    buildProfile(
      article(
        `d${String(i).padStart(2, '0')}`,
        i % 2 ? 'Ukraine air defence' : 'Canada budget',
        Array.from({ length: i % 7 }, (_, w) => `word${w} defence`).join(' '),
      ),
      weights,
    ),
  );
  for (const profile of profiles) index.add(profile);
  const query: QueryTerm[] = [
    { term: 'ukrain', idf: 1, weight: 2.5 },
    { term: 'defenc', idf: 1, weight: 1.5 },
    { term: 'budget', idf: 1, weight: 0.7 },
  ];
  const postings: Posting[] = [];
  for (const { term } of query) postings.push(...(await postingsOf(index, term, 'en', 20)).map((posting) => ({ ...posting, term })));
  const fromRows = scorePostings(query, postings);
  const fromMemory = await index.textMatches(query, 'en', 20);

  expect(fromMemory.strongest(15)).toEqual(fromRows.strongest(15));
  for (const profile of profiles) expect(fromMemory.score(profile.documentId)).toBe(fromRows.score(profile.documentId));
  const kept = new Set(fromRows.strongest(5));
  expect(fromMemory.explain(kept)).toEqual(fromRows.explain(kept));

  await index.textMatches(query.slice(0, 1), 'en', 20);
  expect(() => fromMemory.score('d01')).toThrow(/replaced by a later ranking/);
});

test('A profile sent to a reindex worker arrives with the same terms and facts, and ranks alike', async () => {
  const profiles = [
    buildProfile(
      article('a', 'Ukraine air defence', 'Canada sends air defence to Ukraine.', { people: ['z'], speakers: ['z'], tags: ['Ukraine'] }),
      weights,
    ),
    buildProfile(article('b', 'Air defence for Ukraine', 'Systems from Canada arrive.', { people: ['z'] }), weights),
    buildProfile(article('c', 'Canada budget', 'Spending rises.'), weights),
  ];
  const direct = new MemoryRankingIndex(defaultConfig.postingsPerTerm, defaultConfig.candidatePool);
  const wired = new MemoryRankingIndex(defaultConfig.postingsPerTerm, defaultConfig.candidatePool);
  for (const profile of profiles) {
    direct.add(profile);
    // Through structured cloning, as postMessage carries it.
    wired.add(fromWire(structuredClone(toWire(profile))));
  }
  const arrived = fromWire(structuredClone(toWire(profiles[0])));
  expect({ ...arrived.terms }).toEqual({ ...profiles[0].terms });
  expect({ ...arrived, terms: null, labels: null }).toEqual({ ...profiles[0], terms: null, labels: null });

  const request = { source: profiles[0], sourceIndexed: true, limit: 5 };
  const fromDirect = await suggestMembers(direct, defaultConfig, request);
  expect(fromDirect.map((member) => member.documentId)).toEqual(['b', 'c'].slice(0, fromDirect.length));
  expect(fromDirect[0].documentId).toBe('b');
  expect(await suggestMembers(wired, defaultConfig, { ...request, source: arrived })).toEqual(fromDirect);
});

const arrivals: [string, <T>(items: T[]) => T[]][] = [
  ['strongest first', (items) => items],
  ['weakest first', (items) => [...items].reverse()],
  ['interleaved', (items) => [...items.filter((_, i) => i % 2 === 1), ...items.filter((_, i) => i % 2 === 0)]],
  // Sixteen of the strongest, weak ones until the list is pruned, then the next four strongest.
  ['split by a pruning', (items) => [...items.slice(0, 16), ...items.slice(40, 64), ...items.slice(16, 40), ...items.slice(64)]],
];

test.each(arrivals)(
  'Given more postings of a term than it retains, arriving %s, the index gives a database the strongest and the strongest it left out',
  async (_order, arrange) => {
    const index = new MemoryRankingIndex(10, 50, { retained: 20 });
    const profiles = Array.from({ length: 120 }, (_, i) =>
      buildProfile(
        article(`a${String(i).padStart(2, '0')}`, 'Ukraine', Array.from({ length: i }, (_, w) => `filler${w}`).join(' ')),
        weights,
      ),
    );
    for (const profile of arrange(profiles)) index.add(profile);
    const impactOf = (documentId: string) => {
      const profile = profiles.find((each) => each.documentId === documentId)!;
      return tfWeight(profile.terms.ukrain) / profile.norm;
    };
    const byStrength = profiles.map((profile) => profile.documentId).sort((a, b) => impactOf(b) - impactOf(a));

    const retained = index.retainedPostings();
    const ukraine = retained.terms.find((entry) => entry.term === 'ukrain')!;
    expect(Array.from(ukraine.documents, (number) => retained.documentIds[number])).toEqual(byStrength.slice(0, 20));
    expect(Array.from(ukraine.impacts)).toEqual(byStrength.slice(0, 20).map(impactOf));
    expect(ukraine.prunedBelow).toBe(impactOf(byStrength[20]));
    // filler118 is in one article only: nothing of it was left out.
    const rare = retained.terms.find((entry) => entry.term === 'filler118')!;
    expect(rare.documents).toHaveLength(1);
    expect(rare.prunedBelow).toBeNull();
    // Retaining more does not change what a ranking reads.
    expect((await postingsOf(index, 'ukrain', 'en', 10)).map((posting) => posting.documentId)).toEqual(byStrength.slice(0, 10));
  },
);

test('A snapshot of the index lives in shared memory, and ranks as the index does', async () => {
  const index = new MemoryRankingIndex(defaultConfig.postingsPerTerm, defaultConfig.candidatePool, { titles: false });
  const profiles = [
    buildProfile(article('a', 'Ukraine air defence', 'Canada sends air defence to Ukraine.', { people: ['z'], speakers: ['z'] }), weights),
    buildProfile(article('b', 'Air defence for Ukraine', 'Systems from Canada arrive.', { people: ['z'], section: 'World' }), weights),
    buildProfile(article('c', 'Canada budget', 'Spending rises.', { storyTime: null, tags: ['Budget'] }), weights),
  ];
  for (const profile of profiles) index.add(profile);
  const snapshot = index.snapshot();
  for (const array of [
    snapshot.terms.impacts,
    snapshot.terms.postings.values,
    snapshot.entries.storyTime,
    snapshot.people.articles.values,
  ]) {
    expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
  }
  // As a worker receives it: typed arrays on the same memory, strings copied.
  const arrived = new SnapshotIndex(structuredClone(snapshot));
  const request = { source: profiles[0], sourceIndexed: true, limit: 5 };
  expect(await suggestMembers(arrived, defaultConfig, request)).toEqual(await suggestMembers(index, defaultConfig, request));
  const [budget] = await arrived.candidateProfiles(['c'], 'en');
  expect(budget).toMatchObject({ documentId: 'c', storyTime: null, tags: ['Budget'], section: null, title: '' });
});
