import { describe, expect, it } from 'vitest';
import { contextDefaults } from '../../../test/support/provider-context.js';
import { PinterestError, resetOf, toProviderError } from './client.js';
import { pinBody, pinTarget } from './pins.js';

const ctx = (settings: Record<string, unknown> = {}, values: Record<string, string> = {}) => ({ ...contextDefaults(), idempotencyKey: 'k', credentials: {}, settings, http: null as any, app: { ...contextDefaults().app, values } });
const png = (id: string, alt: string | null = null) => ({ id, mime: 'image/png', kind: 'image' as const, size: 3, sha256: id, alt, read: async () => new Uint8Array([1, 2, 3]) });
const content = (media: ReturnType<typeof png>[], options = {}) => ({ parts: [{ text: 'Desc', media }], link: 'https://e.com', title: 'Title', options, meta: { postId: 'p', deliveryId: 'd', dueAt: null } });

describe('Pinterest pins', () => {
  it('goes to the channel board unless the target names one', () => {
    expect(pinTarget(ctx({ boardId: '11' }), content([]))).toEqual({ boardId: '11', boardSectionId: undefined });
    expect(pinTarget(ctx({ boardId: '11' }), content([], { board: '22', boardSection: '5' }))).toEqual({ boardId: '22', boardSectionId: '5' });
    expect(() => pinTarget(ctx({}), content([]))).toThrow(/needs a board/);
  });

  it('gives Pinterest URLs by default and bytes when asked', async () => {
    const byUrl = await pinBody(ctx(), content([png('a', 'alt')]), { boardId: '1' });
    expect(byUrl).toMatchObject({ board_id: '1', title: 'Title', description: 'Desc', link: 'https://e.com', alt_text: 'alt', media_source: { source_type: 'image_url', url: 'http://localhost:8080/media/s/test-a' } });
    const carousel = await pinBody(ctx({}, { MEDIA_SOURCE: 'base64' }), content([png('a'), png('b')]), { boardId: '1' });
    expect(carousel.media_source).toEqual({ source_type: 'multiple_image_base64', items: [{ content_type: 'image/png', data: 'AQID' }, { content_type: 'image/png', data: 'AQID' }] });
  });

  it('reads Pinterest’s reset in seconds or as an epoch, and classifies', () => {
    expect(resetOf({ 'x-ratelimit-reset': '30' }, 1_000)!.getTime()).toBe(31_000);
    expect(resetOf({ 'x-ratelimit-reset': '2000000000' })!.getTime()).toBe(2e12);
    expect(toProviderError(new PinterestError(429, 'slow down', 8, {}), 'pin').kind).toBe('rate_limited');
    expect(toProviderError(new PinterestError(401, 'Authentication failed.', 2, {}), 'pin').kind).toBe('auth_expired');
    expect(toProviderError(new PinterestError(502, 'bad gateway', null, {}), 'pin', true).kind).toBe('unknown_outcome');
  });
});
