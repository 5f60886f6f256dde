import { describe, expect, it } from 'vitest';
import { HttpFailure } from '../../net/http.types.js';
import { GraphError } from './graph.js';
import { regainAccessAt, toProviderError } from './errors.js';

const graphError = (status: number, code: number | null, subcode: number | null = null, headers: Record<string, string> = {}, extra = {}) => new GraphError(status, code, subcode, `message ${code}`, headers, extra);
const buc = (minutes: number) => ({ 'x-business-use-case-usage': JSON.stringify({ '123': [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: minutes }] }) });

describe('Meta error classification', () => {
  it.each([4, 17, 32, 613, 80001, 80002])('code %i is a throttle', (code) => {
    expect(toProviderError(graphError(400, code), 'Facebook', 'publish').kind).toBe('rate_limited');
  });

  it('waits for estimated_time_to_regain_access (minutes), else a default', () => {
    const now = Date.now();
    const e = toProviderError(graphError(400, 32, null, buc(7)), 'Facebook', 'publish');
    expect(e.retryAt!.getTime() - now).toBeGreaterThanOrEqual(7 * 60_000 - 50);
    expect(e.retryAt!.getTime() - now).toBeLessThan(7 * 60_000 + 1000);
    expect(regainAccessAt({}, now).getTime() - now).toBe(15 * 60_000);
    expect(e.detail).toMatchObject({ code: 32, usagePercent: 100 });
  });

  it('treats the Instagram publishing limit as a throttle', () => {
    expect(toProviderError(graphError(400, 9, 2207042), 'Instagram', 'publish').kind).toBe('rate_limited');
  });

  it('separates the login, permissions, policy and transient failures', () => {
    expect(toProviderError(graphError(400, 190, 463), 'Facebook', 'publish').kind).toBe('auth_expired');
    expect(toProviderError(graphError(403, 200), 'Facebook', 'publish').message).toMatch(/permission/);
    expect(toProviderError(graphError(400, 368), 'Facebook', 'publish').kind).toBe('rejected');
    expect(toProviderError(graphError(500, 2, null, {}, { isTransient: true }), 'Facebook', 'read').kind).toBe('transient');
    expect(toProviderError(graphError(500, 2, null, {}, { isTransient: true }), 'Facebook', 'publish', { write: true }).kind).toBe('unknown_outcome');
  });

  it('keeps Meta’s own message and user message', () => {
    const e = toProviderError(graphError(400, 100, null, {}, { userMessage: 'The photo is too small' }), 'Instagram', 'publish');
    expect(e.kind).toBe('rejected');
    expect(e.networkMessage).toBe('message 100 (The photo is too small)');
  });

  it('calls a lost answer to a write an unknown outcome, and to a read transient', () => {
    const timeout = new HttpFailure('timeout', 'timed out', true);
    expect(toProviderError(timeout, 'Threads', 'publish', { write: true }).kind).toBe('unknown_outcome');
    expect(toProviderError(timeout, 'Threads', 'read').kind).toBe('transient');
    expect(toProviderError(new HttpFailure('connect_failed', 'refused', false), 'Threads', 'publish', { write: true }).kind).toBe('transient');
  });
});
