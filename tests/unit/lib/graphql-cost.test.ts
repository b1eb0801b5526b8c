import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { listAwareEstimator } from '../../../src/lib/graphql-cost';

const schema = buildSchema(`
  input Pagination { limit: Int pageSize: Int }
  type Person { name: String articles(pagination: Pagination): [Article] }
  type Quote { text: String speaker: Person }
  type Article { title: String people(pagination: Pagination): [Person] quotes: [Quote] }
  type Query { articles(pagination: Pagination): [Article] article: Article }
`);
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [listAwareEstimator(10)] });

test('scalars ride with their row; each object field is a query, times the items of the lists above it', () => {
  expect(cost('{ article { title } }')).toBe(1);
  expect(cost('{ articles { title } }')).toBe(1);
  expect(cost('{ articles { people { name } } }')).toBe(1 + 10 * 1);
  expect(cost('{ articles { quotes { speaker { name } } } }')).toBe(1 + 10 * (1 + 10 * 1));
});

test('a pagination limit, literal or variable, sets the size of its list', () => {
  expect(cost('{ articles(pagination: { limit: 100 }) { people(pagination: { limit: 50 }) { name } } }')).toBe(1 + 100 * 1);
  expect(cost('{ articles(pagination: { limit: 100 }) { people(pagination: { limit: 50 }) { articles { title } } } }')).toBe(
    1 + 100 * (1 + 50 * 1),
  );
  expect(cost('query ($p: Pagination) { articles(pagination: $p) { people { name } } }', { p: { pageSize: 3 } })).toBe(1 + 3 * 1);
});

test('aliases below the top level each count, through fragments too', () => {
  const aliases = Array.from({ length: 50 }, (_, i) => `p${i}: people { name }`).join(' ');
  expect(cost(`{ articles { ${aliases} } }`)).toBe(1 + 10 * 50);
  expect(cost(`{ articles { ...A } } fragment A on Article { ${aliases} }`)).toBe(cost(`{ articles { ${aliases} } }`));
});
