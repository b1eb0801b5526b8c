import {
  articleProblems,
  isHttpUrl,
  personProblems,
  quoteProblems,
  relatedLinkProblems,
  relationIntent,
} from '../../../src/content-rules/validators';

const paths = (problems: { path: string }[]) => problems.map((problem) => problem.path);

describe('articleProblems', () => {
  test('a new article needs a non-blank title', () => {
    expect(paths(articleProblems({}, true))).toEqual(['title']);
    expect(paths(articleProblems({ title: '   ' }, true))).toEqual(['title']);
    expect(articleProblems({ title: 'Headline' }, true)).toEqual([]);
  });
  test('an update may leave the title out but not blank it', () => {
    expect(articleProblems({ standfirst: 'x' }, false)).toEqual([]);
    expect(paths(articleProblems({ title: '' }, false))).toEqual(['title']);
    expect(paths(articleProblems({ title: 42 }, false))).toEqual(['title']);
  });
  test('tags are a list of names', () => {
    expect(articleProblems({ title: 'a', tags: ['Ukraine'] }, true)).toEqual([]);
    expect(paths(articleProblems({ title: 'a', tags: 'Ukraine' }, true))).toEqual(['tags']);
    expect(paths(articleProblems({ title: 'a', tags: [''] }, true))).toEqual(['tags']);
  });
});

test('people need a name and aliases as a list', () => {
  expect(paths(personProblems({ aliases: ['x'] }, true))).toEqual(['name']);
  expect(paths(personProblems({ name: 'A', aliases: [1] }, true))).toEqual(['aliases']);
  expect(personProblems({ name: 'A', aliases: ['Mr. A'] }, true)).toEqual([]);
});

test('quotes need their words', () => {
  expect(paths(quoteProblems({ attribution: 'said' }, true))).toEqual(['text']);
  expect(quoteProblems({ attribution: 'said' }, false)).toEqual([]);
});

describe('related links', () => {
  test.each([
    ['https://example.org/a', true],
    ['http://example.org', true],
    ['javascript:alert(1)', false],
    ['ftp://example.org', false],
    ['//example.org', false],
    ['example.org', false],
    ['data:text/html,hi', false],
  ])('isHttpUrl(%s) is %s', (url, ok) => expect(isHttpUrl(url)).toBe(ok));

  test('a bad url and a double target are both named', () => {
    const problems = relatedLinkProblems({ label: 'x', url: 'mailto:a@b.c' }, true, { hasUrl: true, hasTarget: true });
    expect(paths(problems)).toEqual(['url', 'targetArticle']);
  });
  test('a link with no target yet is allowed', () => {
    expect(relatedLinkProblems({ label: 'Imported headline' }, true, { hasUrl: false, hasTarget: false })).toEqual([]);
  });
});

test.each([
  [undefined, 'unchanged'],
  [null, 'empty'],
  ['abc', 'set'],
  [7, 'set'],
  [[], 'empty'],
  [['abc'], 'set'],
  [{ documentId: 'abc' }, 'set'],
  [{ set: [] }, 'empty'],
  [{ set: ['abc'] }, 'set'],
  [{ connect: [{ documentId: 'abc' }] }, 'set'],
  [{ disconnect: ['abc'] }, 'empty'],
  [{ connect: [] }, 'unchanged'],
])('relationIntent(%j) is %s', (value, intent) => expect(relationIntent(value)).toBe(intent));
