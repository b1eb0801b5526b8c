import { errors } from '@strapi/utils';
import { isDataException, isQueryShapeError } from '../../../src/lib/query-shape-errors';

test('query-builder errors about the shape of a query are recognised', () => {
  expect(isQueryShapeError(new Error('Only $and, $or and $not can only be used as root level operators. Found $in.'))).toBe(true);
  expect(isQueryShapeError(new Error('Undefined attribute level operator $foo'))).toBe(true);
  expect(isQueryShapeError(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(false);
  expect(isQueryShapeError(new errors.ValidationError('Undefined attribute level operator $foo'))).toBe(false);
});

test('PostgreSQL data exceptions (SQLSTATE 22xxx) are recognised, other database errors are not', () => {
  expect(isDataException(Object.assign(new Error('invalid input syntax for type integer'), { code: '22P02' }))).toBe(true);
  expect(isDataException(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }))).toBe(true);
  expect(isDataException(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }))).toBe(false);
  expect(isDataException(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(false);
  expect(isDataException(null)).toBe(false);
});
