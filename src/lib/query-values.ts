/**
 * What a database read may be asked, checked against the model before any SQL is built.
 * Strapi's query layer passes some malformed conditions straight to the driver, which then
 * fails (500) or, on PostgreSQL only, refuses a value SQLite took: `$between` with one bound,
 * an operator nested in an operator, a word for a number or an id, a NUL character, a text
 * search on a JSON column, an offset past what SQLite can hold. Each becomes a message naming
 * the field, the same on both databases. Pure: src/lib/query-guard.ts runs it on every read.
 */

export type FieldShape = { type: string; target?: string; relation?: string };
export type ReadModel = { attributes: Record<string, FieldShape> };
export type ReadModelLookup = (uid: string) => ReadModel | undefined;

const SCALAR_OPERATORS = new Set([
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$null',
  '$notNull',
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
]);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const NUMERIC_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal']);
/** Stored as JSON: PostgreSQL has no text operators on them, so no filter on them means the same everywhere. */
const UNFILTERABLE_TYPES = new Set(['json', 'blocks', 'media', 'dynamiczone']);
/** The largest row count or offset both databases take (PostgreSQL's int4 for LIMIT/OFFSET arguments is wider; SQLite's is not safe past 2^63). */
export const MAX_ROW_NUMBER = 2_147_483_647;
/** Longer values are no search anyone types; SQLite refuses LIKE patterns past 50,000 bytes. */
export const MAX_VALUE_LENGTH = 10_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** A value a comparison can take: not an object or a list (Dates and query builders are objects, but not plain ones). */
const isScalar = (value: unknown) => !Array.isArray(value) && !isRecord(value);

function scalarProblem(field: string, type: string, value: unknown): string | null {
  // Only what a client can send is checked: strings and numbers. Dates, buffers and query
  // builders (Strapi's own subqueries) are the server's, and their text may be SQL.
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && value.includes('\u0000')) return `${field}: a value may not contain a NUL character`;
  if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH)
    return `${field}: a value may be at most ${MAX_VALUE_LENGTH} characters long`;
  if (NUMERIC_TYPES.has(type) || type === 'increments' || type === 'id') {
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (!Number.isFinite(number)) return `${field}: ${JSON.stringify(String(value).slice(0, 40))} is not a number`;
    if ((type === 'integer' || type === 'id' || type === 'increments') && Math.abs(number) > Number.MAX_SAFE_INTEGER)
      return `${field}: the number is too large`;
  }
  return null;
}

function operatorProblem(field: string, type: string, operator: string, value: unknown): string | null {
  if (operator === '$not') return attributeProblem(field, type, value);
  if (LIST_OPERATORS.has(operator)) {
    const items = Array.isArray(value) ? value : [value];
    if (!items.every(isScalar)) return `${field}: ${operator} takes a list of values`;
    for (const item of items) {
      const problem = scalarProblem(field, type, item);
      if (problem) return problem;
    }
    return null;
  }
  if (operator === '$between') {
    if (!Array.isArray(value) || value.length !== 2 || !value.every(isScalar)) return `${field}: $between takes exactly two values`;
    return scalarProblem(field, type, value[0]) ?? scalarProblem(field, type, value[1]);
  }
  if (operator === '$jsonSupersetOf') return null; // Strapi's own, for internal queries only.
  if (!SCALAR_OPERATORS.has(operator)) return `${field}: unknown operator ${operator}`;
  if (!isScalar(value)) return `${field}: ${operator} takes one value, not ${Array.isArray(value) ? 'a list' : 'an object'}`;
  return operator === '$null' || operator === '$notNull' ? null : scalarProblem(field, type, value);
}

function attributeProblem(field: string, type: string, condition: unknown): string | null {
  if (Array.isArray(condition)) return operatorProblem(field, type, '$in', condition);
  if (!isRecord(condition)) return scalarProblem(field, type, condition);
  for (const [operator, value] of Object.entries(condition)) {
    if (!operator.startsWith('$')) return `${field}: ${JSON.stringify(operator).slice(0, 60)} is not an operator`;
    const problem = operatorProblem(field, type, operator, value);
    if (problem) return problem;
  }
  return null;
}

/** Why a `where` on `uid` cannot be run, or null. Unknown keys are left to Strapi (they may be columns). */
export function whereProblem(where: unknown, uid: string, models: ReadModelLookup, path = ''): string | null {
  if (where === undefined || where === null) return null;
  if (Array.isArray(where)) {
    for (const item of where) {
      const problem = whereProblem(item, uid, models, path);
      if (problem) return problem;
    }
    return null;
  }
  if (!isRecord(where)) return `${path || 'filters'}: a condition must be an object`;
  const model = models(uid);
  for (const [key, value] of Object.entries(where)) {
    const field = path ? `${path}.${key}` : key;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value)) return `${field}: must be a list of conditions`;
      const problem = whereProblem(value, uid, models, path);
      if (problem) return problem;
      continue;
    }
    if (key === '$not') {
      const problem = whereProblem(value, uid, models, path);
      if (problem) return problem;
      continue;
    }
    if (key.startsWith('$')) return `${field}: ${key} can only be used on a field`;
    const attribute = model && Object.hasOwn(model.attributes, key) ? model.attributes[key] : undefined;
    if (!attribute) continue;
    if (UNFILTERABLE_TYPES.has(attribute.type)) return `${field}: ${attribute.type} fields cannot be filtered`;
    if (attribute.type === 'relation') {
      if (!attribute.target || attribute.relation?.startsWith('morph')) return `${field}: this relation cannot be filtered`;
      // `relation: 5` or `relation: { $in: [...] }` compares the related ids; anything else filters the target.
      const comparesIds =
        !isRecord(value) || Object.keys(value).some((name) => name.startsWith('$') && name !== '$and' && name !== '$or' && name !== '$not');
      const problem = comparesIds ? attributeProblem(field, 'id', value) : whereProblem(value, attribute.target, models, field);
      if (problem) return problem;
      continue;
    }
    const problem = attributeProblem(field, key === 'id' ? 'id' : attribute.type, value);
    if (problem) return problem;
  }
  return null;
}

/** Why a row offset or count cannot be run, or null. */
export function rowNumberProblem(name: 'limit' | 'offset', value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || Math.abs(number) > MAX_ROW_NUMBER)
    return `${name === 'offset' ? 'pagination start' : 'pagination limit'}: must be a whole number up to ${MAX_ROW_NUMBER}`;
  return null;
}
