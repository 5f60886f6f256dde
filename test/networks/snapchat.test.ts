/**
 * Snapchat (beta, Public Profile API) against its emulator, through Varde where it matters: Snap's
 * Business OAuth and the profile pick, media encrypted and uploaded in parts, Stories, Saved
 * Stories and Spotlights, content refused before any call, an expired token renewed, a rate limit
 * waited out without uploading twice, a lost answer to the post handed to a person (never posted
 * twice), and stats through the provider itself. The emulator follows the provider exactly where
 * Snap's documentation is silent (docs/networks/snapchat.md).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedHttp } from '../../src/net/guarded-http.js';
import type { ProviderContext } from '../../src/providers/contract.js';
import { snapchatProvider } from '../../src/providers/snapchat/snapchat.provider.js';
import { createTestApp, makePng, type TestApp, type TestUser } from '../support/app.js';
import { connectOneChannel, connectThroughOAuth } from '../support/oauth-dance.js';
import { contextDefaults, testNetworkApp } from '../support/provider-context.js';
import { startSnapchatEmulator, type EmuProfile, type SnapchatEmulator } from '../emulators/snapchat/index.js';
import { makeMp4 } from '../support/mp4.js';
import { publishNow } from '../support/publish.js';

const CLIENT_ID = 'snap-client-id';
const CLIENT_SECRET = 'snap-client-secret';
const PART = 64 * 1024;

describe('Snapchat (Public Profile API)', () => {
  let snap: SnapchatEmulator;
  let app: TestApp;
  let user: TestUser;
  let creator: EmuProfile;
  let channelId: string;
  const http = createGuardedHttp({ allowHosts: ['127.0.0.1'] });

  beforeAll(async () => {
    snap = await startSnapchatEmulator();
    app = await createTestApp({
      providers: [snapchatProvider],
      env: { VARDE_SNAPCHAT_CLIENT_ID: CLIENT_ID, VARDE_SNAPCHAT_CLIENT_SECRET: CLIENT_SECRET, ...snap.env(), VARDE_SNAPCHAT_TIMEOUT_MS: '1500', VARDE_SNAPCHAT_CHUNK_BYTES: String(PART), VARDE_RETRY_BASE_MS: '100' },
    });
    snap.registerClient(CLIENT_ID, CLIENT_SECRET, `${app.config.publicUrl}/api/v1/oauth/callback/snapchat`);
    user = await app.signUp();
    creator = snap.addProfile({ userId: 'creator', displayName: 'Varde Creator', snapUserName: 'vardecreator', subscribers: 4321 });
    snap.authority.currentUser = 'creator';
    channelId = (await connectOneChannel(app, user, 'snapchat')).channel.id;
  });

  afterAll(async () => {
    await app?.close();
    await snap?.close();
    http.close();
  });

  async function upload(bytes: Uint8Array, type: string): Promise<{ id: string; sha256: string }> {
    const res = await app.api('POST', `${user.ws}/media`, bytes, user.token, { 'content-type': type });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  }
  const uploadVideo = (bytes = 200_000) => upload(makeMp4({ bytes, seconds: 15, width: 1080, height: 1920 }), 'video/mp4');

  async function publish(body: Record<string, unknown>, target: Record<string, unknown> = {}) {
    return (await publishNow(app, user, channelId, body, target)).deliveries[0];
  }

  const outcomes = (d: { attempts: { outcome: string; errorKind: string | null }[] }) => d.attempts.map((a) => [a.outcome, a.errorKind]);
  const postsOf = (sha256: string) => snap.state.posts.filter((p) => p.sha256 === sha256);
  const mediaOf = (sha256: string) => [...snap.state.media.values()].filter((m) => m.sha256 === sha256);

  describe('connect', () => {
    it('signs in with Snap (scope snapchat-profile-api, state) and adds the Public Profile, marked beta', async () => {
      const { result, authorizeUrl } = await connectThroughOAuth(app, user, 'snapchat');
      const q = new URL(authorizeUrl).searchParams;
      expect(Object.fromEntries(q)).toMatchObject({ client_id: CLIENT_ID, response_type: 'code', scope: 'snapchat-profile-api' });
      expect(q.get('state')).toBeTruthy();
      expect(q.has('code_challenge')).toBe(false);
      expect(result.channels[0]).toMatchObject({ network: 'snapchat', externalId: creator.id, handle: 'vardecreator', name: 'Varde Creator', settings: { placement: 'story' } });
      const networks = await app.api('GET', '/api/v1/networks', undefined, user.token);
      expect(networks.body.networks.find((n: any) => n.network === 'snapchat')).toMatchObject({ offered: true, configured: true, connect: 'oauth', beta: true });
    });

    it('offers every Public Profile of the login’s organisations to pick from', async () => {
      const org = snap.addOrganization('Brand Co', ['brand-admin']);
      snap.addProfile({ organizationId: org, displayName: 'Brand One' });
      const two = snap.addProfile({ organizationId: org, displayName: 'Brand Two' });
      snap.authority.currentUser = 'brand-admin';
      const { result } = await connectThroughOAuth(app, user, 'snapchat');
      expect(result.status).toBe('awaiting_pick');
      expect(result.candidates.map((c: any) => c.name)).toEqual(['Brand One', 'Brand Two']);
      const picked = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds: [two.id] }, user.token);
      expect(picked.body.channels[0]).toMatchObject({ externalId: two.id, name: 'Brand Two' });

      snap.authority.currentUser = 'nobody';
      const none = await connectThroughOAuth(app, user, 'snapchat');
      expect(none.result).toMatchObject({ status: 'failed', error: expect.stringContaining('no Public Profile') });
      snap.authority.currentUser = 'creator';
    });
  });

  describe('publish', () => {
    it('posts a video Story: encrypted, uploaded in parts, decrypted by Snap to the same bytes', async () => {
      const media = await uploadVideo(200_000);
      const d = await publish({ text: 'Only on other networks', media: [{ mediaId: media.id }] });
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      const [post] = postsOf(media.sha256);
      expect(post).toMatchObject({ placement: 'story', profileId: creator.id, mime: 'video/mp4' });
      expect(d.externalId).toBe(post.id);
      expect(d.url).toBe('https://www.snapchat.com/add/vardecreator');
      const [container] = mediaOf(media.sha256);
      expect(container.parts.size).toBe(4); // 200,000 bytes + padding in 64 KiB parts
      expect(d.attempts.at(-1).detail).toMatchObject({ placement: 'story', captionDropped: true });
    });

    it('posts an image Story, a Saved Story with its title, and a Spotlight with its description', async () => {
      const image = await upload(makePng(1080, 1920), 'image/png');
      expect((await publish({ media: [{ mediaId: image.id }] })).state).toBe('published');
      expect(postsOf(image.sha256)[0]).toMatchObject({ placement: 'story', mime: 'image/png' });

      const saved = await uploadVideo();
      const d1 = await publish({ title: 'Behind the scenes', text: 'ignored for the title', media: [{ mediaId: saved.id }] }, { options: { placement: 'saved_story' } });
      expect(d1.state, JSON.stringify(d1.error)).toBe('published');
      expect(postsOf(saved.sha256)[0]).toMatchObject({ placement: 'saved_story', title: 'Behind the scenes' });

      const spot = await uploadVideo();
      const d2 = await publish({ text: 'Launch day #varde', media: [{ mediaId: spot.id }] }, { options: { placement: 'spotlight' } });
      expect(d2.state, JSON.stringify(d2.error)).toBe('published');
      expect(postsOf(spot.sha256)[0]).toMatchObject({ placement: 'spotlight', description: 'Launch day #varde' });
    });

    it('refuses what Snapchat cannot take before any call', async () => {
      const video = await uploadVideo();
      const other = await uploadVideo();
      const image = await upload(makePng(1080, 1920), 'image/png');
      const calls = snap.emu.writes().length;
      const check = async (body: Record<string, unknown>) => {
        const res = await app.api('POST', `${user.ws}/posts/check`, { ...body, targets: [{ channelId }], schedule: { mode: 'now' } }, user.token);
        return res.body.targets[0].problems.filter((p: any) => p.severity === 'error').map((p: any) => p.code);
      };
      expect(await check({ text: 'x'.repeat(161), media: [{ mediaId: video.id }] })).toEqual(['text.too_long']);
      expect(await check({ text: 'two', media: [{ mediaId: video.id }, { mediaId: other.id }] })).toContain('media.too_many');
      expect(await check({ text: 'no media' })).toContain('media.required');
      expect(snap.emu.writes().length).toBe(calls);

      const refusals = [
        [{ media: [{ mediaId: video.id }] }, { options: { placement: 'reel' } }, 'story, saved_story, spotlight'],
        [{ media: [{ mediaId: image.id }] }, { options: { placement: 'spotlight' } }, 'A Spotlight is a video'],
        [{ title: 't'.repeat(46), media: [{ mediaId: video.id }] }, { options: { placement: 'saved_story' } }, 'limit is 45'],
      ] as const;
      for (const [body, target, message] of refusals) {
        const d = await publish(body, target);
        expect(d.state).toBe('failed');
        expect(d.error).toMatchObject({ kind: 'rejected', message: expect.stringContaining(message) });
      }
      expect(snap.emu.writes().length).toBe(calls);
    });

    it('renews an expired access token and posts', async () => {
      const media = await uploadVideo();
      snap.authority.expire();
      const refreshes = snap.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token').length;
      const d = await publish({ media: [{ mediaId: media.id }] });
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      expect(snap.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token').length).toBe(refreshes + 1);
      expect(postsOf(media.sha256)).toHaveLength(1);
    });

    it('names Snap’s allow list when the app is not on it', async () => {
      const media = await uploadVideo();
      snap.state.allowlisted = false;
      try {
        const d = await publish({ media: [{ mediaId: media.id }] });
        expect(d.state).toBe('failed');
        expect(d.error.message).toContain('allow list');
      } finally {
        snap.state.allowlisted = true;
      }
    });
  });

  describe('exactly once', () => {
    it('waits out a 429 before posting, and posts the media it already uploaded', async () => {
      const media = await uploadVideo();
      const path = /^\/v1\/public_profiles\/[^/]+\/stories$/;
      const before = snap.emu.callsTo('POST', path).length;
      snap.emu.fault({ method: 'POST', path }, { status: 429, json: { request_status: 'ERROR', error_code: 'E429', display_message: 'Too many requests' }, headers: { 'retry-after': '2' } });
      const d = await publish({ media: [{ mediaId: media.id }] });
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      expect(outcomes(d)).toEqual([['retry', 'rate_limited'], ['published', null]]);
      const calls = snap.emu.callsTo('POST', path).slice(before);
      expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(2_000);
      expect(mediaOf(media.sha256)).toHaveLength(1);
      expect(postsOf(media.sha256)).toHaveLength(1);
    });

    it('hands a post whose answer was lost to a person, and never posts it twice', async () => {
      const media = await uploadVideo();
      snap.emu.fault({ method: 'POST', path: /\/stories$/ }, { acceptThenHang: true });
      const d = await publish({ media: [{ mediaId: media.id }] });
      expect(d.state).toBe('needs_attention');
      expect(outcomes(d)).toEqual([['unknown', 'unknown_outcome'], ['needs_attention', 'unknown_outcome']]);
      expect(d.error.message).toContain('vardecreator');
      expect(postsOf(media.sha256)).toHaveLength(1);
      const notes = await app.api('GET', `${user.ws}/notifications`, undefined, user.token);
      expect(notes.body.notifications).toContainEqual(expect.objectContaining({ kind: 'delivery.needs_attention', subjectId: d.id }));
    });

    it('uploads again after a lost answer to a step nobody sees, and posts once', async () => {
      const media = await uploadVideo();
      snap.emu.fault({ method: 'POST', path: /multipart-upload$/ }, { dropBeforeHandling: true });
      const d = await publish({ media: [{ mediaId: media.id }] });
      expect(d.state, JSON.stringify(d.error)).toBe('published');
      expect(outcomes(d)[0]).toEqual(['retry', 'transient']);
      expect(postsOf(media.sha256)).toHaveLength(1);
    });
  });

  describe('read back', () => {
    function directContext(profile: EmuProfile, userId: string): ProviderContext {
      const { accessToken, refreshToken } = snap.tokenFor(userId);
      return {
        ...contextDefaults(),
        app: testNetworkApp({ values: { CLIENT_ID, CLIENT_SECRET, TIMEOUT_MS: '1500' }, urls: { auth: snap.url, api: snap.url, ads: snap.url } }),
        idempotencyKey: '3lbsnxyztest2',
        credentials: { accessToken, refreshToken, expiresAt: new Date(Date.now() + 1800_000).toISOString() },
        settings: { placement: 'story' },
        account: { externalId: profile.id, handle: profile.snapUserName },
        http,
      };
    }

    it('measures posts from the profile’s lifetime stats, and subscribers', async () => {
      const story = await uploadVideo();
      const spot = await uploadVideo();
      const d1 = await publish({ media: [{ mediaId: story.id }] });
      const d2 = await publish({ media: [{ mediaId: spot.id }] }, { options: { placement: 'spotlight' } });
      postsOf(story.sha256)[0].stats = { STORY_VIEWS: 900, STORY_VIEWERS: 700, STORY_SCREENSHOTS: 12, STORY_SHARES: 4, STORY_REPLIES: 3 };
      postsOf(spot.sha256)[0].stats = { SPOTLIGHT_VIEWS: 15000, SPOTLIGHT_SHARES: 80, SPOTLIGHT_FAVORITES: 230 };
      const ctx = directContext(creator, 'creator');
      const results = [d1, d2].map((d) => ({ externalId: d.externalId, parts: [{ externalId: d.externalId, ref: { placement: d === d1 ? 'story' : 'spotlight' } }] }));
      const metrics = await snapchatProvider.fetchPostMetrics(ctx, results);
      expect(metrics.find((m) => m.externalId === d1.externalId)).toMatchObject({ metrics: { impressions: 900, likes: null, comments: 3, shares: 4, saves: null }, raw: { STORY_SCREENSHOTS: 12, assetType: 'STORY' } });
      expect(metrics.find((m) => m.externalId === d2.externalId)?.metrics).toMatchObject({ impressions: 15000, likes: 230, shares: 80 });
      expect(await snapchatProvider.fetchAccountMetrics(ctx)).toMatchObject({ followers: 4321 });
    });

    it('offers no comments, messages, webhooks or deletion: Snap’s API has none', () => {
      expect(snapchatProvider.inboxKinds).toEqual([]);
      for (const m of ['listInbox', 'replyTo', 'webhooks', 'deletePost', 'hideItem']) expect(m in snapchatProvider).toBe(false);
      expect(snapchatProvider.beta).toBe(true);
    });
  });
});
