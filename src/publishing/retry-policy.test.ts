import { describe, expect, it } from 'vitest';
import { backoffMs, decide, MAX_TRANSIENT_ATTEMPTS } from './retry-policy.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('retry policy', () => {
  it('never retries a rejected post', () => {
    expect(decide({ kind: 'rejected', attempt: 1, idempotent: true, now })).toEqual({ type: 'fail' });
  });

  it('asks for a reconnect when auth is expired after the provider refreshed', () => {
    expect(decide({ kind: 'auth_expired', attempt: 1, idempotent: true, now })).toEqual({ type: 'fail', reconnect: true });
  });

  it('waits until the network reset time and blocks the channel until then', () => {
    const retryAt = new Date(now.getTime() + 2000);
    const d = decide({ kind: 'rate_limited', attempt: 1, idempotent: true, retryAt, now });
    expect(d).toEqual({ type: 'retry', at: retryAt, blockChannelUntil: retryAt });
  });

  it('waits at least a second even when the reset time has passed', () => {
    const d = decide({ kind: 'rate_limited', attempt: 1, idempotent: true, retryAt: new Date(now.getTime() - 5000), now });
    expect(d.type === 'retry' && d.at.getTime() - now.getTime()).toBe(1000);
  });

  it('backs off exponentially with a cap, then fails', () => {
    expect(backoffMs(1, 0.5)).toBe(2000);
    expect(backoffMs(2, 0.5)).toBe(4000);
    expect(backoffMs(30, 0.5)).toBe(15 * 60_000);
    const d3 = decide({ kind: 'transient', attempt: 3, idempotent: false, now, random: 0.5 });
    expect(d3).toEqual({ type: 'retry', at: new Date(now.getTime() + 8000) });
    expect(decide({ kind: 'transient', attempt: MAX_TRANSIENT_ATTEMPTS, idempotent: false, now })).toEqual({ type: 'fail' });
  });

  it('takes its first step from the configured base (VARDE_RETRY_BASE_MS)', () => {
    expect(backoffMs(1, 0.5, 200)).toBe(200);
    expect(decide({ kind: 'transient', attempt: 3, idempotent: true, now, random: 0.5, baseMs: 200 })).toEqual({ type: 'retry', at: new Date(now.getTime() + 800) });
  });

  it('retries an unknown outcome only where the network dedupes; elsewhere reconciles first', () => {
    expect(decide({ kind: 'unknown_outcome', attempt: 1, idempotent: true, now, random: 0.5 }).type).toBe('retry');
    expect(decide({ kind: 'unknown_outcome', attempt: 1, idempotent: false, now, random: 0.5 }).type).toBe('reconcile');
  });
});
