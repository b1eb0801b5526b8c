import { operationProblem } from '../../src/lib/graphql-guard';

const LIMITS = { maxTokens: 200, maxRootFields: 3, maxVariableListItems: 10 };

test('an ordinary query passes', () => {
  expect(operationProblem('query ($id: ID!) { article(documentId: $id) { title ...People } } fragment People on Article { people { name } }', { id: 'x' }, LIMITS)).toBeNull();
});

test('fragment cycles and unknown fragments are refused (they crash the depth limit)', () => {
  expect(operationProblem('{ articles { ...A } } fragment A on Article { ...B } fragment B on Article { ...A }', {}, LIMITS)).toMatch(/cycle/);
  expect(operationProblem('{ articles { ...A } } fragment A on Article { ...A }', {}, LIMITS)).toMatch(/cycle/);
  expect(operationProblem('{ articles { ...Missing } }', {}, LIMITS)).toMatch(/Unknown fragment "Missing"/);
});

test('too many top-level fields, counting aliases and root fragments, are refused', () => {
  expect(operationProblem('{ a: articles { title } b: articles { title } c: articles { title } }', {}, LIMITS)).toBeNull();
  expect(operationProblem('{ a: articles { title } b: articles { title } c: articles { title } d: people { name } }', {}, LIMITS)).toMatch(/4 top-level fields/);
  expect(operationProblem('{ ...Q a: articles { title } } fragment Q on Query { b: articles { title } c: people { name } d: quotes { text } }', {}, LIMITS)).toMatch(/4 top-level/);
});

test('oversized queries and variable lists are refused; syntax errors are left to Apollo', () => {
  expect(operationProblem(`{ articles(filters: { documentId: { in: [${'"x",'.repeat(300)}] } }) { title } }`, {}, LIMITS)).toMatch(/at most 200 tokens/);
  expect(operationProblem('query ($ids: [String]) { articles { title } }', { ids: Array.from({ length: 11 }, String) }, LIMITS)).toMatch(/more than 10 list items/);
  expect(operationProblem('{ articles { title ', {}, LIMITS)).toBeNull();
  expect(operationProblem(undefined, {}, LIMITS)).toBeNull();
});
