import { createVersionedCache } from '../../../../../../../src/plugins/read-also/server/src/answers/versioned-cache';

describe('an answer kept for one version of the data', () => {
  test('is served under that version only: any other version misses, newer or older', () => {
    const cache = createVersionedCache<string[]>(10);
    cache.set('seed', 'v1', ['thanks']);
    expect(cache.get('seed', 'v1')).toEqual(['thanks']);
    expect(cache.get('seed', 'v2')).toBeUndefined();
    expect(cache.get('seed', 'v0')).toBeUndefined();
    expect(cache.get('other', 'v1')).toBeUndefined();
    expect(cache.stats).toEqual({ hits: 1, misses: 3 });
  });

  test('is replaced by an answer for a newer version', () => {
    const cache = createVersionedCache<string>(10);
    cache.set('seed', 'v1', 'old');
    cache.set('seed', 'v2', 'new');
    expect(cache.get('seed', 'v2')).toBe('new');
    expect(cache.get('seed', 'v1')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  test('keeps a null answer (no prepared list) apart from no answer', () => {
    const cache = createVersionedCache<string | null>(10);
    cache.set('seed', 'v1', null);
    expect(cache.get('seed', 'v1')).toBeNull();
  });

  test('holds at most its capacity, dropping the least recently used first', () => {
    const cache = createVersionedCache<number>(2);
    cache.set('a', 'v', 1);
    cache.set('b', 'v', 2);
    expect(cache.get('a', 'v')).toBe(1); // b is now the least recently used
    cache.set('c', 'v', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 'v')).toBeUndefined();
    expect(cache.get('a', 'v')).toBe(1);
    expect(cache.get('c', 'v')).toBe(3);
  });

  test('of capacity 0 keeps nothing', () => {
    const cache = createVersionedCache<number>(0);
    cache.set('a', 'v', 1);
    expect(cache.get('a', 'v')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
