import { isDatabaseUnavailable } from '../../../src/middlewares/database-unavailable';

test('connection losses are recognised; query errors are not', () => {
  expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
    true,
  );
  expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error('invalid input syntax for type integer'), { code: '22P02' }))).toBe(false);
  expect(isDatabaseUnavailable(new Error('Undefined attribute level operator $foo'))).toBe(false);
  expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
});
