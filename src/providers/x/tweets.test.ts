import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { rateLimitReset, toProviderError, XApiError } from './client.js';
import { comparable, matchTweet, partText, readOptions } from './tweets.js';

const content = (text: string, link: string | null = null) => ({ parts: [{ text, media: [] }], link, options: {}, meta: { postId: 'p', deliveryId: 'd', dueAt: null } });

describe('X posts', () => {
  it('compares text as X shows it back: entities, t.co links and spacing', () => {
    expect(comparable('Fish &amp; chips &lt;3 https://t.co/abc')).toBe(comparable('Fish & chips <3'));
    expect(comparable('Cafe\u0301  see https://example.com/x')).toBe(comparable('Café see https://t.co/q1'));
  });

  it('matches a part by text, media count and the post it replies to', () => {
    const tweets = [
      { id: '3', text: 'two https://t.co/m', attachments: { media_keys: ['3_1'] }, referenced_tweets: [{ type: 'replied_to' as const, id: '1' }] },
      { id: '2', text: 'two' },
    ];
    expect(matchTweet(tweets, 'two', 0, null)?.id).toBe('2');
    expect(matchTweet(tweets, 'two', 1, '1')?.id).toBe('3');
    expect(matchTweet(tweets, 'two', 1, null)).toBeUndefined();
  });

  it('adds the attached link unless the text has it, within 280 units', () => {
    expect(partText(content('Read', 'https://e.com/a'), 0)).toBe('Read\n\nhttps://e.com/a');
    expect(partText(content('Read https://e.com/a', 'https://e.com/a'), 0)).toBe('Read https://e.com/a');
    expect(() => partText(content('a'.repeat(260), 'https://e.com/a'), 0)).toThrow(/link added/);
  });

  it('validates poll and reply options', () => {
    expect(readOptions({ pollOptions: 'a|b', pollMinutes: 30 }, false)).toEqual({ poll: { options: ['a', 'b'], duration_minutes: 30 } });
    expect(() => readOptions({ pollOptions: 'a|b' }, true)).toThrow(/both a poll and media/);
    expect(() => readOptions({ replySettings: 'everyone' }, false)).toThrow(ProviderError);
  });
});

describe('X errors', () => {
  it('waits for the exhausted 24-hour window when that is the one spent', () => {
    const at = rateLimitReset({ 'x-rate-limit-reset': '1000', 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': '5000' });
    expect(at?.getTime()).toBe(5_000_000);
  });

  it('classifies X’s signals', () => {
    const err = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => new XApiError(status, String(body.detail ?? ''), body, headers);
    expect(toProviderError(err(429, { detail: 'Too Many Requests' }, { 'x-rate-limit-reset': '2000000000' }), 'post')).toMatchObject({ kind: 'rate_limited', retryAt: new Date(2e12) });
    expect(toProviderError(err(400, { errors: [{ code: 88, message: 'Rate limit exceeded' }] }), 'post').kind).toBe('rate_limited');
    expect(toProviderError(err(401, { detail: 'Unauthorized' }), 'post').kind).toBe('auth_expired');
    expect(toProviderError(err(503, { detail: 'Service Unavailable' }), 'post', true).kind).toBe('unknown_outcome');
    expect(toProviderError(err(503, { detail: 'Service Unavailable' }), 'read').kind).toBe('transient');
    expect(toProviderError(err(403, { detail: 'You are not allowed to create a Tweet with duplicate content.' }), 'post')).toMatchObject({ kind: 'rejected', networkMessage: expect.stringContaining('duplicate') });
  });
});
