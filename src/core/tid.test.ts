import { describe, expect, it } from 'vitest';
import { createTid, deriveTid, isTid, MAX_DERIVED_PARTS, parseTid } from './tid.js';

describe('createTid / parseTid', () => {
  it('matches the atproto encoding', () => {
    expect(createTid(0, 0)).toBe('2222222222222');
    expect(createTid(1724171495793000, 512)).toBe('3l25zusnsfck2'); // @atcute/tid's documented example
  });

  it('round-trips timestamp and clock id', () => {
    for (const [micros, clockId] of [[0, 0], [1, 1023], [1_700_000_000_123_456, 7], [2 ** 53 - 1, 1023]]) {
      const tid = createTid(micros, clockId);
      expect(tid).toHaveLength(13);
      expect(isTid(tid)).toBe(true);
      expect(parseTid(tid)).toEqual({ micros, clockId });
    }
  });

  it('sorts as strings in time order, then clock id', () => {
    const times = [5, 1_000_000, 999, 1_700_000_000_000_000, 1_600_000_000_000_000, 1_700_000_000_000_001];
    const tids = times.map((t) => createTid(t, 3));
    const byString = [...tids].sort();
    const byTime = [...times].sort((a, b) => a - b).map((t) => createTid(t, 3));
    expect(byString).toEqual(byTime);
    expect(createTid(10, 1) < createTid(10, 2)).toBe(true);
  });

  it('creates increasing, valid TIDs for "now" with a random clock id', () => {
    const tids = Array.from({ length: 50 }, () => createTid());
    for (const tid of tids) expect(isTid(tid)).toBe(true);
    const micros = tids.map((t) => parseTid(t).micros);
    for (let i = 1; i < micros.length; i += 1) expect(micros[i] - micros[i - 1]).toBeGreaterThanOrEqual(MAX_DERIVED_PARTS);
    expect(Math.abs(micros[0] / 1000 - Date.now())).toBeLessThan(60_000);
  });

  it('refuses out-of-range input', () => {
    expect(() => createTid(-1, 0)).toThrow(RangeError);
    expect(() => createTid(2 ** 53, 0)).toThrow(RangeError);
    expect(() => createTid(1.5, 0)).toThrow(RangeError);
    expect(() => createTid(0, 1024)).toThrow(RangeError);
    expect(() => parseTid('not-a-tid')).toThrow(TypeError);
  });
});

describe('isTid', () => {
  it('checks length, alphabet and the top bit', () => {
    expect(isTid('3jzfcijpj2z2a')).toBe(true);
    expect(isTid('3jzfcijpj2z2')).toBe(false); // 12 characters
    expect(isTid('3jzfcijpj2z2a1')).toBe(false); // 14
    expect(isTid('3jzfcijpj2z21')).toBe(false); // 1 is not in the alphabet
    expect(isTid('3JZFCIJPJ2Z2A')).toBe(false); // upper case
    expect(isTid('kjzfcijpj2z2a')).toBe(false); // top bit set
  });
});

describe('deriveTid', () => {
  it('keeps the clock id and adds the index in microseconds', () => {
    const base = createTid(1_700_000_000_000_000, 42);
    expect(deriveTid(base, 0)).toBe(base);
    expect(parseTid(deriveTid(base, 3))).toEqual({ micros: 1_700_000_000_000_003, clockId: 42 });
  });

  it('is stable, so a retry derives the same record keys', () => {
    const base = createTid();
    const first = [0, 1, 2].map((i) => deriveTid(base, i));
    const retry = [0, 1, 2].map((i) => deriveTid(base, i));
    expect(retry).toEqual(first);
    expect(new Set(first).size).toBe(3);
    expect([...first].sort()).toEqual(first); // thread parts sort in order
  });

  it('never reaches the next TID created in this process', () => {
    const a = createTid();
    const b = createTid();
    expect(deriveTid(a, MAX_DERIVED_PARTS - 1) < b).toBe(true);
  });

  it('refuses a bad index or base', () => {
    const base = createTid(1_000, 1);
    expect(() => deriveTid(base, -1)).toThrow(RangeError);
    expect(() => deriveTid(base, 1.5)).toThrow(RangeError);
    expect(() => deriveTid(base, MAX_DERIVED_PARTS)).toThrow(RangeError);
    expect(() => deriveTid('nope', 1)).toThrow(TypeError);
  });
});
