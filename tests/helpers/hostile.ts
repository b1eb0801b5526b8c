/**
 * A small deterministic generator of hostile inputs: the same seed gives the same cases,
 * so a failure can be replayed. mulberry32 is enough here; this is not cryptography.
 */
export type Random = {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
  };
}

/** Values an attacker tries in any field or key. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE articles; --",
  '" OR "1"="1',
  "' OR 1=1 --",
  '1; SELECT pg_sleep(10)',
  "'||(SELECT sqlite_version())||'",
  '$where',
  '__proto__',
  'constructor',
  'prototype',
  '{"$gt": ""}',
  '%00',
  '\u0000',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '\u202Eevil\u202C',
  '\uFEFF',
  '😀'.repeat(50),
  'a'.repeat(5000),
  '-1',
  'NaN',
  '1e309',
  'null',
  'undefined',
  '[object Object]',
  '',
] as const;

/** Operators Strapi knows, and some it must refuse. */
export const OPERATORS = [
  '$eq',
  '$ne',
  '$in',
  '$notIn',
  '$lt',
  '$gt',
  '$contains',
  '$containsi',
  '$startsWith',
  '$null',
  '$notNull',
  '$between',
  '$or',
  '$and',
  '$not',
  '$foo',
  '$where',
  '$regex',
  '$expr',
  '$function',
  '$jsonSupersetOf',
  '__proto__',
  'constructor',
  'prototype',
] as const;

/** Encodes a nested structure the way qs reads it: a[b][c]=v. */
export function toQueryString(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      toQueryString(inner, prefix ? `${prefix}[${encodeURIComponent(key)}]` : encodeURIComponent(key)),
    );
  }
  return [`${prefix}=${encodeURIComponent(String(value))}`];
}
