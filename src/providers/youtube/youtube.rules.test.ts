/**
 * The YouTube provider's pure rules: how Google's answers are classified (quota resets at
 * midnight Pacific, the channel's upload cap, expired logins), and how a post and its options
 * become a `videos` resource — refused, naming the field, when YouTube would refuse it.
 */
import { describe, expect, it } from 'vitest';
import { HttpFailure, type HttpResponse } from '../../net/http.types.js';
import type { MediaItem, PublishContent } from '../contract.js';
import { GoogleApiError, nextPacificMidnight, readGoogleError, toProviderError } from './google-api.js';
import { planVideo, readTags } from './video-plan.js';

function response(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = JSON.stringify(body);
  return { status, headers, url: 'https://www.googleapis.com/x', body: Buffer.from(text), text: () => text, json: <T>() => JSON.parse(text) as T };
}

const googleError = (status: number, reason: string, message = 'm', headers: Record<string, string> = {}) =>
  readGoogleError(response(status, { error: { code: status, message, errors: [{ reason, domain: 'youtube', message }] } }, headers));

describe('classifying what Google answers', () => {
  it('waits for midnight Pacific after quotaExceeded, in summer and in winter', () => {
    expect(nextPacificMidnight(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    expect(nextPacificMidnight(new Date('2026-12-01T07:59:00Z')).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    const err = toProviderError(googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/q">quota</a>.'), 'upload');
    expect(err).toMatchObject({ kind: 'rate_limited', networkMessage: 'The request cannot be completed because you have exceeded your quota.' });
    expect(err.retryAt?.getTime()).toBe(nextPacificMidnight().getTime());
  });

  it('treats the channel’s upload cap as a day’s wait, and bursts by Retry-After', () => {
    const cap = toProviderError(googleError(400, 'uploadLimitExceeded'), 'upload');
    expect(cap.kind).toBe('rate_limited');
    expect(cap.retryAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    const burst = toProviderError(googleError(403, 'rateLimitExceeded', 'slow down', { 'retry-after': '5' }), 'upload');
    expect(burst.kind).toBe('rate_limited');
    expect(burst.retryAt!.getTime() - Date.now()).toBeLessThan(6_000);
  });

  it('asks for a reconnect on 401 and on a revoked refresh token, but not for a Google account without a channel', () => {
    expect(toProviderError(googleError(401, 'authError'), 'upload').kind).toBe('auth_expired');
    expect(toProviderError(readGoogleError(response(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' })), 'refresh')).toMatchObject({ kind: 'auth_expired', networkMessage: 'Token has been expired or revoked.' });
    expect(toProviderError(googleError(401, 'youtubeSignupRequired'), 'upload')).toMatchObject({ kind: 'rejected', message: expect.stringContaining('no YouTube channel') });
    expect(toProviderError(readGoogleError(response(401, { error: 'invalid_client' })), 'sign-in').message).toContain('VARDE_YOUTUBE_CLIENT_ID');
  });

  it('retries server errors, refuses bad metadata, and says a write that timed out has an unknown outcome', () => {
    expect(toProviderError(googleError(503, 'backendError'), 'upload').kind).toBe('transient');
    expect(toProviderError(googleError(400, 'invalidTitle', 'bad title'), 'upload')).toMatchObject({ kind: 'rejected', networkMessage: 'bad title', status: 400 });
    const timeout = new HttpFailure('timeout', 'timed out', true);
    expect(toProviderError(timeout, 'upload', true).kind).toBe('unknown_outcome');
    expect(toProviderError(timeout, 'reading', false).kind).toBe('transient');
    expect(toProviderError(new HttpFailure('connect_failed', 'no route', false), 'upload', true).kind).toBe('transient');
    expect(readGoogleError(response(500, 'not json'))).toBeInstanceOf(GoogleApiError);
  });
});

const video: MediaItem = { id: 'm', mime: 'video/mp4', kind: 'video', size: 10, sha256: 'h', read: async () => new Uint8Array(10) };
const content = (over: Partial<PublishContent> = {}): PublishContent => ({ parts: [{ text: 'About it', media: [video] }], title: 'Title', options: {}, meta: { postId: 'p', deliveryId: 'd', dueAt: null }, ...over });

describe('planning the upload', () => {
  it('builds snippet and status from the post, the options and the channel defaults', () => {
    const plan = planVideo(content({ options: { tags: 'a, #b, two words', categoryId: 10, madeForKids: false, notifySubscribers: 'false', firstComment: 'Hi', defaultLanguage: 'nb' } }), { privacyStatus: 'unlisted' });
    expect(plan.resource).toEqual({
      snippet: { title: 'Title', description: 'About it', categoryId: '10', tags: ['a', 'b', 'two words'], defaultLanguage: 'nb' },
      status: { privacyStatus: 'unlisted', selfDeclaredMadeForKids: false },
    });
    expect(plan).toMatchObject({ notifySubscribers: false, firstComment: 'Hi' });
    expect(planVideo(content(), {}).resource.status.privacyStatus).toBe('public');
  });

  it('schedules with publishAt as private, and refuses a public video with publishAt', () => {
    const at = new Date(Date.now() + 3600_000).toISOString();
    expect(planVideo(content({ options: { publishAt: at } }), { privacyStatus: 'public' }).resource.status).toEqual({ privacyStatus: 'private', publishAt: at });
    expect(() => planVideo(content({ options: { publishAt: at, privacy: 'public' } }), {})).toThrow(/must be private/);
    expect(() => planVideo(content({ options: { publishAt: '2020-01-01T00:00:00Z' } }), {})).toThrow(/in the past/);
  });

  it('refuses what YouTube would refuse, naming the field', () => {
    expect(() => planVideo(content({ title: null }), {})).toThrow(/needs a title/);
    expect(() => planVideo(content({ title: 't'.repeat(101) }), {})).toThrow(/101 characters/);
    expect(() => planVideo(content({ parts: [{ text: 'ø'.repeat(2501), media: [video] }] }), {})).toThrow(/5002 bytes/);
    expect(() => planVideo(content({ title: 'a <b>' }), {})).toThrow(/< and > in the title/);
    expect(() => planVideo(content({ parts: [{ text: '', media: [{ ...video, kind: 'image', mime: 'image/png' }] }] }), {})).toThrow(/exactly one video/);
    expect(() => planVideo(content({ options: { privacy: 'friends' } }), {})).toThrow(/public, unlisted, private/);
    expect(() => planVideo(content({ options: { board: 'x' } }), {})).toThrow(/does not know the option board/);
    expect(() => planVideo(content({ options: { categoryId: 'music' } }), {})).toThrow(/categoryId/);
  });

  it('counts tags as YouTube does: commas between, quotes around tags with spaces', () => {
    expect(readTags('a,b')).toEqual(['a', 'b']);
    const spaced = Array.from({ length: 50 }, (_, i) => `tag ${String(i).padStart(3, '0')}`).join(','); // 50 × (7 + 2) + 49 = 499
    expect(readTags(spaced)).toHaveLength(50);
    expect(() => readTags(`${spaced},x`)).toThrow(/501 characters/);
  });
});
