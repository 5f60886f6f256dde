/**
 * Threads through Varde against its emulator: the authorization window and the long-lived token,
 * text with a link attachment, images and videos downloaded from Varde's signed URLs, carousels,
 * a thread as a reply chain, content refused before any call, the token renewed before it expires
 * (and a dead one marking the channel for reconnection), the 24-hour limit waited out, a lost
 * threads_publish answer reconciled without a duplicate, read-back, webhooks and metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threadsProvider } from '../../src/providers/threads/threads.provider.js';
import { signMetaBody } from '../../src/providers/meta/webhooks.js';
import { refreshExpiringTokens } from '../../src/channels/token-refresh.service.js';
import { createTestApp, freePort, type TestApp, type TestUser } from '../support/app.js';
import { connectThroughOAuth } from '../support/oauth-dance.js';
import { startThreadsEmulator, TH_APP_SECRET, type ThreadsEmulator } from '../emulators/threads/index.js';
import { addReaderReply } from '../emulators/threads/reading.js';
import { makeJpeg, uploadBytes, uploadJpeg, uploadMp4 } from '../emulators/meta/fixtures.js';
import { channelContext, fastForwardRateLimit, fetchSignedMedia, listenOn, publishAndWait, settle, throttledDelivery, webhookRequest } from '../emulators/meta/varde-helpers.js';
import { createPostNow } from '../support/publish.js';

describe('Threads', () => {
  let th: ThreadsEmulator;
  let app: TestApp;
  let user: TestUser;
  let channelId: string;
  let userId: string;

  beforeAll(async () => {
    const listen = listenOn(await freePort());
    th = await startThreadsEmulator(listen.publicUrl);
    userId = th.addProfile({ username: 'vardecoffee', name: 'Varde Coffee' }).id;
    th.g.authority.currentUser = userId;
    app = await createTestApp({
      providers: [threadsProvider],
      config: listen.config,
      env: { ...listen.env, ...th.env({ VARDE_THREADS_TIMEOUT_MS: '1500', VARDE_THREADS_POLL_MS: '20', VARDE_THREADS_WEBHOOK_VERIFY_TOKEN: 'verify-me' }), VARDE_RETRY_BASE_MS: '100' },
    });
    user = await app.signUp();
  });
  afterAll(async () => {
    await app?.close();
    await th?.close();
  });

  const connect = async () => {
    if (channelId) return channelId;
    th.g.authority.currentUser = userId;
    const { result } = await connectThroughOAuth(app, user, 'threads');
    channelId = result.channels[0].id;
    return channelId;
  };
  const postsWithText = (text: string) => [...th.state.posts.values()].filter((p) => p.text === text);

  it('serves Varde’s signed media URLs, which Threads downloads', async () => {
    const served = await fetchSignedMedia(app, await uploadJpeg(app, user));
    expect(served.contentType, 'Varde answered its own signed media URL with the web app: the token is longer than the router’s maxParamLength (Fastify’s default is 100); src/server/server.ts needs routerOptions: { maxParamLength: 300 }').toBe('image/jpeg');
  });

  it('connects through the authorization window with a long-lived token', async () => {
    th.g.authority.currentUser = userId;
    const { result, authorizeUrl } = await connectThroughOAuth(app, user, 'threads');
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get('scope')).toContain('threads_content_publish');
    expect(url.searchParams.get('code_challenge')).toBeNull();
    expect(result.status).toBe('done');
    expect(result.channels[0]).toMatchObject({ network: 'threads', externalId: userId, handle: 'vardecoffee' });
    const [row] = await app.db.db.query(`SELECT token_expires_at FROM channels WHERE id = $1`, [result.channels[0].id]);
    expect(new Date(row.token_expires_at).getTime() - Date.now()).toBeGreaterThan(59 * 86400_000);
    expect([...th.g.tokens.values()].some((t) => t.kind === 'threads_long' && t.userId === userId)).toBe(true);
    channelId ??= result.channels[0].id;
  });

  it('publishes text with a link attachment, reply control and a topic', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'New roast 🫘 today', link: 'https://example.com/roast' }, { options: { replyControl: 'accounts_you_follow', topicTag: 'coffee' } });
    expect(done.status, JSON.stringify(done.deliveries[0].error)).toBe('published');
    const post = th.state.posts.get(done.deliveries[0].externalId)!;
    const c = th.state.containers.get(post.containerId!)!;
    expect(c.params).toMatchObject({ media_type: 'TEXT', text: 'New roast 🫘 today', link_attachment: 'https://example.com/roast', reply_control: 'accounts_you_follow', topic_tag: 'coffee' });
    expect(done.deliveries[0].url).toBe(post.permalink);
  });

  it('publishes an image downloaded from Varde, a video, and a carousel', async () => {
    await connect();
    const bytes = makeJpeg(800, 600);
    const image = await publishAndWait(app, user, channelId, { text: 'A photo', media: [{ mediaId: await uploadBytes(app, user, bytes, 'a.jpg', 'image/jpeg'), alt: 'Beans' }] });
    expect(image.status, JSON.stringify(image.deliveries[0].error)).toBe('published');
    const ic = th.state.containers.get(th.state.posts.get(image.deliveries[0].externalId)!.containerId!)!;
    expect(Buffer.compare(ic.bytes!, bytes)).toBe(0);
    expect(ic.params).toMatchObject({ media_type: 'IMAGE', alt_text: 'Beans' });

    const video = await publishAndWait(app, user, channelId, { text: 'A clip', media: [{ mediaId: await uploadMp4(app, user) }] });
    expect(video.status).toBe('published');
    expect(th.state.posts.get(video.deliveries[0].externalId)!.mediaType).toBe('VIDEO');

    const carousel = await publishAndWait(app, user, channelId, { text: 'Both', media: [{ mediaId: await uploadJpeg(app, user) }, { mediaId: await uploadMp4(app, user) }] });
    expect(carousel.status).toBe('published');
    const cc = th.state.containers.get(th.state.posts.get(carousel.deliveries[0].externalId)!.containerId!)!;
    expect(cc.children!.map((id) => th.state.containers.get(id)!.mediaType)).toEqual(['IMAGE', 'VIDEO']);
  });

  it('publishes a thread as a chain of replies', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'A thread 1/3', followups: [{ text: '2/3' }, { text: '3/3' }] });
    expect(done.status).toBe('published');
    const [one, two, three] = ['A thread 1/3', '2/3', '3/3'].map((t) => postsWithText(t).at(-1)!);
    expect(two.replyToId).toBe(one.id);
    expect(three.replyToId).toBe(two.id);
    expect(three.rootId).toBe(one.id);
  });

  it('refuses over-long text and unknown options before any call to Threads', async () => {
    await connect();
    const calls = th.g.emu.writes().length;
    const check = await app.api('POST', `${user.ws}/posts/check`, { text: 'x'.repeat(501), targets: [{ channelId }] }, user.token);
    expect(check.body.ok).toBe(false);
    const bad = await publishAndWait(app, user, channelId, { text: 'Options' }, { options: { replyControl: 'nobody' } });
    expect(bad.status).toBe('failed');
    expect(bad.deliveries[0].error.message).toMatch(/replyControl must be one of/);
    expect(th.g.emu.writes().length).toBe(calls);
  });

  it('renews the long-lived token before it expires', async () => {
    await connect();
    for (const t of th.g.tokens.values()) if (t.kind === 'threads_long') t.issuedAt -= 25 * 3600_000;
    await app.db.db.query(`UPDATE channels SET token_expires_at = now() + interval '5 minutes' WHERE id = $1`, [channelId]);
    expect(await refreshExpiringTokens(app.varde.ctx)).toBeGreaterThanOrEqual(1);
    const [row] = await app.db.db.query(`SELECT token_expires_at, status FROM channels WHERE id = $1`, [channelId]);
    expect(row.status).toBe('active');
    expect(new Date(row.token_expires_at).getTime() - Date.now()).toBeGreaterThan(59 * 86400_000);
    expect(th.g.callsTo('GET', '/refresh_access_token').length).toBeGreaterThanOrEqual(1);
    const done = await publishAndWait(app, user, channelId, { text: 'With the renewed token' });
    expect(done.status).toBe('published');
  });

  it('asks for a reconnect when the token has died, and posts nothing', async () => {
    const other = th.addProfile({ username: 'vardetea' });
    th.g.authority.currentUser = other.id;
    const { result } = await connectThroughOAuth(app, user, 'threads');
    const otherChannel = result.channels[0].id;
    th.g.expire((t) => t.userId === other.id);
    const done = await publishAndWait(app, user, otherChannel, { text: 'Into the void' });
    expect(done.status).toBe('failed');
    expect(done.deliveries[0].error.kind).toBe('auth_expired');
    const ch = await app.api('GET', `${user.ws}/channels/${otherChannel}`, undefined, user.token);
    expect(ch.body.status).toBe('needs_reconnect');
    expect(postsWithText('Into the void')).toHaveLength(0);
  });

  it('waits when the 24-hour publishing limit is reached, making no container before', async () => {
    await connect();
    th.quota.posts = (th.state.published.get(userId) ?? []).filter((p) => !p.reply).length;
    const before = th.g.callsTo('POST', `/v1.0/${userId}/threads`).length;
    const postId = await createPostNow(app, user, channelId, { text: 'Over the limit' });
    const queued = await throttledDelivery(app, user, postId);
    expect(Date.parse(queued.nextAttemptAt) - Date.now()).toBeGreaterThan(55 * 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(th.g.callsTo('POST', `/v1.0/${userId}/threads`).length).toBe(before);
    th.quota.posts = 250;
    await fastForwardRateLimit(app, channelId);
    expect((await settle(app, user, postId)).status).toBe('published');
  });

  it('reconciles a thread whose second part was accepted but never answered, without duplicates', async () => {
    await connect();
    const stamp = Date.now();
    // The first threads_publish passes; the second is accepted and hangs.
    th.g.fault({ method: 'POST', path: `/v1.0/${userId}/threads_publish` }, { delayMs: 0 });
    th.g.fault({ method: 'POST', path: `/v1.0/${userId}/threads_publish` }, { acceptThenHang: true });
    const texts = [`Lost answer ${stamp}`, `part two ${stamp}`, `part three ${stamp}`];
    const done = await publishAndWait(app, user, channelId, { text: texts[0], followups: [{ text: texts[1] }, { text: texts[2] }] });
    expect(done.status, JSON.stringify(done.deliveries[0])).toBe('published');
    for (const t of texts) expect(postsWithText(t)).toHaveLength(1);
    expect(postsWithText(texts[2])[0].replyToId).toBe(postsWithText(texts[1])[0].id);
    expect(done.deliveries[0].attempts.map((a: any) => a.outcome)).toEqual(['unknown', 'published']);
  });

  it('reads a recorded container’s status before publishing a part again', async () => {
    await connect();
    const ctx = await channelContext(app, channelId);
    const content = { parts: [{ text: 'Recorded container', media: [] }], options: {}, meta: { postId: 'p', deliveryId: 'd', dueAt: new Date().toISOString() } };
    const res = await fetch(`${th.g.url}/v1.0/${userId}/threads`, { method: 'POST', headers: { authorization: `Bearer ${(ctx.credentials as any).accessToken}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ media_type: 'TEXT', text: 'Recorded container' }) });
    const containerId = (await res.json()).id;
    const pending = [{ externalId: containerId, ref: { stage: 'container', containerId } }];
    expect(await threadsProvider.reconcile({ ...ctx, previousParts: [...pending] }, content)).toEqual({ status: 'not_found' });
    const before = th.g.callsTo('POST', `/v1.0/${userId}/threads`).length;
    const first = await threadsProvider.publish({ ...ctx, previousParts: [...pending] }, content);
    expect(th.g.callsTo('POST', `/v1.0/${userId}/threads`).length).toBe(before);
    const again = await threadsProvider.publish({ ...ctx, previousParts: [...pending] }, content);
    expect(again.externalId).toBe(first.externalId);
    expect(postsWithText('Recorded container')).toHaveLength(1);
  });

  it('reads replies and mentions; replies and hides', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'Ask me' });
    const postId = done.deliveries[0].externalId;
    const r1 = addReaderReply(th, postId, 'Decaf?');
    addReaderReply(th, r1, 'Yes please', 'per');
    th.state.mentions.set(userId, [{ id: '55501', userId: null, username: 'liv', mediaType: 'TEXT_POST', text: '@vardecoffee best beans', timestamp: new Date().toISOString(), permalink: 'https://www.threads.com/@liv/post/x', rootId: '55501', hidden: false, insights: {} }]);
    const ctx = await channelContext(app, channelId);
    const page = await threadsProvider.listInbox(ctx, { recentPosts: [{ externalId: postId, parts: [] }] });
    expect(page.items.map((i) => [i.kind, i.text])).toEqual(expect.arrayContaining([['reply', 'Decaf?'], ['reply', 'Yes please'], ['mention', '@vardecoffee best beans']]));
    const item = page.items.find((i) => i.externalId === r1)!;
    const reply = await threadsProvider.replyTo(ctx, item, { text: 'Coming next week!', media: [] });
    expect(th.state.posts.get(reply.externalId)).toMatchObject({ replyToId: r1, text: 'Coming next week!', rootId: postId });
    await threadsProvider.hideItem(ctx, item, true);
    expect(th.state.posts.get(r1)!.hidden).toBe(true);
    expect('likeItem' in threadsProvider).toBe(false);
  });

  it('verifies webhooks and reads replies from them', () => {
    const tapp = app.varde.ctx.providers.appFor('threads');
    expect(threadsProvider.webhooks.handshake(webhookRequest('', {}, 'GET', { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '42' }), tapp)).toMatchObject({ status: 200, body: '42' });
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ app_id: '3234567890', topic: 'moderate', target_id: userId, time: now, subscription_id: '1', has_uid_field: false, values: { value: { id: '8901234', username: 'ada', text: 'Reply!', media_type: 'TEXT_POST', permalink: 'https://www.threads.com/@ada/post/Pp', replied_to: { id: '567890' }, root_post: { id: '123456', owner_id: userId, username: 'vardecoffee' }, shortcode: 'Pp', timestamp: '2026-11-24T10:33:16+0000' }, field: 'replies' } });
    expect(threadsProvider.webhooks.verify(webhookRequest(body, th.g.signWebhook(body)), tapp)).toEqual({ ok: true });
    expect(threadsProvider.webhooks.verify(webhookRequest(body, { 'x-hub-signature-256': signMetaBody(body, 'wrong') }), tapp).ok).toBe(false);
    expect(threadsProvider.webhooks.verify(webhookRequest(body, {}), tapp).ok).toBe(false);
    const stale = body.replace(`"time":${now}`, `"time":${now - 5 * 86400}`);
    expect(threadsProvider.webhooks.verify(webhookRequest(stale, { 'x-hub-signature-256': signMetaBody(stale, TH_APP_SECRET) }), tapp)).toMatchObject({ ok: false, reason: expect.stringMatching(/stale/) });
    const [group] = threadsProvider.webhooks.parse(webhookRequest(body, {}), tapp);
    expect(group).toMatchObject({ accountId: userId, items: [{ kind: 'reply', externalId: '8901234', text: 'Reply!', parentExternalId: '567890', postExternalId: '123456' }] });
  });

  it('fetches views, likes, replies, reposts, quotes and shares, and followers', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'Measure me' });
    const post = th.state.posts.get(done.deliveries[0].externalId)!;
    post.insights = { views: 1500, likes: 80, replies: 9, reposts: 4, quotes: 2, shares: 3 };
    const ctx = await channelContext(app, channelId);
    const [m] = await threadsProvider.fetchPostMetrics(ctx, [{ externalId: post.id, parts: [] }]);
    expect(m.metrics).toEqual({ impressions: 1500, likes: 80, comments: 9, shares: 9, saves: null, clicks: null });
    expect(m.raw).toMatchObject({ reposts: 4, quotes: 2, shares: 3 });
    expect(await threadsProvider.fetchAccountMetrics(ctx)).toEqual({ followers: 870, raw: { followers_count: 870 } });
  });
});
