import { dcg, evaluate, ndcgAt, pairKey, precisionAt, type Judgements } from '../../../../bench/lib/metrics';
import { bm25MoreLikeThis, tfidfCosine } from '../../../../bench/lib/baselines';

const judgements: Judgements = new Map([
  [pairKey('a', 'b'), 1],
  [pairKey('a', 'c'), 0.5],
  [pairKey('a', 'd'), 0],
]);

test('DCG discounts by log2 of the rank', () => {
  expect(dcg([1, 1])).toBeCloseTo(1 + 1 / Math.log2(3));
});

test('nDCG is 1 for the ideal order and lower otherwise; unjudged pairs count 0', () => {
  expect(ndcgAt(5, ['b', 'c'], 'a', judgements, [1, 0.5, 0])).toBeCloseTo(1);
  expect(ndcgAt(5, ['c', 'b'], 'a', judgements, [1, 0.5, 0])).toBeLessThan(1);
  expect(ndcgAt(5, ['x', 'y'], 'a', judgements, [1, 0.5, 0])).toBe(0);
});

test('P@5 counts suggestions raters would follow (≥ 0.75) over five', () => {
  expect(precisionAt(5, ['b', 'c', 'd'], 'a', judgements)).toBeCloseTo(1 / 5);
});

test('evaluate averages over the judged sources', () => {
  const figures = evaluate(
    new Map([['a', ['b', 'c']]]),
    judgements,
    new Map([
      ['a', [1, 0.5, 0]],
      ['z', [1]],
    ]),
  );
  expect(figures.articles).toBe(2);
  expect(figures.ndcg5).toBeCloseTo(0.5);
});

test('the baselines rank the article about the same subject first', () => {
  const docs = [
    { id: '1', title: 'Apple launches a larger iPad', text: 'Apple iPad screen rumours from Bloomberg.', locale: 'en' },
    { id: '2', title: 'Bigger iPad coming from Apple', text: 'Suppliers prepare the new iPad for Apple.', locale: 'en' },
    { id: '3', title: 'Storm hits the coast', text: 'Heavy rain and wind closed schools.', locale: 'en' },
  ];
  expect(tfidfCosine(docs).get('1')?.[0]).toBe('2');
  expect(bm25MoreLikeThis(docs).get('1')?.[0]).toBe('2');
});
