import { describe, expect, it } from 'vitest';
import { ProviderError } from '../providers/provider-error.js';
import { nextPollAfter } from './poll.job.js';

describe('when to poll again after a failure', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const minute = 60_000;

  it('never before a rate limit resets', () => {
    const retryAt = new Date(now + 15 * minute);
    expect(nextPollAfter(new ProviderError('rate_limited', 'slow down', { retryAt }), 1, minute, now)).toEqual(retryAt);
    expect(nextPollAfter(new ProviderError('rate_limited', 'slow down'), 1, minute, now).getTime()).toBe(now + minute);
    expect(nextPollAfter(new ProviderError('rate_limited', 'slow down', { retryAt: new Date(now - 5_000) }), 1, minute, now).getTime()).toBe(now + 1_000);
  });

  it('waits twice as long after each other failure, at most an hour', () => {
    const transient = new ProviderError('transient', 'HTTP 503');
    expect(nextPollAfter(transient, 1, minute, now).getTime()).toBe(now + 2 * minute);
    expect(nextPollAfter(transient, 3, minute, now).getTime()).toBe(now + 8 * minute);
    expect(nextPollAfter(transient, 30, minute, now).getTime()).toBe(now + 60 * minute);
  });
});
