import { errors } from '@strapi/utils';
import { clientBodyStatus } from '../../../src/middlewares/request-shape';

const withStatus = (message: string, status: number) => Object.assign(new SyntaxError(message), { status });

describe("a client's unreadable body", () => {
  test("a JSON parser error with status 400 is the client's, kept with its message", () => {
    expect(clientBodyStatus(withStatus('Unexpected end of JSON input', 400))).toEqual({
      status: 400,
      message: 'Unexpected end of JSON input',
    });
  });

  test("an oversized body (413) is the client's", () => {
    expect(clientBodyStatus(Object.assign(new Error('request entity too large'), { status: 413, expose: true }))).toEqual({
      status: 413,
      message: 'request entity too large',
    });
  });

  test("Strapi's own errors and errors without a client status are left to Strapi", () => {
    expect(clientBodyStatus(new errors.ValidationError('bad'))).toBeNull();
    expect(clientBodyStatus(new Error('database went away'))).toBeNull();
    expect(clientBodyStatus(withStatus('teapot', 418))).toBeNull();
    expect(clientBodyStatus(Object.assign(new Error('boom'), { status: 500 }))).toBeNull();
    expect(clientBodyStatus('not an error')).toBeNull();
  });
});
