import { describe, expect, it } from 'vitest';
import { VersionedCache } from './read-cache.js';

describe('VersionedCache', () => {
  it('misses when the data version moved or the entry expired', () => {
    const cache = new VersionedCache<string>(10, 1000, 100);
    cache.set('a', 7, 'page', 4, 0);
    expect(cache.get('a', 7, 50)).toBe('page');
    expect(cache.get('a', 8, 50)).toBeUndefined();
    cache.set('a', 8, 'page', 4, 0);
    expect(cache.get('a', 8, 100)).toBeUndefined();
  });

  it('evicts the least recently used entries beyond its entry and byte budgets', () => {
    const cache = new VersionedCache<string>(2, 10, 1000);
    cache.set('a', 1, 'A', 4, 0);
    cache.set('b', 1, 'B', 4, 0);
    cache.get('a', 1, 1);
    cache.set('c', 1, 'C', 4, 0);
    expect(cache.get('b', 1, 1)).toBeUndefined();
    expect(cache.get('a', 1, 1)).toBe('A');
    cache.set('big', 1, 'X', 11, 0);
    expect(cache.get('big', 1, 1)).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('caches nothing when disabled', () => {
    const cache = new VersionedCache<string>(0, 1000, 1000);
    cache.set('a', 1, 'A', 1, 0);
    expect(cache.get('a', 1, 0)).toBeUndefined();
  });
});
