import { describe, expect, it } from 'vitest';
import { HttpFailure } from '../../net/http.types.js';
import { MastodonError, timeoutOf, toProviderError } from './client.js';
import { htmlToText } from './inbox.js';
import { normalizeInstance } from './oauth.js';
import { partKey, readOptions, statusText } from './publish.js';

const meta = { postId: 'p', deliveryId: 'd', dueAt: null };

describe('Mastodon rules', () => {
  it('classifies server answers the way the pipeline needs them', () => {
    const reset = '2030-01-01T00:05:00.000Z';
    expect(toProviderError(new MastodonError(429, 'Too many requests', { 'x-ratelimit-reset': reset }), 'x')).toMatchObject({ kind: 'rate_limited', retryAt: new Date(reset) });
    expect(toProviderError(new MastodonError(401, 'The access token is invalid', {}), 'x').kind).toBe('auth_expired');
    expect(toProviderError(new MastodonError(403, 'This action is outside the authorized scopes', {}), 'x').kind).toBe('auth_expired');
    expect(toProviderError(new MastodonError(422, 'Validation failed: Text character limit of 500 exceeded', {}), 'x')).toMatchObject({ kind: 'rejected', networkMessage: 'Validation failed: Text character limit of 500 exceeded' });
    expect(toProviderError(new MastodonError(503, 'busy', {}), 'x').kind).toBe('transient');
    expect(toProviderError(new HttpFailure('timeout', 't', true), 'x').kind).toBe('unknown_outcome');
    expect(toProviderError(new HttpFailure('connect_failed', 'c', false), 'x').kind).toBe('transient');
  });

  it('normalises server names and refuses what is not an https server', () => {
    expect(normalizeInstance(' mastodon.social ')).toBe('https://mastodon.social');
    expect(normalizeInstance('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(() => normalizeInstance('')).toThrow(/Name the Mastodon server/);
    expect(() => normalizeInstance('ftp://x.example')).toThrow();
  });

  it('adds the link once, keys follow-ups apart, and checks options', () => {
    const content = { parts: [{ text: 'Hi', media: [] }, { text: 'More', media: [] }], link: 'https://e.x/a', meta };
    expect(statusText(content, 0)).toBe('Hi\n\nhttps://e.x/a');
    expect(statusText({ ...content, parts: [{ text: 'See https://e.x/a', media: [] }] }, 0)).toBe('See https://e.x/a');
    expect(statusText(content, 1)).toBe('More');
    expect([partKey('3kabc', 0), partKey('3kabc', 2)]).toEqual(['3kabc', '3kabc-2']);
    expect(readOptions({ sensitive: true }, { defaultVisibility: 'private' })).toEqual({ visibility: 'private', sensitive: true });
    expect(() => readOptions({ language: 'English' }, {})).toThrow(/ISO 639/);
    expect(timeoutOf({ TIMEOUT_MS: '250' })).toBe(250);
    expect(timeoutOf({ TIMEOUT_MS: 'soon' })).toBe(30_000);
  });

  it('turns status HTML into plain text', () => {
    expect(htmlToText('<p>Hi <span class="h-card"><a href="x">@<span>bob</span></a></span> &amp; all</p><p>line<br />two &#x1F600;</p>')).toBe('Hi @bob & all\n\nline\ntwo 😀');
  });
});
