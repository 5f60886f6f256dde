/**
 * TikTok through Varde against the TikTok emulator: Login Kit with PKCE, a video uploaded in chunks
 * (SELF_ONLY while unaudited), refusal before any init, token renewal, throttles and the daily cap,
 * the publish_id kept across a lost status answer, a cut upload and a lost init; then photo posts and
 * pulled videos, an audited public post, webhook signatures and metrics through the provider.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem, ProviderContext, PublishContent } from '../../src/providers/contract.js';
import { tiktokProvider } from '../../src/providers/tiktok/tiktok.provider.js';
import { createTestApp, freePort, makePng, type TestApp, type TestUser } from '../support/app.js';
import { connectThroughOAuth } from '../support/oauth-dance.js';
import { connectedChannelContext } from '../support/provider-context.js';
import { createPostNow, firstDeliveryIn, SETTLED, waitForPost } from '../support/publish.js';
import { makeMp4 } from '../support/mp4.js';
import { signedEvent, startTikTokEmulator, type TikTokEmulator } from '../emulators/tiktok/tiktok.emulator.js';

describe('TikTok', () => {
  let tt: TikTokEmulator;
  let app: TestApp;
  let user: TestUser;
  let channelId: string;
  let files: http.Server;
  let filesUrl: string;
  const served = new Map<string, Buffer>();
  let n = 0;
  const unique = (s: string) => `${s} ${++n}-${Date.now() % 100000}`;

  beforeAll(async () => {
    const port = await freePort();
    tt = await startTikTokEmulator({ redirectUri: `http://127.0.0.1:${port}/api/v1/oauth/callback/tiktok` });
    app = await createTestApp({
      providers: [tiktokProvider], config: { port },
      env: { VARDE_TIKTOK_CLIENT_KEY: 'tt-key', VARDE_TIKTOK_CLIENT_SECRET: 'tt-secret', VARDE_TIKTOK_API_URL: tt.url, VARDE_TIKTOK_AUTH_URL: tt.url, VARDE_TIKTOK_TIMEOUT_MS: '1500', VARDE_RETRY_BASE_MS: '100' },
    });
    tt.initsPerMinute = 1000; // the file posts more than TikTok's 6 inits a minute; the limit itself is tested with its 429
    tt.dailyCap = 1000;
    user = await app.signUp();
    const { result, authorizeUrl } = await connectThroughOAuth(app, user, 'tiktok');
    expect(new URL(authorizeUrl).searchParams.get('scope')).toContain('video.publish');
    expect(result.status, JSON.stringify(result)).toBe('done');
    expect(result.channels[0]).toMatchObject({ externalId: '-000Varde0pen1d', handle: 'varde.tok' });
    channelId = result.channels[0].id;
    files = http.createServer((req, res) => {
      const body = served.get(req.url!.slice(1));
      res.writeHead(body ? 200 : 404).end(body);
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await tt?.close();
    files?.close();
  });

  const uploadVideo = async (bytes: Uint8Array) => {
    const res = await app.api('POST', `${user.ws}/media`, Buffer.from(bytes), user.token, { 'content-type': 'video/mp4' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  const publish = async (body: Record<string, unknown>, options?: Record<string, unknown>, settle = SETTLED) => {
    const postId = await createPostNow(app, user, channelId, body, options ? { options } : {});
    const post = await waitForPost(app, user, postId, { until: firstDeliveryIn(settle), timeoutMs: 25_000 });
    return { ...post.deliveries[0], postId };
  };

  /** The channel's context, with extra app values and media served by the local file server. */
  const channelContext = (values: Record<string, string> = {}): Promise<ProviderContext> => {
    const base = app.varde.ctx.providers.appFor('tiktok');
    return connectedChannelContext(app, channelId, { app: { ...base, values: { ...base.values, ...values } }, mediaUrl: (m) => `${filesUrl}/${m.id}` });
  };
  const item = (id: string, bytes: Uint8Array, kind: MediaItem['kind'], mime: string): MediaItem => {
    served.set(id, Buffer.from(bytes));
    return { id, mime, kind, size: bytes.length, sha256: id, read: async () => bytes };
  };
  const content = (text: string, media: MediaItem[], options: PublishContent['options'] = {}, title: string | null = null): PublishContent => ({ parts: [{ text, media }], link: null, title, options, meta: { postId: 'p', deliveryId: 'd', dueAt: new Date().toISOString() } });

  it('uploads a video in chunks with Content-Range and posts it privately (SELF_ONLY) until audited', async () => {
    const mp4 = makeMp4({ seconds: 15, padBytes: 12 * 1024 * 1024 });
    const text = unique('Behind the scenes #varde');
    const d = await publish({ text, media: [{ mediaId: await uploadVideo(mp4) }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const p = tt.publishes.get(d.externalId)!;
    expect(p).toMatchObject({ source: 'FILE_UPLOAD', privacy: 'SELF_ONLY', title: text, status: 'PUBLISH_COMPLETE', count: 2 });
    expect(Buffer.concat(p.received).equals(Buffer.from(mp4))).toBe(true);
    expect(p.postInfo).toMatchObject({ disable_stitch: true }); // the creator has stitching off
  });

  it('refuses a public post from an unaudited app before any init', async () => {
    const before = tt.emu.callsTo('POST', '/v2/post/publish/video/init/').length;
    const d = await publish({ text: unique('Public?'), media: [{ mediaId: await uploadVideo(makeMp4()) }] }, { privacy: 'PUBLIC_TO_EVERYONE' });
    expect(d.state).toBe('failed');
    expect(d.error.message).toMatch(/only as SELF_ONLY/);
    expect(tt.emu.callsTo('POST', '/v2/post/publish/video/init/').length).toBe(before);
  });

  it('refuses an over-long caption before any call', async () => {
    const before = tt.emu.writes().length;
    const check = await app.api('POST', `${user.ws}/posts/check`, { text: 'a'.repeat(2201), media: [{ mediaId: await uploadVideo(makeMp4()) }], targets: [{ channelId }] }, user.token);
    expect(check.body.targets[0].problems.filter((p: any) => p.severity === 'error')[0]).toMatchObject({ code: 'text.too_long', params: { limit: 2200 } });
    expect(tt.emu.writes().length).toBe(before);
  });

  it('renews an expired token and publishes', async () => {
    tt.authority.expire();
    const d = await publish({ text: unique('Renewed'), media: [{ mediaId: await uploadVideo(makeMp4()) }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect(tt.authority.tokenRequests.filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
  });

  it('waits for the rate-limit reset before calling init again', async () => {
    tt.emu.fault({ method: 'POST', path: '/v2/post/publish/video/init/' }, { status: 429, json: { error: { code: 'rate_limit_exceeded', message: 'API rate limit was exceeded, please try again later.', log_id: 'l' } }, headers: { 'retry-after': '2' } });
    const before = tt.emu.callsTo('POST', '/v2/post/publish/video/init/').length;
    const d = await publish({ text: unique('Patience'), media: [{ mediaId: await uploadVideo(makeMp4()) }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const calls = tt.emu.callsTo('POST', '/v2/post/publish/video/init/').slice(before);
    expect(calls[0].status).toBe(429);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1900);
  });

  it('defers when the creator’s daily cap is reached (spam_risk_too_many_posts)', async () => {
    const cap = tt.dailyCap;
    tt.dailyCap = tt.publishes.size;
    try {
      const q = await publish({ text: unique('One too many'), media: [{ mediaId: await uploadVideo(makeMp4()) }] }, undefined, ['deferred']);
      expect(q.attempts[0]).toMatchObject({ errorKind: 'rate_limited' });
      expect(new Date(q.nextAttemptAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
      await app.api('POST', `${user.ws}/posts/${q.postId}/cancel`, undefined, user.token);
    } finally {
      tt.dailyCap = cap;
      await app.db.db.query(`DELETE FROM channel_limits WHERE channel_id = $1`, [channelId]);
    }
  });

  it('keeps the publish_id when the status answer is lost, and never inits again', async () => {
    const text = unique('Status lost');
    tt.emu.fault({ method: 'POST', path: '/v2/post/publish/status/fetch/' }, { acceptThenHang: true });
    const d = await publish({ text, media: [{ mediaId: await uploadVideo(makeMp4()) }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    expect([...tt.publishes.values()].filter((p) => p.title === text)).toHaveLength(1);
    expect(d.attempts.length).toBe(2);
  });

  it('resumes a cut chunk upload on the same publish_id', async () => {
    const text = unique('Cut upload');
    const mp4 = makeMp4({ padBytes: 11 * 1024 * 1024 });
    tt.emu.fault({ method: 'PUT', path: /^\/video\/upload\// }, { status: 503, text: 'Service Unavailable' });
    const d = await publish({ text, media: [{ mediaId: await uploadVideo(mp4) }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const mine = [...tt.publishes.values()].filter((p) => p.title === text);
    expect(mine).toHaveLength(1);
    expect(Buffer.concat(mine[0].received).equals(Buffer.from(mp4))).toBe(true);
  });

  it('starts over after a lost FILE_UPLOAD init: without its bytes that init can never publish', async () => {
    const text = unique('Init lost');
    tt.emu.fault({ method: 'POST', path: '/v2/post/publish/video/init/' }, { acceptThenHang: true });
    const d = await publish({ text, media: [{ mediaId: await uploadVideo(makeMp4()) }] });
    expect(d.state, JSON.stringify(d.error)).toBe('published');
    const mine = [...tt.publishes.values()].filter((p) => p.title === text);
    expect(mine.map((p) => p.status).sort()).toEqual(['PROCESSING_UPLOAD', 'PUBLISH_COMPLETE']);
    expect(mine.find((p) => p.status === 'PROCESSING_UPLOAD')!.received).toHaveLength(0);
  });

  it('fails with TikTok’s reason when processing fails', async () => {
    tt.failNext = 'duration_check_failed';
    const d = await publish({ text: unique('Bad video'), media: [{ mediaId: await uploadVideo(makeMp4()) }] });
    expect(d.state).toBe('failed');
    expect(d.error.message).toContain('duration_check_failed');
  });

  it('posts photos and pulled videos from media URLs, only from a verified prefix', async () => {
    const ctx = await channelContext({ VIDEO_SOURCE: 'url' });
    const photos = [item('p1', makePng(10, 10), 'image', 'image/jpeg'), item('p2', makePng(11, 10), 'image', 'image/jpeg')];
    await expect(tiktokProvider.publish(ctx, content('Not verified', photos))).rejects.toMatchObject({ kind: 'rejected', networkMessage: expect.stringContaining('url_ownership_unverified') });
    tt.verifiedPrefixes = [filesUrl];
    const photoPost = await tiktokProvider.publish(ctx, content('Two photos', photos, { photoCoverIndex: 1 }, 'Album'));
    expect(tt.publishes.get(photoPost.parts[0].ref!.publishId as string)).toMatchObject({ kind: 'photo', title: 'Album', description: 'Two photos', status: 'PUBLISH_COMPLETE' });
    const video = item('v1', makeMp4({ seconds: 6 }), 'video', 'video/mp4');
    const pulled = await tiktokProvider.publish(ctx, content('Pulled', [video]));
    expect(tt.publishes.get(pulled.parts[0].ref!.publishId as string)).toMatchObject({ source: 'PULL_FROM_URL', status: 'PUBLISH_COMPLETE' });
  });

  it('posts publicly once audited, and measures the video and the account', async () => {
    tt.audited = true;
    const ctx = await channelContext({ AUDITED: 'true' });
    const result = await tiktokProvider.publish(ctx, content('Public now', [item('v2', makeMp4({ seconds: 7 }), 'video', 'video/mp4')]));
    expect(result.externalId).toMatch(/^\d+$/);
    expect(result.url).toBe(`https://www.tiktok.com/@varde.tok/video/${result.externalId}`);
    Object.assign(tt.videos.get(result.externalId)!, { view_count: 1000, like_count: 50, comment_count: 4, share_count: 2 });
    const [m] = await tiktokProvider.fetchPostMetrics(ctx, [result]);
    expect(m.metrics).toEqual({ impressions: 1000, likes: 50, comments: 4, shares: 2, saves: null, clicks: null });
    expect(await tiktokProvider.fetchAccountMetrics(ctx)).toMatchObject({ followers: 2500 });
    tt.audited = false;
  });

  it('verifies TikTok-Signature over the raw body: good, bad, unsigned, stale', () => {
    const appInfo = app.varde.ctx.providers.appFor('tiktok');
    const event = { client_key: 'tt-key', event: 'post.publish.complete', create_time: 1, user_openid: '-000Varde0pen1d', content: '{"publish_id":"v_pub_file~v2-1.1"}' };
    const good = signedEvent('tt-secret', event);
    const req = { method: 'POST', query: {}, headers: good.headers, rawBody: good.rawBody };
    expect(tiktokProvider.webhooks.verify(req, appInfo)).toEqual({ ok: true });
    expect(tiktokProvider.webhooks.verify({ ...req, headers: signedEvent('other-secret', event).headers }, appInfo).ok).toBe(false);
    expect(tiktokProvider.webhooks.verify({ ...req, rawBody: Buffer.from(good.rawBody.toString().replace('complete', 'failed')) }, appInfo).ok).toBe(false);
    expect(tiktokProvider.webhooks.verify({ ...req, headers: {} }, appInfo)).toMatchObject({ ok: false, reason: expect.stringContaining('unsigned') });
    const old = signedEvent('tt-secret', event, new Date(Date.now() - 10 * 60_000));
    expect(tiktokProvider.webhooks.verify({ ...req, ...old }, appInfo)).toMatchObject({ ok: false, reason: expect.stringContaining('stale') });
  });
});
