import { describe, expect, it } from 'vitest';
import { RedditApiError, RedditHttpError, throwApiErrors, toProviderError } from './client.js';
import { postPart } from './lookup.js';
import { normalizeSubreddit, postKind, readOptions } from './publish.js';

const meta = { postId: 'p', deliveryId: 'd', dueAt: null };
const image = { id: 'm', mime: 'image/png', kind: 'image' as const, size: 1, sha256: 'x', read: async () => new Uint8Array() };

describe('Reddit rules', () => {
  it('finds refusals inside a 200 answer and classifies them', () => {
    const now = 1_000_000;
    let caught: unknown;
    try {
      throwApiErrors({ json: { errors: [['RATELIMIT', 'Take a break for 5 minutes before trying again.', 'ratelimit']] } });
    } catch (err) {
      caught = err;
    }
    expect(toProviderError(caught, 'x', now)).toMatchObject({ kind: 'rate_limited', retryAt: new Date(now + 300_000) });
    expect(toProviderError(new RedditApiError('RATELIMIT', 'wait', 'ratelimit', 12.2), 'x', now).retryAt).toEqual(new Date(now + 13_000));
    expect(toProviderError(new RedditApiError('SUBREDDIT_NOEXIST', "that subreddit doesn't exist", 'sr'), 'x').kind).toBe('rejected');
    expect(toProviderError(new RedditHttpError(429, 'Too Many Requests', { 'x-ratelimit-reset': '42' }), 'x', now).retryAt).toEqual(new Date(now + 42_000));
    expect(toProviderError(new RedditHttpError(401, 'Unauthorized', {}), 'x').kind).toBe('auth_expired');
    expect(() => throwApiErrors({ json: { errors: [], data: {} } })).not.toThrow();
  });

  it('normalises subreddit names and picks the kind of post', () => {
    expect(['r/typescript', '/r/typescript/', 'typescript'].map(normalizeSubreddit)).toEqual(['typescript', 'typescript', 'typescript']);
    expect(normalizeSubreddit('u/alice')).toBe('u_alice');
    expect(() => normalizeSubreddit('r/no spaces')).toThrow(/not a subreddit name/);
    expect(postKind({ parts: [{ text: 'x', media: [] }], link: 'https://e.x', meta })).toBe('link');
    expect(postKind({ parts: [{ text: 'x', media: [image, image] }], meta })).toBe('gallery');
    expect(postKind({ parts: [{ text: 'x', media: [{ ...image, kind: 'video' }] }], meta })).toBe('video');
  });

  it('reads options with the profile as the default subreddit', () => {
    expect(readOptions({}, { defaultSubreddit: 'u_alice' })).toMatchObject({ subreddit: 'u_alice', sendReplies: true, resubmit: false });
    expect(() => readOptions({}, {})).toThrow(/Choose the subreddit/);
    expect(() => readOptions({ nsfw: 'yes' }, { defaultSubreddit: 'x_y' })).toThrow(/true or false/);
  });

  it('names posts by fullname from submit answers and listings', () => {
    expect(postPart({ id: 'abc', name: 't3_abc', url: 'https://www.reddit.com/r/x/comments/abc/t/' }).externalId).toBe('t3_abc');
    expect(postPart({ id: 't3_gal', url: 'https://www.reddit.com/r/x/comments/gal/t/' }).externalId).toBe('t3_gal');
    expect(postPart({ id: 'lnk', url: 'https://example.com', permalink: '/r/x/comments/lnk/t/' }).url).toBe('https://www.reddit.com/r/x/comments/lnk/t/');
  });
});
