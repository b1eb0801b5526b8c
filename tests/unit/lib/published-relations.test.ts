import {
  GRAPHQL_FILTERS,
  draftRelationInSort,
  narrowFilters,
  narrowPopulate,
  type ModelLookup,
} from '../../../src/lib/published-relations';

const MODELS: Record<string, ReturnType<ModelLookup>> = {
  article: {
    draftAndPublish: true,
    attributes: {
      title: { type: 'string' },
      localizations: { type: 'relation', relation: 'oneToMany', target: 'article' },
      people: { type: 'relation', relation: 'manyToMany', target: 'person' },
      createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin' },
      related: { type: 'relation', relation: 'morphToMany' },
      seo: { type: 'component', component: 'seo' },
    },
  },
  person: {
    draftAndPublish: true,
    attributes: { name: { type: 'string' }, articles: { type: 'relation', relation: 'manyToMany', target: 'article' } },
  },
  admin: { draftAndPublish: false, attributes: { email: { type: 'string' } } },
  seo: { draftAndPublish: false, attributes: { author: { type: 'relation', relation: 'oneToOne', target: 'person' } } },
};
const models: ModelLookup = (uid) => MODELS[uid];
const published = { publishedAt: { $notNull: true } };

test('a filter across a relation to a type with drafts is narrowed to its published rows', () => {
  expect(narrowFilters({ localizations: { title: { $containsi: 'x' } } }, 'article', models)).toEqual({
    localizations: { $and: [{ title: { $containsi: 'x' } }, published] },
  });
});

test('relations inside relations, groups and $not are narrowed at every level', () => {
  expect(
    narrowFilters({ $or: [{ people: { articles: { title: 'x' } } }], $not: { localizations: { title: 'y' } } }, 'article', models),
  ).toEqual({
    $or: [{ people: { $and: [{ articles: { $and: [{ title: 'x' }, published] } }, published] } }],
    $not: { localizations: { $and: [{ title: 'y' }, published] } },
  });
});

test('a comparison of the related ids keeps its meaning, on published rows; "no related row" is left as it is', () => {
  expect(narrowFilters({ people: { $in: [1, 2] } }, 'article', models)).toEqual({ people: { $and: [{ id: { $in: [1, 2] } }, published] } });
  expect(narrowFilters({ people: { $null: true } }, 'article', models)).toEqual({ people: { $null: true } });
});

test('relations to types without drafts, morph relations, components and plain fields are not narrowed (components are walked)', () => {
  expect(narrowFilters({ createdBy: { email: 'a' }, related: { id: 1 }, title: 'x' }, 'article', models)).toEqual({
    createdBy: { email: 'a' },
    related: { id: 1 },
    title: 'x',
  });
  expect(narrowFilters({ seo: { author: { name: 'a' } } }, 'article', models)).toEqual({
    seo: { author: { $and: [{ name: 'a' }, published] } },
  });
});

test('keys that are not attributes (such as __proto__) are passed through untouched, never looked up on the prototype', () => {
  const filters = JSON.parse('{"__proto__": {"name": "x"}, "constructor": {"name": "y"}}');
  expect(narrowFilters(filters, 'article', models)).toEqual(filters);
});

test('GraphQL filters are narrowed in their own spelling', () => {
  expect(narrowFilters({ or: [{ localizations: { title: { containsi: 'x' } } }] }, 'article', models, GRAPHQL_FILTERS)).toEqual({
    or: [{ localizations: { and: [{ title: { containsi: 'x' } }, { publishedAt: { notNull: true } }] } }],
  });
});

test('the filters of a populated relation, at any depth, are narrowed', () => {
  expect(
    narrowPopulate(
      {
        people: { filters: { articles: { title: 'x' } }, populate: { articles: { filters: { localizations: { title: 'y' } } } } },
        title: true,
      },
      'article',
      models,
    ),
  ).toEqual({
    people: {
      filters: { articles: { $and: [{ title: 'x' }, published] } },
      populate: { articles: { filters: { localizations: { $and: [{ title: 'y' }, published] } } } },
    },
    title: true,
  });
  expect(narrowPopulate('*', 'article', models)).toBe('*');
});

test('a sort across a relation into a type with drafts is found, in every spelling; sorts on own fields and draft-free relations are not', () => {
  expect(draftRelationInSort('localizations.title:asc', 'article', models)).toBe('localizations');
  expect(draftRelationInSort(['title:asc', 'people.name:desc'], 'article', models)).toBe('people');
  expect(draftRelationInSort({ people: { name: 'asc' } }, 'article', models)).toBe('people');
  expect(draftRelationInSort('title:asc,createdBy.email', 'article', models)).toBeNull();
  expect(draftRelationInSort('seo.author.name', 'article', models)).toBe('seo.author');
  expect(draftRelationInSort(['title', { title: 'desc' }], 'article', models)).toBeNull();
  expect(draftRelationInSort(undefined, 'article', models)).toBeNull();
});
