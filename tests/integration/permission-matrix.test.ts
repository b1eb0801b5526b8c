/**
 * Who may do what, proven through HTTP: every actor against every action, read from the
 * table below. A cell passes only when the status code AND the data agree: a denied read
 * shows none of the data, an allowed write really happened, a denied write wrote nothing.
 * Indirect paths (populate, relations, status=draft, private fields) are actions of the
 * table too, so a new actor or action cannot skip them.
 */
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { ARTICLE, PERSON, QUOTE, RELATED_LINK, apiToken, createArticle, paragraphs } from '../helpers/fixtures';
import { adminSession } from '../helpers/admin';
import { buildNewsroom, type Newsroom } from '../helpers/newsroom';

const ACTORS = ['anonymous', 'reader', 'readOnlyToken', 'fullAccessToken', 'editor', 'author', 'superAdmin'] as const;
type Actor = (typeof ACTORS)[number];
/** allow: permitted; deny: refused and nothing shown or written; own: only on documents the actor created. */
type Expected = 'allow' | 'deny' | 'own';

const A = 'allow' as const;
const D = 'deny' as const;
const O = 'own' as const;

type TypeKey = 'article' | 'person' | 'organisation' | 'quote' | 'relatedLink';
const TYPE_KEYS: TypeKey[] = ['article', 'person', 'organisation', 'quote', 'relatedLink'];

// prettier-ignore
/**
 * The expected table. Columns, in order: anonymous, users-permissions reader, read-only token,
 * full-access token, admin Editor, admin Author, admin Super Admin.
 * For admin actors the REST verbs go through the Content Manager admin API; admin
 * credentials are no key to the content API (GraphQL, /api/...), hence their denials there.
 */
const GRID: Record<string, readonly Expected[]> = {
  ...Object.fromEntries(TYPE_KEYS.flatMap((type) => [
    [`${type}: REST find`,          [A, A, A, A, A, O, A]],
    [`${type}: REST findOne`,       [A, A, A, A, A, O, A]],
    [`${type}: REST create`,        [D, D, D, A, A, A, A]],
    [`${type}: REST update`,        [D, D, D, A, A, O, A]],
    [`${type}: REST delete`,        [D, D, D, A, A, O, A]],
    [`${type}: REST publish`,       [D, D, D, A, A, D, A]],
    [`${type}: GraphQL list`,       [A, A, A, A, D, D, D]],
    [`${type}: GraphQL one`,        [A, A, A, A, D, D, D]],
    [`${type}: GraphQL create`,     [D, D, D, A, D, D, D]],
    [`${type}: GraphQL update`,     [D, D, D, A, D, D, D]],
    [`${type}: GraphQL delete`,     [D, D, D, A, D, D, D]],
    [`${type}: GraphQL publish`,    [D, D, D, A, D, D, D]],
  ])),
  'read-also: admin suggestions':          [D, D, D, D, A, O, A],
  'read-also: admin links':                [D, D, D, D, A, O, A],
  'read-also: admin accept':               [D, D, D, D, A, O, A],
  'read-also: admin reject':               [D, D, D, D, A, O, A],
  'read-also: admin place a link':         [D, D, D, D, A, O, A],
  'read-also: admin quotes':               [D, D, D, D, A, O, A],
  'read-also: admin follow-ups':           [D, D, D, D, A, O, A],
  // Authors are listed their own articles only (read-also-follow-ups.test.ts).
  'read-also: admin follow-ups waiting':   [D, D, D, D, A, A, A],
  'read-also: admin set a quote speaker':  [D, D, D, D, A, D, A],
  'read-also: content API suggestions':    [D, D, A, A, D, D, D],
  'read-also: GraphQL suggestions':        [D, D, A, A, D, D, D],
  'users: REST list /api/users':           [D, D, D, A, D, D, D],
  'users: REST findOne /api/users/:id':    [D, D, D, A, D, D, D],
  'users: GraphQL list':                   [D, D, D, A, D, D, D],
  // Indirect paths: "allow" means the drafts are served, which only a preview server may see.
  'draft via REST populate of a published article': [D, D, D, D, D, D, D],
  'draft via REST populate of an inverse relation': [D, D, D, D, D, D, D],
  'draft via REST filters on a relation':           [D, D, D, D, D, D, D],
  'draft via REST status=draft (and its spellings)': [D, D, D, A, D, D, D],
  'draft via JSON-LD and ninjs':                    [D, D, D, D, D, D, D],
  'draft via GraphQL relations':                    [D, D, D, D, D, D, D],
  'draft via GraphQL status: DRAFT':                [D, D, D, A, D, D, D],
  // Private fields: "allow" would mean a secret is shown; nobody may see them.
  'private: users password, reset and confirmation tokens (REST)': [D, D, D, D, D, D, D],
  'private: users password through filters (REST oracle)':         [D, D, D, D, D, D, D],
  'private: users private fields (GraphQL)':                       [D, D, D, D, D, D, D],
  'private: admin users via createdBy/updatedBy populate':         [D, D, D, D, D, D, D],
  'private: admin users via createdBy filters (oracle)':           [D, D, D, D, D, D, D],
  'private: admin users via GraphQL':                              [D, D, D, D, D, D, D],
};

/** The table as rows: one per actor × action. */
const EXPECTATIONS: { actor: Actor; action: string; expected: Expected }[] = Object.entries(GRID).flatMap(([action, row]) =>
  ACTORS.map((actor, column) => ({ actor, action, expected: row[column] })),
);

type TypeInfo = { uid: string; plural: string; single: string; many: string; field: string; localized: boolean };
const TYPES: Record<TypeKey, TypeInfo> = {
  article: { uid: ARTICLE, plural: 'articles', single: 'article', many: 'articles', field: 'title', localized: true },
  person: { uid: PERSON, plural: 'people', single: 'person', many: 'people', field: 'name', localized: false },
  organisation: {
    uid: 'api::organisation.organisation',
    plural: 'organisations',
    single: 'organisation',
    many: 'organisations',
    field: 'name',
    localized: false,
  },
  quote: { uid: QUOTE, plural: 'quotes', single: 'quote', many: 'quotes', field: 'text', localized: false },
  relatedLink: {
    uid: RELATED_LINK,
    plural: 'related-links',
    single: 'relatedLink',
    many: 'relatedLinks',
    field: 'label',
    localized: false,
  },
};

type Session = { actor: Actor; admin: boolean; authorization?: string };

let app: TestApp;
let strapi: Core.Strapi;
let newsroom: Newsroom;
const sessions = {} as Record<Actor, Session>;
let readerEmail: string;
let adminEmails: string[] = [];
let sequence = 0;

/** A unique, searchable marker: a leak of it in a response body is unambiguous. */
const marker = (label: string) => `MX${(sequence += 1)}-${label}-${Math.random().toString(36).slice(2, 8)}`;

// Drafts and people that must never reach a reader, with the published documents that point at them.
const hidden = { draftArticle: '', draftPerson: '', draftQuote: '', draftLink: '', draftTarget: '' };
let published: { article: { documentId: string }; person: { documentId: string } };

beforeAll(async () => {
  app = await startTestApp();
  strapi = app.strapi;
  newsroom = await buildNewsroom(strapi);

  const readerRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  readerEmail = `reader-${Date.now()}@newsdesk.test`;
  const reader = await strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: `reader${Date.now()}`,
      email: readerEmail,
      password: 'Reader-password-1',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: readerRole.id,
      confirmationToken: 'CONFIRMATION-SECRET-0000',
      resetPasswordToken: 'RESET-SECRET-0000',
    });
  const readerJwt = strapi.plugin('users-permissions').service('jwt').issue({ id: reader.id });

  const editor = await adminSession(app, 'strapi-editor');
  const author = await adminSession(app, 'strapi-author');
  const superAdmin = await adminSession(app, 'strapi-super-admin');
  adminEmails = (await strapi.db.query('admin::user').findMany({ select: ['email'] })).map((user: { email: string }) => user.email);

  Object.assign(sessions, {
    anonymous: { actor: 'anonymous', admin: false },
    reader: { actor: 'reader', admin: false, authorization: `Bearer ${readerJwt}` },
    readOnlyToken: { actor: 'readOnlyToken', admin: false, authorization: `Bearer ${await apiToken(strapi, 'read-only')}` },
    fullAccessToken: { actor: 'fullAccessToken', admin: false, authorization: `Bearer ${await apiToken(strapi, 'full-access')}` },
    editor: { actor: 'editor', admin: true, authorization: `Bearer ${editor.token}` },
    author: { actor: 'author', admin: true, authorization: `Bearer ${author.token}` },
    superAdmin: { actor: 'superAdmin', admin: true, authorization: `Bearer ${superAdmin.token}` },
  } satisfies Record<Actor, Session>);

  // Published content created by a Super Admin, so createdBy/updatedBy point at an admin user.
  const story = await request(app.server)
    .post(`/content-manager/collection-types/${ARTICLE}?locale=en`)
    .set('Authorization', sessions.superAdmin.authorization as string)
    .send({ title: marker('PublishedByAdmin'), body: paragraphs('Published by an administrator.') });
  expect(story.status).toBe(201);
  const publishedStory = await request(app.server)
    .post(`/content-manager/collection-types/${ARTICLE}/${story.body.data.documentId}/actions/publish?locale=en`)
    .set('Authorization', sessions.superAdmin.authorization as string)
    .send({});
  expect(publishedStory.status).toBe(200);

  hidden.draftPerson = marker('DraftPerson');
  hidden.draftArticle = marker('DraftArticle');
  hidden.draftQuote = marker('DraftQuote');
  hidden.draftLink = marker('DraftLink');
  hidden.draftTarget = marker('DraftTarget');
  const draftPerson = await strapi.documents(PERSON).create({ data: { name: hidden.draftPerson } as never });
  const draftTarget = await createArticle(strapi, { title: hidden.draftTarget }, 'draft');
  const person = newsroom.people.trudeau;
  const article = await createArticle(strapi, {
    title: marker('PublishedWithDrafts'),
    body: paragraphs('A published story whose draft relations must stay hidden.'),
    people: [person.documentId, draftPerson.documentId],
  });
  await createArticle(strapi, { title: hidden.draftArticle, people: [person.documentId, draftPerson.documentId] }, 'draft');
  await strapi
    .documents(QUOTE)
    .create({ data: { text: hidden.draftQuote, speaker: person.documentId, article: article.documentId } as never });
  await strapi.documents(RELATED_LINK).create({
    data: {
      label: hidden.draftLink,
      article: article.documentId,
      targetArticle: draftTarget.documentId,
      origin: 'editor',
      order: 9,
    } as never,
  });
  // A published link pointing at a draft-only article: the link shows, its target must not.
  await strapi.documents(RELATED_LINK).create({
    data: {
      label: marker('LinkToDraft'),
      article: article.documentId,
      targetArticle: draftTarget.documentId,
      origin: 'editor',
      order: 10,
    } as never,
    status: 'published',
  });
  published = { article, person };
});

afterAll(async () => {
  const total = EXPECTATIONS.length;
  console.log(`permission matrix: ${total} actor×action cells (${ACTORS.length} actors × ${Object.keys(GRID).length} actions) checked`);
  await app?.stop();
});

// ---------------------------------------------------------------------------------------------
// HTTP helpers

function call(session: Session, method: 'get' | 'post' | 'put' | 'delete', url: string) {
  const req = request(app.server)[method](url);
  return session.authorization ? req.set('Authorization', session.authorization) : req;
}

function graphql(session: Session, query: string, variables: Record<string, unknown> = {}) {
  return call(session, 'post', '/graphql').send({ query, variables });
}

const text = (res: request.Response) => JSON.stringify(res.body ?? '') + (res.text ?? '');

/** Refused: an auth status (or GraphQL's auth error), and none of the given secrets in the body. */
function expectRefused(res: request.Response, ...secrets: string[]) {
  const gqlCodes = (res.body?.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code);
  const refused = [401, 403].includes(res.status) || gqlCodes.some((code: string) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(code));
  if (!refused) throw new Error(`expected a refusal, got ${res.status}: ${text(res).slice(0, 300)}`);
  for (const secret of secrets) expect(text(res)).not.toContain(secret);
}

function isRefusal(res: request.Response): boolean {
  const gqlCodes = (res.body?.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code);
  return [401, 403].includes(res.status) || gqlCodes.some((code: string) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(code));
}

// ---------------------------------------------------------------------------------------------
// Fixtures: fresh documents per cell, so an allowed write in one cell never changes another.

const localeQuery = (type: TypeInfo) => (type.localized ? '?locale=en' : '');

async function createDocument(type: TypeInfo, status: 'draft' | 'published'): Promise<{ documentId: string; value: string }> {
  const value = marker(`${type.single}-${status}`);
  const doc = await strapi.documents(type.uid as typeof ARTICLE).create({
    data: { [type.field]: value } as never,
    status,
    ...(type.localized ? { locale: 'en' } : {}),
  });
  return { documentId: doc.documentId, value };
}

/** A draft created through the Content Manager by this admin: their own document. */
async function createOwnDocument(session: Session, type: TypeInfo): Promise<{ documentId: string; value: string }> {
  const value = marker(`${type.single}-own`);
  const res = await call(session, 'post', `/content-manager/collection-types/${type.uid}${localeQuery(type)}`).send({
    [type.field]: value,
  });
  if (res.status !== 201) throw new Error(`could not create an own ${type.single}: ${res.status} ${text(res)}`);
  return { documentId: res.body.data.documentId, value };
}

async function rowsWith(type: TypeInfo, value: string): Promise<number> {
  return strapi.db.query(type.uid as typeof ARTICLE).count({ where: { [type.field]: value } });
}

async function rowsOf(type: TypeInfo, documentId: string, where: Record<string, unknown> = {}): Promise<number> {
  return strapi.db.query(type.uid as typeof ARTICLE).count({ where: { documentId, ...where } });
}

// ---------------------------------------------------------------------------------------------
// Probes: each performs one action as one actor and reports what it observed.

type Probe = (session: Session, expected: Expected) => Promise<Expected>;

/** For "own" cells: someone else's document must be refused, the actor's own allowed. */
async function ownership(session: Session, onOthers: () => Promise<Expected>, onOwn: () => Promise<Expected>): Promise<Expected> {
  const others = await onOthers();
  const own = await onOwn();
  if (others === 'deny' && own === 'allow') return 'own';
  return others === own ? others : (`others: ${others}, own: ${own}` as Expected);
}

function restProbes(key: TypeKey): Record<string, Probe> {
  const type = TYPES[key];
  const cm = `/content-manager/collection-types/${type.uid}`;
  const api = `/api/${type.plural}`;

  const find: Probe = async (session) => {
    const visible = await createDocument(type, 'published');
    if (!session.admin) {
      const res = await call(session, 'get', api).query({ filters: { [type.field]: { $eq: visible.value } } });
      if (isRefusal(res)) return (expectRefused(res, visible.value), 'deny');
      expect(res.status).toBe(200);
      expect(res.body.data.map((doc: { documentId: string }) => doc.documentId)).toEqual([visible.documentId]);
      return 'allow';
    }
    const own = session.actor === 'author' ? await createOwnDocument(session, type) : null;
    const res = await call(session, 'get', cm).query({ pageSize: 100, ...(type.localized ? { locale: 'en' } : {}), _q: 'MX' });
    if (isRefusal(res)) return (expectRefused(res, visible.value), 'deny');
    expect(res.status).toBe(200);
    const values = res.body.results.map((doc: Record<string, string>) => doc[type.field]);
    if (own) {
      expect(values).toContain(own.value);
      return values.includes(visible.value) ? 'allow' : 'own';
    }
    expect(values).toContain(visible.value);
    return 'allow';
  };

  const findOne: Probe = async (session, expected) => {
    const readOne = async (doc: { documentId: string; value: string }): Promise<Expected> => {
      const res = await call(session, 'get', `${session.admin ? cm : api}/${doc.documentId}${localeQuery(type)}`);
      if (isRefusal(res)) return (expectRefused(res, doc.value), 'deny');
      expect(res.status).toBe(200);
      expect(res.body.data[type.field]).toBe(doc.value);
      return 'allow';
    };
    const others = await createDocument(type, 'published');
    if (expected !== 'own') return readOne(others);
    return ownership(
      session,
      () => readOne(others),
      async () => readOne(await createOwnDocument(session, type)),
    );
  };

  const create: Probe = async (session) => {
    const value = marker(`${key}-created`);
    const res = session.admin
      ? await call(session, 'post', `${cm}${localeQuery(type)}`).send({ [type.field]: value })
      : await call(session, 'post', api).send({ data: { [type.field]: value } });
    if (isRefusal(res)) {
      expectRefused(res);
      expect(await rowsWith(type, value)).toBe(0);
      return 'deny';
    }
    expect(res.status).toBe(201);
    expect(await rowsWith(type, value)).toBeGreaterThan(0);
    return 'allow';
  };

  const update: Probe = async (session, expected) => {
    const updateOne = async (doc: { documentId: string; value: string }): Promise<Expected> => {
      const value = marker(`${key}-updated`);
      const url = `${session.admin ? cm : api}/${doc.documentId}${localeQuery(type)}`;
      const res = session.admin
        ? await call(session, 'put', url).send({ [type.field]: value })
        : await call(session, 'put', url).send({ data: { [type.field]: value } });
      if (isRefusal(res)) {
        expectRefused(res, doc.value);
        expect(await rowsWith(type, value)).toBe(0);
        expect(await rowsWith(type, doc.value)).toBeGreaterThan(0);
        return 'deny';
      }
      expect(res.status).toBe(200);
      expect(await rowsWith(type, value)).toBeGreaterThan(0);
      return 'allow';
    };
    const others = await createDocument(type, 'published');
    if (expected !== 'own') return updateOne(others);
    return ownership(
      session,
      () => updateOne(others),
      async () => updateOne(await createOwnDocument(session, type)),
    );
  };

  const remove: Probe = async (session, expected) => {
    const deleteOne = async (doc: { documentId: string; value: string }): Promise<Expected> => {
      const before = await rowsOf(type, doc.documentId);
      expect(before).toBeGreaterThan(0);
      const res = await call(session, 'delete', `${session.admin ? cm : api}/${doc.documentId}${localeQuery(type)}`);
      if (isRefusal(res)) {
        expectRefused(res, doc.value);
        expect(await rowsOf(type, doc.documentId)).toBe(before);
        return 'deny';
      }
      expect([200, 204]).toContain(res.status);
      expect(await rowsOf(type, doc.documentId)).toBe(0);
      return 'allow';
    };
    const others = await createDocument(type, 'published');
    if (expected !== 'own') return deleteOne(others);
    return ownership(
      session,
      () => deleteOne(others),
      async () => deleteOne(await createOwnDocument(session, type)),
    );
  };

  const publish: Probe = async (session) => {
    const draft = await createDocument(type, 'draft');
    const res = session.admin
      ? await call(session, 'post', `${cm}/${draft.documentId}/actions/publish${localeQuery(type)}`).send({})
      : await call(session, 'put', `${api}/${draft.documentId}${localeQuery(type)}`)
          .query({ status: 'published' })
          .send({ data: {} });
    const publishedRows = await rowsOf(type, draft.documentId, { publishedAt: { $notNull: true } });
    if (isRefusal(res)) {
      expectRefused(res, draft.value);
      expect(publishedRows).toBe(0);
      return 'deny';
    }
    expect(res.status).toBe(200);
    expect(publishedRows).toBe(1);
    return 'allow';
  };

  return {
    [`${key}: REST find`]: find,
    [`${key}: REST findOne`]: findOne,
    [`${key}: REST create`]: create,
    [`${key}: REST update`]: update,
    [`${key}: REST delete`]: remove,
    [`${key}: REST publish`]: publish,
  };
}

function graphqlProbes(key: TypeKey): Record<string, Probe> {
  const type = TYPES[key];
  const Name = type.single[0].toUpperCase() + type.single.slice(1);

  /** Runs a GraphQL operation; "deny" when refused (nothing leaked), "allow" when it answered. */
  async function run(session: Session, query: string, variables: Record<string, unknown>, secret?: string) {
    const res = await graphql(session, query, variables);
    if (isRefusal(res)) {
      expectRefused(res, ...(secret ? [secret] : []));
      return { verdict: 'deny' as const, res };
    }
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    return { verdict: 'allow' as const, res };
  }

  return {
    [`${key}: GraphQL list`]: async (session) => {
      const doc = await createDocument(type, 'published');
      const { verdict, res } = await run(
        session,
        `query ($value: String) { ${type.many}(filters: { ${type.field}: { eq: $value } }) { documentId ${type.field} } }`,
        { value: doc.value },
        doc.value,
      );
      if (verdict === 'allow') expect(res.body.data[type.many]).toEqual([{ documentId: doc.documentId, [type.field]: doc.value }]);
      return verdict;
    },
    [`${key}: GraphQL one`]: async (session) => {
      const doc = await createDocument(type, 'published');
      const { verdict, res } = await run(
        session,
        `query ($id: ID!) { ${type.single}(documentId: $id) { ${type.field} } }`,
        { id: doc.documentId },
        doc.value,
      );
      if (verdict === 'allow') expect(res.body.data[type.single][type.field]).toBe(doc.value);
      return verdict;
    },
    [`${key}: GraphQL create`]: async (session) => {
      const value = marker(`${key}-gql-created`);
      const { verdict } = await run(
        session,
        `mutation ($value: String) { create${Name}(data: { ${type.field}: $value }) { documentId } }`,
        { value },
      );
      expect(await rowsWith(type, value)).toBe(verdict === 'allow' ? 2 : 0); // draft + published
      return verdict;
    },
    [`${key}: GraphQL update`]: async (session) => {
      const doc = await createDocument(type, 'published');
      const value = marker(`${key}-gql-updated`);
      const { verdict } = await run(
        session,
        `mutation ($id: ID!, $value: String) { update${Name}(documentId: $id, data: { ${type.field}: $value }) { documentId } }`,
        { id: doc.documentId, value },
        doc.value,
      );
      expect(await rowsWith(type, value)).toBe(verdict === 'allow' ? 2 : 0);
      return verdict;
    },
    [`${key}: GraphQL delete`]: async (session) => {
      const doc = await createDocument(type, 'published');
      const { verdict } = await run(
        session,
        `mutation ($id: ID!) { delete${Name}(documentId: $id) { documentId } }`,
        { id: doc.documentId },
        doc.value,
      );
      expect(await rowsOf(type, doc.documentId)).toBe(verdict === 'allow' ? 0 : 2);
      return verdict;
    },
    [`${key}: GraphQL publish`]: async (session) => {
      const doc = await createDocument(type, 'draft');
      const { verdict } = await run(
        session,
        `mutation ($id: ID!) { update${Name}(documentId: $id, data: {}, status: PUBLISHED) { documentId } }`,
        { id: doc.documentId },
        doc.value,
      );
      expect(await rowsOf(type, doc.documentId, { publishedAt: { $notNull: true } })).toBe(verdict === 'allow' ? 1 : 0);
      return verdict;
    },
  };
}

// Read-also ------------------------------------------------------------------------------------

async function rejectionsFor(documentId: string): Promise<number> {
  const connection = strapi.db.connection;
  const schema = (strapi.db.config.connection.connection as { schema?: string }).schema;
  const table = schema ? connection('read_also_rejections').withSchema(schema) : connection('read_also_rejections');
  const [{ count }] = (await table.where({ document_id: documentId }).count({ count: '*' })) as { count: string | number }[];
  return Number(count);
}

async function suggestedLinksFor(documentId: string): Promise<number> {
  return strapi.db.query(RELATED_LINK).count({ where: { article: { documentId }, origin: 'suggested', publishedAt: null } });
}

/** A published story that read-also will suggest for the seed story: new each time, so accepting it is always possible. */
async function freshRelatedStory() {
  return createArticle(strapi, {
    title: `${marker('Related')} Zelensky and Trudeau discuss Ukraine’s air defence`,
    body: paragraphs('Volodymyr Zelensky and Justin Trudeau discussed air defence equipment for Ukraine and Canada’s military aid.'),
    storyPublishedAt: '2023-01-11T08:00:00Z',
    section: 'World',
    tags: ['Ukraine', 'Canada'],
    people: [newsroom.people.zelensky.documentId, newsroom.people.trudeau.documentId],
  });
}

async function authorsOwnStory(session: Session): Promise<string> {
  const res = await call(session, 'post', `/content-manager/collection-types/${ARTICLE}?locale=en`).send({
    title: `${marker('AuthorStory')} Zelensky and Trudeau on Ukraine’s air defence`,
    body: paragraphs('Volodymyr Zelensky and Justin Trudeau discussed air defence for Ukraine and Canada’s military aid.'),
    people: [newsroom.people.zelensky.documentId, newsroom.people.trudeau.documentId],
  });
  if (res.status !== 201) throw new Error(`author could not create a story: ${res.status} ${text(res)}`);
  return res.body.data.documentId;
}

function readAlsoProbes(): Record<string, Probe> {
  const adminRead =
    (path: 'suggestions' | 'links' | 'quotes' | 'follow-ups'): Probe =>
    async (session, expected) => {
      const readFor = async (documentId: string): Promise<Expected> => {
        const res = await call(session, 'get', `/read-also/articles/${documentId}/${path}`);
        if (isRefusal(res)) return (expectRefused(res, 'reasons'), 'deny');
        expect(res.status).toBe(200);
        expect(Array.isArray(res.body.data)).toBe(true);
        return 'allow';
      };
      const others = newsroom.articles.seed.documentId;
      if (expected !== 'own') return readFor(others);
      return ownership(
        session,
        () => readFor(others),
        async () => readFor(await authorsOwnStory(session)),
      );
    };

  /** Accept or reject one fresh suggestion; `recorded` counts what the decision leaves behind. */
  const decision =
    (action: 'accept' | 'reject', recorded: (documentId: string) => Promise<number>, status: number, article: () => string): Probe =>
    async (session, expected) => {
      const decideFor = async (documentId: string): Promise<Expected> => {
        const target = await freshRelatedStory();
        const before = await recorded(documentId);
        const res = await call(session, 'post', `/read-also/articles/${documentId}/suggestions/${target.documentId}/${action}`);
        if (isRefusal(res)) {
          expectRefused(res);
          expect(await recorded(documentId)).toBe(before);
          return 'deny';
        }
        expect(res.status).toBe(status);
        expect(await recorded(documentId)).toBe(before + 1);
        return 'allow';
      };
      if (expected !== 'own') return decideFor(article());
      return ownership(
        session,
        () => decideFor(article()),
        async () => decideFor(await authorsOwnStory(session)),
      );
    };
  const accept = decision('accept', suggestedLinksFor, 201, () => newsroom.articles.seed.documentId);
  const reject = decision('reject', rejectionsFor, 200, () => newsroom.articles.thanks.documentId);

  /** Move a fresh link (at the end of its article's draft) before the story; a refusal leaves it where it was. */
  const place: Probe = async (session, expected) => {
    const placeIn = async (documentId: string): Promise<Expected> => {
      const link = await strapi
        .documents(RELATED_LINK)
        .create({ data: { label: marker('PlacedLink'), article: { documentId, locale: 'en' }, afterParagraph: null } as never });
      const placeOf = async () =>
        (await strapi.db.query(RELATED_LINK).findOne({ where: { documentId: link.documentId, publishedAt: null } }))?.afterParagraph;
      const res = await call(session, 'put', `/read-also/links/${link.documentId}/place`).send({ afterParagraph: 0 });
      if (isRefusal(res)) {
        expectRefused(res);
        expect(await placeOf()).toBeNull();
        return 'deny';
      }
      expect(res.status).toBe(200);
      expect(await placeOf()).toBe(0);
      return 'allow';
    };
    if (expected !== 'own') return placeIn(newsroom.articles.seed.documentId);
    return ownership(
      session,
      () => placeIn(newsroom.articles.seed.documentId),
      async () => placeIn(await authorsOwnStory(session)),
    );
  };

  /**
   * Set the speaker of a fresh quote without one; a refusal leaves it without. Quotes are documents of
   * their own: an Author, who may edit only the quotes they created, is refused even on their own story.
   */
  const setSpeaker: Probe = async (session, expected) => {
    const speakerIn = async (documentId: string): Promise<Expected> => {
      const quote = await strapi
        .documents(QUOTE)
        .create({ data: { text: marker('Quote'), article: { documentId, locale: 'en' } } as never });
      const speakerOf = async () =>
        (await strapi.db.query(QUOTE).findOne({ where: { documentId: quote.documentId, publishedAt: null }, populate: ['speaker'] }))
          ?.speaker?.documentId ?? null;
      const res = await call(session, 'put', `/read-also/quotes/${quote.documentId}/speaker`).send({
        personId: newsroom.people.zelensky.documentId,
      });
      if (isRefusal(res)) {
        expectRefused(res);
        expect(await speakerOf()).toBeNull();
        return 'deny';
      }
      expect(res.status).toBe(200);
      expect(await speakerOf()).toBe(newsroom.people.zelensky.documentId);
      return 'allow';
    };
    if (expected !== 'own') return speakerIn(newsroom.articles.seed.documentId);
    return ownership(
      session,
      () => speakerIn(newsroom.articles.seed.documentId),
      async () => speakerIn(await authorsOwnStory(session)),
    );
  };

  return {
    'read-also: admin suggestions': adminRead('suggestions'),
    'read-also: admin quotes': adminRead('quotes'),
    'read-also: admin follow-ups': adminRead('follow-ups'),
    'read-also: admin follow-ups waiting': async (session) => {
      const res = await call(session, 'get', '/read-also/follow-ups');
      if (isRefusal(res)) return (expectRefused(res), 'deny');
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body.data)).toBe(true);
      return 'allow';
    },
    'read-also: admin set a quote speaker': setSpeaker,
    'read-also: admin links': adminRead('links'),
    'read-also: admin accept': accept,
    'read-also: admin reject': reject,
    'read-also: admin place a link': place,
    'read-also: content API suggestions': async (session) => {
      const res = await call(session, 'get', `/api/read-also/articles/${newsroom.articles.seed.documentId}/suggestions`);
      if (isRefusal(res)) return (expectRefused(res, newsroom.articles.thanks.title as string), 'deny');
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      return 'allow';
    },
    'read-also: GraphQL suggestions': async (session) => {
      const res = await graphql(
        session,
        `
          query ($id: ID!) {
            readAlsoSuggestions(documentId: $id) {
              documentId
              title
            }
          }
        `,
        {
          id: newsroom.articles.seed.documentId,
        },
      );
      if (isRefusal(res)) return (expectRefused(res, newsroom.articles.thanks.title as string), 'deny');
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.readAlsoSuggestions.length).toBeGreaterThan(0);
      return 'allow';
    },
  };
}

// Users ------------------------------------------------------------------------------------------

const USER_SECRETS = ['CONFIRMATION-SECRET-0000', 'RESET-SECRET-0000', '$2a$', '$2b$'];

function userProbes(): Record<string, Probe> {
  return {
    'users: REST list /api/users': async (session) => {
      const res = await call(session, 'get', '/api/users');
      if (isRefusal(res)) return (expectRefused(res, readerEmail, ...USER_SECRETS), 'deny');
      expect(res.status).toBe(200);
      expect(text(res)).toContain(readerEmail);
      for (const secret of USER_SECRETS) expect(text(res)).not.toContain(secret);
      return 'allow';
    },
    'users: REST findOne /api/users/:id': async (session) => {
      const reader = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: readerEmail } });
      const res = await call(session, 'get', `/api/users/${reader.id}`);
      if (isRefusal(res)) return (expectRefused(res, readerEmail, ...USER_SECRETS), 'deny');
      expect(res.status).toBe(200);
      expect(res.body.email).toBe(readerEmail);
      for (const secret of USER_SECRETS) expect(text(res)).not.toContain(secret);
      return 'allow';
    },
    'users: GraphQL list': async (session) => {
      const res = await graphql(session, '{ usersPermissionsUsers { documentId email username } }');
      if (isRefusal(res)) return (expectRefused(res, readerEmail), 'deny');
      expect(res.body.errors).toBeUndefined();
      expect(text(res)).toContain(readerEmail);
      return 'allow';
    },
  };
}

// Indirect paths -------------------------------------------------------------------------------

const DRAFT_SECRETS = () => [hidden.draftArticle, hidden.draftPerson, hidden.draftQuote, hidden.draftLink, hidden.draftTarget];

/** The request is refused, or answers without any draft. A leak is reported as "allow". */
function leakVerdict(responses: request.Response[], secrets: string[]): Expected {
  for (const res of responses) {
    expect(res.status).toBeLessThan(500);
    if (secrets.some((secret) => text(res).includes(secret))) return 'allow';
  }
  return 'deny';
}

function indirectProbes(): Record<string, Probe> {
  return {
    'draft via REST populate of a published article': async (session) => {
      const res = await call(session, 'get', `/api/articles/${published.article.documentId}`).query({
        populate: { people: true, quotes: { populate: ['speaker'] }, relatedLinks: { populate: ['targetArticle'] } },
      });
      if (!session.admin && session.actor !== 'anonymous') expect(res.status).toBe(200);
      const star = await call(session, 'get', `/api/articles/${published.article.documentId}`).query({ populate: '*' });
      return leakVerdict([res, star], DRAFT_SECRETS());
    },
    'draft via REST populate of an inverse relation': async (session) => {
      const person = await call(session, 'get', `/api/people/${published.person.documentId}`).query({ populate: ['articles', 'quotes'] });
      const links = await call(session, 'get', '/api/related-links').query({
        populate: ['targetArticle', 'article'],
        pagination: { pageSize: 100 },
      });
      return leakVerdict([person, links], DRAFT_SECRETS());
    },
    'draft via REST filters on a relation': async (session) => {
      // If a draft person were reachable through filters, the two answers would differ.
      const real = await call(session, 'get', '/api/articles').query({ filters: { people: { name: { $eq: hidden.draftPerson } } } });
      const none = await call(session, 'get', '/api/articles').query({ filters: { people: { name: { $eq: 'nobody-at-all' } } } });
      expect(real.status).toBe(none.status);
      if (real.status === 200) expect(real.body.data).toEqual(none.body.data);
      const viaTitle = await call(session, 'get', '/api/articles').query({ filters: { title: { $eq: hidden.draftArticle } } });
      if (viaTitle.status === 200) expect(viaTitle.body.data).toEqual([]);
      return leakVerdict([real, none, viaTitle], DRAFT_SECRETS());
    },
    'draft via REST status=draft (and its spellings)': async (session) => {
      // Strapi reads every status but exactly "published" as draft: each spelling must be refused.
      const spellings = [
        'status=draft',
        'status=DRAFT',
        'status=PUBLISHED',
        'status=',
        'status',
        'status[0]=draft',
        'status[]=draft',
        'status[$eq]=draft',
        'status=published&status=draft',
        'status= draft',
        'publicationState=preview',
      ];
      const byTitle = `filters[title][$eq]=${encodeURIComponent(hidden.draftArticle)}`;
      const responses = [];
      for (const query of spellings) responses.push(await call(session, 'get', `/api/articles?${query}&${byTitle}`));
      responses.push(await call(session, 'get', `/api/people?status=draft&filters[name][$eq]=${encodeURIComponent(hidden.draftPerson)}`));
      return leakVerdict(responses, [hidden.draftArticle, hidden.draftPerson]);
    },
    'draft via JSON-LD and ninjs': async (session) => {
      const draft = await strapi.documents(ARTICLE).findFirst({ filters: { title: hidden.draftArticle }, status: 'draft' });
      const responses = [];
      for (const format of ['jsonld', 'ninjs']) {
        const res = await call(session, 'get', `/api/articles/${draft?.documentId}/${format}`);
        expect([401, 403, 404]).toContain(res.status);
        responses.push(res);
      }
      return leakVerdict(responses, DRAFT_SECRETS());
    },
    'draft via GraphQL relations': async (session) => {
      const res = await graphql(
        session,
        `
          query ($id: ID!) {
            article(documentId: $id) {
              title
              people {
                name
                articles {
                  title
                }
              }
              quotes {
                text
              }
              relatedLinks {
                label
                targetArticle {
                  title
                }
              }
            }
          }
        `,
        { id: published.article.documentId },
      );
      const people = await graphql(
        session,
        `
          query ($id: ID!) {
            person(documentId: $id) {
              name
              articles {
                title
              }
              quotes {
                text
              }
            }
          }
        `,
        {
          id: published.person.documentId,
        },
      );
      return leakVerdict([res, people], DRAFT_SECRETS());
    },
    'draft via GraphQL status: DRAFT': async (session) => {
      const title = { title: hidden.draftArticle };
      const responses = [
        await graphql(session, 'query ($title: String) { articles(status: DRAFT, filters: { title: { eq: $title } }) { title } }', title),
        await graphql(session, 'query ($name: String) { people(status: DRAFT, filters: { name: { eq: $name } }) { name } }', {
          name: hidden.draftPerson,
        }),
        await graphql(
          session,
          'query ($title: String, $status: PublicationStatus) { articles(status: $status, filters: { title: { eq: $title } }) { title } }',
          {
            ...title,
            status: 'DRAFT',
          },
        ),
        await graphql(
          session,
          `
            query ($id: ID!) {
              article(documentId: $id, status: DRAFT) {
                title
                people {
                  name
                }
              }
            }
          `,
          {
            id: published.article.documentId,
          },
        ),
      ];
      return leakVerdict(responses, [hidden.draftArticle, hidden.draftPerson]);
    },
    'private: users password, reset and confirmation tokens (REST)': async (session) => {
      const responses = [
        await call(session, 'get', '/api/users').query({ populate: '*' }),
        await call(session, 'get', '/api/users').query({ fields: ['password', 'resetPasswordToken', 'confirmationToken', 'email'] }),
        await call(session, 'get', '/api/users/me').query({ populate: '*' }),
      ];
      return leakVerdict(responses, USER_SECRETS);
    },
    'private: users password through filters (REST oracle)': async (session) => {
      // A bcrypt hash starts with "$2": if filtering on it were honoured, the two lists would differ.
      const leaks: request.Response[] = [];
      for (const field of ['password', 'resetPasswordToken', 'confirmationToken']) {
        const right = await call(session, 'get', '/api/users').query({
          filters: { [field]: { $startsWith: field === 'password' ? '$2' : field === 'resetPasswordToken' ? 'RESET' : 'CONFIRMATION' } },
        });
        const wrong = await call(session, 'get', '/api/users').query({ filters: { [field]: { $startsWith: 'zz-no-such-prefix' } } });
        expect(right.status).toBeLessThan(500);
        if (right.status === 200 && wrong.status === 200 && JSON.stringify(right.body) !== JSON.stringify(wrong.body)) leaks.push(right);
      }
      return leaks.length > 0 ? 'allow' : 'deny';
    },
    'private: users private fields (GraphQL)': async (session) => {
      const responses = [
        await graphql(session, '{ usersPermissionsUsers { email password resetPasswordToken confirmationToken } }'),
        await graphql(session, '{ usersPermissionsUsers(filters: { password: { startsWith: "$2" } }) { username } }'),
      ];
      return leakVerdict(responses, USER_SECRETS);
    },
    'private: admin users via createdBy/updatedBy populate': async (session) => {
      const responses = [
        await call(session, 'get', '/api/articles').query({ populate: ['createdBy', 'updatedBy'] }),
        await call(session, 'get', '/api/articles').query({ populate: { createdBy: { fields: ['email', 'password'] } } }),
        await call(session, 'get', '/api/articles').query({ populate: '*', fields: ['createdBy', 'updatedBy'] }),
        await call(session, 'get', '/api/articles').query({ populate: { people: { populate: ['createdBy'] } } }),
      ];
      return leakVerdict(responses, [...adminEmails, '$2a$', '$2b$']);
    },
    'private: admin users via createdBy filters (oracle)': async (session) => {
      const superAdminEmail = adminEmails.find((email) => email.startsWith('strapi-super-admin')) as string;
      const leaks: request.Response[] = [];
      for (const [field, prefix] of [
        ['email', superAdminEmail.slice(0, 12)],
        ['password', '$2'],
      ]) {
        const right = await call(session, 'get', '/api/articles').query({ filters: { createdBy: { [field]: { $startsWith: prefix } } } });
        const wrong = await call(session, 'get', '/api/articles').query({
          filters: { createdBy: { [field]: { $startsWith: 'zz-no-such-prefix' } } },
        });
        expect(right.status).toBeLessThan(500);
        if (right.status === 200 && wrong.status === 200 && JSON.stringify(right.body.data) !== JSON.stringify(wrong.body.data))
          leaks.push(right);
      }
      return leaks.length > 0 ? 'allow' : 'deny';
    },
    'private: admin users via GraphQL': async (session) => {
      const responses = [
        await graphql(session, '{ articles { title createdBy { email } } }'),
        await graphql(session, '{ articles(filters: { createdBy: { email: { startsWith: "strapi" } } }) { title } }'),
      ];
      return leakVerdict(responses, [...adminEmails, '$2a$', '$2b$']);
    },
  };
}

const PROBES: Record<string, Probe> = {
  ...Object.assign({}, ...TYPE_KEYS.map(restProbes)),
  ...Object.assign({}, ...TYPE_KEYS.map(graphqlProbes)),
  ...readAlsoProbes(),
  ...userProbes(),
  ...indirectProbes(),
};

test('every action of the table has a probe, and every probe a row', () => {
  expect(Object.keys(PROBES).sort()).toEqual(Object.keys(GRID).sort());
  expect(EXPECTATIONS).toHaveLength(ACTORS.length * Object.keys(GRID).length);
});

describe.each(ACTORS)('%s', (actor) => {
  test.each(EXPECTATIONS.filter((row) => row.actor === actor).map((row) => [row.action, row.expected] as const))(
    '%s → %s',
    async (action, expected) => {
      const observed = await PROBES[action](sessions[actor], expected);
      expect(observed).toBe(expected);
    },
  );
});
