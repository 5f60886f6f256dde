/**
 * Facebook Pages through Varde against the Graph emulator: Facebook Login with PKCE and the Page
 * pick, every content kind (text + link with targeting, one photo, several photos, a video by
 * resumable upload, a first comment), content refused before any call, a refused Page token
 * renewed, a throttle waited out, an accepted-then-lost publish reconciled without a duplicate,
 * read-back, webhooks and metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookProvider } from '../../src/providers/facebook/facebook.provider.js';
import { signMetaBody } from '../../src/providers/meta/webhooks.js';
import { createTestApp, freePort, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { connectAndPick, connectThroughOAuth } from '../support/oauth-dance.js';
import { startFacebookEmulator, FB_APP_SECRET, type FacebookEmulator } from '../emulators/facebook/index.js';
import { addFanComment } from '../emulators/facebook/engagement.js';
import { throttleFault } from '../emulators/meta/graph-emulator.js';
import { uploadJpeg, uploadMp4 } from '../emulators/meta/fixtures.js';
import { channelContext, listenOn, fastForwardRateLimit, publishAndWait, settle, throttledDelivery, webhookRequest } from '../emulators/meta/varde-helpers.js';
import { createPostNow } from '../support/publish.js';

describe('Facebook Pages', () => {
  let fb: FacebookEmulator;
  let app: TestApp;
  let user: TestUser;
  let channelId: string;
  let pageId: string;

  beforeAll(async () => {
    const listen = listenOn(await freePort());
    fb = await startFacebookEmulator(listen.publicUrl);
    fb.chunkSize = 3000;
    const pages = fb.addUser('user-1', 'Ola', [{ name: 'Varde Coffee', username: 'vardecoffee' }, { name: 'Varde Tea' }, { name: 'Read-only Page', tasks: ['ANALYZE'] }]);
    pageId = pages[0].id;
    fb.g.authority.currentUser = 'user-1';
    fb.g.requireProof = true;
    app = await createTestApp({
      providers: [facebookProvider],
      config: listen.config,
      env: { ...listen.env, ...fb.env({ VARDE_FACEBOOK_TIMEOUT_MS: '1500', VARDE_FACEBOOK_WEBHOOK_VERIFY_TOKEN: 'verify-me' }), VARDE_RETRY_BASE_MS: '100' },
    });
    user = await app.signUp();
  });
  afterAll(async () => {
    await app?.close();
    await fb?.close();
  });

  const connect = async () => {
    channelId ??= await connectAndPick(app, user, 'facebook', [pageId]);
    return channelId;
  };

  it('connects through Facebook Login with PKCE, a long-lived token and a Page pick', async () => {
    const { result, authorizeUrl } = await connectThroughOAuth(app, user, 'facebook');
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toContain('pages_manage_posts');
    expect(result.status).toBe('awaiting_pick');
    // The Page without CREATE_CONTENT is not offered.
    expect(result.candidates.map((c: any) => c.name)).toEqual(['Varde Coffee', 'Varde Tea']);
    expect([...fb.g.tokens.values()].some((t) => t.kind === 'long_user')).toBe(true);
    const picked = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds: [pageId] }, user.token);
    expect(picked.status).toBe(201);
    expect(picked.body.channels[0]).toMatchObject({ network: 'facebook', externalId: pageId, handle: 'vardecoffee', status: 'active' });
    channelId ??= picked.body.channels[0].id;
  });

  it('publishes text with a link and organic targeting', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'New roast today ☕', link: 'https://example.com/roast' }, { options: { countries: 'no,se', ageMin: 21 } });
    expect(done.status, JSON.stringify(done.deliveries[0].error)).toBe('published');
    const post = fb.state.posts.get(done.deliveries[0].externalId)!;
    expect(post).toMatchObject({ message: 'New roast today ☕', link: 'https://example.com/roast' });
    expect(post.targeting).toEqual({ geo_locations: { countries: ['NO', 'SE'] }, age_min: 21 });
    expect(done.deliveries[0].url).toMatch(/^https:\/\/www\.facebook\.com\//);
  });

  it('publishes one photo with alt text, and several photos as one post', async () => {
    await connect();
    const one = await uploadPng(app, user, { width: 20, height: 10 });
    const single = await publishAndWait(app, user, channelId, { text: 'One photo', media: [{ mediaId: one, alt: 'A cup' }] });
    expect(single.status).toBe('published');
    const sp = fb.state.posts.get(single.deliveries[0].externalId)!;
    expect(fb.state.photos.get(sp.photoIds[0])).toMatchObject({ published: true, alt: 'A cup', contentType: 'image/png' });

    const ids = [await uploadJpeg(app, user, 40, 30), await uploadJpeg(app, user, 30, 40), await uploadPng(app, user)];
    const many = await publishAndWait(app, user, channelId, { text: 'Three photos', link: 'https://example.com/album', media: ids.map((mediaId) => ({ mediaId })) });
    expect(many.status).toBe('published');
    const mp = fb.state.posts.get(many.deliveries[0].externalId)!;
    expect(mp.photoIds).toHaveLength(3);
    expect(mp.message).toBe('Three photos\n\nhttps://example.com/album');
    expect(mp.photoIds.every((id) => fb.state.photos.get(id)!.published === false)).toBe(true);
  });

  it('publishes a video through the resumable upload, then a first comment', async () => {
    await connect();
    const video = await uploadMp4(app, user, { padBytes: 10_000 });
    const before = fb.g.callsTo('POST', `/${pageId}/videos`).length;
    const videosBefore = fb.state.videos.size;
    const done = await publishAndWait(app, user, channelId, { text: 'Watch us roast', media: [{ mediaId: video }], title: 'Roasting' }, { options: { firstComment: 'Beans from Huila 🇨🇴' } });
    expect(done.status, JSON.stringify(done.deliveries[0].error)).toBe('published');
    const v = fb.state.videos.get(done.deliveries[0].externalId)!;
    expect(v).toMatchObject({ finished: true, description: 'Watch us roast', title: 'Roasting' });
    expect(v.received.length).toBe(v.fileSize);
    // One upload session: start + ceil(size / 3000) transfers + finish. On a loaded machine a
    // transfer that timed out is sent again (resumed at the offset Facebook reports), so at least that.
    expect(fb.state.videos.size - videosBefore).toBe(1);
    expect(fb.g.callsTo('POST', `/${pageId}/videos`).length - before).toBeGreaterThanOrEqual(2 + Math.ceil(v.fileSize / 3000));
    const comments = fb.state.commentsOn(v.id, true);
    expect(comments.map((c) => [c.message, c.from.id])).toEqual([['Beans from Huila 🇨🇴', pageId]]);
  });

  it('refuses over-long text, follow-ups and unknown options before any call to Facebook', async () => {
    await connect();
    const calls = fb.g.emu.writes().length;
    const check = await app.api('POST', `${user.ws}/posts/check`, { text: 'x'.repeat(63_207), targets: [{ channelId }] }, user.token);
    expect(check.body.ok).toBe(false);
    expect(JSON.stringify(check.body.targets[0].problems)).toMatch(/63[,.\s]?206|too long|limit/i);
    const thread = await app.api('POST', `${user.ws}/posts/check`, { text: 'Hi', followups: [{ text: 'more' }], targets: [{ channelId }] }, user.token);
    expect(thread.body.ok).toBe(false);
    const bad = await publishAndWait(app, user, channelId, { text: 'Targeted' }, { options: { countries: 'Norway' } });
    expect(bad.status).toBe('failed');
    expect(bad.deliveries[0].error.message).toMatch(/two-letter country codes/);
    expect(fb.g.emu.writes().length).toBe(calls);
  });

  it('renews a Page token Facebook refuses, with the stored long-lived user token', async () => {
    await connect();
    fb.g.expire((t) => t.kind === 'page');
    const done = await publishAndWait(app, user, channelId, { text: 'After the token expired' });
    expect(done.status, JSON.stringify(done.deliveries[0].error)).toBe('published');
    expect(fb.g.callsTo('GET', `/${pageId}`).length).toBeGreaterThan(0);
  });

  it('waits for the throttle reset Facebook announces, calling nothing before it', async () => {
    await connect();
    fb.g.fault({ method: 'POST', path: `/${pageId}/feed` }, throttleFault(pageId, { code: 32, regainMinutes: 2 }));
    const postId = await createPostNow(app, user, channelId, { text: 'Throttled post' });
    const queued = await throttledDelivery(app, user, postId);
    const throttledAt = Date.now();
    expect(Date.parse(queued.nextAttemptAt) - throttledAt).toBeGreaterThan(100_000);
    const feedCalls = () => fb.g.callsTo('POST', `/${pageId}/feed`).length;
    const callsThen = feedCalls();
    await new Promise((r) => setTimeout(r, 1500));
    expect(feedCalls()).toBe(callsThen);
    const resetAt = Date.now();
    await fastForwardRateLimit(app, channelId);
    const done = await settle(app, user, postId);
    expect(done.status).toBe('published');
    const last = fb.g.callsTo('POST', `/${pageId}/feed`).at(-1)!;
    expect(last.at).toBeGreaterThanOrEqual(resetAt);
  });

  it('reconciles a post Facebook accepted but never answered, without a duplicate', async () => {
    await connect();
    fb.g.fault({ method: 'POST', path: `/${pageId}/feed` }, { acceptThenHang: true });
    const text = `Accepted then silent ${Date.now()}`;
    const done = await publishAndWait(app, user, channelId, { text });
    expect(done.status).toBe('published');
    expect(fb.state.postsOf(pageId).filter((p) => p.message === text)).toHaveLength(1);
    expect(done.deliveries[0].attempts.map((a: any) => a.outcome)).toEqual(['unknown', 'reconciled']);
  });

  it('reconciles a video whose finish was accepted but never answered', async () => {
    await connect();
    const video = await uploadMp4(app, user, { padBytes: 2000 });
    // The file is under one chunk: start and one transfer pass, then the finish is accepted and never answered.
    fb.g.fault({ method: 'POST', path: `/${pageId}/videos` }, { delayMs: 0 });
    fb.g.fault({ method: 'POST', path: `/${pageId}/videos` }, { delayMs: 0 });
    fb.g.fault({ method: 'POST', path: `/${pageId}/videos` }, { acceptThenHang: true });
    const done = await publishAndWait(app, user, channelId, { text: 'Video, silent finish', media: [{ mediaId: video }] });
    expect(done.status, JSON.stringify(done.deliveries[0])).toBe('published');
    expect([...fb.state.videos.values()].filter((v) => v.description === 'Video, silent finish')).toHaveLength(1);
    expect(fb.state.postsOf(pageId).filter((p) => p.message === 'Video, silent finish')).toHaveLength(1);
    expect(done.deliveries[0].attempts.map((a: any) => a.outcome)).toEqual(['unknown', 'reconciled']);
  });

  it('looks a recorded video upload up by its id: finished is published, unfinished is safe to redo', async () => {
    await connect();
    const ctx = await channelContext(app, channelId);
    const content = { parts: [{ text: 'Pending video', media: [] }], options: {}, meta: { postId: 'p', deliveryId: 'd', dueAt: new Date().toISOString() } };
    const v = { id: fb.g.nextId(), pageId, sessionId: 's1', fileSize: 10, received: Buffer.alloc(10), finished: false };
    fb.state.videos.set(v.id, v);
    const pending = [{ externalId: v.id, ref: { stage: 'uploading', videoId: v.id } }];
    expect(await facebookProvider.reconcile({ ...ctx, previousParts: [...pending] }, content)).toEqual({ status: 'not_found' });
    (v as any).finished = true;
    const found = await facebookProvider.reconcile({ ...ctx, previousParts: [...pending], onPartPublished: async () => {} }, content);
    expect(found).toMatchObject({ status: 'published', result: { externalId: v.id } });
  });

  it('reads comments, replies and mentions; replies, hides, likes and deletes', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'Ask us anything' });
    const postId = done.deliveries[0].externalId;
    const c1 = addFanComment(fb, postId, 'Do you ship to Bergen?');
    addFanComment(fb, postId, 'Me too', { parentId: c1, from: { id: '5550002', name: 'Per' } });
    fb.state.tagged.set(pageId, [{ id: '777_888', message: 'Great coffee at @Varde Coffee', from: { id: '5550003', name: 'Liv' }, createdTime: new Date().toISOString() }]);
    const ctx = await channelContext(app, channelId);
    const page = await facebookProvider.listInbox(ctx, { recentPosts: [{ externalId: postId, parts: [] }] });
    expect(page.items.map((i) => [i.kind, i.text])).toEqual(expect.arrayContaining([['comment', 'Do you ship to Bergen?'], ['reply', 'Me too'], ['mention', 'Great coffee at @Varde Coffee']]));
    const again = await facebookProvider.listInbox(ctx, { cursor: page.cursor, recentPosts: [{ externalId: postId, parts: [] }] });
    expect(again.items).toHaveLength(0);
    const item = page.items.find((i) => i.externalId === c1)!;
    const reply = await facebookProvider.replyTo(ctx, item, { text: 'Yes, in two days!', media: [] });
    expect(fb.state.comments.get(reply.externalId)).toMatchObject({ parentId: c1, message: 'Yes, in two days!' });
    await facebookProvider.hideItem(ctx, item, true);
    expect(fb.state.comments.get(c1)!.hidden).toBe(true);
    await facebookProvider.likeItem(ctx, item);
    expect(fb.state.comments.get(c1)!.likedByPage).toBe(true);
    await facebookProvider.deleteItem(ctx, item);
    expect(fb.state.comments.has(c1)).toBe(false);
  });

  it('answers the hub.challenge handshake and verifies X-Hub-Signature-256 over the raw body', () => {
    const fapp = app.varde.ctx.providers.appFor('facebook');
    const hs = facebookProvider.webhooks.handshake(webhookRequest('', {}, 'GET', { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' }), fapp);
    expect(hs).toEqual({ status: 200, contentType: 'text/plain', body: '1158201444' });
    expect(facebookProvider.webhooks.handshake(webhookRequest('', {}, 'GET', { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' }), fapp)?.status).toBe(403);

    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ object: 'page', entry: [{ id: pageId, time: now, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: '1_2', post_id: `${pageId}_9`, parent_id: `${pageId}_9`, message: 'Hei!', from: { id: '42', name: 'Ada' }, created_time: now } }, { field: 'mention', value: { item: 'post', verb: 'add', post_id: '77_88', sender_id: '43', sender_name: 'Bo' } }] }] });
    const good = webhookRequest(body, fb.g.signWebhook(body));
    expect(facebookProvider.webhooks.verify(good, fapp)).toEqual({ ok: true });
    expect(facebookProvider.webhooks.verify(webhookRequest(body, { 'x-hub-signature-256': signMetaBody(body, 'another-secret') }), fapp)).toMatchObject({ ok: false, reason: 'signature mismatch' });
    expect(facebookProvider.webhooks.verify(webhookRequest(body, {}), fapp)).toMatchObject({ ok: false, reason: expect.stringMatching(/unsigned/) });
    expect(facebookProvider.webhooks.verify(webhookRequest(`${body} `, fb.g.signWebhook(body)), fapp)).toMatchObject({ ok: false });
    const old = body.replaceAll(String(now), String(now - 3 * 86400));
    expect(facebookProvider.webhooks.verify(webhookRequest(old, { 'x-hub-signature-256': signMetaBody(old, FB_APP_SECRET) }), fapp)).toMatchObject({ ok: false, reason: expect.stringMatching(/stale/) });
    const parsed = facebookProvider.webhooks.parse(good, fapp);
    expect(parsed).toEqual([{ accountId: pageId, items: [expect.objectContaining({ kind: 'comment', externalId: '1_2', text: 'Hei!', postExternalId: `${pageId}_9` }), expect.objectContaining({ kind: 'mention', externalId: '77_88' })] }]);
  });

  it('fetches post metrics with views instead of the removed impressions, and followers', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'Measure me' });
    const post = fb.state.posts.get(done.deliveries[0].externalId)!;
    Object.assign(post, { reactions: 12, shares: 3, insights: { post_media_view: 950, post_total_media_view_unique: 700, post_clicks: 41 } });
    addFanComment(fb, post.id, 'Nice');
    const ctx = await channelContext(app, channelId);
    const [m] = await facebookProvider.fetchPostMetrics(ctx, [{ externalId: post.id, parts: [] }]);
    expect(m.metrics).toEqual({ impressions: 950, likes: 12, comments: 1, shares: 3, saves: null, clicks: 41 });
    expect(m.raw).toMatchObject({ post_media_view: 950, post_total_media_view_unique: 700 });
    expect(await facebookProvider.fetchAccountMetrics(ctx)).toMatchObject({ followers: 1200 });
  });
});
