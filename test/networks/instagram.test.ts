/**
 * Instagram through Varde against the Graph emulator: Facebook Login listing the Instagram
 * accounts linked to the person's Pages, containers filled by a real download of Varde's signed
 * media URLs (image, Reel, carousel, Story), first comments, content refused before any call, a
 * failed container, token renewal, the 24-hour publishing limit waited out, a lost media_publish
 * answer reconciled through the container's status_code, read-back, webhooks and metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instagramProvider } from '../../src/providers/instagram/instagram.provider.js';
import { signMetaBody } from '../../src/providers/meta/webhooks.js';
import { createTestApp, freePort, uploadPng, type TestApp, type TestUser } from '../support/app.js';
import { connectAndPick, connectThroughOAuth } from '../support/oauth-dance.js';
import { startInstagramEmulator, IG_APP_SECRET, type InstagramEmulator } from '../emulators/instagram/index.js';
import { addFollowerComment } from '../emulators/instagram/engagement.js';
import { makeJpeg, uploadBytes, uploadJpeg, uploadMp4 } from '../emulators/meta/fixtures.js';
import { channelContext, fastForwardRateLimit, fetchSignedMedia, listenOn, publishAndWait, settle, throttledDelivery, webhookRequest } from '../emulators/meta/varde-helpers.js';
import { createPostNow } from '../support/publish.js';

describe('Instagram', () => {
  let ig: InstagramEmulator;
  let app: TestApp;
  let user: TestUser;
  let channelId: string;
  let igId: string;
  let publicUrl: string;

  beforeAll(async () => {
    const listen = listenOn(await freePort());
    publicUrl = listen.publicUrl;
    ig = await startInstagramEmulator(publicUrl);
    const made = ig.addUser('user-1', [{ name: 'Varde Coffee', instagram: { username: 'vardecoffee', name: 'Varde Coffee' } }, { name: 'No Instagram' }, { name: 'Varde Tea', instagram: { username: 'vardetea' } }]);
    igId = made.accounts[0].id;
    ig.g.authority.currentUser = 'user-1';
    app = await createTestApp({
      providers: [instagramProvider],
      config: listen.config,
      env: { ...listen.env, ...ig.env({ VARDE_INSTAGRAM_TIMEOUT_MS: '1500', VARDE_INSTAGRAM_POLL_MS: '20', VARDE_INSTAGRAM_WEBHOOK_VERIFY_TOKEN: 'verify-me' }), VARDE_RETRY_BASE_MS: '100' },
    });
    user = await app.signUp();
  });
  afterAll(async () => {
    await app?.close();
    await ig?.close();
  });

  const connect = async () => {
    channelId ??= await connectAndPick(app, user, 'instagram', [igId]);
    return channelId;
  };
  const mediaByCaption = (caption: string) => [...ig.state.media.values()].filter((m) => m.caption === caption);

  it('serves Varde’s signed media URLs, which Instagram downloads', async () => {
    const served = await fetchSignedMedia(app, await uploadJpeg(app, user));
    expect(served.contentType, 'Varde answered its own signed media URL with the web app: the token is longer than the router’s maxParamLength (Fastify’s default is 100); src/server/server.ts needs routerOptions: { maxParamLength: 300 }').toBe('image/jpeg');
  });

  it('connects through Facebook Login and offers the Instagram accounts linked to the Pages', async () => {
    const { result, authorizeUrl } = await connectThroughOAuth(app, user, 'instagram');
    expect(new URL(authorizeUrl).searchParams.get('scope')).toContain('instagram_content_publish');
    expect(result.status).toBe('awaiting_pick');
    expect(result.candidates.map((c: any) => c.handle)).toEqual(['vardecoffee', 'vardetea']);
    const picked = await app.api('POST', `${user.ws}/channels/oauth/${result.state}/pick`, { externalIds: [igId] }, user.token);
    expect(picked.body.channels[0]).toMatchObject({ network: 'instagram', externalId: igId, handle: 'vardecoffee', profileUrl: 'https://www.instagram.com/vardecoffee' });
    channelId ??= picked.body.channels[0].id;
  });

  it('publishes an image that Instagram downloads from Varde’s signed URL, with alt text and caption', async () => {
    await connect();
    const bytes = makeJpeg(1080, 1350);
    const mediaId = await uploadBytes(app, user, bytes, 'p.jpg', 'image/jpeg');
    const done = await publishAndWait(app, user, channelId, { text: 'Morning light #coffee', link: 'https://example.com/x', media: [{ mediaId, alt: 'A cup by a window' }] });
    expect(done.status, JSON.stringify(done.deliveries[0].error)).toBe('published');
    const media = ig.state.media.get(done.deliveries[0].externalId)!;
    expect(media.caption).toBe('Morning light #coffee\n\nhttps://example.com/x');
    const container = ig.state.containers.get(media.containerId)!;
    expect(container.sourceUrl!.startsWith(`${publicUrl}/media/s/`)).toBe(true);
    expect(Buffer.compare(container.bytes!, bytes)).toBe(0);
    expect(container.altText).toBe('A cup by a window');
    expect(done.deliveries[0].url).toBe(media.permalink);
  });

  it('publishes a Reel, polling the container until FINISHED', async () => {
    await connect();
    ig.videoPolls = 3;
    const video = await uploadMp4(app, user, { seconds: 6 });
    const done = await publishAndWait(app, user, channelId, { text: 'Roasting, fast', media: [{ mediaId: video }] }, { options: { shareToFeed: false } });
    expect(done.status, JSON.stringify(done.deliveries[0].error)).toBe('published');
    const media = ig.state.media.get(done.deliveries[0].externalId)!;
    expect(media).toMatchObject({ productType: 'REELS', mediaType: 'VIDEO' });
    const container = ig.state.containers.get(media.containerId)!;
    expect(container.params).toMatchObject({ media_type: 'REELS', share_to_feed: 'false' });
    expect(ig.g.callsTo('GET', `/${container.id}`).length).toBeGreaterThanOrEqual(3);
  });

  it('publishes a carousel of images and a video, then a first comment', async () => {
    await connect();
    const items = [await uploadJpeg(app, user), await uploadMp4(app, user), await uploadJpeg(app, user, 1080, 1080)];
    const done = await publishAndWait(app, user, channelId, { text: 'Three views', media: items.map((mediaId) => ({ mediaId })) }, { options: { firstComment: 'Which one is your favourite?' } });
    expect(done.status, JSON.stringify(done.deliveries[0].error)).toBe('published');
    const media = ig.state.media.get(done.deliveries[0].externalId)!;
    expect(media.mediaType).toBe('CAROUSEL_ALBUM');
    const parent = ig.state.containers.get(media.containerId)!;
    expect(parent.children!.map((id) => ig.state.containers.get(id)!.mediaType)).toEqual(['IMAGE', 'VIDEO', 'IMAGE']);
    expect(parent.children!.every((id) => ig.state.containers.get(id)!.isCarouselItem)).toBe(true);
    const comments = [...ig.state.comments.values()].filter((c) => c.mediaId === media.id);
    expect(comments.map((c) => [c.text, c.from.id])).toEqual([['Which one is your favourite?', igId]]);
  });

  it('publishes a Story', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'ignored on stories', media: [{ mediaId: await uploadJpeg(app, user) }] }, { options: { story: true } });
    expect(done.status).toBe('published');
    expect(ig.state.media.get(done.deliveries[0].externalId)).toMatchObject({ productType: 'STORY', caption: undefined });
  });

  it('refuses text-only posts, PNGs and over-long captions before any call to Instagram', async () => {
    await connect();
    const calls = ig.g.emu.writes().length;
    const textOnly = await app.api('POST', `${user.ws}/posts/check`, { text: 'Just words', targets: [{ channelId }] }, user.token);
    expect(textOnly.body.ok).toBe(false);
    const png = await app.api('POST', `${user.ws}/posts/check`, { text: 'A PNG', media: [{ mediaId: await uploadPng(app, user) }], targets: [{ channelId }] }, user.token);
    expect(png.body.ok).toBe(false);
    const long = await app.api('POST', `${user.ws}/posts/check`, { text: 'x'.repeat(2201), media: [{ mediaId: await uploadJpeg(app, user) }], targets: [{ channelId }] }, user.token);
    expect(long.body.ok).toBe(false);
    const bad = await publishAndWait(app, user, channelId, { text: 'Options', media: [{ mediaId: await uploadJpeg(app, user) }] }, { options: { board: 'x' } });
    expect(bad.status).toBe('failed');
    expect(bad.deliveries[0].error.message).toMatch(/does not know the option/);
    expect(ig.g.emu.writes().length).toBe(calls);
  });

  it('fails with Instagram’s reason when a container cannot be processed', async () => {
    await connect();
    // The container's status check only (reading the account's followers uses the same kind of path).
    ig.g.emu.fault({ method: 'GET', path: /\/v24\.0\/\d+$/, query: (q) => (q.fields ?? '').includes('status_code') }, { status: 200, json: { status_code: 'ERROR', status: 'Error: The aspect ratio is not supported. 2207009' } });
    const done = await publishAndWait(app, user, channelId, { text: 'Bad ratio', media: [{ mediaId: await uploadMp4(app, user) }] });
    expect(done.status).toBe('failed');
    expect(done.deliveries[0].error.message).toMatch(/aspect ratio/);
    expect(mediaByCaption('Bad ratio')).toHaveLength(0);
  });

  it('renews the token Instagram refuses', async () => {
    await connect();
    ig.g.expire((t) => t.kind === 'page');
    const done = await publishAndWait(app, user, channelId, { text: 'After renewal', media: [{ mediaId: await uploadJpeg(app, user) }] });
    expect(done.status, JSON.stringify(done.deliveries[0].error)).toBe('published');
  });

  it('waits when the 24-hour publishing limit is reached, making no container before', async () => {
    await connect();
    ig.quotaTotal = ig.state.published.get(igId)?.length ?? 0;
    const containersBefore = ig.g.callsTo('POST', `/${igId}/media`).length;
    const postId = await createPostNow(app, user, channelId, { text: 'Over the limit', media: [{ mediaId: await uploadJpeg(app, user) }] });
    const queued = await throttledDelivery(app, user, postId);
    expect(Date.parse(queued.nextAttemptAt) - Date.now()).toBeGreaterThan(55 * 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(ig.g.callsTo('POST', `/${igId}/media`).length).toBe(containersBefore);
    ig.quotaTotal = 50;
    await fastForwardRateLimit(app, channelId);
    const done = await settle(app, user, postId);
    expect(done.status).toBe('published');
  });

  it('reconciles a media_publish that was accepted but never answered, without a second post', async () => {
    await connect();
    ig.g.fault({ method: 'POST', path: `/${igId}/media_publish` }, { acceptThenHang: true });
    const caption = `Silent publish ${Date.now()}`;
    const done = await publishAndWait(app, user, channelId, { text: caption, media: [{ mediaId: await uploadJpeg(app, user) }] });
    expect(done.status, JSON.stringify(done.deliveries[0])).toBe('published');
    expect(mediaByCaption(caption)).toHaveLength(1);
    expect(done.deliveries[0].externalId).toBe(mediaByCaption(caption)[0].id);
    expect(done.deliveries[0].attempts.map((a: any) => a.outcome)).toEqual(['unknown', 'reconciled']);
  });

  it('reads a recorded container’s status_code before publishing again', async () => {
    await connect();
    const ctx = await channelContext(app, channelId);
    const item = { id: 'm', mime: 'image/jpeg', kind: 'image' as const, size: 1, sha256: 'x', read: async () => new Uint8Array() };
    const content = (text: string) => ({ parts: [{ text, media: [item] }], options: {}, meta: { postId: 'p', deliveryId: 'd', dueAt: new Date().toISOString() } });
    // A container made directly, as an earlier attempt would have, and recorded before its publish.
    const make = async (text: string) => {
      const imageUrl = ctx.mediaUrl({ ...item, id: await uploadJpeg(app, user) });
      const res = await fetch(`${ig.g.base}/${igId}/media`, { method: 'POST', headers: { authorization: `Bearer ${(ctx.credentials as any).pageToken}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ image_url: imageUrl, caption: text }) });
      return (await res.json()).id as string;
    };
    // FINISHED: not out yet; publishing reuses the very container.
    const finished = await make('Recorded, finished');
    const pending = [{ externalId: finished, ref: { stage: 'container', containerId: finished } }];
    expect(await instagramProvider.reconcile({ ...ctx, previousParts: [...pending] }, content('Recorded, finished'))).toEqual({ status: 'not_found' });
    const before = ig.g.callsTo('POST', `/${igId}/media`).length;
    const result = await instagramProvider.publish({ ...ctx, previousParts: [...pending] }, content('Recorded, finished'));
    expect(ig.g.callsTo('POST', `/${igId}/media`).length).toBe(before);
    expect(ig.state.media.get(result.externalId)!.containerId).toBe(finished);
    // PUBLISHED: it went out; found, never published again.
    const found = await instagramProvider.reconcile({ ...ctx, previousParts: [...pending], onPartPublished: async () => {} }, content('Recorded, finished'));
    expect(found).toMatchObject({ status: 'published', result: { externalId: result.externalId } });
    const again = await instagramProvider.publish({ ...ctx, previousParts: [...pending] }, content('Recorded, finished'));
    expect(again.externalId).toBe(result.externalId);
    expect(mediaByCaption('Recorded, finished')).toHaveLength(1);
  });

  it('reads comments, replies and tags; replies, hides and deletes', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'Questions?', media: [{ mediaId: await uploadJpeg(app, user) }] });
    const mediaId = done.deliveries[0].externalId;
    const c1 = addFollowerComment(ig, mediaId, 'Open on Sundays?');
    addFollowerComment(ig, mediaId, 'Also wondering', { parentId: c1, username: 'per' });
    ig.state.tags.set(igId, [{ id: '990011', caption: 'Best latte @vardecoffee', username: 'liv', timestamp: new Date().toISOString() }]);
    const ctx = await channelContext(app, channelId);
    const page = await instagramProvider.listInbox(ctx, { recentPosts: [{ externalId: mediaId, parts: [] }] });
    expect(page.items.map((i) => [i.kind, i.text])).toEqual(expect.arrayContaining([['comment', 'Open on Sundays?'], ['reply', 'Also wondering'], ['mention', 'Best latte @vardecoffee']]));
    const comment = page.items.find((i) => i.externalId === c1)!;
    const reply = await instagramProvider.replyTo(ctx, comment, { text: 'Yes, 10–16!', media: [] });
    expect(ig.state.comments.get(reply.externalId)).toMatchObject({ parentId: c1, text: 'Yes, 10–16!' });
    const mention = page.items.find((i) => i.kind === 'mention')!;
    const thanks = await instagramProvider.replyTo(ctx, mention, { text: 'Thank you!', media: [] });
    expect(ig.state.comments.get(thanks.externalId)).toMatchObject({ mediaId: '990011', text: 'Thank you!' });
    await instagramProvider.hideItem(ctx, comment, true);
    expect(ig.state.comments.get(c1)!.hidden).toBe(true);
    await instagramProvider.deleteItem(ctx, comment);
    expect(ig.state.comments.has(c1)).toBe(false);
    expect('likeItem' in instagramProvider).toBe(false);
  });

  it('verifies webhooks and reads comments and mentions from them', () => {
    const iapp = app.varde.ctx.providers.appFor('instagram');
    expect(instagramProvider.webhooks.handshake(webhookRequest('', {}, 'GET', { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': 'abc' }), iapp)).toMatchObject({ status: 200, body: 'abc' });
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ object: 'instagram', entry: [{ id: igId, time: now, changes: [{ field: 'comments', value: { id: '17865799348089039', text: 'Love it', from: { id: '232323', username: 'ada' }, media: { id: '123123', media_product_type: 'FEED' } } }, { field: 'mentions', value: { media_id: '17918195224117851', comment_id: '17894227972186120' } }] }] });
    expect(instagramProvider.webhooks.verify(webhookRequest(body, ig.g.signWebhook(body)), iapp)).toEqual({ ok: true });
    expect(instagramProvider.webhooks.verify(webhookRequest(body, { 'x-hub-signature-256': signMetaBody(body, 'nope') }), iapp).ok).toBe(false);
    expect(instagramProvider.webhooks.verify(webhookRequest(body, { 'x-hub-signature': 'sha1=abc' }), iapp)).toMatchObject({ ok: false, reason: expect.stringMatching(/unsigned/) });
    const stale = body.replaceAll(String(now), String(now - 4 * 86400));
    expect(instagramProvider.webhooks.verify(webhookRequest(stale, { 'x-hub-signature-256': signMetaBody(stale, IG_APP_SECRET) }), iapp)).toMatchObject({ ok: false, reason: expect.stringMatching(/stale/) });
    const [group] = instagramProvider.webhooks.parse(webhookRequest(body, {}), iapp);
    expect(group.accountId).toBe(igId);
    expect(group.items.map((i) => [i.kind, i.externalId, i.text])).toEqual([['comment', '17865799348089039', 'Love it'], ['mention', '17918195224117851', '']]);
  });

  it('fetches views, reach and engagement, leaving missing data null, and followers', async () => {
    await connect();
    const done = await publishAndWait(app, user, channelId, { text: 'Measure', media: [{ mediaId: await uploadJpeg(app, user) }] });
    const media = ig.state.media.get(done.deliveries[0].externalId)!;
    media.insights = { views: 4100, reach: 3000, likes: 210, comments: 14, saved: 30 };
    const ctx = await channelContext(app, channelId);
    const [m] = await instagramProvider.fetchPostMetrics(ctx, [{ externalId: media.id, parts: [] }]);
    expect(m.metrics).toEqual({ impressions: 4100, likes: 210, comments: 14, shares: null, saves: 30, clicks: null });
    expect(m.raw).toMatchObject({ reach: 3000, saved: 30 });
    expect(await instagramProvider.fetchAccountMetrics(ctx)).toMatchObject({ followers: 3400 });
  });
});
