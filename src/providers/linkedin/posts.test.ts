import { describe, expect, it } from 'vitest';
import { LinkedInError, toProviderError } from './client.js';
import { postBody, readOptions, toLittleText } from './posts.js';

describe('LinkedIn little text', () => {
  it('escapes every reserved character and keeps hashtags as hashtags', () => {
    expect(toLittleText('a_b (c) [d] {e} <f> @g *h* ~i~ | \\ #Tag #2')).toBe('a\\_b \\(c\\) \\[d\\] \\{e\\} \\<f\\> \\@g \\*h\\* \\~i\\~ \\| \\\\ {hashtag|\\#|Tag} \\#2');
    expect(toLittleText('#first and x#notatag &#39;')).toBe('{hashtag|\\#|first} and x\\#notatag &\\#39;');
  });
});

describe('LinkedIn posts', () => {
  const content = (o: Record<string, any> = {}) => ({ parts: [{ text: 'Hello', media: [] }], link: null, title: null, options: {}, meta: { postId: 'p', deliveryId: 'd', dueAt: null }, ...o });

  it('posts a link without media as an article, and with media inside the text', () => {
    const opts = readOptions({}, 'urn:li:person:a');
    expect(postBody('urn:li:person:a', content({ link: 'https://e.com/x' }), [], opts).content).toEqual({ article: { source: 'https://e.com/x', title: 'e.com' } });
    const withImage = postBody('urn:li:person:a', content({ link: 'https://e.com/x' }), [{ urn: 'urn:li:image:1', kind: 'image', alt: 'alt' }], opts);
    expect(withImage.commentary).toBe('Hello\n\nhttps://e.com/x');
    expect(withImage.content).toEqual({ media: { id: 'urn:li:image:1', altText: 'alt' } });
  });

  it('validates visibility and targeting', () => {
    expect(() => readOptions({ visibility: 'CONNECTIONS' }, 'urn:li:organization:1')).toThrow(/always PUBLIC/);
    expect(() => readOptions({ targetGeos: 'urn:li:geo:1' }, 'urn:li:person:a')).toThrow(/page posts only/);
    expect(() => readOptions({ targetGeos: 'Norway' }, 'urn:li:organization:1')).toThrow(/URNs/);
  });

  it('classifies LinkedIn’s answers', () => {
    const e = (status: number, message: string, headers: Record<string, string> = {}) => new LinkedInError(status, message, { status, message }, headers);
    expect(toProviderError(e(401, 'Invalid access token'), 'post').kind).toBe('auth_expired');
    expect(toProviderError(e(429, 'Too Many Requests', { 'retry-after': '30' }), 'post').kind).toBe('rate_limited');
    expect(toProviderError(e(429, 'Resource level throttle APPLICATION DAY limit'), 'post').retryAt!.getUTCHours()).toBe(0);
    expect(toProviderError(e(426, 'Requested version 202301 is not active'), 'post').message).toMatch(/VARDE_LINKEDIN_API_VERSION/);
    expect(toProviderError(e(504, 'Gateway Timeout'), 'post', true).kind).toBe('unknown_outcome');
    expect(e(422, 'Content is a duplicate of urn:li:share:123').duplicateOf).toBe('urn:li:share:123');
  });
});
