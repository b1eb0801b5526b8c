import { operationProblem } from '../../../src/lib/graphql-guard';

const LIMITS = { maxTokens: 200, maxRootFields: 3, maxVariableListItems: 10, maxExpandedFields: 50 };

test('an ordinary query passes', () => {
  expect(
    operationProblem(
      'query ($id: ID!) { article(documentId: $id) { title ...People } } fragment People on Article { people { name } }',
      { id: 'x' },
      LIMITS,
    ),
  ).toBeNull();
});

test('fragment cycles and unknown fragments are refused (they crash the depth limit)', () => {
  expect(operationProblem('{ articles { ...A } } fragment A on Article { ...B } fragment B on Article { ...A }', {}, LIMITS)).toMatch(
    /cycle/,
  );
  expect(operationProblem('{ articles { ...A } } fragment A on Article { ...A }', {}, LIMITS)).toMatch(/cycle/);
  expect(operationProblem('{ articles { ...Missing } }', {}, LIMITS)).toMatch(/Unknown fragment "Missing"/);
});

test('too many top-level fields, counting aliases and root fragments, are refused', () => {
  expect(operationProblem('{ a: articles { title } b: articles { title } c: articles { title } }', {}, LIMITS)).toBeNull();
  expect(operationProblem('{ a: articles { title } b: articles { title } c: articles { title } d: people { name } }', {}, LIMITS)).toMatch(
    /4 top-level fields/,
  );
  expect(
    operationProblem(
      '{ ...Q a: articles { title } } fragment Q on Query { b: articles { title } c: people { name } d: quotes { text } }',
      {},
      LIMITS,
    ),
  ).toMatch(/4 top-level/);
});

test('oversized queries and variable lists are refused; syntax errors are left to Apollo', () => {
  expect(operationProblem(`{ articles(filters: { documentId: { in: [${'"x",'.repeat(300)}] } }) { title } }`, {}, LIMITS)).toMatch(
    /at most 200 tokens/,
  );
  expect(operationProblem('query ($ids: [String]) { articles { title } }', { ids: Array.from({ length: 11 }, String) }, LIMITS)).toMatch(
    /more than 10 list items/,
  );
  expect(operationProblem('{ articles { title ', {}, LIMITS)).toBeNull();
  expect(operationProblem(undefined, {}, LIMITS)).toBeNull();
});

test('fragments that fan out are refused by the size they expand to, counted without expanding them', () => {
  const fanOut = (levels: number, spreads: number) =>
    [
      `{ articles { ...F${levels} } }`,
      'fragment F0 on Article { title }',
      ...Array.from(
        { length: levels },
        (_, i) => `fragment F${i + 1} on Article { ${Array.from({ length: spreads }, () => `...F${i}`).join(' ')} }`,
      ),
    ].join(' ');
  const limits = { ...LIMITS, maxTokens: 10_000 };
  expect(operationProblem(fanOut(2, 5), {}, limits)).toBeNull(); // 1 + 25 fields
  expect(operationProblem(fanOut(3, 5), {}, limits)).toMatch(/126 fields once its fragments are written out: at most 50/);
  const started = Date.now();
  expect(operationProblem(fanOut(30, 10), {}, limits)).toMatch(/fields once its fragments are written out/);
  expect(Date.now() - started).toBeLessThan(100);
});

test('aliases below the top level count towards the expanded size', () => {
  const nested = `{ articles { ${Array.from({ length: 60 }, (_, i) => `p${i}: people { name }`).join(' ')} } }`;
  expect(operationProblem(nested, {}, { ...LIMITS, maxTokens: 10_000 })).toMatch(/121 fields/);
});
