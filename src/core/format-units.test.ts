import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, pluralize } from './format-units.js';

describe('format units', () => {
  it('formats counts with thousands separators', () => {
    expect(formatCount(3104)).toBe('3,104');
    expect(formatCount(63_206)).toBe('63,206');
    expect(formatCount(280)).toBe('280');
  });

  it('formats bytes as decimal MB or GB', () => {
    expect(formatBytes(2_000_000)).toBe('2 MB');
    expect(formatBytes(2_400_000)).toBe('2.4 MB');
    expect(formatBytes(2_000_001, true)).toBe('2.1 MB');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16.8 MB');
    expect(formatBytes(4_000_000_000)).toBe('4 GB');
  });

  it('formats durations', () => {
    expect(formatDuration(0.5)).toBe('0.5 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(140)).toBe('2 min 20 s');
    expect(formatDuration(900)).toBe('15 min');
    expect(formatDuration(5400)).toBe('1 h 30 min');
  });

  it('pluralizes', () => {
    expect(pluralize(1, 'image')).toBe('1 image');
    expect(pluralize(5, 'image')).toBe('5 images');
    expect(pluralize(2, 'GIF', 'GIFs')).toBe('2 GIFs');
  });
});
