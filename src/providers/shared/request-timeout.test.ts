import { describe, expect, it } from 'vitest';
import { channelTimeoutMs, configuredTimeoutMs, WHOLE_MS_UP_TO_TEN_MINUTES } from './request-timeout.js';

describe('configuredTimeoutMs', () => {
  it('takes the first candidate above zero, reading strings as numbers', () => {
    expect(configuredTimeoutMs([1500, '2000'])).toBe(1500);
    expect(configuredTimeoutMs([undefined, '2000'])).toBe(2000);
    expect(configuredTimeoutMs([0, -5, '', null, 'soon', '250'])).toBe(250);
  });

  it('is undefined when nothing is usable, so the caller’s default applies', () => {
    expect(configuredTimeoutMs([])).toBeUndefined();
    expect(configuredTimeoutMs([undefined, 'abc', 0])).toBeUndefined();
  });

  it('holds candidates to a rule: whole milliseconds up to ten minutes', () => {
    expect(configuredTimeoutMs([1.5, '700000', '600000'], WHOLE_MS_UP_TO_TEN_MINUTES)).toBe(600_000);
    expect(configuredTimeoutMs([2.5, '999999'], WHOLE_MS_UP_TO_TEN_MINUTES)).toBeUndefined();
    expect(configuredTimeoutMs([2.5])).toBe(2.5);
  });

  it('refuses Infinity only when the rule asks for a finite number', () => {
    expect(configuredTimeoutMs(['Infinity', '10'], { finite: true })).toBe(10);
    expect(configuredTimeoutMs(['Infinity', '10'])).toBe(Infinity);
    expect(configuredTimeoutMs(['120001', '120000'], { integer: true, max: 120_000 })).toBe(120_000);
  });
});

describe('channelTimeoutMs', () => {
  it('prefers the channel’s setting to the operator’s value, and falls back to the default', () => {
    expect(channelTimeoutMs({ TIMEOUT_MS: '2000' }, { timeoutMs: 500 }, 30_000)).toBe(500);
    expect(channelTimeoutMs({ TIMEOUT_MS: '2000' }, {}, 30_000)).toBe(2000);
    expect(channelTimeoutMs({}, { timeoutMs: 'never' }, 30_000)).toBe(30_000);
    expect(channelTimeoutMs({ TIMEOUT_MS: '2000.5' }, {}, 30_000, WHOLE_MS_UP_TO_TEN_MINUTES)).toBe(30_000);
  });
});
