import { MAX_ROW_NUMBER, rowNumberProblem, whereProblem, type ReadModelLookup } from '../../../src/lib/query-values';

const MODELS: Record<string, ReturnType<ReadModelLookup>> = {
  link: {
    attributes: {
      id: { type: 'increments' },
      label: { type: 'string' },
      score: { type: 'decimal' },
      order: { type: 'integer' },
      reasons: { type: 'json' },
      publishedAt: { type: 'datetime' },
      article: { type: 'relation', relation: 'manyToOne', target: 'article' },
      related: { type: 'relation', relation: 'morphToMany' },
    },
  },
  article: { attributes: { id: { type: 'increments' }, title: { type: 'string' }, body: { type: 'blocks' } } },
};
const models: ReadModelLookup = (uid) => MODELS[uid];

/** Stands for a knex query builder: a class instance whose text is SQL. */
class SubQuery {
  toString() {
    return 'select distinct t1.id from articles as t0';
  }
}
const problem = (where: unknown) => whereProblem(where, 'link', models);

test('ordinary reads pass, including what Strapi itself asks', () => {
  for (const where of [
    { label: 'x' },
    { label: { $containsi: 'x' }, publishedAt: { $notNull: true } },
    { id: { $in: [1, 2, '3'] } },
    { score: { $between: [0.1, '0.9'] } },
    { $or: [{ order: 1 }, { order: { $gt: '2' } }], $not: { label: null } },
    { article: { title: { $eq: 'x' } } },
    { article: 5 },
    { article: { $in: [1, 2] } },
    { publishedAt: new Date() },
    // Strapi's own subqueries (knex builders) are the server's: never checked, never quoted.
    { id: { $notIn: new SubQuery() } },
    { id: new SubQuery(), article: { id: { $in: new SubQuery() } } },
    [{ label: 'a' }, { label: 'b' }],
    { unknownColumn: { weird: 'shape' } },
  ]) {
    expect({ where, problem: problem(where) }).toEqual({ where, problem: null });
  }
});

test.each([
  [{ label: { $between: ['a'] } }, /label: \$between takes exactly two values/],
  [{ label: { $between: 'a' } }, /\$between takes exactly two values/],
  [{ label: { $eq: { $eq: '1' } } }, /label: \$eq takes one value, not an object/],
  [{ label: { $eq: [{ $eq: '1' }] } }, /label: \$eq takes one value, not a list/],
  [{ label: { $in: [{ a: 1 }] } }, /\$in takes a list of values/],
  [{ label: { $foo: 'x' } }, /unknown operator \$foo/],
  [{ label: { title: 'x' } }, /"title" is not an operator/],
  [{ score: { $eq: 'abc' } }, /score: "abc" is not a number/],
  [{ order: { $lt: 'twelve' } }, /order: "twelve" is not a number/],
  [{ order: '1.5e999' }, /is not a number/],
  [{ id: 'abc' }, /id: "abc" is not a number/],
  [{ id: { $in: ['1', 'x'] } }, /id: "x" is not a number/],
  [{ article: 'abc' }, /article: "abc" is not a number/],
  [{ article: { id: { $eq: 'abc' } } }, /article.id: "abc" is not a number/],
  [{ label: 'a\u0000b' }, /NUL character/],
  [{ label: { $containsi: 'x'.repeat(10_001) } }, /at most 10000 characters/],
  [{ reasons: { $contains: 'x' } }, /reasons: json fields cannot be filtered/],
  [{ article: { body: { $containsi: 'x' } } }, /article.body: blocks fields cannot be filtered/],
  [{ related: { id: 1 } }, /related: this relation cannot be filtered/],
  [{ $and: { label: 'x' } }, /\$and: must be a list/],
  [{ $eq: 'x' }, /\$eq can only be used on a field/],
  ['x', /a condition must be an object/],
])('%j is refused: %s', (where, message) => {
  expect(problem(where)).toMatch(message);
});

test('row offsets and counts must be whole numbers both databases hold', () => {
  expect(rowNumberProblem('offset', 25)).toBeNull();
  expect(rowNumberProblem('limit', -1)).toBeNull();
  expect(rowNumberProblem('offset', 1e20)).toMatch(/pagination start: must be a whole number up to/);
  expect(rowNumberProblem('limit', MAX_ROW_NUMBER + 1)).toMatch(/pagination limit/);
  expect(rowNumberProblem('limit', 1.5)).toMatch(/whole number/);
});
