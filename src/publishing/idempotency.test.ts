import { describe, expect, it } from 'vitest';
import { deriveTid, isTid, MAX_DERIVED_PARTS } from '../core/tid.js';
import { newIdempotencyKey } from './idempotency.js';

describe('idempotency keys', () => {
  it('never let a thread of one delivery reach the record keys of the next, even in a burst', () => {
    const keys = Array.from({ length: 500 }, () => newIdempotencyKey());
    expect(keys.every(isTid)).toBe(true);
    expect([...keys].sort()).toEqual(keys); // strictly increasing: sortable, distinct
    const derived = new Set<string>();
    for (const key of keys) {
      for (const i of [0, 1, 2, MAX_DERIVED_PARTS - 1]) derived.add(deriveTid(key, i));
    }
    expect(derived.size).toBe(keys.length * 4);
  });
});
