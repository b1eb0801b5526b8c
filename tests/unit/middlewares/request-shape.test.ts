import { queryShapeProblem } from '../../../src/middlewares/request-shape';

test('ordinary queries pass, including the words as values to search for', () => {
  expect(
    queryShapeProblem({
      filters: { title: { $eq: 'constructor' } },
      fields: ['title'],
      sort: 'title:asc',
      populate: { people: { fields: ['name'] } },
    }),
  ).toBeNull();
  expect(queryShapeProblem({ _q: 'prototype' })).toBeNull();
});

test.each([
  [{ filters: ['1'] }, /filters: must be an object/],
  [{ filters: '1' }, /filters: must be an object/],
  [{ fields: ['__proto__'] }, /fields: "__proto__" is not a field name/],
  [{ fields: 'title,constructor' }, /"constructor"/],
  [{ sort: ['prototype:asc'] }, /sort: "prototype"/],
  [{ populate: { people: { fields: ['constructor'] } } }, /populate: "constructor"/],
  [JSON.parse('{"filters": {"title": {"__proto__": "x"}}}'), /filters: "__proto__"/],
  [JSON.parse('{"constructor": "x"}'), /constructor: "constructor"/],
])('%j is refused', (query, message) => {
  expect(queryShapeProblem(query)).toMatch(message);
});
