import { describe, expect, it } from 'vitest';
import { HttpFailure } from '../../net/http.types.js';
import { ProviderError } from '../provider-error.js';
import { classifyTransportFailure, httpFailureKind } from './transport-failure.js';

const timeout = new HttpFailure('timeout', 'timed out after 30000 ms', true);
const refused = new HttpFailure('connect_failed', 'connection refused', false);

describe('httpFailureKind', () => {
  it('makes a request that may have arrived an unknown outcome for writes only', () => {
    expect(httpFailureKind(timeout, true)).toBe('unknown_outcome');
    expect(httpFailureKind(new HttpFailure('network', 'reset', true), true)).toBe('unknown_outcome');
    expect(httpFailureKind(timeout, false)).toBe('transient');
  });

  it('makes one that never arrived transient, and a refused address rejected', () => {
    expect(httpFailureKind(refused, true)).toBe('transient');
    expect(httpFailureKind(new HttpFailure('blocked_address', 'private', false), true)).toBe('rejected');
    expect(httpFailureKind(new HttpFailure('invalid_url', 'bad', false), false)).toBe('rejected');
  });
});

describe('classifyTransportFailure', () => {
  it('names the call and keeps the failure as detail and cause', () => {
    const err = classifyTransportFailure(timeout, 'Mastodon publish', { write: true });
    expect(err).toMatchObject({ kind: 'unknown_outcome', message: 'Mastodon publish failed: timed out after 30000 ms', detail: { httpFailure: 'timeout', maybeDelivered: true } });
    expect(err.cause).toBe(timeout);
    expect(classifyTransportFailure(timeout, 'X read', { write: false })).toMatchObject({ kind: 'transient', message: 'X read failed: timed out after 30000 ms' });
  });

  it('says what the caller asks when a write may have gone through, and only then', () => {
    const opts = { write: true, unknownOutcomeMessage: 'Threads did not answer the publish in time; it may have gone through' };
    expect(classifyTransportFailure(timeout, 'Threads publish', opts).message).toBe(opts.unknownOutcomeMessage);
    expect(classifyTransportFailure(refused, 'Threads publish', opts).message).toBe('Threads publish failed: connection refused');
  });

  it('passes a ProviderError through and makes anything else transient', () => {
    const known = new ProviderError('rate_limited', 'slow down');
    expect(classifyTransportFailure(known, 'X publish', { write: true })).toBe(known);
    expect(classifyTransportFailure(new TypeError('boom'), 'X publish', { write: true })).toMatchObject({ kind: 'transient', message: 'X publish failed: boom' });
    expect(classifyTransportFailure('odd', 'X publish', { write: true })).toMatchObject({ kind: 'transient', message: 'X publish failed: odd' });
  });
});
