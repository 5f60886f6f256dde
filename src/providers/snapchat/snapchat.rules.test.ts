/**
 * The Snapchat provider's pure parts: the media encryption Snap expects (what `openssl enc
 * -aes-256-cbc` produces), the multipart body, how a post and its placement are checked before any
 * call, and how Snap's answers are classified.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HttpFailure, type HttpResponse } from '../../net/http.types.js';
import type { MediaItem, PublishContent } from '../contract.js';
import { encryptMedia, multipart } from './media-upload.js';
import { readSnapError, toProviderError } from './snap-api.js';
import { planPost } from './snap-post.js';

function response(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = JSON.stringify(body);
  return { status, headers, url: 'https://businessapi.snapchat.com/x', body: Buffer.from(text), text: () => text, json: <T>() => JSON.parse(text) as T };
}

describe('media encryption', () => {
  it('is AES-256-CBC with PKCS#7 padding under a fresh 32-byte key and 16-byte IV, given in base64', () => {
    const plain = crypto.randomBytes(1000);
    const a = encryptMedia(plain);
    const b = encryptMedia(plain);
    expect(Buffer.from(a.key, 'base64')).toHaveLength(32);
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(16);
    expect(a.ciphertext.length).toBe(1008);
    expect(a.key).not.toBe(b.key);
    const decipher = crypto.createDecipheriv('aes-256-cbc', Buffer.from(a.key, 'base64'), Buffer.from(a.iv, 'base64'));
    expect(Buffer.concat([decipher.update(a.ciphertext), decipher.final()]).equals(plain)).toBe(true);
  });

  it('sends parts as multipart/form-data with the action and part number beside the file', () => {
    const { bytes, contentType } = multipart({ action: 'ADD', part_number: '2' }, { name: 'file', filename: 'media.enc.2', bytes: Buffer.from('abc') });
    const boundary = /boundary=(.+)$/.exec(contentType)![1];
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\nADD\r\n`);
    expect(text).toContain('name="part_number"\r\n\r\n2\r\n');
    expect(text).toContain('name="file"; filename="media.enc.2"\r\nContent-Type: application/octet-stream\r\n\r\nabc\r\n');
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
  });
});

const video: MediaItem = { id: 'm', mime: 'video/mp4', kind: 'video', size: 10, sha256: 'h', read: async () => new Uint8Array(10) };
const image: MediaItem = { ...video, mime: 'image/png', kind: 'image' };
const content = (over: Partial<PublishContent> = {}, text = 'Hello'): PublishContent => ({ parts: [{ text, media: [video] }], options: {}, meta: { postId: 'p', deliveryId: 'd', dueAt: null }, ...over });

describe('planning a post', () => {
  it('posts a Story by default (Snap takes no caption there), or the channel’s placement', () => {
    expect(planPost(content(), {})).toMatchObject({ placement: 'story', body: {}, droppedText: true });
    expect(planPost(content({}, ''), {}).droppedText).toBe(false);
    expect(planPost(content(), { placement: 'spotlight' })).toMatchObject({ placement: 'spotlight', body: { description: 'Hello' } });
  });

  it('titles a Saved Story from the title, else the text, within 45 characters', () => {
    expect(planPost(content({ title: 'Title', options: { placement: 'saved_story' } }), {}).body).toEqual({ title: 'Title' });
    expect(planPost(content({ options: { placement: 'saved_story' } }), {}).body).toEqual({ title: 'Hello' });
    expect(() => planPost(content({ options: { placement: 'saved_story' } }, ''), {})).toThrow(/needs a title/);
    expect(() => planPost(content({ title: 't'.repeat(46), options: { placement: 'saved_story' } }), {})).toThrow(/limit is 45/);
  });

  it('refuses what Snap cannot post, naming it', () => {
    expect(() => planPost(content({ options: { placement: 'reel' } }), {})).toThrow(/story, saved_story, spotlight/);
    expect(() => planPost(content({ options: { privacy: 'public' } }), {})).toThrow(/does not know the option privacy/);
    expect(() => planPost(content({ parts: [{ text: '', media: [image] }], options: { placement: 'spotlight' } }), {})).toThrow(/Spotlight is a video/);
    expect(() => planPost(content({ parts: [{ text: 'x', media: [] }] }), {})).toThrow(/exactly one image or one video/);
    expect(() => planPost(content({ parts: [{ text: 'x', media: [video, video] }] }), {})).toThrow(/exactly one/);
    expect(() => planPost(content({ parts: [{ text: 'x'.repeat(161), media: [video] }], options: { placement: 'spotlight' } }), {})).toThrow(/limit is 160/);
    expect(() => planPost(content({ parts: [{ text: 'a', media: [video] }, { text: 'b', media: [] }] }), {})).toThrow(/no threads/);
  });
});

describe('classifying what Snap answers', () => {
  it('keeps Snap’s own message, also for an ERROR inside a 200', () => {
    const err = readSnapError(response(200, { request_status: 'ERROR', error_code: 'E5001', display_message: 'media_id is unknown' }));
    expect(toProviderError(err, 'posting')).toMatchObject({ kind: 'rejected', networkMessage: 'media_id is unknown', detail: { errorCode: 'E5001' } });
  });

  it('waits on 429, reconnects on 401 or a refused refresh token, and names the allow list on 403', () => {
    const limited = toProviderError(readSnapError(response(429, { request_status: 'ERROR' }, { 'retry-after': '7' })), 'posting');
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAt!.getTime() - Date.now()).toBeGreaterThan(6_000);
    expect(toProviderError(readSnapError(response(401, { request_status: 'ERROR', display_message: 'expired' })), 'posting').kind).toBe('auth_expired');
    expect(toProviderError(readSnapError(response(400, { error: 'invalid_grant', error_description: 'bad token' })), 'refresh')).toMatchObject({ kind: 'auth_expired', networkMessage: 'bad token' });
    expect(toProviderError(readSnapError(response(403, { request_status: 'ERROR', display_message: 'no' })), 'posting').message).toContain('allow list');
    expect(toProviderError(readSnapError(response(502, 'bad gateway')), 'posting').kind).toBe('transient');
  });

  it('says a lost answer is unknown only for the call that posts', () => {
    const lost = new HttpFailure('timeout', 'timed out', true);
    expect(toProviderError(lost, 'posting', true).kind).toBe('unknown_outcome');
    expect(toProviderError(lost, 'media upload').kind).toBe('transient');
  });
});
