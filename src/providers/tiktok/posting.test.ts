import { describe, expect, it } from 'vitest';
import { contextDefaults } from '../../../test/support/provider-context.js';
import { quoteLongIds, toProviderError, TikTokError } from './client.js';
import { chunkPlan, CHUNK_BYTES, postSettings } from './posting.js';

const MB = 1024 * 1024;

describe('TikTok posting rules', () => {
  it('plans chunks as TikTok requires: whole under 5 MB, else 5 MiB chunks with the remainder in the last', () => {
    expect(chunkPlan(3 * MB)).toEqual({ chunkSize: 3 * MB, count: 1 });
    expect(chunkPlan(12 * MB)).toEqual({ chunkSize: CHUNK_BYTES, count: 2 });
    expect(chunkPlan(4 * 1024 * MB).count).toBeLessThanOrEqual(1000);
  });

  it('keeps 19-digit video ids exact', () => {
    const raw = '{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7300000000000000123]}}';
    expect(JSON.parse(quoteLongIds(raw)).data.publicaly_available_post_id).toEqual(['7300000000000000123']);
  });

  it('posts SELF_ONLY until audited, and only what the creator offers', () => {
    const ctx = (values: Record<string, string> = {}) => ({ ...contextDefaults(), idempotencyKey: 'k', credentials: {}, settings: {}, http: null as any, app: { ...contextDefaults().app, values } });
    const content = (options = {}) => ({ parts: [{ text: 't', media: [] }], link: null, options, meta: { postId: 'p', deliveryId: 'd', dueAt: null } });
    const creator = { privacy_level_options: ['PUBLIC_TO_EVERYONE', 'SELF_ONLY'], stitch_disabled: true };
    expect(postSettings(ctx(), content(), creator)).toMatchObject({ privacy: 'SELF_ONLY', disableStitch: true });
    expect(() => postSettings(ctx(), content({ privacy: 'PUBLIC_TO_EVERYONE' }), creator)).toThrow(/SELF_ONLY/);
    expect(postSettings(ctx({ AUDITED: 'true' }), content(), creator).privacy).toBe('PUBLIC_TO_EVERYONE');
    expect(() => postSettings(ctx({ AUDITED: 'true' }), content({ privacy: 'MUTUAL_FOLLOW_FRIENDS' }), creator)).toThrow(/offers/);
  });

  it('classifies TikTok’s error codes', () => {
    const e = (status: number, code: string) => new TikTokError(status, code, code, 'log', {});
    expect(toProviderError(e(403, 'spam_risk_too_many_posts'), 'post').kind).toBe('rate_limited');
    expect(toProviderError(e(429, 'rate_limit_exceeded'), 'post').kind).toBe('rate_limited');
    expect(toProviderError(e(401, 'access_token_invalid'), 'post').kind).toBe('auth_expired');
    expect(toProviderError(e(403, 'unaudited_client_can_only_post_to_private_accounts'), 'post').message).toMatch(/audited/);
    expect(toProviderError(e(500, 'internal_error'), 'post', true).kind).toBe('unknown_outcome');
  });
});
