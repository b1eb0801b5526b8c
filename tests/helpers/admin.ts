import request from 'supertest';
import type { TestApp } from './strapi';

let counter = 0;

/** Creates an admin user with one of Strapi's roles and logs them in; returns their admin JWT and id. */
export async function adminSession(app: TestApp, roleCode: 'strapi-super-admin' | 'strapi-editor' | 'strapi-author') {
  counter += 1;
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `${roleCode}-${counter}-${Date.now()}@newsdesk.test`;
  const password = 'Newsdesk-test-1';
  const user = await app.strapi.service('admin::user').create({
    email,
    firstname: roleCode,
    lastname: 'Tester',
    password,
    isActive: true,
    roles: [role.id],
  });
  const login = await request(app.server).post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { token: login.body.data.token as string, userId: user.id as number };
}
